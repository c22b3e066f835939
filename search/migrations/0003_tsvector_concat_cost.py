"""Tell the PostgreSQL planner what `title || body` costs (PostgreSQL only).

modelsearch matches `(title || body) @@ query`. The built-in `tsvector_concat` is declared with
the default cost 1 (like `+` on integers), but concatenating two tsvectors takes microseconds per
row, so for a broad query (half of all pages match) the planner preferred a sequential scan that
concatenates every row over the GIN index of migration 0002: 35 ms instead of 4 ms on 10 000
pages. COST 100 is about its measured cost relative to a simple operator. This changes the
estimate only, never a result; a database user without the right to alter the function keeps
the old plans (the migration then does nothing). Not kept by pg_dump: re-run the statement
after restoring a dump into a new cluster."""

from django.db import DatabaseError, migrations, transaction

FUNCTION = "pg_catalog.tsvector_concat(tsvector, tsvector)"


def set_cost(cost):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        try:
            with transaction.atomic(using=schema_editor.connection.alias):
                schema_editor.execute(f"ALTER FUNCTION {FUNCTION} COST {cost}")
        except DatabaseError:  # not the owner (a managed database): keep the default plans
            pass

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_title_body_search_index")]

    operations = [migrations.RunPython(set_cost(100), set_cost(1))]
