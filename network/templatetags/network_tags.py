"""Network parts shown on other apps' pages: "Wer hat damit Erfahrung?" on method pages and
"Nachricht senden" on case pages. Included by those templates as one line each."""

import re

from django import template
from django.urls import reverse

from cases.models import Region

from ..directory import experience_with
from ..models import MemberDirectoryPage
from ..views import case_recipient

register = template.Library()
SLUG = re.compile(r"[a-z0-9-]{1,100}")


def _directory_url(locale_id):
    directory = MemberDirectoryPage.objects.live().filter(locale_id=locale_id).first()
    return directory.url if directory else ""


@register.inclusion_tag("network/includes/method_experience.html", takes_context=True)
def method_experience(context, method):
    request = context.get("request")
    slug = request.GET.get("region", "") if request is not None else ""
    # Anything but a plain slug (NUL bytes, overlong values) cannot name a region.
    region = Region.objects.filter(slug=slug).first() if SLUG.fullmatch(slug) else None
    members, cases = experience_with(method, region)
    return {
        "method": method,
        "members": members,
        "cases": cases,
        "region": region,
        "regions": Region.objects.all(),
        "directory_url": _directory_url(method.locale_id),
        "request": request,
    }


@register.inclusion_tag("network/includes/case_contact.html")
def case_contact(case):
    """The contact of a case without its address: a name, a phone and the relay form link."""
    has_recipient = bool(case.contact_email) or bool(case.organisation_id and case_recipient(case))
    return {
        "case": case,
        "message_url": reverse("network_case_message", args=[case.pk]) if has_recipient else "",
    }
