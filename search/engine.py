"""What a query finds, best first: the pages with all its (not too common) words, else the
pages with some of them, else the close (fuzzy) matches.

The search page and the relevance set (benchmarks/relevance.py) both go through here, so the
measured ranking is the one readers get."""

from django.utils import translation
from modelsearch.query import Fuzzy
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.untranslated import searchable_without_untranslated_aliases

from . import matches
from . import query as queries

# Fuzzy matches scoring below this share of the best one are noise ("Bürgerhushalt").
FUZZY_CUTOFF = 0.8


def public_pages(locale):
    # Untranslated aliases show German text: never an English search result (issue 13).
    return searchable_without_untranslated_aliases(
        Page.objects.live().public().filter(locale=locale)
    )


def searchable(query):
    """The words of the query as every backend can take them. Double quotes open FTS5 phrases
    that an unbalanced quote leaves unterminated; the words are what matters."""
    return " ".join(query.replace('"', " ").split())


def exact_rows(pages, query):
    language = translation.get_language()
    segments = queries.segments(query, language)
    common_test = getattr(get_search_backend(), "common_test", None)  # PostgreSQL only
    is_common = common_test(segments, language) if common_test and len(segments) > 1 else None
    every, some = queries.build(query, language, is_common, parsed=segments)
    rows = matches.match_rows(pages, every)
    if rows or some is None:
        return rows
    # No page has all the words: the pages with some of them, best first, before any fuzzy
    # guessing ("Landkreis Radebeul": the Radebeul case, not a misspelling of both words).
    return matches.match_rows(pages, some)


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


def ranked_rows(pages, query):
    """(rows, fuzzy): the exact matches, or the fuzzy ones when there are none."""
    rows = exact_rows(pages, query)
    if rows:
        return rows, False
    return fuzzy_rows(pages, query), True
