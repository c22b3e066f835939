"""Template helpers of the knowledge base."""

from urllib.parse import urlencode

from django import template
from django.utils.translation import get_language
from wagtail.models import Site

from home.caching import cached_per_generation

from ..models.settings import KnowledgeBaseSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def participation_levels_url(context):
    """URL of the page explaining the participation scale, in the active language (cached
    per request, and per site + language + page-cache generation: it costs three queries
    and only changes with a publish or a settings change, which bump the generation)."""
    request = context.get("request")
    if request is None:
        return ""
    if not hasattr(request, "_participation_levels_url"):
        site = Site.find_for_request(request)
        request._participation_levels_url = cached_per_generation(
            "kb:levels_url",
            [site.pk if site else 0, request.get_host(), get_language()],
            lambda: _levels_url(request),
        )
    return request._participation_levels_url


def _levels_url(request):
    page = KnowledgeBaseSettings.for_request(request).participation_levels_page
    if page is None:
        return ""
    localized = page.localized
    return localized.get_url(request) if localized.live else ""


@register.simple_tag
def filter_url(index_url, key, value):
    """The case index filtered by one value (fact box links)."""
    return f"{index_url}?{urlencode({key: value})}"


@register.filter
def euro(value):
    """Format an amount in euros: 5000 -> "5.000 €" in German, "€5,000" in English."""
    from django.contrib.humanize.templatetags.humanize import intcomma

    if value is None or value == "":
        return ""
    amount = intcomma(int(value), use_l10n=True)
    return f"{amount} €" if get_language() == "de" else f"€{amount}"


@register.simple_tag
def finder_purposes():
    """The finder's purpose options, for entries into it elsewhere (the home page)."""
    from cases.choices import Purpose

    return Purpose.choices
