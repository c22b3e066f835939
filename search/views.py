"""Site search over the published, public pages of the active language.

The views use Wagtail's search API (search, autocomplete, Fuzzy); the backend is chosen in
settings. A search request counts the matches per facet in grouped queries and fetches
only the listed page, ranked (search.matches). A backend without fuzzy support raises
NotImplementedError for Fuzzy, which simply means "no fuzzy fallback"."""

import difflib
import re
from urllib.parse import urlencode

from django.apps import apps
from django.db import connection, transaction
from django.db.models import F, Q
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale

from home.caching import cached_per_generation
from home.models import paginate
from home.params import legacy_redirect, vocabulary

from . import engine, facets, matches
from .excerpts import build_excerpt

RESULTS_PER_PAGE = 10
MAX_SUGGESTIONS = 8
SuggestParams = vocabulary("q")  # the type-ahead reads the search words as the page does
MAX_PAGE = 10**5  # larger page numbers get the last page (paginate) without an OFFSET overflow

# Index pages offered when nothing is found (looked up by type; missing apps are skipped).
HELP_PAGE_TYPES = [
    ("cases", "CaseIndexPage"),
    ("cases", "MethodIndexPage"),
    ("events", "EventIndexPage"),
]


public_pages = engine.public_pages


def search(request):
    redirect = legacy_redirect(request)  # bookmarks with the old parameter names
    if redirect:
        return redirect
    selection = facets.SearchParams(request.GET)
    query = selection.value("q")
    context = {"query": query, "selection": selection, "results": None}
    if query:
        context.update(run_search(request, query, Locale.get_active(), selection))
        found = context["results"].paginator.count
        # Only searches that found something are counted (per query and day): anonymous
        # visitors cannot write a row for every string they make up.
        if found and selection.value("page") in (None, 1):  # paging is not a new search
            record_query(query)
    return render(request, "search/search.html", context)


def run_search(request, query, locale, selection):
    search_query = engine.searchable(query)
    if not search_query:  # nothing searchable is left: an empty result with the usual help
        return {
            "results": paginate(request, [], RESULTS_PER_PAGE, number=1),
            "items": [],
            "facet_groups": [],
            "help_pages": help_pages(public_pages(locale)),
        }
    # Count, facets and the listed page from grouped queries over the match (search.matches).
    pages = public_pages(locale)
    number = min(selection.value("page") or 1, MAX_PAGE)
    window = requested_window(number)
    found, fuzzy = engine.exact_matches(pages, search_query, selection, window), False
    if not found.total:
        fuzzy_found = engine.fuzzy_matches(pages, search_query, selection)
        if fuzzy_found.total:
            found, fuzzy = fuzzy_found, True

    page_obj = paginate(request, matches.RankedList(found), RESULTS_PER_PAGE, number=number)
    items = [
        {
            "page": page,
            "type_label": facets.page_type_label(type(page)),
            "excerpt": build_excerpt(page, query),
        }
        for page in matches.load_pages(page_obj.object_list)
    ]
    base_params = {"q": query, **selection.as_params()}
    context = {
        "results": page_obj,
        "items": items,
        "fuzzy": fuzzy,
        "spelling_suggestion": spelling_suggestion(query, items) if fuzzy else None,
        "querystring": urlencode(base_params),
        "facet_groups": facet_groups(found, locale, selection, base_params),
        "promotions": promotions(query, locale) if page_obj.number == 1 else [],
    }
    if not page_obj.paginator.count:
        context["help_pages"] = help_pages(pages)
    return context


def requested_window(number):
    """(start, stop) of the results on page `number`, as `paginate` will slice them (a
    window it reads otherwise costs one more query)."""
    start = (number - 1) * RESULTS_PER_PAGE
    return start, start + RESULTS_PER_PAGE


def spelling_suggestion(query, items):
    """The query with each word replaced by the closest word from the titles found."""
    words = {
        word.lower(): word for item in items for word in re.findall(r"\w{3,}", item["page"].title)
    }
    corrected, changed = [], False
    for term in re.findall(r"\w+", query):
        match = difflib.get_close_matches(term.lower(), list(words), n=1, cutoff=0.7)
        if match and match[0] != term.lower():
            corrected.append(words[match[0]])
            changed = True
        else:
            corrected.append(term)
    return " ".join(corrected) if changed else None


def facet_link(base_params, param, value):
    params = {key: val for key, val in base_params.items() if key != param}
    if value is not None:
        params[param] = value
    return "?" + urlencode(params)


def facet_groups(found, locale, selection, base_params):
    """Facet groups for the template: page type, then region and topic of cases. Each facet
    counts the matches passing the other facets' choices."""
    groups = []
    selected_type = facets.page_type_key(selection.page_type) if selection.page_type else None
    options = facets.page_type_options(found.type_counts())
    groups.append(build_group("type", options, selected_type, base_params))

    cases = facets.case_model()
    case_type = facets.page_type_key_for_model(cases) if cases else None
    if cases is not None and selected_type in (None, case_type):
        for param, field_name in facets.CASE_FACETS:
            if not facets.has_field(cases, field_name):
                continue
            counts = found.case_counts(param, field_name)
            options = facets.taxonomy_options(field_name, counts, locale)
            groups.append(
                build_group(param, options, selection.case_filters.get(param), base_params)
            )
    return [group for group in groups if group["options"]]


def build_group(param, options, selected, base_params):
    return {
        "param": param,
        "all_url": facet_link(base_params, param, None),
        "any_selected": selected is not None,
        "options": [
            {
                "label": label,
                "count": count,
                "url": facet_link(base_params, param, str(key)),
                "selected": str(key) == str(selected),
            }
            for key, label, count in options
        ],
    }


def promotions(query, locale):
    """Editors' promoted results for this query: external links or live pages of this locale."""
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__isnull=True) | Q(page__live=True, page__locale=locale))
        .select_related("page")
        .order_by("sort_order", "pk")
    )


def record_query(query):
    """Count the query so editors see the popular ones (Reports → Search terms). A query seen
    today already costs one UPDATE; otherwise Wagtail's add_hit() creates the day's row. On
    PostgreSQL the commit does not wait for the disk (synchronous_commit off for this
    transaction only): a crash may lose the last hits, never a search's time."""
    normalised = normalise_query_string(query)
    if not normalised:
        return
    today = timezone.now().date()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        counted = QueryDailyHits.objects.filter(query__query_string=normalised, date=today).update(
            hits=F("hits") + 1
        )
        if not counted:
            Query.get(normalised).add_hit(date=today)


def help_pages(pages):
    """The first of `pages` of each HELP_PAGE_TYPES type, in one query."""
    models = []
    for app_label, model_name in HELP_PAGE_TYPES:
        try:
            models.append(apps.get_model(app_label, model_name))
        except LookupError:
            continue
    if not models:
        return []
    first = {}
    for page in pages.type(*models).order_by("path"):
        for model in models:
            if issubclass(page.specific_class, model):
                first.setdefault(model, page)
    return [first[model] for model in models if model in first]


def suggest(request):
    """JSON type-ahead: titles and URLs of matching pages of the active language."""
    query = " ".join(re.findall(r"\w+", SuggestParams(request.GET).value("q")))[:100]
    suggestions = []
    if len(query) >= 2:
        # Type-ahead asks for the same prefixes again and again: keep the answer until the
        # published content changes (the page cache's generation), per language and host.
        language = translation.get_language()
        suggestions = cached_per_generation(
            "search:suggest",
            [language, request.get_host(), query],
            lambda: find_suggestions(request, query),
        )
    response = JsonResponse({"query": query, "suggestions": suggestions})
    patch_cache_control(response, public=True, max_age=300)
    return response


def find_suggestions(request, query):
    pages = public_pages(Locale.get_active()).autocomplete(query)[:MAX_SUGGESTIONS]
    return [
        {
            "title": page.title,
            "type": str(facets.page_type_label(page.specific_class or type(page))),
            "url": page.get_url(request),
        }
        for page in pages
    ]
