"""What a query finds, best first: the pages with all its (not too common) words, else the
pages with some of them, else the close (fuzzy) matches.

The search page and the relevance set (benchmarks/relevance.py) both go through here, so the
measured ranking is the one readers get."""

from django.utils import translation
from modelsearch.query import Fuzzy
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.caching import cached_per_generation
from home.untranslated import untranslated_aliases

from . import facets, matches
from . import query as queries

# Fuzzy matches scoring below this share of the best one are noise ("Bürgerhushalt").
FUZZY_CUTOFF = 0.8


def public_pages(locale):
    """The live, public pages of `locale` that search shows. Untranslated aliases show German
    text: never an English search result (issue 13); their ids are kept per generation (a
    publish, move or alias bumps it), not queried on every search."""
    pages = Page.objects.live().public().filter(locale=locale)
    alias_ids = cached_per_generation(
        "search:untranslated-aliases",
        [locale.pk],
        lambda: list(untranslated_aliases(pages).values_list("pk", flat=True)),
    )
    return pages.exclude(id__in=alias_ids) if alias_ids else pages


def searchable(query):
    """The words of the query as every backend can take them. Double quotes open FTS5 phrases
    that an unbalanced quote leaves unterminated; the words are what matters."""
    return " ".join(query.replace('"', " ").split())


def exact_matches(pages, query, selection=None, window=None):
    """The exact matches (search.matches: count, facets, ranked pages) under `selection`;
    `window` = (start, stop) of the ranked rows to fetch with the counts."""
    selection = selection or facets.SearchParams({})
    language = translation.get_language()
    segments = queries.segments(query, language)
    common_test = getattr(get_search_backend(), "common_test", None)  # PostgreSQL only
    is_common = common_test(segments, language) if common_test and len(segments) > 1 else None
    every, some = queries.build(query, language, is_common, parsed=segments)
    found = matches.find(pages, every, selection, window)
    if found.any or some is None:
        return found
    # No page has all the words: the pages with some of them, best first, before any fuzzy
    # guessing ("Landkreis Radebeul": the Radebeul case, not a misspelling of both words).
    return matches.find(pages, some, selection, window)


def fuzzy_rows(pages, query):
    """Rows of close matches for a misspelt query, the weak ones cut off; empty if the backend
    has no fuzzy search (SQLite)."""
    try:
        scored = matches.match_rows(pages, Fuzzy(query, unaccent=True), score=True)
    except NotImplementedError:
        return []
    if not scored:
        return []
    best = max(score for _, score in scored)
    return [row for row, score in scored if score is None or score >= best * FUZZY_CUTOFF]


def fuzzy_matches(pages, query, selection=None):
    return matches.RowMatches(fuzzy_rows(pages, query), selection or facets.SearchParams({}))


def ranked_rows(pages, query, limit=None):
    """(rows, fuzzy): the first `limit` (None: all) exact matches, or the fuzzy ones when
    there are none, best first."""
    found = exact_matches(pages, query, window=(0, limit) if limit else None)
    if found.any:
        return found.rows(0, limit), False
    return fuzzy_rows(pages, query)[:limit], True
