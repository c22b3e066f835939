"""What a query finds, best first: the exact matches, else the close (fuzzy) ones.

The search page and the relevance set (benchmarks/relevance.py) both go through here, so the
measured ranking is the one readers get."""

from modelsearch.query import Fuzzy
from wagtail.models import Page

from home.untranslated import searchable_without_untranslated_aliases

from . import matches


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
    return matches.match_rows(pages, query)


def fuzzy_rows(pages, query):
    """Rows of close matches for a misspelt query; empty if the backend has no fuzzy search
    (SQLite)."""
    try:
        return matches.match_rows(pages, Fuzzy(query, unaccent=True))
    except NotImplementedError:
        return []


def ranked_rows(pages, query):
    """(rows, fuzzy): the exact matches, or the fuzzy ones when there are none."""
    rows = exact_rows(pages, query)
    if rows:
        return rows, False
    return fuzzy_rows(pages, query), True
