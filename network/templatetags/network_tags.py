"""Network parts shown on other apps' pages: "Wer hat damit Erfahrung?" on method pages and
"Nachricht senden" on case pages, included by those templates as one line each.

Both are plain data cached per page-cache generation (home.caching): publishing a page or
saving a member (a snippet) bumps it, so a cached method or case page costs no extra query."""

import re

from django import template
from django.urls import reverse

from cases.models import Region
from home.caching import cached_per_generation

from ..directory import experience_with
from ..models.pages import MemberDirectoryPage
from ..views import case_recipient

register = template.Library()
SLUG = re.compile(r"[a-z0-9-]{1,100}")


def _experience(method, slug):
    # Anything but a plain slug (NUL bytes, overlong values) cannot name a region.
    region = Region.objects.filter(slug=slug).first() if SLUG.fullmatch(slug) else None
    members, cases = experience_with(method, region)
    directory = MemberDirectoryPage.objects.live().filter(locale_id=method.locale_id).first()
    directory_url = directory.url if directory else ""
    return {
        "region_slug": region.slug if region else "",
        "regions": [(r.slug, str(r)) for r in Region.objects.all()],
        "members": [
            {
                "name": m.public_name(),
                "url": f"{directory_url}{m.slug}/" if directory_url else "",
                "region": str(m.region) if m.region else "",
                "open_to_exchange": m.open_to_exchange,
            }
            for m in members
        ],
        "cases": [{"title": c.title, "url": c.url, "region": str(c.region)} for c in cases],
        "directory_url": directory_url,
    }


@register.inclusion_tag("network/includes/method_experience.html", takes_context=True)
def method_experience(context, method):
    request = context.get("request")
    slug = request.GET.get("region", "") if request is not None else ""
    slug = slug if SLUG.fullmatch(slug) else ""
    data = cached_per_generation(
        "network:experience", [method.pk, slug], lambda: _experience(method, slug)
    )
    return {**data, "method": method, "request": request}


@register.inclusion_tag("network/includes/case_contact.html")
def case_contact(case):
    """The contact of a case without its address: a name, a phone and the relay form link."""
    has_recipient = cached_per_generation(
        "network:case-recipient", [case.pk], lambda: bool(case_recipient(case))
    )
    return {
        "case": case,
        "message_url": reverse("network_case_message", args=[case.pk]) if has_recipient else "",
    }
