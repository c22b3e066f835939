"""The matches of a query as the search page needs them: their number, the facet counts and
one ranked page of results, under the facet values chosen in the request.

Database backends (PostgreSQL, SQLite) hand us the queryset that does the match and the
ranking (`get_queryset()`); from it, in SQL (`QueryMatches`):

- one grouped query counts the matches per page type and case region, with and without the
  chosen facets (conditional counts), which gives the result count and the page-type and
  region facets, exact, without fetching a row per match;
- one grouped query counts the topics of the matching cases (only when cases match);
- the listed page is the ranked queryset with the chosen facets, LIMIT/OFFSET: the database
  ranks every match but returns ten rows.

A broad query ("Beteiligung": every case of the bench database) used to fetch (id, type,
region) of all 10 000 matches, ranked, into Python and count there. Backends without a
queryset (Elasticsearch) and the fuzzy fallback (which cuts off weak matches by score) still
go through rows in Python (`RowMatches`), with the same interface. Only the pages shown are
loaded as objects (`load_pages`)."""

from collections import Counter
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import Count, Q
from wagtail.models import Page

from . import facets

MAX_MATCHES = 5000  # backends without a queryset (Elasticsearch): rows taken from the top hits


class Match(NamedTuple):
    pk: int
    content_type_id: int
    region_id: int | None  # the case's region; None for other pages


def case_link():
    """`Page` → `CasePage` lookup prefix, or None without the knowledge base."""
    cases = facets.case_model()
    return cases._meta.model_name if cases is not None else None


def region_lookup():
    """`Page` → `CasePage.region_id`, or None without the knowledge base."""
    cases = facets.case_model()
    if cases is None or not facets.has_field(cases, "region"):
        return None
    return f"{case_link()}__region_id"


def case_type_id():
    cases = facets.case_model()
    return ContentType.objects.get_for_model(cases).pk if cases is not None else None


def rows_of(queryset, score=False):
    """[Match] (with `score`: [(Match, score)]) of a queryset of pages, in its order."""
    lookup = region_lookup()
    fields = ["pk", "content_type_id"] + ([lookup] if lookup else [])
    rows = list(queryset.values_list(*fields, *(["_score"] if score else [])))
    scores = [row[-1] for row in rows] if score else None
    rows = [row[:-1] for row in rows] if score else rows
    if not lookup:
        rows = [row + (None,) for row in rows]
    found = list(map(Match._make, rows))
    return list(zip(found, scores, strict=True)) if score else found


def match_rows(queryset, query, score=False):
    """[Match] for the pages of `queryset` that match `query` (a string or a query object),
    best first; with `score`, [(Match, relevance score or None)]."""
    results = queryset.search(query)
    if score:
        results = results.annotate_score("_score")
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:  # database backends: one query, ids only
        return rows_of(get_queryset(), score=score)
    hits = list(results[:MAX_MATCHES])
    scores = [getattr(hit, "_score", None) for hit in hits] if score else None
    pks = [hit.pk for hit in hits]
    lookup = region_lookup()
    fields = ["pk", "content_type_id"] + ([lookup] if lookup else [])
    by_pk = {row[0]: row for row in Page.objects.filter(pk__in=pks).values_list(*fields)}
    keep = [i for i, pk in enumerate(pks) if pk in by_pk]
    rows = [by_pk[pks[i]] + (() if lookup else (None,)) for i in keep]
    found = list(map(Match._make, rows))
    return list(zip(found, [scores[i] for i in keep], strict=True)) if score else found


def find(queryset, query, selection, window=None):
    """The matches of `query` among the pages of `queryset` under `selection`
    (search.facets.SearchParams): QueryMatches where the backend gives a queryset, in one
    statement on PostgreSQL. `window` = (start, stop): the ranked rows expected first."""
    results = queryset.search(query)
    if not hasattr(results, "get_queryset"):
        return RowMatches(match_rows(queryset, query), selection)
    if connections[queryset.db].vendor == "postgresql":
        return OneStatementMatches(
            results.annotate_score("_score").get_queryset(), selection, window
        )
    return QueryMatches(results.get_queryset(), selection)


class RowMatches:
    """Matches given as rows (search.matches.Match, best first), counted in Python."""

    def __init__(self, rows, selection):
        self.selection = selection
        self.all_rows = rows
        self.case_filters = facets.CaseFilters(selection.case_filters)
        self.shown = self.filter_type(self.case_filters.filter(rows))
        self.any = len(rows)  # before the facets
        self.total = len(self.shown)  # the results listed

    def filter_type(self, rows):
        if self.selection.page_type is None:
            return rows
        return [row for row in rows if row.content_type_id == self.selection.page_type.pk]

    def rows(self, start, stop):
        return self.shown[start:stop]

    def type_counts(self):
        """{content type id: matches passing the chosen region/topic}."""
        return Counter(row.content_type_id for row in self.case_filters.filter(self.all_rows))

    def case_counts(self, param, field_name):
        """{related id: matching cases} for a case facet, under the other facets' choices."""
        type_id = case_type_id()
        case_rows = [row for row in self.all_rows if row.content_type_id == type_id]
        scoped = self.case_filters.filter(case_rows, exclude=param)
        return facets.case_facet_counts(scoped, field_name)


class QueryMatches:
    """Matches given as the backend's ranked queryset, counted in SQL."""

    def __init__(self, ranked, selection):
        self.selection = selection
        self.ranked = ranked
        self.matching = ranked.order_by()  # the match without the ranking, for counting
        self.case_type_id = case_type_id()
        self.lookup = region_lookup()
        self.conditions = {
            param: self.condition(param, value) for param, value in selection.case_filters.items()
        }
        counts = {"n_any": Count("pk"), "n_all": self.count(self.conditions)}
        # Facets carried on the match rows (the region): counted under the other choices.
        for param, field_name in facets.CASE_FACETS:
            if self.on_rows(field_name):
                counts[f"n_{param}"] = self.count(self.others(param))
        group_by = ["content_type_id"] + ([self.lookup] if self.lookup else [])
        self.groups = list(self.matching.values(*group_by).annotate(**counts).order_by())
        self.any = sum(group["n_any"] for group in self.groups)
        self.total = sum(
            group["n_all"] for group in self.groups if self.selected_type(group["content_type_id"])
        )

    def on_rows(self, field_name):
        cases = facets.case_model()
        return (
            cases is not None
            and facets.has_field(cases, field_name)
            and not cases._meta.get_field(field_name).many_to_many
        )

    def condition(self, param, value):
        field_name = dict(facets.CASE_FACETS)[param]
        if self.on_rows(field_name):
            field = facets.case_model()._meta.get_field(field_name)
            return Q(**{f"{case_link()}__{field.attname}": value})
        return Q(pk__in=facets.case_ids({param: value}))

    def others(self, param):
        return {key: q for key, q in self.conditions.items() if key != param}

    @staticmethod
    def count(conditions):
        if not conditions:
            return Count("pk")
        return Count("pk", filter=Q(*conditions.values()))

    def selected_type(self, content_type_id):
        page_type = self.selection.page_type
        return page_type is None or content_type_id == page_type.pk

    def rows(self, start, stop):
        """The ranked matches passing the chosen facets, [start:stop], in one query."""
        if stop is not None and stop <= start:
            return []
        shown = self.ranked.filter(*self.conditions.values())
        if self.selection.page_type is not None:
            shown = shown.filter(content_type_id=self.selection.page_type.pk)
        return rows_of(shown[start:stop])

    def type_counts(self):
        counts = Counter()
        for group in self.groups:
            counts[group["content_type_id"]] += group["n_all"]
        return counts

    def case_counts(self, param, field_name):
        case_groups = [g for g in self.groups if g["content_type_id"] == self.case_type_id]
        if self.on_rows(field_name):
            counts = Counter()
            for group in case_groups:
                if group[self.lookup] is not None:
                    counts[group[self.lookup]] += group[f"n_{param}"]
            return counts
        if not any(group["n_any"] for group in case_groups):
            return {}  # no matching case: no query
        cases = self.matching.filter(
            *self.others(param).values(), content_type_id=self.case_type_id
        )
        field = facets.case_model()._meta.get_field(field_name)
        through = field.remote_field.through
        source = f"{field.m2m_field_name()}_id"
        target = f"{field.m2m_reverse_field_name()}_id"
        rows = (
            through.objects.filter(**{f"{source}__in": cases.values("pk")})
            .values(target)
            .annotate(count=Count(source))
            .order_by()
        )
        return {row[target]: row["count"] for row in rows}


class OneStatementMatches(QueryMatches):
    """QueryMatches in one statement (PostgreSQL): the match, the ranking, the join to the
    pages and the case region run once, into a materialised CTE; the grouped counts, the topic
    counts of the matching cases and the ranked rows of `window` are read from it. Three
    statements would run the full-text match three times (each ~ the cost of the whole)."""

    def __init__(self, ranked, selection, window=None):
        self.selection = selection
        self.ranked = ranked
        self.matching = ranked.order_by()
        self.case_type_id = case_type_id()
        self.lookup = region_lookup()
        self.conditions = {
            param: self.condition(param, value) for param, value in selection.case_filters.items()
        }
        self.window = window or (0, 10)
        self.topics = {}
        self.run()

    def sql_conditions(self, values):
        """(SQL over the CTE's columns, params) for the chosen facets `values`."""
        parts, params = [], []
        for param, value in values.items():
            field_name = dict(facets.CASE_FACETS)[param]
            if self.on_rows(field_name):
                parts.append('m."region" = %s')
                params.append(value)
            else:
                sql, subparams = facets.case_ids({param: value}).query.sql_with_params()
                parts.append(f'm."pk" IN ({sql})')
                params += list(subparams)
        return " AND ".join(parts) or "TRUE", params

    def run(self):
        region = [self.lookup] if self.lookup else []
        inner = self.matching.values_list("pk", "content_type_id", *region, "_score")
        inner_sql, inner_params = inner.query.sql_with_params()
        region_sql = 'm."region"' if self.lookup else "NULL::integer"
        everything, every_params = self.sql_conditions(self.selection.case_filters)
        by_region, region_params = self.sql_conditions(
            {k: v for k, v in self.selection.case_filters.items() if k != "region"}
        )
        listed = everything
        listed_params = list(every_params)
        if self.selection.page_type is not None:
            listed += ' AND m."content_type_id" = %s'
            listed_params.append(self.selection.page_type.pk)
        start, stop = self.window
        parts = [
            f"""SELECT 0, m."content_type_id", {region_sql}, COUNT(*),
                COUNT(*) FILTER (WHERE {everything}), COUNT(*) FILTER (WHERE {by_region}),
                NULL::float8
            FROM m GROUP BY 2, 3""",
            f"""SELECT 2, r."pk", r."content_type_id", r."region", NULL, NULL, r."_score"
            FROM (SELECT m."pk", m."content_type_id", {region_sql} AS "region", m."_score"
                  FROM m WHERE {listed} ORDER BY m."_score" DESC, m."pk" DESC
                  LIMIT %s OFFSET %s) r""",
        ]
        params = [*every_params, *region_params, *listed_params, max(0, stop - start), start]
        topic_field = self.topic_field()
        if topic_field is not None:
            through = topic_field.remote_field.through._meta
            quote = connections[self.ranked.db].ops.quote_name
            source = quote(topic_field.m2m_column_name())
            target = quote(topic_field.m2m_reverse_name())
            by_topic, topic_params = self.sql_conditions(
                {k: v for k, v in self.selection.case_filters.items() if k != "topic"}
            )
            parts.append(
                f"""SELECT 1, t.{target}, NULL, COUNT(*), NULL, NULL, NULL::float8
                FROM {quote(through.db_table)} t JOIN m ON m."pk" = t.{source}
                WHERE {by_topic} GROUP BY 2"""
            )
            params += topic_params
        # m's rows are the matches with their rank: computed once (MATERIALIZED), read thrice.
        columns = '"pk", "content_type_id", ' + ('"region", ' if self.lookup else "") + '"_score"'
        sql = f"WITH m({columns}) AS MATERIALIZED ({inner_sql}) " + " UNION ALL ".join(
            f"({part})" for part in parts
        )
        with connections[self.ranked.db].cursor() as cursor:
            cursor.execute(sql, [*inner_params, *params])
            result = cursor.fetchall()
        self.groups, listed_rows = [], []
        for kind, a, b, c, d, e, score in result:
            if kind == 0:
                group = {"content_type_id": a, "n_any": c, "n_all": d, "n_region": e}
                if self.lookup:
                    group[self.lookup] = b
                self.groups.append(group)
            elif kind == 1:
                self.topics[a] = c
            else:
                listed_rows.append((score, a, Match(a, b, c)))
        listed_rows.sort(key=lambda row: (row[0], row[1]), reverse=True)
        self.listed = [row for _, _, row in listed_rows]
        self.any = sum(group["n_any"] for group in self.groups)
        self.total = sum(
            group["n_all"] for group in self.groups if self.selected_type(group["content_type_id"])
        )

    def topic_field(self):
        cases = facets.case_model()
        for _param, field_name in facets.CASE_FACETS:
            if field_name == "topics" and cases is not None and facets.has_field(cases, "topics"):
                return cases._meta.get_field("topics")
        return None

    def rows(self, start, stop):
        begin, end = self.window
        stop = self.total if stop is None else min(stop, self.total)
        if begin <= start and stop <= begin + len(self.listed):
            return self.listed[start - begin : stop - begin]
        return super().rows(start, stop)  # another slice than expected: one more query

    def case_counts(self, param, field_name):
        if not self.on_rows(field_name) and field_name == "topics":
            return dict(self.topics)
        return super().case_counts(param, field_name)


class RankedList:
    """The listed results for Django's Paginator: the count without fetching, a slice with one
    query."""

    def __init__(self, found):
        self.found = found

    def count(self):
        return self.found.total

    def __len__(self):
        return self.found.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.found.rows(index.start or 0, index.stop)
        return self.found.rows(index, index + 1)[0]


def child_link(model):
    """Name of the reverse one-to-one from Page to a page type that extends Page directly."""
    for relation in Page._meta.related_objects:
        if relation.one_to_one and relation.parent_link and relation.related_model is model:
            return relation.get_accessor_name()
    return None


def load_pages(rows):
    """The specific pages of `rows`, in their order, in one query whatever their types: the
    page rows joined to the tables of the page types among them (Wagtail's specific() takes
    one query per type). A type that extends another page type is loaded by specific."""
    models = {
        row.content_type_id: ContentType.objects.get_for_id(row.content_type_id).model_class()
        for row in rows
    }
    links = {type_id: child_link(model) if model else None for type_id, model in models.items()}
    queryset = Page.objects.filter(pk__in=[row.pk for row in rows])
    by_pk = queryset.select_related(*filter(None, links.values())).in_bulk()
    pages = []
    for row in rows:
        page = by_pk.get(row.pk)
        if page is not None:
            link = links[row.content_type_id]
            pages.append(getattr(page, link) if link else page.specific)
    return pages
