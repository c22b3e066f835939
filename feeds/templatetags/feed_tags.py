"""Feed autodiscovery links for <head> and the webcal:// address of the event calendar."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

register = template.Library()

FEED_TITLES = {
    "feed_news": _("News (Atom)"),
    "feed_cases": _("New cases (Atom)"),
    "feed_events": _("Events (Atom)"),
    "feed_funding": _("Funding calls (Atom)"),
}


@register.inclusion_tag("feeds/autodiscovery.html")
def feed_links():
    return {"feeds": [(reverse(name), title) for name, title in FEED_TITLES.items()]}


def webcal_url(request, path):
    """`webcal://` for `path`: calendar apps subscribe to it (and refresh it) instead of
    importing a one-off download. The host is the public one (SITE_URL when set)."""
    if path.startswith(("http://", "https://")):
        return "webcal://" + path.split("://", 1)[1]
    base = getattr(settings, "SITE_URL", "") or request.build_absolute_uri("/")
    host = base.split("://", 1)[-1].rstrip("/")
    return f"webcal://{host}{path}"


@register.simple_tag(takes_context=True)
def calendar_subscription_url(context, event_index_page):
    """{% calendar_subscription_url page %} on the event index: the calendar feed as webcal://."""
    request = context["request"]
    url = event_index_page.get_url(request) + event_index_page.reverse_subpage("feed")
    return webcal_url(request, url)
