"""Elasticsearch 9 with language analysers per locale.

Every full-text field gets `.de` and `.en` sub-fields analysed with the German and English
analysers defined in INDEX_SETTINGS (settings); queries use the sub-field of the active language.
Documents of both locales share one index, but results are always filtered by locale, so a
German page is only ever matched through its German analysis and an English page through its
English one."""

from django.utils import translation
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.backends.elasticsearchbase import Field

# language code -> analyser name (defined in WAGTAILSEARCH_BACKENDS["default"]["INDEX_SETTINGS"])
LANGUAGE_ANALYZERS = {"de": "german_text", "en": "english_text"}


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


SearchBackend = LocaleElasticsearchSearchBackend
