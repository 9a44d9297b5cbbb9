"""What the edition workbook's sheets share: the spelling of names, and yes-or-blank columns."""

import re

from outcomes.core.imports import Row, cells

NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def name_problem(name: str, what: str) -> str:
    if not name:
        return f"the {what} is missing"
    return f"'{cells.short(name)}' is not a valid {what}: start with a letter, then letters, digits or _"


def yes_or_blank(row: Row, key: str) -> bool:
    try:
        return cells.flag(row.get(key))
    except cells.BadValue:
        row.fail(key, f"'{cells.short(cells.plain(row.get(key)).strip())}' should be yes or left blank")
        return False
