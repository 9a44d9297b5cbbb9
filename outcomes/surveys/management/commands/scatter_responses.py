"""Rewrite the survey's stored responses in the order of their random keys
(docs/decisions/0074-shared-computers-and-sending-order.md)."""

from django.core.management.base import BaseCommand
from django.db import connection

TABLES = ["surveys_response", "surveys_textanswer"]


class Command(BaseCommand):
    help = (
        "Rewrite the survey's response and text-answer tables in the order of their random keys, so "
        "that the order rows are stored in says nothing about the order pupils sent in. PostgreSQL "
        "appends rows as they come; run this nightly (with clearsessions) and after an edition "
        "closes. On SQLite the tables are kept in key order already and nothing is done."
    )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("SQLite keeps responses in key order already: nothing to do.")
            return
        with connection.cursor() as cursor:
            # Inside a transaction (a test), foreign-key checks still waiting would stop CLUSTER.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for table in TABLES:
                cursor.execute(
                    "SELECT indexrelid::regclass::text FROM pg_index "
                    "WHERE indrelid = %s::regclass AND indisprimary",
                    [table],
                )
                (key_index,) = cursor.fetchone()
                cursor.execute(f'CLUSTER "{table}" USING {key_index}')
        self.stdout.write("Responses and text answers rewritten in key order.")
