"""The query a reader typed, as a search query object that understands German.

Each word (or synonym phrase) becomes one segment with its alternatives:
- the word itself;
- German: the umlaut spelling of a transliterated word ("Buergerhaushalt" → "Bürgerhaushalt";
  the German stemmer already folds "Burgerhaushalt" and "Bürgerhaushalt" together);
- German: the parts of a compound, all required ("Jugendbeteiligung" → Jugend AND Beteiligung,
  so "Beteiligung der Jugend" is found too; the index holds the parts of indexed compounds,
  so "Jugend" finds "Jugendbeteiligung");
- the other terms of an editor's synonym group of the language ("Fahrrad" → "Radverkehr").

`build()` returns the query requiring every segment and, for more than one segment, the query
requiring any of them (search.engine ranks the pages with all words first)."""

import re
from typing import NamedTuple

from modelsearch.query import And, Or, PlainText

from . import compounds, synonyms

MAX_SEGMENTS = 12  # a pasted paragraph must not become a query of hundreds of terms
TRANSLITERATION = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))
WORD = re.compile(r"\w(?:[\w'’-]*\w)?")


class Segment(NamedTuple):
    query: object  # a modelsearch query
    alternatives: (
        tuple  # the words of each alternative: (("Jugendbeteiligung",), ("Jugend", "Beteiligung"))
    )


def words(text):
    return WORD.findall(text)


def german_alternatives(word):
    """The word, its umlaut spelling and their compound parts."""
    spellings = [word]
    lowered = word.lower()
    if any(pair in lowered for pair, _ in TRANSLITERATION):
        umlauts = word
        for pair, umlaut in TRANSLITERATION:
            umlauts = re.sub(pair, umlaut, umlauts, flags=re.IGNORECASE)
        # "Steuer" → "Steür" finds nothing and costs nothing; "Buerger" → "Bürger" helps.
        if not re.search(r"(?<=[äöü])u|[aeiou]ü", umlauts.lower()):
            spellings.append(umlauts)
    alternatives = []
    for spelling in spellings:
        alternatives.append(PlainText(spelling))
        parts = compounds.split(spelling)
        if parts:
            alternatives.append(PlainText(" ".join(parts), operator="and"))
    return alternatives


def match_synonym(tokens, start, groups):
    """(length, group) of the longest synonym term at tokens[start:], or (0, None)."""
    best = (0, None)
    for group in groups:
        for term in group:
            term_tokens = term.split()
            length = len(term_tokens)
            if length > best[0] and [t.lower() for t in tokens[start : start + length]] == (
                term_tokens
            ):
                best = (length, group)
    return best


def segments(text, language):
    tokens = words(text)[:MAX_SEGMENTS]
    german = (language or "").split("-")[0].lower() == "de"
    groups = synonyms.groups(language) if tokens else []
    result, i = [], 0
    while i < len(tokens):
        length, group = match_synonym(tokens, i, groups)
        terms = group if group else [tokens[i]]
        i += length if group else 1
        alternatives = []
        for term in terms:
            if german and " " not in term:
                alternatives += german_alternatives(term)
            else:
                alternatives.append(PlainText(term, operator="and"))
        query = alternatives[0] if len(alternatives) == 1 else Or(alternatives)
        result.append(Segment(query, tuple(tuple(words(a.query_string)) for a in alternatives)))
    return result


def build(text, language, is_common=None, parsed=None):
    """(query requiring the segments, query with any segment or None); (text, None) when no
    word is left (the backend then sees the plain text, as before).

    `is_common(segment)` tells a segment that most pages match ("Bürgerbeteiligung" on this
    site): such segments are not required when rarer ones are there, so "Bürgerbeteiligung
    Leipzig" finds the Leipzig case that never says "Bürgerbeteiligung"."""
    parts = parsed if parsed is not None else segments(text, language)
    if not parts:
        return text, None
    if len(parts) == 1:
        return parts[0].query, None
    required = [part for part in parts if not (is_common and is_common(part))] or parts
    every = required[0].query if len(required) == 1 else And([part.query for part in required])
    return every, Or([part.query for part in parts])
