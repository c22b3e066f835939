"""Facets of the search page: page type for every page, region and topic for cases.

Facet values come from the GET parameters (`type`, `region`, `topic`), read by SearchParams
(home/params.py: the shared vocabulary): values that are not one of the options are ignored
and reported, never passed to the database."""

from collections import Counter

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import BooleanField, Count
from django.db.models.expressions import RawSQL
from django.utils import translation
from django.utils.text import capfirst
from wagtail.models import Page, get_page_models

from home.caching import cached_per_generation
from home.params import vocabulary

# (GET parameter, CasePage field): the knowledge base tags cases with one region, many topics.
CASE_FACETS = [("region", "region"), ("topic", "topics")]


def case_model():
    """CasePage if the knowledge base app provides it (the search degrades gracefully)."""
    try:
        return apps.get_model("cases", "CasePage")
    except LookupError:
        return None


def page_type_key(content_type):
    return f"{content_type.app_label}.{content_type.model}"


def page_type_label(model_class):
    return capfirst(model_class._meta.verbose_name)


def term_choices():
    """{"region": options, "topic": options}: the ids of the terms a case can be filtered
    by, one query each per generation; none without the knowledge base app."""

    def build():
        return {
            param: [
                (str(pk), str(pk))
                for pk in related_model(name)._default_manager.values_list("pk", flat=True)
            ]
            for param, name in CASE_FACETS
        }

    return cached_per_generation("search:terms", [], build) if case_model() else {}


class SearchParams(vocabulary("q", "type", "region", "topic", "page")):
    """The search page's parameters (home/params.py): `type` is a page type
    (`app_label.model`), `region` and `topic` are ids of a case's terms."""

    def __init__(self, params):
        types = [(page_type_key_for_model(m),) * 2 for m in get_page_models() if m is not Page]
        super().__init__(params, choices={"type": types, **term_choices()})
        key = self.value("type")
        self.page_type = ContentType.objects.get_by_natural_key(*key.split(".")) if key else None
        self.case_filters = {
            param: int(self.value(param)) for param, _name in CASE_FACETS if self.value(param)
        }

    def as_params(self):
        params = {"type": page_type_key(self.page_type)} if self.page_type else {}
        params.update({key: str(value) for key, value in self.case_filters.items()})
        return params


def has_field(model, name):
    """True when `model` (a class or an instance) has a database field `name`."""
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


MAX_FACET_CASES = 5000  # without PostgreSQL, many-to-many counts look at the first N cases


def related_model(field_name):
    return case_model()._meta.get_field(field_name).related_model


def is_translatable(model):
    return any(field.name == "translation_key" for field in model._meta.fields)


def case_ids(case_filters, exclude=None):
    """Subquery of the cases matching the chosen region/topic (except facet `exclude`).
    Translatable terms match by translation key: a translated case may still point at the
    German term (wagtail-localize synchronises these relations)."""
    cases = case_model()
    query = cases.objects.all()
    fields = dict(CASE_FACETS)
    for param, value in case_filters.items():
        if param == exclude:
            continue
        field_name = fields[param]
        model = related_model(field_name)
        if is_translatable(model):
            keys = model._default_manager.filter(pk=value).values("translation_key")
            query = query.filter(**{f"{field_name}__translation_key__in": keys})
        else:
            query = query.filter(**{field_name: value})
    return query.values("pk")


class CaseFilters:
    """The chosen region/topic applied to match rows (search.matches.Match) in Python, so the
    full-text match runs once for all facets. The region is on the rows; a chosen topic costs
    one query for the ids of its cases."""

    def __init__(self, case_filters):
        self.tests = {}
        fields = dict(CASE_FACETS)
        for param, value in case_filters.items():
            field = case_model()._meta.get_field(fields[param])
            if field.many_to_many:
                pks = {row["pk"] for row in case_ids({param: value})}
                self.tests[param] = lambda row, pks=pks: row.pk in pks
            else:  # the region, carried on the rows
                self.tests[param] = lambda row, value=value: row.region_id == value

    def keep(self, row, exclude=None):
        return all(test(row) for param, test in self.tests.items() if param != exclude)

    def filter(self, rows, exclude=None):
        if not any(param != exclude for param in self.tests):
            return rows
        return [row for row in rows if self.keep(row, exclude)]


def case_facet_counts(case_rows, field_name):
    """{related id: count} for a case relation among the matching cases' rows: the region is on
    the rows; many-to-many relations are counted in the database (one query)."""
    field = case_model()._meta.get_field(field_name)
    if not field.many_to_many:
        return Counter(row.region_id for row in case_rows if row.region_id is not None)
    ids = [row.pk for row in case_rows]
    if not ids:
        return {}
    through = field.remote_field.through
    source = f"{field.m2m_field_name()}_id"
    target = f"{field.m2m_reverse_field_name()}_id"
    if connection.vendor == "postgresql":
        # One array parameter: Django compiles an IN list placeholder by placeholder, which
        # costs more than the query itself for thousands of matching cases.
        column = connection.ops.quote_name(field.m2m_column_name())
        matching = through.objects.filter(
            RawSQL(f"{column} = ANY(%s)", (ids,), output_field=BooleanField())
        )
    else:
        matching = through.objects.filter(**{f"{source}__in": ids[:MAX_FACET_CASES]})
    rows = matching.values(target).annotate(count=Count(source)).order_by()
    return {row[target]: row["count"] for row in rows}


def page_type_options(counts):
    """[(key, label, count)] for the page types in the result set, largest first."""
    options = []
    for content_type_id, count in counts.items():
        if not content_type_id or not count:
            continue
        content_type = ContentType.objects.get_for_id(content_type_id)
        model_class = content_type.model_class()
        if model_class is not None:
            options.append((page_type_key(content_type), page_type_label(model_class), count))
    return sorted(options, key=lambda option: (-option[2], str(option[1])))


def term_table(model):
    """[(pk, translation key or None, locale id or None, name)] of every term of `model` (a
    region or topic: a few dozen rows), kept per generation and language (a snippet change
    bumps the generation): the facet options are named without a query per search."""

    def build():
        translatable = is_translatable(model)
        return [
            (
                obj.pk,
                obj.translation_key if translatable else None,
                obj.locale_id if translatable else None,
                str(obj),
            )
            for obj in model._default_manager.all()
        ]

    language = translation.get_language() or ""
    return cached_per_generation("search:terms", [model._meta.label_lower, language], build)


def taxonomy_options(field_name, counts, locale):
    """[(id, name, count)] for a CasePage relation (region, topics), named in `locale`;
    translations of one term are merged."""
    ids = {pk for pk, count in counts.items() if pk and count}
    if not ids:
        return []
    model = related_model(field_name)
    terms = term_table(model)
    if not is_translatable(model):
        return sorted(
            ((pk, name, counts[pk]) for pk, _, _, name in terms if pk in ids),
            key=lambda o: (-o[2], o[1]),
        )
    # The counted terms and their translations into `locale`.
    keys = {key for pk, key, _, _ in terms if pk in ids}
    localized = {
        key: (pk, name)
        for pk, key, locale_id, name in terms
        if key in keys and locale_id == locale.pk
    }
    merged = {}
    for pk, key, _, name in terms:
        if pk not in ids:
            continue
        shown_pk, shown_name = localized.get(key, (pk, name))
        _, _, count = merged.get(key, (shown_pk, shown_name, 0))
        merged[key] = (shown_pk, shown_name, count + counts[pk])
    return sorted(merged.values(), key=lambda o: (-o[2], o[1]))


def page_type_key_for_model(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"
