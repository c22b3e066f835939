"""PostgreSQL full-text search with per-locale stemming.

modelsearch's PostgreSQL backend takes exactly one ``SEARCH_CONFIG``, so out of the box English
pages would be stemmed with the German configuration. This subclass changes two things only:

* indexing: each object is indexed with the text search configuration of its own locale
  (``LANGUAGE_CONFIGS``, e.g. ``{"de": "german", "en": "english"}``); objects without a locale
  (images, documents, users) use ``SEARCH_CONFIG``;
* querying: the query is parsed with the configuration of the active language.

Three performance changes, same results:

* fuzzy search filters with the ``<%`` operator (same word similarity and threshold as
  upstream's ``word_similarity(…) >= threshold``), which the trigram GIN indexes of migration
  ``search/0001`` can serve, instead of computing the similarity for every index row;
* indexing a batch prefetches the many-to-many relations of the RelatedFields (upstream skips
  modelcluster's ParentalManyToManyField, which cost several queries per object);
* a full rebuild ends with (VACUUM) ANALYZE of the tables a search joins, so the planner uses
  the GIN indexes right away instead of guessing from missing statistics.

Everything else (storage, ranking, autocomplete with the ``simple`` config) is the upstream
backend.
"""

import copy
from collections import defaultdict

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.db import connections
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    Q,
    TextField,
    Value,
    prefetch_related_objects,
)
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    FUnaccent,
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchAtomicRebuilder,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchRebuilder,
)
from modelsearch.index import RelatedFields
from wagtail.models import Page


def many_related_names(model):
    """Names of the model's to-many RelatedFields, to prefetch for a batch."""
    names = []
    for field in model.get_search_fields():
        if isinstance(field, RelatedFields):
            try:
                model_field = model._meta.get_field(field.field_name)
            except Exception:  # a RelatedFields over a method: nothing to prefetch
                continue
            if model_field.many_to_many or model_field.one_to_many:
                names.append(field.field_name)
    return names


class LocalePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        objs = list(objs)
        prefetch_related_objects(objs, *many_related_names(model))
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

    def _build_fuzzy_queryset(self, config, backend):
        queryset, rank = super()._build_fuzzy_queryset(config, backend)
        if backend.fuzzy_algorithm != "trigram":
            return queryset, rank
        # `q <% text` is word_similarity(q, text) >= pg_trgm.word_similarity_threshold and can use
        # the trigram GIN indexes; set the threshold to the backend's for this connection.
        with connections[queryset.db].cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
                [str(backend.fuzzy_similarity_threshold)],
            )
        unaccent = getattr(self.query, "unaccent", False)
        term = Value(self.query.query_string, output_field=TextField())
        if unaccent:
            term = FUnaccent(term)

        def similar(field):
            text = FUnaccent(F(field)) if unaccent else F(field)
            return Q(TrigramWordSimilar(text, term))  # text %> term, i.e. term <% text

        indexed = similar("index_entries__title_text") | similar("index_entries__body_text")
        # An annotation reuses the index entry join; a filter() would add a second one.
        queryset = queryset.annotate(
            _fuzzy_indexed=ExpressionWrapper(indexed, output_field=BooleanField())
        )
        return queryset.filter(_fuzzy_indexed=True), rank


def analyze_search_tables(index):
    """Fresh planner statistics after a full rebuild or a bulk load (autovacuum may lag or be
    off): without them PostgreSQL ignores the GIN indexes and probes the index once per page.
    Outside a transaction also VACUUM the index table: a rebuild rewrites every row."""
    connection = index.write_connection
    entries, pages = (connection.ops.quote_name(m._meta.db_table) for m in (IndexEntry, Page))
    with connection.cursor() as cursor:
        cursor.execute(f"{'ANALYZE' if connection.in_atomic_block else 'VACUUM ANALYZE'} {entries}")
        cursor.execute(f"ANALYZE {pages}")


class LocalePostgresSearchRebuilder(PostgresSearchRebuilder):
    def finish(self):
        super().finish()
        analyze_search_tables(self.index)


class LocalePostgresSearchAtomicRebuilder(PostgresSearchAtomicRebuilder):
    def finish(self):
        super().finish()  # commits the rebuild; ANALYZE then sees the new rows
        analyze_search_tables(self.index)


class LocalePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = LocalePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler  # "simple": no stemming
    index_class = LocalePostgresIndex
    rebuilder_class = LocalePostgresSearchRebuilder
    atomic_rebuilder_class = LocalePostgresSearchAtomicRebuilder

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = {
            code.lower(): config for code, config in params.get("LANGUAGE_CONFIGS", {}).items()
        }
        self._locale_languages = None

    def analyze(self):
        """Refresh the planner statistics after indexing many objects in bulk."""
        analyze_search_tables(self.index_class(self))

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
