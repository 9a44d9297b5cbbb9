"""Dates as people type them: the GOV.UK date input (day, month, year) and "15 December 2014".

A month may be a number or a name ("12", "Dec", "December"); a whole date typed or pasted into any
one box ("15 December 2014", "15/12/2014", "2014-12-15") is read as that date. Every message names
the field ("The date the round opens must include a year").
"""

import calendar
import re
from datetime import date

from django import forms

# The years every date of the service lies in, as the import pipeline checks them.
from outcomes.core.imports.cells import FIRST_YEAR, LAST_YEAR

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
PARTS = ("day", "month", "year")


class DateProblem(ValueError):
    """What is wrong, in words, and which box to put the cursor in."""

    def __init__(self, message: str, part: str = "day"):
        super().__init__(message)
        self.part = part


def _month(text: str) -> int | None:
    text = text.strip().lower().rstrip(".")
    if text.isdigit():
        return int(text)
    return _MONTHS.get(text)


def _whole(day: int, month: int, year: int, name: str) -> date:
    if not 1 <= month <= 12:
        raise DateProblem(f"{name} must be a real date: the month must be from 1 to 12", "month")
    if year < FIRST_YEAR or year > LAST_YEAR:
        raise DateProblem(f"{name} must have a year with four digits, such as 2014", "year")
    try:
        return date(year, month, day)
    except ValueError:
        raise DateProblem(
            f"{name} must be a real date: {calendar.month_name[month]} {year} has no day {day}"
        ) from None


def parse_date_text(text: str, name: str) -> date:
    """One piece of text holding a whole date: 15 December 2014, 15 Dec 2014, 15/12/2014, 2014-12-15."""
    words = re.split(r"[\s/.,-]+", text.strip())
    words = [w for w in words if w]
    if len(words) == 3 and len(words[0]) == 4 and words[0].isdigit():
        words = [words[2], words[1], words[0]]  # 2014-12-15
    if len(words) != 3:
        raise DateProblem(f"{name} must be a real date, such as 15 December 2014")
    day, month, year = words
    day = re.sub(r"(st|nd|rd|th)$", "", day.lower())
    found = _month(month)
    if not day.isdigit() or found is None or not year.isdigit():
        raise DateProblem(f"{name} must be a real date, such as 15 December 2014")
    return _whole(int(day), found, int(year), name)


def parse_date_parts(day: str, month: str, year: str, name: str) -> date:
    day, month, year = (day or "").strip(), (month or "").strip(), (year or "").strip()
    filled = [p for p in (day, month, year) if p]
    if len(filled) == 1 and len(filled[0].split()) + filled[0].count("/") + filled[0].count("-") >= 3:
        return parse_date_text(filled[0], name)
    for part, value in zip(PARTS, (day, month, year), strict=True):
        if not value:
            raise DateProblem(f"{name} must include a {part}", part)
    if not day.isdigit():
        raise DateProblem(f"{name} must be a real date: the day must be a number", "day")
    found = _month(month)
    if found is None:
        raise DateProblem(f"{name} must be a real date: the month must be a number or a name", "month")
    if not year.isdigit():
        raise DateProblem(f"{name} must be a real date: the year must be a number", "year")
    return _whole(int(day), found, int(year), name)


class DateInputWidget(forms.Widget):
    """Reads the three boxes of the GOV.UK date input (``opens-day``, ``opens-month``, ``opens-year``)."""

    def value_from_datadict(self, data, files, name):  # noqa: ARG002 (Django's widget signature)
        return tuple(data.get(f"{name}-{part}", "") for part in PARTS)

    def value_omitted_from_data(self, data, files, name):  # noqa: ARG002 (Django's widget signature)
        return not any(f"{name}-{part}" in data for part in PARTS)


class GovukDateField(forms.Field):
    """A date typed into the GOV.UK date input. ``name`` is the date in words for messages
    ("The date the round opens")."""

    widget = DateInputWidget

    def __init__(self, *, name: str, **kwargs):
        self.name_in_words = name
        kwargs.setdefault("error_messages", {}).setdefault("required", f"Enter {name[0].lower()}{name[1:]}")
        super().__init__(**kwargs)
        self.problem_part = "day"

    def to_python(self, value):
        if isinstance(value, date):
            return value
        parts = value if isinstance(value, tuple | list) else (value or "", "", "")
        if not any(str(p).strip() for p in parts):
            return None
        try:
            day, month, year = parts
            return parse_date_parts(day, month, year, name=self.name_in_words)
        except DateProblem as problem:
            self.problem_part = problem.part
            raise forms.ValidationError(str(problem), code="invalid") from None


def date_parts(value) -> dict[str, str]:
    """What the three boxes show: what was typed, or a stored date."""
    if isinstance(value, date):
        return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
    if isinstance(value, tuple | list):
        return dict(zip(PARTS, (str(v) for v in value), strict=True))
    return dict.fromkeys(PARTS, "")
