"""Rows inserted in bulk, as the LAIT import and the recompute write 641,070 of each: many rows per
INSERT (on SQLite about 40% faster than executemany's row at a time), through the driver's own
cursor on SQLite (Django's wrapper rewrites every "%s" of a statement with a regular expression,
which on these long statements costs as much as the insert)."""

import sqlite3

import numpy as np
from django.db import connection


def parameter_limit() -> int:
    """How many parameters one statement may bind: SQLite's compiled limit, PostgreSQL's 65,535."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        return min(connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER), 32_766)
    return 65_535


def insert_rows(table: str, names: list[str], columns: list) -> int:
    """Insert the rows whose values ``columns`` hold, one list (or array) per name in ``names``,
    row by row alike. Returns the number of rows."""
    count = len(columns[0]) if columns else 0
    if not count:
        return 0
    width = len(names)
    # Row after row, filled a column at a time (a list's slice assignment beats any numpy detour).
    flat: list = [None] * (count * width)
    for j, values in enumerate(columns):
        flat[j::width] = values.tolist() if isinstance(values, np.ndarray) else values
    per_statement = max(1, parameter_limit() // width)
    raw = connection.vendor == "sqlite"
    marker = "?" if raw else "%s"
    one_row = "(" + ", ".join([marker] * width) + ")"
    head = f"INSERT INTO {table} ({', '.join(names)}) VALUES "
    # One text for every full statement: the driver prepares it once and keeps it.
    full = head + ", ".join([one_row] * per_statement)
    with connection.cursor() as wrapper:
        cursor = connection.connection.cursor() if raw else wrapper
        for start in range(0, count, per_statement):
            size = min(per_statement, count - start)
            statement = full if size == per_statement else head + ", ".join([one_row] * size)
            cursor.execute(statement, flat[start * width : (start + size) * width])
    return count
