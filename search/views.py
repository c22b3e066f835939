"""Site search over the published pages of the active language."""

from django.shortcuts import render
from wagtail.models import Locale, Page

from home.models import paginate

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """Drop characters no backend can store (NUL, lone surrogates) and cap the length."""
    text = "".join(ch for ch in raw if ch != "\x00" and not 0xD800 <= ord(ch) <= 0xDFFF)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = paginate(request, pages.search(query), per_page=10)
    return render(request, "search/search.html", {"query": query, "results": results})
