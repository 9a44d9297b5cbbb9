"""What the governance imports share (decision 0143): dates as the seeds write them ("05.06.14"),
the dated lines of an update cell, the Guidance sheet of a template, the body's history key."""

import re
from datetime import date

from django import forms

from outcomes.core import downloads
from outcomes.core.imports import cells

# 05.06.14, 05.06.2014, 5/6/14: the log's own way of writing a date (seed 003 L2978-3033).
DOTTED = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b")


def body_key(body) -> str:
    return f"body:{body.pk}"


def _dotted(match: re.Match) -> date:
    day, month, year = (int(part) for part in match.groups())
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        raise cells.BadValue(f"'{match.group(0).strip()}' is not a date") from None


def seed_day(value) -> date | None:
    """A date as ``cells.day`` reads it, or as the log writes it: 05.06.14 or 05.06.2014."""
    if not cells.is_blank(value) and isinstance(value, str):
        match = DOTTED.match(value)
        if match and not value[match.end() :].strip():
            return _dotted(match)
    return cells.day(value)


def dated_lines(value) -> list[tuple[date, str]]:
    """An update cell: each update starts with its date ("05.06.14 This was re-circulated."); a line
    without a date continues the update above it (a paragraph of it). Raises BadValue naming the
    first line that has no update to belong to, or a date that is not one."""
    text = cells.text(value)
    updates: list[tuple[date, list[str]]] = []
    for line in text.split("\n"):
        match = DOTTED.match(line)
        if match:
            updates.append((_dotted(match), [line[match.end() :].strip(" :-–\t")]))
        elif line.strip():
            if not updates:
                raise cells.BadValue(
                    f"'{cells.short(line.strip())}' has no date: start each update with its date, "
                    "as 05.06.14 This was re-circulated."
                )
            updates[-1][1].append(line.strip())
    found = []
    for on, parts in updates:
        words = "\n\n".join(part for part in parts if part)
        if not words:
            raise cells.BadValue(f"the update of {on:%d.%m.%y} has no text")
        found.append((on, words))
    return found


def guidance_sheet(workbook, sheet: str, columns, examples: list[str]) -> None:
    guide = downloads.add_sheet(workbook, "Guidance")
    downloads.header_row(guide, ["Sheet", "Column", "Needed", "What to put in it"])
    for _, heading, required, text in columns:
        downloads.append(guide, [sheet, heading, "yes" if required else "", text])
    downloads.append(guide, [])
    for example in examples:
        downloads.append(guide, [sheet, "Example", "", example])
    downloads.set_widths(guide, [12, 28, 8, 100])


class UploadForm(forms.Form):
    file = forms.FileField(
        label="File",
        help_text="The template filled in, as Excel (.xlsx) or CSV (.csv)",
        error_messages={"required": "Choose a file to upload"},
    )
