"""Every match of a query as light rows, fetched once per request.

The search page shows a result count, three facets and one page of results. Asking the
backend for each separately runs the full-text match five times (and fetched all results'
specific pages); instead we fetch (id, page type, case region) of all matches once, best
first, and derive the count, the facets and the current page from these rows. Only the pages
shown are loaded as objects."""

from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from . import facets

MAX_MATCHES = 5000  # backends without a queryset (Elasticsearch): rows taken from the top hits


class Match(NamedTuple):
    pk: int
    content_type_id: int
    region_id: int | None  # the case's region; None for other pages


def region_lookup():
    """`Page` → `CasePage.region_id`, or None without the knowledge base."""
    cases = facets.case_model()
    if cases is None or not facets.has_field(cases, "region"):
        return None
    return f"{cases._meta.model_name}__region_id"


def match_rows(queryset, query, score=False):
    """[Match] for the pages of `queryset` that match `query` (a string or a query object);
    with `score`, [(Match, relevance score or None)]."""
    results = queryset.search(query)
    if score:
        results = results.annotate_score("_score")
    lookup = region_lookup()
    fields = ["pk", "content_type_id"] + ([lookup] if lookup else [])
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        # Database backends: one query does the match and the ranking and returns only ids.
        rows = list(get_queryset().values_list(*fields, *(["_score"] if score else [])))
        scores = [row[-1] for row in rows] if score else None
        rows = [row[:-1] for row in rows] if score else rows
    else:
        hits = list(results[:MAX_MATCHES])
        scores = [getattr(hit, "_score", None) for hit in hits] if score else None
        pks = [hit.pk for hit in hits]
        by_pk = {row[0]: row for row in Page.objects.filter(pk__in=pks).values_list(*fields)}
        keep = [i for i, pk in enumerate(pks) if pk in by_pk]
        rows = [by_pk[pks[i]] for i in keep]
        scores = [scores[i] for i in keep] if score else None
    if not lookup:
        rows = [row + (None,) for row in rows]
    found = list(map(Match._make, rows))
    return list(zip(found, scores, strict=True)) if score else found


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
