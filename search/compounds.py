"""German compound splitting ("Jugendbeteiligung" → Jugend + Beteiligung) with the noun
dictionary of the `german-nouns` package (~100 000 nouns with all their inflected forms, from
the German Wiktionary; CC BY-SA 4.0).

Why not the package's own `Nouns().parse_compound()`: it loads the full 100 000-row table with
every grammatical column (seconds per process, ~300 MB), and it accepts a split that covers only
the end of a word ("Mediation" → "Ion", "Fahrrad" → "Rad"). Here the dictionary is reduced
once to {inflected form: lemma} (cached as a pickle next to the system's temporary files, keyed
by the package version), and a split must cover the whole word with known nouns, allowing
the German linking elements (Fugen-s, -en, -er …) between them.

The same parts feed PostgreSQL (search.backends.postgres appends them to German index entries
and expands German queries with them) and Elasticsearch (the word list of the German
analyser's dictionary_decompounder, see search.analysis)."""

import csv
import functools
import logging
import os
import pickle
import re
import tempfile
from importlib import metadata
from pathlib import Path

logger = logging.getLogger(__name__)

LINKING = ("ens", "es", "en", "er", "e", "n", "s")  # Fugenelemente, longest first
MIN_PART = 3  # "Rat" in "Bürgerrat"
MIN_WORD = 6
MAX_PARTS = 4
# Dictionary entries that are no compound parts (names, abbreviations, bound morphemes).
EXCLUDED_KINDS = {
    "Abkürzung",
    "Affix",
    "Buchstabe",
    "Eigenname",
    "Familienname",
    "Gebundenes Lexem",
    "Nachname",
    "Ortsnamengrundwort",
    "Straßenname",
    "Toponym",
    "Vorname",
    "Wortverbindung",
}
WORD = re.compile(r"[^\W\d_]{%d,}" % MIN_WORD)


def cache_path():
    try:
        version = metadata.version("german-nouns")
    except metadata.PackageNotFoundError:
        return None
    directory = os.environ.get("SEARCH_COMPOUND_CACHE_DIR") or tempfile.gettempdir()
    return Path(directory) / f"netzwerk-german-nouns-{version}.pickle"


def build_lexicon():
    """{lower-case noun form: lemma} from the package's CSV (a few seconds, once)."""
    from german_nouns.config import CSV_FILE_PATH

    forms = {}
    with open(CSV_FILE_PATH, encoding="utf-8", newline="") as csv_file:
        rows = csv.reader(csv_file)
        next(rows)  # header: lemma, pos, genus …, then the inflected forms
        for row in rows:
            lemma, kinds = row[0], set(row[1].split(","))
            if kinds & EXCLUDED_KINDS or "Substantiv" not in kinds or not lemma.isalpha():
                continue
            for form in [lemma, *row[7:]]:
                form = form.lower()
                if len(form) >= MIN_PART and form.isalpha():
                    forms.setdefault(form, lemma)
    return forms


@functools.cache
def lexicon():
    """The {form: lemma} dictionary, or {} without the german-nouns package (no splitting)."""
    path = cache_path()
    if path is None:
        logger.warning("german-nouns is not installed: German compounds are not split")
        return {}
    try:
        with path.open("rb") as cached:
            return pickle.load(cached)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    forms = build_lexicon()
    try:  # write atomically: other processes may read it at the same moment
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as tmp:
            pickle.dump(forms, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError:
        logger.warning("could not cache the compound dictionary in %s", path.parent)
    return forms


@functools.cache
def lemmas():
    """The dictionary's nouns, lower-case, sorted: the word list of Elasticsearch's
    dictionary_decompounder."""
    return sorted({lemma.lower() for lemma in lexicon().values() if len(lemma) >= MIN_PART})


def lemma_of(piece, linked):
    """The lemma of `piece`, also without a linking element when another part follows."""
    forms = lexicon()
    if piece in forms:
        return forms[piece]
    if linked:
        for link in LINKING:
            stem = piece[: -len(link)]
            if piece.endswith(link) and len(stem) >= MIN_PART and stem in forms:
                return forms[stem]
    return None


@functools.lru_cache(maxsize=50_000)
def split(word):
    """The lemmas of the parts of a German compound, or () when `word` is no compound.
    Tries the longest last part first (the head of a German compound is its last part)."""
    text = word.lower()
    if len(text) < MIN_WORD or not text.isalpha() or not lexicon():
        return ()

    def cover(end, found):
        # Split text[:end] into known parts, right to left; `found` parts follow it.
        if end == 0:
            return ()
        if found >= MAX_PARTS:
            return None
        for start in range(0 if found else 1, end - MIN_PART + 1):
            lemma = lemma_of(text[start:end], linked=found > 0)
            if lemma is None:
                continue
            rest = cover(start, found + 1)
            if rest is not None:
                return (*rest, lemma)
        return None

    parts = cover(len(text), 0)
    if not parts or len(parts) < 2:
        return ()
    # A word the dictionary knows must end in the head found: "Bürgerinnen" (a form of
    # Bürgerin) is not Bürge + Rinnen, "Grundschule" is Grund + Schule.
    known = lexicon().get(text)
    if known is not None and not known.lower().endswith(parts[-1].lower()):
        return ()
    return parts


def parts_text(text):
    """The compound parts of every compound in `text`, as one space-separated string."""
    parts = []
    for word in dict.fromkeys(WORD.findall(text)):
        parts.extend(split(word))
    return " ".join(parts)
