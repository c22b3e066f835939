"""The concatenated `title || body` vector as a stored generated column with its GIN index
(PostgreSQL only), replacing the expression index of migration 0002.

modelsearch matches `(title || body) @@ query`. For a broad query (most pages match) the
planner scans the table, and concatenating the two vectors of every row was most of a
search's time: 45 ms of a 55 ms statement on 10 000 pages under load, against 10 ms for
matching a stored vector. `search.backends.postgres` matches this column instead; PostgreSQL
computes it on every insert and update, so modelsearch's own writes need not know it. The
planner statistics of the column (ANALYZE) tell `common_test` which words are common. On
other databases this does nothing."""

from django.db import migrations

INDEX_TABLE = "wagtailsearch_indexentry"
COLUMN = "title_body"
INDEX_NAME = "search_indexentry_title_body_column_gin"
EXPRESSION_INDEX = "search_indexentry_title_body_gin"  # migration 0002
TOAST_TARGET = 4080


def add_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # Rows up to 4 KB stay in the table: with the column, a case's row is about 2 KB, where
    # PostgreSQL starts moving vectors out into the TOAST table (one more lookup per row read).
    schema_editor.execute(f"ALTER TABLE {INDEX_TABLE} SET (toast_tuple_target = {TOAST_TARGET})")
    schema_editor.execute(
        f"ALTER TABLE {INDEX_TABLE} ADD COLUMN IF NOT EXISTS {COLUMN} tsvector "
        "GENERATED ALWAYS AS (title || body) STORED"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {INDEX_TABLE} USING gin ({COLUMN})"
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {EXPRESSION_INDEX}")
    schema_editor.execute(f"ANALYZE {INDEX_TABLE}")


def drop_column(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {EXPRESSION_INDEX} ON {INDEX_TABLE} USING gin ((title || body))"
    )
    schema_editor.execute(f"ALTER TABLE {INDEX_TABLE} RESET (toast_tuple_target)")
    schema_editor.execute(f"ALTER TABLE {INDEX_TABLE} DROP COLUMN IF EXISTS {COLUMN}")
    schema_editor.execute(f"ANALYZE {INDEX_TABLE}")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_default_synonyms")]

    operations = [migrations.RunPython(add_column, drop_column)]
