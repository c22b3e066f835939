"""Template helpers of the knowledge base."""

from urllib.parse import urlencode

from django import template

from ..models import KnowledgeBaseSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def participation_levels_url(context):
    """URL of the page explaining the participation scale, in the active language (cached
    per request: every level display on a page links to it)."""
    request = context.get("request")
    if request is None:
        return ""
    if not hasattr(request, "_participation_levels_url"):
        url = ""
        page = KnowledgeBaseSettings.for_request(request).participation_levels_page
        if page is not None:
            localized = page.localized
            url = localized.get_url(request) if localized.live else ""
        request._participation_levels_url = url
    return request._participation_levels_url


@register.simple_tag
def filter_url(index_url, key, value):
    """The case index filtered by one value (fact box links)."""
    return f"{index_url}?{urlencode({key: value})}"


@register.filter
def euro(value):
    """Format an amount in euros: 5000 -> "5.000 €" in German, "€5,000" in English."""
    from django.contrib.humanize.templatetags.humanize import intcomma
    from django.utils.translation import get_language

    if value is None or value == "":
        return ""
    amount = intcomma(int(value), use_l10n=True)
    return f"{amount} €" if get_language() == "de" else f"€{amount}"
