"""PostgreSQL full-text search with per-locale stemming.

modelsearch's PostgreSQL backend takes exactly one ``SEARCH_CONFIG``, so out of the box English
pages would be stemmed with the German configuration. This subclass changes two things only:

* indexing: each object is indexed with the text search configuration of its own locale
  (``LANGUAGE_CONFIGS``, e.g. ``{"de": "german", "en": "english"}``); objects without a locale
  (images, documents, users) use ``SEARCH_CONFIG``;
* querying: the query is parsed with the configuration of the active language.

Four performance changes (the same results, except the capped fuzzy candidates):

* the full-text match reads the stored ``title || body`` column of migration ``search/0006``
  (and its GIN index) instead of concatenating both vectors of every row;
* fuzzy search filters with the ``<%`` operator (same word similarity and threshold as
  upstream's ``word_similarity(…) >= threshold``), which the trigram GIN indexes of migration
  ``search/0001`` can serve, instead of computing the similarity for every index row; it ranks
  every title match but at most ``MAX_FUZZY_BODY_CANDIDATES`` body matches;
* indexing a batch prefetches the many-to-many relations of the RelatedFields (upstream skips
  modelcluster's ParentalManyToManyField, which cost several queries per object);
* a full rebuild ends with (VACUUM) ANALYZE of the tables a search joins, so the planner uses
  the GIN indexes right away instead of guessing from missing statistics.

German compounds: objects indexed with a configuration in ``DECOMPOUND_CONFIGS`` (default
``["german"]``) also get the parts of their compounds (search.compounds) in the same field
and weight, so "Jugend" finds "Jugendbeteiligung"; queries are expanded the other way round in
search.query. PostgreSQL's own ispell/hunspell dictionaries would need files in the server's
``tsearch_data`` directory, which a managed PostgreSQL does not allow; this needs nothing on
the server.

Everything else (storage, ranking, autocomplete with the ``simple`` config) is the upstream
backend.
"""

import copy
from collections import defaultdict

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchRank, SearchVectorField, TrigramWordSimilarity
from django.core.cache import cache
from django.db import connections
from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Expression,
    ExpressionWrapper,
    F,
    FloatField,
    Q,
    TextField,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Length
from django.db.models.sql.subqueries import InsertQuery
from django.utils import translation
from modelsearch.backends.database.postgres.postgres import (
    FUnaccent,
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchAtomicRebuilder,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchRebuilder,
)
from modelsearch.index import RelatedFields
from modelsearch.query import And, Fuzzy, MatchAll, Not, Or
from modelsearch.utils import get_content_type_pk
from wagtail.models import Page

from .. import compounds

MAX_FUZZY_BODY_CANDIDATES = 100  # see _build_fuzzy_queryset
# A query word found in at least this share of all index entries is "common" (search.query).
COMMON_SHARE = 0.1
# The stored `title || body` column of migration search/0006, matched instead of the expression.
TITLE_BODY_COLUMN = "title_body"


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


class CompoundObjectIndexer(ObjectIndexer):
    """Adds the parts of the compounds of every text to its vector (same weight), for the
    configurations that decompound; autocomplete (prefixes of titles) stays as it is."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.decompound = self.config in backend.decompound_configs

    def as_vector(self, texts, for_autocomplete=False):
        if self.decompound and not for_autocomplete:
            texts = list(texts)
            texts += [(compounds.parts_text(text), weight) for text, weight in texts]
        return super().as_vector(texts, for_autocomplete=for_autocomplete)


class LocalePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        objs = list(objs)
        prefetch_related_objects(objs, *many_related_names(model))
        # Group the objects by configuration and index each group with a copy of the backend
        # that carries that configuration (no shared state is mutated).
        groups = defaultdict(list)
        for obj in objs:
            groups[self.backend.config_for_object(obj)].append(obj)
        for config, group in groups.items():
            index = copy.copy(self)
            index.backend = self.backend.with_config(config)
            index.insert_entries(model, group)

    def _refresh_title_norms(self, full=False):
        """Upstream's title norms (average title length / this title's length), written only
        where the value changes: upstream rewrites every row of the table after a rebuild."""
        lavg = (
            self.entries.annotate(title_length=Length("title"))
            .filter(title_length__gt=0)
            .aggregate(Avg("title_length"))["title_length__avg"]
        )
        entries = self.entries if full else self.entries.filter(title_norm=1.0)
        norm = ExpressionWrapper(lavg / F("title_length"), output_field=FloatField())
        (
            entries.annotate(title_length=Length("title"), new_norm=norm)
            .filter(title_length__gt=0)
            .exclude(title_norm=F("new_norm"))
            .update(title_norm=norm)
        )

    def insert_entries(self, model, objs):
        """Upstream's add_items with CompoundObjectIndexer instead of ObjectIndexer (upstream
        names its indexer class inside the method, so there is no hook): one INSERT … ON
        CONFLICT DO UPDATE for the batch, then the title norms. An entry whose vectors and texts
        are unchanged is not written again: a full rebuild (`update_index`, one transaction)
        otherwise left a dead copy of every row behind, and of the table four times its size
        every search had to read the dead part too."""
        if not model.get_search_fields():
            return
        indexers = [CompoundObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name, vector in (
                ("title", indexer.title),
                ("autocomplete", indexer.autocomplete),
                ("body", indexer.body),
            ):
                value = compiler.prepare_value(IndexEntry._meta.get_field(name), vector)
                sql, vector_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(vector_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        table = self.write_connection.ops.quote_name(IndexEntry._meta.db_table)
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table} (content_type_id, object_id, title,
                    autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title,
                              title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                WHERE ({table}.title, {table}.autocomplete, {table}.body, {table}.title_text,
                       {table}.body_text)
                      IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.autocomplete, EXCLUDED.body,
                                        EXCLUDED.title_text, EXCLUDED.body_text)
                """,
                params,
            )
        self._refresh_title_norms()


class IndexEntryColumn(Expression):
    """A column of the index entry table that modelsearch's IndexEntry model does not declare
    (search/0006), on the join of `sibling`, an F() to a field of the same table."""

    def __init__(self, sibling, column, output_field):
        super().__init__(output_field=output_field)
        self.sibling, self.column = sibling, column

    def get_source_expressions(self):
        return [self.sibling]

    def set_source_expressions(self, exprs):
        (self.sibling,) = exprs

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name_unless_alias(self.sibling.alias)
        return f"{alias}.{connection.ops.quote_name(self.column)}", []


class LocalePostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for_language(translation.get_language())

    def search(self, config, start, stop, score_field=None, backend=None):
        """Upstream's search, matching the stored `title || body` column (search/0006) instead
        of concatenating both vectors of every row; ranking and scoring as upstream."""
        if (
            self.fields is not None
            or isinstance(self.query, (MatchAll, Fuzzy))
            or (isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll))
        ):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        rank_expression = self._build_rank_expression(self.get_search_vectors(search_query), config)
        vector = IndexEntryColumn(F("index_entries__title"), TITLE_BODY_COLUMN, SearchVectorField())
        queryset = self.queryset.annotate(_vector_=vector).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        # One ts_rank over the whole tsquery: upstream ranks every part of an And/Or separately
        # and combines them, which for search.query's expanded queries (a word or its compound
        # parts or its synonyms) meant two to six ts_rank calls per vector and row.
        if isinstance(query, (And, Or)):
            rank = SearchRank(
                vector, self.build_tsquery(query, config=config), weights=self.sql_weights
            )
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def _build_fuzzy_queryset(self, config, backend):
        if backend.fuzzy_algorithm != "trigram":
            return super()._build_fuzzy_queryset(config, backend)
        # `q <% text` is word_similarity(q, text) >= pg_trgm.word_similarity_threshold and can use
        # the trigram GIN indexes; set the threshold to the backend's for this connection.
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
                [str(backend.fuzzy_similarity_threshold)],
            )
        unaccent = getattr(self.query, "unaccent", False)
        search_string = self.query.query_string
        term = Value(search_string, output_field=TextField())
        if unaccent:
            term = FUnaccent(term)

        def text(field):
            return FUnaccent(F(field)) if unaccent else F(field)

        title, body = text("index_entries__title_text"), text("index_entries__body_text")
        # Only the `<%` filter: upstream also filters on GREATEST(word_similarity(…)) >= threshold,
        # the same condition, but that recomputes the similarity of every long body text once
        # more per candidate row (most of the time of a fuzzy search on 10 000 pages).
        # Candidates: every title match, but at most MAX_FUZZY_BODY_CANDIDATES body matches (in
        # table order, before ranking). Checking a candidate means computing its word
        # similarity; a loose query ("Stadtentwicklung": "Stadt", "Entwicklung") is similar to
        # a quarter of all long body texts, which took ~0.5 s on 10 000 pages. The LIMIT lets
        # PostgreSQL stop the index scan early; a fallback for a misspelling needs no more.
        title_entries = IndexEntry.objects.filter(
            TrigramWordSimilar(text("title_text"), term)
        ).values("pk")
        body_entries = IndexEntry.objects.filter(TrigramWordSimilar(text("body_text"), term))
        # One IN (… UNION …) lets PostgreSQL start from the few candidates; two ORed IN
        # subqueries made it join every page to its index entry first.
        candidates = title_entries.union(body_entries.values("pk")[:MAX_FUZZY_BODY_CANDIDATES])
        matched = Q(index_entries__pk__in=candidates)
        # Ranking: the similarity of the best-matching title word, plus half that of the
        # best body word, so a page titled with the word beats one that mentions it in its
        # text (upstream takes the greater of the two, scaled by title_norm, which ties them
        # and then favours short titles); and upstream's prefix boost.
        rank = ExpressionWrapper(
            TrigramWordSimilarity(term, title) + 0.5 * TrigramWordSimilarity(term, body),
            output_field=FloatField(),
        )
        if backend.fuzzy_prefix_boost > 0:
            rank = rank * Case(
                When(
                    index_entries__title_text__istartswith=search_string,
                    then=Value(1.0 + backend.fuzzy_prefix_boost),
                ),
                default=Value(1.0),
                output_field=FloatField(),
            )
        # An annotation reuses the index entry join; a filter() would add a second one.
        queryset = self.queryset.annotate(
            _fuzzy_indexed=ExpressionWrapper(matched, output_field=BooleanField()),
            _fuzzy_similarity=rank,
        )
        return queryset.filter(_fuzzy_indexed=True), F("_fuzzy_similarity")


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
        self.decompound_configs = set(params.get("DECOMPOUND_CONFIGS", ["german"]))
        self._locale_languages = None

    def analyze(self):
        """Refresh the planner statistics after indexing many objects in bulk."""
        analyze_search_tables(self.index_class(self))

    def lexeme_shares(self):
        """{lexeme: share of index entries containing it} for the most common lexemes, from
        the planner's statistics of the title || body column (ANALYZE keeps them current; no
        scan at query time). Cached for ten minutes."""

        def load():
            with connections["default"].cursor() as cursor:
                cursor.execute(
                    "SELECT most_common_elems::text::text[], most_common_elem_freqs "
                    "FROM pg_stats WHERE tablename = %s AND attname = %s",
                    [IndexEntry._meta.db_table, TITLE_BODY_COLUMN],
                )
                row = cursor.fetchone()
            return dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}

        return cache.get_or_set("search:lexeme-shares", load, 600)

    def word_lexemes(self, words, language):
        """{word: (lexeme, …)} as the language's configuration stems them (one query)."""
        config = self.config_for_language(language)
        with connections["default"].cursor() as cursor:
            cursor.execute(
                "SELECT w, tsvector_to_array(to_tsvector(%s::regconfig, w)) FROM unnest(%s::text[]) w",
                [config, list(words)],
            )
            return {word: tuple(lexemes) for word, lexemes in cursor.fetchall()}

    def common_test(self, segments, language):
        """is_common(segment) for search.query.build: every alternative of the segment is in at
        least COMMON_SHARE of the index entries."""
        shares = self.lexeme_shares()
        words = {word for segment in segments for alt in segment.alternatives for word in alt}
        lexemes = self.word_lexemes(words, language) if shares and words else {}

        def share(alternative):  # pages with every word of the alternative: at most the rarest
            return min(
                (
                    max((shares.get(x, 0.0) for x in lexemes.get(w, ())), default=0.0)
                    for w in alternative
                ),
                default=0.0,
            )

        def is_common(segment):
            return max(map(share, segment.alternatives), default=0.0) >= COMMON_SHARE

        return is_common

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
