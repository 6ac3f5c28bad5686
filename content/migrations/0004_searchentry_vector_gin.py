"""The GIN index on the search vector, on PostgreSQL only (SQLite has no vector and searches `words`)."""

from django.db import migrations

INDEX = "content_searchentry_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON content_searchentry USING gin (vector)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("content", "0003_search_entries")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
