"""Enable fuzzy search on PostgreSQL: the unaccent and pg_trgm extensions, the f_unaccent()
wrapper and the trigram indexes that modelsearch's `enable_unaccent`/`enable_trigram` commands
create (same SQL and index names, so running those commands later changes nothing).
Every statement is idempotent; on other databases this migration does nothing."""

from django.db import migrations

INDEX_TABLE = "wagtailsearch_indexentry"

STATEMENTS = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
    $func$ SELECT public.unaccent('public.unaccent', $1) $func$
    """,
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX IF NOT EXISTS modelsearch_title_text_trgm ON {INDEX_TABLE} USING gin (title_text gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS modelsearch_body_text_trgm ON {INDEX_TABLE} USING gin (body_text gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS modelsearch_title_text_unaccent_trgm ON {INDEX_TABLE} USING gin (f_unaccent(title_text) gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS modelsearch_body_text_unaccent_trgm ON {INDEX_TABLE} USING gin (f_unaccent(body_text) gin_trgm_ops)",
]


def enable_fuzzy_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    IndexEntry = apps.get_model("wagtailsearch", "IndexEntry")
    assert IndexEntry._meta.db_table == INDEX_TABLE
    for statement in STATEMENTS:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(enable_fuzzy_search, migrations.RunPython.noop)]
