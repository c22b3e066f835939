"""Elasticsearch 9 with language analysers per locale.

Every full-text field gets `.de` and `.en` sub-fields analysed with the German and English
analysers defined in INDEX_SETTINGS (settings); queries use the sub-field of the active language.
Documents of both locales share one index, but results are always filtered by locale, so a
German page is only ever matched through its German analysis and an English page through its
English one.

German compounds: the German analyser gets a `dictionary_decompounder` with the noun list of
search.compounds (the same dictionary as on PostgreSQL), so "Jugend" matches
"Jugendbeteiligung" in both directions. The word list is inline in the index settings
(~90 000 words, 1.2 MB) unless DECOMPOUND_WORDS_PATH names a file in the Elasticsearch config
directory (`manage.py export_compound_words FILE` writes it; ELASTICSEARCH_DECOMPOUND_WORDS_PATH)."""

import copy

from django.utils import translation
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.backends.elasticsearchbase import Field

from .. import compounds

# language code -> analyser name (defined in WAGTAILSEARCH_BACKENDS["default"]["INDEX_SETTINGS"])
LANGUAGE_ANALYZERS = {"de": "german_text", "en": "english_text"}
DECOMPOUNDED_ANALYZERS = ["german_text"]
DECOMPOUNDER = "german_decompounder"


def decompounder(words_path=None):
    """The dictionary_decompounder filter: parts of at least compounds.MIN_PART letters, only
    the longest match (so "Stadtteil" does not also yield "Teil" next to it)."""
    options = {
        "type": "dictionary_decompounder",
        "min_subword_size": compounds.MIN_PART,
        "only_longest_match": True,
    }
    if words_path:
        options["word_list_path"] = words_path
    else:
        options["word_list"] = compounds.lemmas()
    return options


def with_decompounder(settings, words_path=None):
    """A copy of the index settings whose German analysers split compounds after lowercasing
    (the dictionary is lower-case and has its umlauts: before german_normalization)."""
    settings = copy.deepcopy(settings)
    analysis = settings.setdefault("settings", {}).setdefault("analysis", {})
    analysis.setdefault("filter", {})[DECOMPOUNDER] = decompounder(words_path)
    for name in DECOMPOUNDED_ANALYZERS:
        analyzer = analysis.get("analyzer", {}).get(name)
        if analyzer is None or DECOMPOUNDER in analyzer["filter"]:
            continue
        filters = analyzer["filter"]
        position = filters.index("lowercase") + 1 if "lowercase" in filters else 0
        analyzer["filter"] = [*filters[:position], DECOMPOUNDER, *filters[position:]]
    return settings


def add_language_subfields(properties):
    for mapping in properties.values():
        if mapping.get("type") == "nested":
            add_language_subfields(mapping["properties"])
        elif mapping.get("type") == "text" and "analyzer" not in mapping:
            mapping["fields"] = {
                code: {"type": "text", "analyzer": analyzer}
                for code, analyzer in LANGUAGE_ANALYZERS.items()
            }


class LocaleElasticsearchMapping(Elasticsearch9Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        add_language_subfields(mapping["properties"])
        return mapping


def active_language():
    code = (translation.get_language() or "").split("-")[0].lower()
    return code if code in LANGUAGE_ANALYZERS else None


class LocaleElasticsearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = LocaleElasticsearchMapping

    def _remap_fields(self, fields):
        remapped = super()._remap_fields(fields)
        language = active_language()
        if language is None:
            return remapped
        return [Field(f"{field.field_name}.{language}", field.boost) for field in remapped]


class LocaleElasticsearchAutocompleteQueryCompiler(Elasticsearch9AutocompleteQueryCompiler):
    mapping_class = LocaleElasticsearchMapping


class LocaleElasticsearchSearchBackend(Elasticsearch9SearchBackend):
    mapping_class = LocaleElasticsearchMapping
    query_compiler_class = LocaleElasticsearchQueryCompiler
    autocomplete_query_compiler_class = LocaleElasticsearchAutocompleteQueryCompiler

    def __init__(self, params):
        params = dict(params)
        words_path = params.pop("DECOMPOUND_WORDS_PATH", None) or None
        super().__init__(params)
        self.settings = with_decompounder(self.settings, words_path)


SearchBackend = LocaleElasticsearchSearchBackend
