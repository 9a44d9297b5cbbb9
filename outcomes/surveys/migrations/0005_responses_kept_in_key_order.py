"""On SQLite, keep responses and their text answers in the order of their random keys (WITHOUT
ROWID): an ordinary SQLite table numbers its rows as they are inserted, which would give the order
pupils sent in (docs/decisions/0074-shared-computers-and-sending-order.md). Nothing to do on
PostgreSQL here (manage.py scatter_responses).

A later migration that makes SQLite rebuild one of these tables must keep WITHOUT ROWID
(tests/integration/test_survey_sending_order.py fails if it does not)."""

from django.db import migrations

TABLES = ["surveys_response", "surveys_textanswer"]


def keep_in_key_order(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = %s", [table])
            (create,) = cursor.fetchone()
            if create.rstrip().upper().endswith("WITHOUT ROWID"):
                continue
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
                [table],
            )
            indexes = [row[0] for row in cursor.fetchall()]
            rebuilt = f"{table}__key_order"
            cursor.execute(create.replace(f'"{table}"', f'"{rebuilt}"', 1) + " WITHOUT ROWID")
            cursor.execute(f'INSERT INTO "{rebuilt}" SELECT * FROM "{table}" ORDER BY "id"')
            cursor.execute(f'DROP TABLE "{table}"')
            cursor.execute(f'ALTER TABLE "{rebuilt}" RENAME TO "{table}"')
            for sql in indexes:
                cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0004_edition_suppression_threshold"),
    ]

    operations = [migrations.RunPython(keep_in_key_order, migrations.RunPython.noop)]
