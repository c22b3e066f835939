"""A GIN index on `title || body` of the search index table (PostgreSQL only).

modelsearch's PostgreSQL backend matches `(title || body) @@ query`; the per-column GIN indexes
it creates cannot serve that expression, so every search read all index rows. With this
expression index a search reads only the matching rows. On other databases this does nothing.
(`search.backends.postgres` refreshes the statistics again after bulk indexing.)"""

from django.db import migrations

INDEX_TABLE = "wagtailsearch_indexentry"
INDEX_NAME = "search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {INDEX_TABLE} USING gin ((title || body))"
        )
        # Statistics for the new expression and the page table the search joins: without them
        # the planner ignores the GIN indexes (autovacuum may be off or not have run yet).
        schema_editor.execute(f"ANALYZE {INDEX_TABLE}")
        schema_editor.execute("ANALYZE wagtailcore_page")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_enable_fuzzy_search")]

    operations = [migrations.RunPython(create_index, drop_index)]
