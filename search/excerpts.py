"""Result excerpts with the query terms highlighted; every piece of text is HTML-escaped."""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from wagtail.search import index

from .facets import has_field

EXCERPT_LENGTH = 240
CONTEXT_BEFORE = 80


def query_terms(query):
    """Words of the query, without operator characters and very short words."""
    return [term for term in re.findall(r"\w+", query) if len(term) > 1][:10]


def term_pattern(terms):
    """A regex matching words that start with a term's stem-like prefix, so an inflected
    form ("Beteiligungen") also highlights the base form ("Beteiligung") and vice versa."""
    prefixes = []
    for term in terms:
        prefix = term[: max(4, len(term) - 3)] if len(term) > 5 else term
        prefixes.append(re.escape(prefix))
    if not prefixes:
        return None
    return re.compile(
        r"(?<!\w)(?:%s)\w*" % "|".join(sorted(set(prefixes), key=len, reverse=True)), re.IGNORECASE
    )


def searchable_texts(page):
    """Plain texts of the page's own search fields (no related objects and no computed fields:
    no extra queries)."""
    texts = []
    for field in page.get_search_fields():
        if (
            isinstance(field, index.SearchField)
            and field.field_name != "title"
            and has_field(page, field.field_name)
        ):
            try:
                value = field.get_value(page)
            except Exception:  # a field that cannot be read must not break the results page
                continue
            if isinstance(value, (list, tuple)):
                value = " ".join(str(item) for item in value)
            text = " ".join(strip_tags(str(value or "")).split())
            if text:
                texts.append(text)
    search_description = getattr(page, "search_description", "")
    if search_description:
        texts.insert(0, search_description)
    return texts


def highlight(text, pattern):
    """Escape `text` and wrap the matches of `pattern` in <mark>."""
    if pattern is None:
        return escape(text)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append("<mark>%s</mark>" % escape(match.group(0)))
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def cut(text, start):
    """A window of EXCERPT_LENGTH characters from `start`, on word boundaries, with ellipses."""
    if start > 0:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else start
    end = start + EXCERPT_LENGTH
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    snippet = text[start:end]
    return ("… " if start > 0 else "") + snippet + (" …" if end < len(text) else "")


def build_excerpt(page, query):
    """The passage of the page that contains the query terms, or the start of its first text."""
    pattern = term_pattern(query_terms(query))
    texts = searchable_texts(page)
    if not texts:
        return ""
    for text in texts:
        match = pattern.search(text) if pattern else None
        if match:
            return highlight(cut(text, max(0, match.start() - CONTEXT_BEFORE)), pattern)
    return highlight(cut(texts[0], 0), pattern)
