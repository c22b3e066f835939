"""{% district_map filters index_url %} on the case index, {% case_locator page %} on a case."""

from django import template
from django.utils.translation import gettext as _

from ..geo import LICENCE_URL, SOURCE_CREDIT
from ..maps import district_map as build_district_map
from ..maps import locator

register = template.Library()


@register.inclusion_tag("insights/district_map.html")
def district_map(filters, index_url):
    return {
        "map": build_district_map(filters, index_url),
        "credit": SOURCE_CREDIT,
        "licence_url": LICENCE_URL,
    }


@register.inclusion_tag("insights/case_locator.html")
def case_locator(case):
    if case.region_id:
        label = _("Location in Saxony: %(region)s") % {"region": case.region}
    else:
        label = _("Location in Saxony: unknown")
    return {"map": locator(case), "label": label}
