"""Atom feeds per language (news, new cases, upcoming events, funding calls), built with
Django's syndication framework.

Each feed lists the live, public pages of the active language, newest first. Links are the
pages' full URLs (the Site record), so readers get absolute links whatever host they used.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from cases.models import CaseIndexPage, CasePage, FundingIndexPage, FundingProgrammePage
from events.models import EventIndexPage, EventPage
from home.models import NewsIndexPage, NewsPage
from home.site_url import absolute_url
from home.untranslated import without_untranslated_aliases

from .caching import CachedFeedMixin

ITEMS = 20


def _midnight(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time()))


class PageFeed(CachedFeedMixin, Feed):
    """A feed of one page type's live, public pages in the active language."""

    feed_type = Atom1Feed
    page_model = Page
    index_model = Page
    order = ("-first_published_at", "-pk")
    title_text = ""
    subtitle_text = ""

    def get_object(self, request, *args, **kwargs):
        # Runs on a per-request copy (feeds/caching.py): the item hooks read these.
        self.request = request
        locale = Locale.get_active()
        index = self.index_model.objects.live().public().filter(locale=locale).first()
        self.index_url = index.get_full_url(request) if index else f"/{locale.language_code}/"
        return locale

    def title(self, locale):
        return "%s – %s" % (self.title_text, _("Civic Participation Network Saxony"))

    def subtitle(self, locale):
        return self.subtitle_text

    def link(self, locale):
        return self.index_url

    def feed_guid(self, locale):
        return self.link(locale)

    def feed_url(self, locale):
        # The feed's own (rel="self") address on the public base URL, not the request's host.
        return absolute_url(self.request.path)

    def author_name(self):
        return str(_("Civic Participation Network Saxony"))

    def queryset(self, locale):
        # Untranslated aliases are German text: not an English feed entry (issue 13).
        return (
            without_untranslated_aliases(self.page_model.objects.live().public())
            .filter(locale=locale)
            .defer_streamfields()
            .order_by(*self.order)
        )

    def items(self, locale):
        return list(self.queryset(locale)[:ITEMS])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser or ""

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        # Stable across edits and title changes; every translation has its own entry.
        domain = getattr(settings, "EVENTS_UID_DOMAIN", "netzwerk-buergerbeteiligung.sachsen.de")
        return f"tag:{domain},2024:{translation.get_language()}:{item.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at


class NewsFeed(PageFeed):
    cache_name = "news"
    page_model = NewsPage
    index_model = NewsIndexPage
    order = ("-date", "-pk")
    title_text = _("News")
    subtitle_text = _("News from the civic participation network")

    def item_pubdate(self, item):
        return _midnight(item.date)


class CaseFeed(PageFeed):
    cache_name = "cases"
    page_model = CasePage
    index_model = CaseIndexPage
    title_text = _("New cases")
    subtitle_text = _("Participation procedures in Saxony, newest first")

    def queryset(self, locale):
        return super().queryset(locale).select_related("region")

    def item_description(self, item):
        where = ", ".join(
            p for p in (item.municipality, item.region.name if item.region else "") if p
        )
        return " – ".join(p for p in (where, item.teaser or item.subject) if p)


class EventFeed(PageFeed):
    cache_name = "events"
    page_model = EventPage
    index_model = EventIndexPage
    order = ("start", "pk")
    title_text = _("Events")
    subtitle_text = _("Upcoming events of the civic participation network")

    def queryset(self, locale):
        return super().queryset(locale).filter(end__gte=timezone.now())

    def item_description(self, item):
        return " – ".join(p for p in (item.date_display, item.teaser or item.intro) if p)


class FundingFeed(PageFeed):
    cache_name = "funding"
    page_model = FundingProgrammePage
    index_model = FundingIndexPage
    title_text = _("Funding calls")
    subtitle_text = _("Funding programmes for civic participation")

    def item_description(self, item):
        parts = [item.funder, item.teaser]
        if item.rolling:
            parts.append(str(_("Applications accepted at any time")))
        elif item.deadline:
            parts.append(
                str(_("Application deadline: %(date)s"))
                % {"date": item.deadline.strftime("%d.%m.%Y")}
            )
        return " – ".join(p for p in parts if p)


FEEDS = {"news": NewsFeed(), "cases": CaseFeed(), "events": EventFeed(), "funding": FundingFeed()}
