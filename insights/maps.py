"""The district map: how many cases each district has under the current filters, the
colour class for that number and the link to the listing that shows exactly those cases."""

import unicodedata
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from cases.derived import cached
from cases.filters import CaseFilters

from .geo import geometry, project

# Sequential blues (light to dark) with the text colour that keeps 4.5:1 on each.
PALETTE = [
    ("#f2f7fc", "#1a1a1a"),
    ("#c6dbef", "#1a1a1a"),
    ("#8fbbdc", "#1a1a1a"),
    ("#3f82be", "#ffffff"),
    ("#1c4f86", "#ffffff"),
]


@dataclass
class District:
    slug: str
    name: str
    count: int
    url: str
    path: str
    label_x: float
    label_y: float
    fill: str
    text: str


def colour_classes(maximum):
    """Bounds of the classes: 0, then up to four equal steps up to the maximum."""
    if maximum <= 0:
        return [(0, 0)]
    steps = min(4, maximum)
    bounds, low = [(0, 0)], 1
    for i in range(1, steps + 1):
        high = round(maximum * i / steps)
        bounds.append((low, high))
        low = high + 1
    return bounds


def class_index(count, bounds):
    for i, (low, high) in enumerate(bounds):
        if low <= count <= high:
            return i
    return len(bounds) - 1


def without_region(filters):
    """The same filters minus the region: the map shows every district, each linking to
    its own list under the other filters."""
    params = filters.params.copy()
    params.pop("region", None)
    return CaseFilters(filters.index_page, params, filters.cases)


def counts_by_region(filters):
    """{region id: number of cases} under `filters`, as the listing counts them."""

    def build():
        listed = filters.apply(filters.cases).order_by()
        return dict(listed.values_list("region_id").annotate(n=Count("pk")))

    return cached("map-counts", filters.cache_key(), build)


def points(filters):
    """Cases with coordinates under the current filters (all of them, region included)."""

    def build():
        listed = filters.apply(filters.cases).order_by()
        rows = (
            listed.exclude(latitude=None)
            .exclude(longitude=None)
            .values_list("latitude", "longitude")
        )
        return [xy for xy in (project(lat, lon) for lat, lon in rows) if xy]

    return cached("map-points", [*filters.cache_key(), "points"], build)


def district_map(filters, index_url):
    base = without_region(filters)
    counts = counts_by_region(base)
    labels = filters.region_labels()
    slug_to_pk = {slug: pk for slug, _label, pk in filters._regions}
    bounds = colour_classes(max(counts.values(), default=0))
    districts = []
    for shape in geometry()["districts"]:
        pk = slug_to_pk[shape["slug"]]
        count = counts.get(pk, 0)
        fill, text = PALETTE[class_index(count, bounds)]
        query = base.querystring(region=shape["slug"])
        districts.append(
            District(
                slug=shape["slug"],
                name=labels[pk],
                count=count,
                url=f"{index_url}?{query}",
                path=shape["path"],
                label_x=shape["label"][0],
                label_y=shape["label"][1],
                fill=fill,
                text=text,
            )
        )
    districts.sort(key=lambda d: unicodedata.normalize("NFKD", d.name))
    legend = [
        {
            "fill": PALETTE[i][0],
            "label": str(_("no case"))
            if high == 0
            else (f"{low}" if low == high else f"{low}–{high}"),
        }
        for i, (low, high) in enumerate(bounds)
    ]
    return {
        "districts": districts,
        "legend": legend,
        "points": points(filters),
        "width": geometry()["width"],
        "height": geometry()["height"],
        "total": sum(d.count for d in districts),
    }


def locator(case):
    """The small map on a case page: its district highlighted, its point if known."""
    region_slug = case.region.slug if case.region_id else None
    return {
        "districts": [
            {"path": d["path"], "own": d["slug"] == region_slug} for d in geometry()["districts"]
        ],
        "point": project(case.latitude, case.longitude),
        "width": geometry()["width"],
        "height": geometry()["height"],
    }
