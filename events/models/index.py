"""The event index: upcoming events first, then the archive by year, with filters and the
calendar feed."""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Value, When
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.search import index

from cases.choices import Format
from cases.derived import Counted
from home.caching import SITE, depends_on
from home.models import BasePage, paginate
from home.params import legacy_redirect, vocabulary
from home.routing import LocalizedRoutablePageMixin
from home.untranslated import without_untranslated_aliases

from .. import registration as service
from ..formatting import EVENT_TZ, local
from ..ical import cached_feed, calendar_response
from ..listing import cached_until, count_events
from ..status import cancelled_keys
from .choices import EventType
from .event import EventPage
from .registration import REGISTRATIONS

PER_PAGE = 10
# What an event teaser in the index shows (plus what Wagtail needs for a page instance).
TEASER_FIELDS = (
    "title",
    "slug",
    "teaser",
    "event_type",
    "format",
    "start",
    "end",
    "all_day",
    "is_cancelled",
    "venue_name",
    "registration_mode",
    "registration_deadline",
    "capacity",
    "translation_key",
    "locale_id",
)


class EventParams(vocabulary("year", "page", type=EventType.choices, format=Format.choices)):
    """The listing's parameters (home/params.py); the year's options are the archive years
    the type and format leave, set once those are read."""


class EventIndexPage(LocalizedRoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    # GET parameters the shared page cache may key on (see home/caching).
    cache_query_params = frozenset(EventParams.base_fields)

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        return (
            without_untranslated_aliases(EventPage.objects.child_of(self).live().public())
            .defer_streamfields()  # listings and the feed show no body/agenda
            .select_related("locale", "listing_image")
        )

    def upcoming_events(self):
        return self.events().filter(end__gte=timezone.now()).order_by("start", "pk")

    def serve(self, request, *args, **kwargs):
        return legacy_redirect(request) or super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.events()
        form = EventParams(request.GET)
        event_type, event_format = form.value("type"), form.value("format")
        if event_type:
            events = events.filter(event_type=event_type)
        if event_format:
            events = events.filter(format=event_format)

        past = events.filter(end__lt=now)
        # Archive years and the paginator's count in one query, cached until the next
        # upcoming event ends (events/listing.py).
        key = [self.pk, event_type, event_format]
        counts = cached_until("counts", key, now, lambda: count_events(events, now))
        years, total = counts["years"], counts["total"]
        form.fields["year"].choices = [(str(y), str(y)) for y, _count in years]
        year = int(form.value("year")) if form.value("year") else None
        if year:
            start_of_year = datetime.datetime(year, 1, 1, tzinfo=EVENT_TZ)
            events = past.filter(
                start__gte=start_of_year, start__lt=start_of_year.replace(year=year + 1)
            )
            total = dict(years)[year]
        selected = {"type": event_type, "format": event_format, "year": year}

        # Upcoming events first, soonest first; then past events, latest first.
        events = events.order_by(
            Case(When(end__lt=now, then=Value(1)), default=Value(0)).asc(),
            Case(When(end__gte=now, then=F("start"))).asc(),
            F("start").desc(),
            "pk",
        )
        ids = Counted(events.values_list("pk", flat=True), total)
        page_obj = paginate(request, ids, PER_PAGE, number=form.value("page") or 1)
        # The teasers of this page as plain data, cached like the counts: planning the
        # sorted query and building page instances cost more than the rest of the view.
        # Labels and dates are translated, URLs depend on the site: both are in the key.
        index_url = self.get_url(request)
        language = translation.get_language()
        # Teasers show the places left: a registration anywhere makes them stale, nothing else.
        depends_on(request, REGISTRATIONS)
        page_obj.object_list = cached_until(
            "teasers",
            [*key, year, page_obj.number, index_url, language],
            now,
            lambda: {
                "rows": teaser_rows(list(page_obj.object_list), index_url),
                "until": counts["until"],
            },
            scopes=(SITE, REGISTRATIONS),
        )["rows"]
        context.update(
            events_page=page_obj,
            event_groups=group_events(page_obj.object_list, now, year),
            archive_years=years,
            selected=selected,
            ignored=form.ignored,
            type_choices=EventType.choices,
            format_choices=Format.choices,
            filter_querystring=urlencode({k: v for k, v in selected.items() if v}),
            feed_url=self.url + self.reverse_subpage("feed"),
            index_url=index_url,  # the page's own URL, looked up once
        )
        return context

    @path(_("calendar/"), name="feed")
    def feed(self, request):
        limit = getattr(settings, "EVENTS_FEED_LIMIT", 1000)
        body, changed = cached_feed(request, self, lambda: self.upcoming_events()[:limit])
        return calendar_response(body, "calendar.ics", inline=True, last_modified=changed)


def teaser_rows(ids, index_url):
    """What an event teaser in the index shows, as plain data in the order of `ids`."""
    events = EventPage.objects.only(*TEASER_FIELDS, "translation_key").in_bulk(ids)
    cancelled = cancelled_keys(events.values())
    counted = [e for e in events.values() if e.capacity is not None and e.registration_open]
    confirmed = service.confirmed_per_event(counted)
    return [
        {
            "title": event.title,
            # A child page's URL is its parent's plus its slug: no site lookup per teaser.
            "url": f"{index_url}{event.slug}/",
            "start": event.start,
            "end": event.end,
            "date_display": event.date_display,
            "type_label": str(event.get_event_type_display()),
            "format_label": str(event.get_format_display()),
            "is_cancelled": event.translation_key in cancelled,
            "venue_name": event.venue_name,
            "teaser": event.teaser,
            "places_left": (
                max(event.capacity - confirmed.get(event.translation_key, 0), 0)
                if event in counted and event.takes_registrations
                else None
            ),
        }
        for event in (events[pk] for pk in ids if pk in events)
    ]


def group_events(events, now, archive_year=None):
    """Split a page of event teasers into 'upcoming' and per-year archive groups."""
    groups = []
    for event in events:
        past = event["end"] < now
        key = ("past", local(event["start"]).year) if past else ("upcoming", None)
        if not groups or groups[-1]["key"] != key:
            # Past events sit under a year heading (h3) unless the archive shows one year.
            hlevel = 4 if past and not archive_year else 3
            groups.append(
                {"key": key, "kind": key[0], "year": key[1], "hlevel": hlevel, "events": []}
            )
        groups[-1]["events"].append(event)
    return groups
