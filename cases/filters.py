"""Filters of the case index, shared by the HTML listing and the open-data export.

The parameters are read by `CaseParams` (home/params.py: the shared vocabulary), checked
against the known options (loaded once per request from the cache), so nothing the visitor
typed reaches the database: unknown or malformed values are ignored and reported, repeated
parameters use the first usable value.
"""

from collections import namedtuple
from dataclasses import dataclass, field
from html import escape
from urllib.parse import urlencode

from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from home.params import OptionField, split_formats, vocabulary

from .choices import Format, ParticipationLevel, Status
from .derived import cached
from .models.cases import CasePage
from .models.methods import MethodPage
from .models.taxonomies import Region, TargetGroup, Topic

SORTS = {
    "newest": (_("Newest first"), ("-first_published_at", "-pk")),
    "start": (_("Start date"), ("-start_date", "-pk")),
    "title": (_("Title"), ("title", "pk")),
}
DEFAULT_SORT = "newest"
# A taxonomy term as the listing and the export need it (plain data, so it can be cached).
Term = namedtuple("Term", "slug name translation_key")
FILTER_KEYS = ["region", "topic", "target_group", "level", "format", "status", "method", "year"]


@dataclass
class Facet:
    key: str
    options: list  # [(value, label)]
    extra: dict = field(default_factory=dict)  # value -> what the filter needs (id, key)
    label: str = ""  # the form field's
    selected: str = ""

    @property
    def selected_label(self):
        return dict(self.options).get(self.selected, "")

    def options_html(self):
        """The <option>s of the facet's select (a template loop cost ~100 iterations).
        The stdlib's escape is what Django's `escape` runs, minus its lazy-string check
        per call (format_html_join spent ~1 ms here on the ~90 options)."""
        selected = self.selected
        return mark_safe(
            "".join(
                f'<option value="{escape(str(value))}"{" selected" if value == selected else ""}>'
                f"{escape(str(label))}</option>"
                for value, label in self.options
            )
        )


class CaseParams(
    vocabulary("region", "topic", "target_group", "level", "format", "status", "year", "page")
):
    """The case listing's parameters; the options come from CaseFilters (cached terms)."""

    method = OptionField(label=_("Method"))
    sort = OptionField(label=_("Sort"), choices=[(k, label) for k, (label, _o) in SORTS.items()])
    field_order = [*FILTER_KEYS, "sort", "page"]

    def values(self, name):
        values = super().values(name)
        return split_formats(values)[1] if name == "format" else values  # csv/json: the export


class CaseFilters:
    def __init__(self, index_page, params, cases=None):
        """`cases`: the index page's published cases (`index_page.cases()`), if the caller
        already has them."""
        self.index_page = index_page
        self.params = params
        self.locale_id = index_page.locale_id
        self.cases = index_page.cases() if cases is None else cases
        # Identifies the published cases in cache keys. `index_page.cases()` is fixed by the
        # index page and the restricted sections (home/caching/privacy.py), and both only change with
        # a generation bump, which every derived key contains: the page id is as exact as the
        # queryset's SQL, without compiling it on every request (~0.7 ms).
        self.cases_key = f"cases-of:{index_page.pk}"
        self.facets = self._build_facets()
        self.form = CaseParams(params, choices={facet.key: facet.options for facet in self.facets})
        for facet in self.facets:
            facet.label = self.form.fields[facet.key].label
            facet.selected = self.form.value(facet.key)
        self.sort = self.form.value("sort") or DEFAULT_SORT
        self.ignored = self.form.ignored  # (label, value, reason) the page reports

    # Options -------------------------------------------------------------
    def _terms(self):
        """Regions, topics, target groups and methods of this language: four queries,
        cached until the next publish or snippet change (home/caching)."""

        def build():
            methods = (
                MethodPage.objects.live()
                .filter(locale_id=self.locale_id)
                .order_by("title")
                .values_list("slug", "title", "translation_key")
            )
            return {
                "regions": [
                    (r.slug, str(r), r.pk) for r in Region.objects.order_by("name", "kind")
                ],
                "topics": [
                    Term(*t)
                    for t in Topic.objects.filter(locale_id=self.locale_id)
                    .order_by("name")
                    .values_list("slug", "name", "translation_key")
                ],
                "target_groups": [
                    Term(*t)
                    for t in TargetGroup.objects.filter(locale_id=self.locale_id)
                    .order_by("name")
                    .values_list("slug", "name", "translation_key")
                ],
                "methods": [Term(*m) for m in methods],
            }

        # Region labels contain a translated kind: the language is part of the key.
        return cached("terms", [self.locale_id, translation.get_language()], build)

    def _years(self):
        def build():
            return [d.year for d in self.cases.dates("start_date", "year", order="DESC")]

        return cached("years", [self.cases_key], build)

    def region_labels(self):
        """{region id: label}, e.g. "Leipzig (Kreisfreie Stadt)"."""
        return {pk: label for _slug, label, pk in self._regions}

    def regions_by_id(self):
        """{region id: (slug, label)}: the open data's stable region id and its name."""
        return {pk: (slug, label) for slug, label, pk in self._regions}

    def _build_facets(self):
        terms = self._terms()
        regions = self._regions = terms["regions"]
        self.topics = terms["topics"]
        self.target_groups = terms["target_groups"]
        self.methods = terms["methods"]
        years = self._years()
        return [
            Facet(
                "region",
                [(slug, label) for slug, label, _pk in regions],
                extra={slug: pk for slug, _label, pk in regions},
            ),
            Facet(
                "topic",
                [(t.slug, t.name) for t in self.topics],
                extra={t.slug: t.translation_key for t in self.topics},
            ),
            Facet(
                "target_group",
                [(t.slug, t.name) for t in self.target_groups],
                extra={t.slug: t.translation_key for t in self.target_groups},
            ),
            Facet("level", ParticipationLevel.choices),
            Facet("format", Format.choices),
            Facet("status", Status.choices),
            Facet(
                "method",
                [(m.slug, m.name) for m in self.methods],
                extra={m.slug: m.translation_key for m in self.methods},
            ),
            Facet("year", [(str(y), str(y)) for y in years]),
        ]

    # Filtering -----------------------------------------------------------
    @property
    def selected(self):
        return {facet.key: facet for facet in self.facets if facet.selected}

    def apply(self, queryset):
        through = CasePage
        for key, facet in self.selected.items():
            value = facet.selected
            if key == "region":
                queryset = queryset.filter(region_id=facet.extra[value])
            elif key == "topic":
                queryset = queryset.filter(
                    pk__in=through.topics.through.objects.filter(
                        topic__translation_key=facet.extra[value]
                    ).values("casepage_id")
                )
            elif key == "target_group":
                queryset = queryset.filter(
                    pk__in=through.target_groups.through.objects.filter(
                        targetgroup__translation_key=facet.extra[value]
                    ).values("casepage_id")
                )
            elif key == "method":
                queryset = queryset.filter(
                    pk__in=through.methods.through.objects.filter(
                        methodpage__translation_key=facet.extra[value]
                    ).values("casepage_id")
                )
            elif key == "level":
                queryset = queryset.filter(participation_level=value)
            elif key == "format":
                queryset = queryset.filter(format=value)
            elif key == "status":
                queryset = queryset.filter(status=value)
            elif key == "year":
                queryset = queryset.filter(start_date__year=int(value))
        return queryset.order_by(*SORTS[self.sort][1])

    # URLs ----------------------------------------------------------------
    def query_items(self, without=None, **extra):
        items = [(f.key, f.selected) for f in self.facets if f.selected and f.key != without]
        if self.sort != DEFAULT_SORT:
            items.append(("sort", self.sort))
        items.extend((k, v) for k, v in extra.items() if v)
        return items

    def querystring(self, **extra):
        return urlencode(self.query_items(**extra))

    def active(self):
        """Active filters, each with the URL that removes just that one."""
        return [
            {
                "facet": facet.label,
                "value": facet.selected_label,
                "remove_url": "?" + urlencode(self.query_items(without=facet.key)),
            }
            for facet in self.facets
            if facet.selected
        ]

    def cache_key(self):
        """What selects the listed rows: the published cases and the chosen filter values
        (which map to fixed conditions while the generation stays the same)."""
        return [self.cases_key, *sorted((key, f.selected) for key, f in self.selected.items())]

    @property
    def is_filtered(self):
        return bool(self.selected)

    def sort_options(self):
        return [(key, label) for key, (label, _order) in SORTS.items()]


def filter_url(index_url, key, value):
    """Link to the case index filtered by one value (used by the fact box)."""
    return f"{index_url}?{urlencode({key: value})}"
