"""PostgreSQL full-text search with per-locale stemming.

modelsearch's PostgreSQL backend takes exactly one ``SEARCH_CONFIG``, so out of the box English
pages would be stemmed with the German configuration. This subclass changes two things only:

* indexing: each object is indexed with the text search configuration of its own locale
  (``LANGUAGE_CONFIGS``, e.g. ``{"de": "german", "en": "english"}``); objects without a locale
  (images, documents, users) use ``SEARCH_CONFIG``;
* querying: the query is parsed with the configuration of the active language.

Everything else (storage, ranking, fuzzy search, autocomplete with the ``simple`` config, facets)
is the upstream backend.
"""

import copy
from collections import defaultdict

from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)


class LocalePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        # Group the objects by configuration and let the upstream code index each group with a
        # copy of the backend that carries that configuration (no shared state is mutated).
        groups = defaultdict(list)
        for obj in objs:
            groups[self.backend.config_for_object(obj)].append(obj)
        for config, group in groups.items():
            index = copy.copy(self)
            index.backend = self.backend.with_config(config)
            PostgresIndex.add_items(index, model, group)


class LocalePostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for_language(translation.get_language())


class LocalePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = LocalePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler  # "simple": no stemming
    index_class = LocalePostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = {
            code.lower(): config for code, config in params.get("LANGUAGE_CONFIGS", {}).items()
        }
        self._locale_languages = None

    def with_config(self, config):
        clone = copy.copy(self)
        clone.config = config
        return clone

    def config_for_language(self, language_code):
        """Configuration for a language code ("de", "de-at", "en-gb"); SEARCH_CONFIG otherwise."""
        code = (language_code or "").lower()
        return self.language_configs.get(
            code, self.language_configs.get(code.split("-")[0], self.config)
        )

    def config_for_object(self, obj):
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is None:
            return self.config
        if self._locale_languages is None or locale_id not in self._locale_languages:
            from wagtail.models import Locale

            # One query per backend instance (instances are short-lived).
            self._locale_languages = dict(Locale.objects.values_list("pk", "language_code"))
        return self.config_for_language(self._locale_languages.get(locale_id))


SearchBackend = LocalePostgresSearchBackend
