"""Histories in words: a ChangeRecord's before and after written as sentences people read
("Status changed from Amber to 1/2 Green, 1/2 Amber."), never as stored data.

Each app describes its records' fields (a label, and how to put a value into words); anything not
described still reads as words ("Follow-up set to ...", dates as "15 December 2014").
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from outcomes.core.formatting import format_date, format_datetime

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Field:
    label: str
    words: Callable[[object], str] | None = None
    quoted: bool = False  # prose is quoted so that it reads as what was written


def _empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def plain_words(value) -> str:
    """A stored value in words when its field says nothing more."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and _ISO_DATE.match(value):
        return format_date(date.fromisoformat(value))
    if isinstance(value, Mapping):
        return ", ".join(f"{plain_words(v)} {k}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(plain_words(v) for v in value)
    return str(value)


def _label(name: str, fields: Mapping[str, Field]) -> Field:
    return fields.get(name) or Field(name.replace("_", " ").capitalize())


def _shown(value, field: Field) -> str:
    text = (field.words or plain_words)(value)
    return f"“{text}”" if field.quoted else text


def sentences(before: Mapping | None, after: Mapping | None, fields: Mapping[str, Field]) -> list[str]:
    """One sentence per field that changed. A record made from nothing lists what it was made with."""
    before, after = before or {}, after or {}
    out = []
    names = list(after) + [name for name in before if name not in after]
    for name in names:
        old, new = before.get(name), after.get(name)
        if old == new or (_empty(old) and _empty(new)):
            continue
        field = _label(name, fields)
        if not before:
            out.append(f"{field.label}: {_shown(new, field)}.")
        elif _empty(old):
            out.append(f"{field.label} set to {_shown(new, field)}.")
        elif _empty(new):
            out.append(f"{field.label} removed (was {_shown(old, field)}).")
        else:
            out.append(f"{field.label} changed from {_shown(old, field)} to {_shown(new, field)}.")
    return out


@dataclass(frozen=True)
class HistoryRow:
    when: str
    who: str
    what: str
    changes: list[str]


def history_rows(records, fields: Mapping[str, Field]) -> list[HistoryRow]:
    """The rows of a history page and of its downloads, newest first, each change in words."""
    return [
        HistoryRow(
            format_datetime(r.at),
            r.user.display_name if r.user else "System",
            r.summary,
            sentences(r.before, r.after, fields),
        )
        for r in records
    ]
