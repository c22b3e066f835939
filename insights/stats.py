""" "Beteiligung in Zahlen": the filtered cases counted by year, level, topic, method, region
and whether results are published. Counts come from the same `CaseFilters.apply` as the
listing, and each row links to the listing that shows exactly those cases."""

import unicodedata
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cases.choices import ParticipationLevel
from cases.derived import cached
from cases.models import CasePage


@dataclass
class Row:
    label: str
    count: int
    url: str = ""  # the listing with exactly these cases ("" when no filter selects them)
    suppressed = False  # case numbers are public: nothing is hidden (see insights/survey.py)

    def percent(self, total):
        return round(100 * self.count / total) if total else 0


@dataclass
class Chart:
    key: str
    title: str
    rows: list
    total: int
    note: str = ""


def _sort_key(text):
    return unicodedata.normalize("NFKD", str(text)).casefold()


def _term_counts(listed, relation, term_field):
    """{translation_key: number of listed cases} for a many-to-many relation."""
    through = getattr(CasePage, relation).through
    return dict(
        through.objects.filter(casepage_id__in=listed.values("pk"))
        .values_list(f"{term_field}__translation_key")
        .annotate(n=Count("casepage_id", distinct=True))
    )


def compute(filters):
    """Plain numbers (cached per generation and filter selection like the listing)."""
    listed = filters.apply(filters.cases).order_by()
    years = dict(
        listed.annotate(year=ExtractYear("start_date")).values_list("year").annotate(n=Count("pk"))
    )
    return {
        "total": listed.count(),
        "years": years,
        "levels": dict(listed.values_list("participation_level").annotate(n=Count("pk"))),
        "regions": dict(listed.values_list("region_id").annotate(n=Count("pk"))),
        "topics": _term_counts(listed, "topics", "topic"),
        "methods": _term_counts(listed, "methods", "methodpage"),
        "with_results": listed.exclude(results="").count(),
    }


def charts(filters, index_url):
    key = [*filters.cache_key(), "stats"]
    numbers = cached("stats", key, lambda: compute(filters))
    total = numbers["total"]

    def link(facet, value):
        if facet in filters.selected:  # already narrowed to one value: the listing as is
            return f"{index_url}?{filters.querystring()}"
        return f"{index_url}?{filters.querystring(**{facet: value})}"

    years = sorted((y for y in numbers["years"] if y is not None), reverse=True)
    year_rows = [Row(str(y), numbers["years"][y], link("year", str(y))) for y in years]
    if numbers["years"].get(None):
        year_rows.append(Row(str(_("no start date")), numbers["years"][None]))

    level_rows = [
        Row(label, numbers["levels"].get(value, 0), link("level", value))
        for value, label in ParticipationLevel.choices
    ]
    labels = filters.region_labels()
    region_rows = sorted(
        (
            Row(labels[pk], numbers["regions"].get(pk, 0), link("region", slug))
            for slug, _label, pk in filters._regions
        ),
        key=lambda r: _sort_key(r.label),
    )
    topic_rows = sorted(
        (
            Row(t.name, numbers["topics"][t.translation_key], link("topic", t.slug))
            for t in filters.topics
            if numbers["topics"].get(t.translation_key)
        ),
        key=lambda r: (-r.count, _sort_key(r.label)),
    )
    method_rows = sorted(
        (
            Row(m.name, numbers["methods"][m.translation_key], link("method", m.slug))
            for m in filters.methods
            if numbers["methods"].get(m.translation_key)
        ),
        key=lambda r: (-r.count, _sort_key(r.label)),
    )
    with_results = numbers["with_results"]
    several = _("A case can have several; the numbers add up to more than the total.")
    return {
        "total": total,
        "charts": [
            Chart("year", _("Cases per year (start)"), year_rows, total),
            Chart("level", _("Cases by participation level"), level_rows, total),
            Chart("topic", _("Cases by topic"), topic_rows, total, several),
            Chart("method", _("Cases by method"), method_rows, total, several),
            Chart("region", _("Cases by region"), region_rows, total),
            Chart(
                "results",
                _("Cases with published results"),
                [
                    Row(str(_("results published")), with_results),
                    Row(str(_("no results published yet")), total - with_results),
                ],
                total,
            ),
        ],
        "language": translation.get_language(),
    }
