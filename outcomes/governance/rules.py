"""The tracker's rules (issue 15; seed 003 L2978-3033), each named once here and unit-tested."""

import re
from datetime import date


class Refused(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(" ".join(problems))


def discharge_problems(action, on: date, evidence: str) -> list[str]:
    """An action is discharged only with its evidence (the agenda item, minute, paper or document
    that shows it done), on or after the day it was raised, and only once."""
    problems = []
    if not (evidence or "").strip():
        problems.append("Enter the evidence that the action is done, such as the agenda item or minute")
    if on < action.raised_on:
        problems.append("The action cannot be discharged before the day it was raised")
    if not action.is_open:
        problems.append("The action is already closed")
    return problems


def may_update(action, person) -> bool:
    """A lead officer updates the actions they own (linked as an owner), while they are open."""
    return person is not None and action.is_open and action.owners.filter(pk=person.pk).exists()


# The meetings' checks (issue 15; notes-003 §19.5-6, §20 V8-V9; notes-002 §10). Each reads plain
# values so that it is tested on its own; checks.py gathers the values from the records.

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?,?\s+(" + "|".join(MONTHS) + r"),?\s+(\d{4})\b", re.IGNORECASE
)


def _day_words(on: date) -> str:
    return f"{on.day} {on:%B %Y}"


def weekday_matches_date(text: str, on: date | None = None) -> list[str]:
    """The weekday a document names must be the weekday of its date: the date given, or else the
    date the text itself writes ("Thursday 6th June 2014" is wrong: 6 June 2014 was a Friday; the
    LSCB met on Thursday 5th). A text naming no weekday, or no date to hold it against, is fine."""
    named = _WEEKDAY.search(text or "")
    if named is None:
        return []
    if on is None:
        written = _DATE.search(text)
        if written is None:
            return []
        day, month, year = (
            int(written.group(1)),
            MONTHS.index(written.group(2).lower()) + 1,
            int(written.group(3)),
        )
        try:
            on = date(year, month, day)
        except ValueError:
            return [f"“{written.group(0)}” is not a date."]
    weekday = named.group(1).lower()
    if WEEKDAYS[on.weekday()] == weekday:
        return []
    return [f"“{text.strip()}” names a {weekday.title()}, but {_day_words(on)} was a {on:%A}."]


def _same_name(name: str) -> str:
    return " ".join(name.replace(".", " ").split()).casefold()


def present_and_apologies_overlap(lines: list[tuple[str, str]]) -> list[str]:
    """Nobody is both present and giving apologies (seed 003 L59/61: John Radford). ``lines`` are
    (name, status) pairs, a member's name as their membership writes it; the names both ways."""
    present = {_same_name(name): name for name, status in lines if status == "present"}
    apologies = {_same_name(name) for name, status in lines if status == "apologies"}
    return [present[key] for key in present if key in apologies]


def members_unaccounted(members: list[tuple[int, str]], accounted: set[int]) -> list[str]:
    """Every member of the body on the meeting's date has a line of attendance (or a substitute
    sits for them). ``members`` are (membership id, name); ``accounted`` the membership ids seen."""
    return [name for pk, name in members if pk not in accounted]


def another_body_minutes_date_mismatch(cited: date, meeting_dates: list[date]) -> date | None:
    """An agenda citing another body's minutes "held on <date>" must give the date that body met:
    the body's meeting nearest the date cited, when it is not that date (None when it is, or when
    Outcomes holds no meeting of the body to compare with)."""
    if not meeting_dates or cited in meeting_dates:
        return None
    return min(meeting_dates, key=lambda day: (abs((day - cited).days), day))


def _short(title: str, limit: int = 70) -> str:
    first = title.strip().splitlines()[0] if title.strip() else "(untitled)"
    return first if len(first) <= limit else first[:limit].rsplit(" ", 1)[0] + " …"


_NUMBER = re.compile(r"^\s*(\d+)\s*[.)]?\s*$")


def agenda_number_gaps(items: list[tuple[str, str, bool]]) -> list[str]:
    """The numbers an agenda printed run on without gaps and every item has one. ``items`` are
    (title, number as written, is a sub-item) in the agenda's order; an agenda printed with no
    numbers at all (numbers computed by Outcomes) has nothing to check."""
    if not any(number.strip() for _, number, _ in items):
        return []
    problems = []
    previous: int | None = None
    for title, number, is_sub in items:
        short = _short(title)
        if not number.strip():
            problems.append(f"The item “{short}” has no number.")
            if not is_sub and previous is not None:
                previous += 1  # it stands where its number would be: no gap besides
            continue
        if is_sub:
            continue
        found = _NUMBER.match(number)
        if found is None:
            continue
        value = int(found.group(1))
        if previous is not None and value != previous + 1:
            problems.append(f"The numbers jump from {previous} to {value} (at “{short}”).")
        previous = value
    return problems


def action_without_owner_or_due(
    *, is_open: bool, owner_text: str, has_owners: bool, due_on: date | None, due_rule: str
) -> list[str]:
    """An open action says who does it and by when (a date, or a rule in words)."""
    if not is_open:
        return []
    problems = []
    if not (owner_text or "").strip() and not has_owners:
        problems.append("The action has no owner.")
    if due_on is None and not (due_rule or "").strip():
        problems.append("The action has no due date, nor a due rule in words.")
    return problems


def paper_missing_sections(paper) -> list[str]:
    """An agenda item's paper whose template's required sections are empty: the papers' own rules
    (papers.rules.template_problems and required_sections), not repeated here."""
    from outcomes.papers import content
    from outcomes.papers import rules as paper_rules

    template = [(ts.key, ts.label, ts.required, ts.kind == ts.FIELD) for ts in paper.template.sections.all()]
    parts = content.parts_of(content.sections_of(paper))
    return paper_rules.template_problems(template) + paper_rules.required_sections(parts)
