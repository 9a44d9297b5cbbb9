"""The tracker's rules (issue 15; seed 003 L2978-3033), each named once here and unit-tested."""

import calendar
import re
from datetime import date

from outcomes.core.formatting import format_date
from outcomes.core.text_checks import MONTHS, WORDED_DATE


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

# The weekdays and the dates written in words are read as core/text_checks reads them (V11).
WEEKDAYS = [name.lower() for name in calendar.day_name]
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def weekday_matches_date(text: str, on: date | None = None) -> list[str]:
    """The weekday a document names must be the weekday of its date: the date given, or else the
    date the text itself writes ("Thursday 6th June 2014" is wrong: 6 June 2014 was a Friday; the
    LSCB met on Thursday 5th). A text naming no weekday, or no date to hold it against, is fine."""
    named = _WEEKDAY.search(text or "")
    if named is None:
        return []
    if on is None:
        written = WORDED_DATE.search(text)
        if written is None:
            return []
        day, month, year = int(written["d"]), MONTHS[written["month"].lower()], int(written["y"])
        try:
            on = date(year, month, day)
        except ValueError:
            return [f"“{text[written.start('d') : written.end()]}” is not a date."]
    weekday = named.group(1).lower()
    if WEEKDAYS[on.weekday()] == weekday:
        return []
    return [f"“{text.strip()}” names a {weekday.title()}, but {format_date(on)} was a {on:%A}."]


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


# --- minutes (seed 002 L1556-1912, seed 003 L56-268; decisions 0139-0141) ---------------------

RUNNING = "running"
PER_MEETING = "per_meeting"


def next_minute_number(numbering: str, body_numbers: list[int], meeting_numbers: list[int]) -> int:
    """The number the next minute of a meeting takes. Running across meetings: one more than the
    highest number of the body's minutes up to this meeting (269, 270 ... on from the partnership's
    last; D23, D24 ... with the scrutiny panel's prefix); per meeting: one more than the meeting's
    highest, from 1. ``body_numbers``: the numbers of the body's minutes of this and earlier meetings."""
    if numbering == PER_MEETING:
        return max(meeting_numbers, default=0) + 1
    return max([*body_numbers, *meeting_numbers], default=0) + 1


def minute_label(minute) -> str:
    """The minute's number as the minutes print it: its body's prefix and its number (269, D24)."""
    return f"{minute.meeting.body.minute_prefix}{minute.number}"


def minute_number_problems(number: int | None, taken: list[int]) -> list[str]:
    """A number typed for a minute (the first of a body new to Outcomes, 269) is whole and free."""
    if number is None:
        return []
    if number < 1:
        return ["A minute number is 1 or more"]
    if number in taken:
        return [f"This meeting already has a minute {number}"]
    return []


def resolution_problems(
    kind: str,
    *,
    text: str,
    amendment: str = "",
    target_body=None,
    due_on: date | None = None,
    due_rule: str = "",
    owner_text: str = "",
    owners=(),
) -> list[str]:
    """What each kind of resolution needs besides its words: an amendment's text; the body a matter
    is referred to; the body to report back to and by when; an action's owner and when it is due."""
    problems = []
    if not (text or "").strip():
        problems.append("Enter the resolution as resolved, for example: That the report be noted")
    if kind == "approved_amended" and not (amendment or "").strip():
        problems.append("Enter the amendment the approval was subject to")
    if kind in ("referred", "report_back") and target_body is None:
        problems.append(
            "Choose the body the matter is referred to"
            if kind == "referred"
            else "Choose the body to report back to"
        )
    if kind in ("report_back", "action") and due_on is None and not (due_rule or "").strip():
        problems.append("Enter when it is due: a date, or a rule such as within two months of its submission")
    if kind == "action" and not (owner_text or "").strip() and not list(owners):
        problems.append("Enter the action's owner")
    return problems


def may_minute_problems(meeting, today: date) -> list[str]:
    """Minutes are written for a meeting that took place: not a cancelled one, nor one to come."""
    if meeting.state == "cancelled":
        return ["The meeting was cancelled: it has no minutes"]
    if meeting.date > today:
        return ["The meeting has not taken place yet: minutes are written after it"]
    return []


def circulation_problems(meeting, minute_count: int, on: date) -> list[str]:
    problems = []
    if minute_count == 0:
        problems.append("Write at least one minute before circulating the draft")
    if on < meeting.date:
        problems.append("The draft minutes cannot be circulated before the meeting")
    if meeting.state in ("minutes_approved", "published"):
        problems.append("The minutes have already been approved")
    return problems


def approval_problems(meeting, approving) -> list[str]:
    """Minutes are approved at a later meeting of the same body (seed 003 L63: "The minutes of the
    meeting held on 19th March, 2014, were considered and approved as a correct record"), after
    their draft was circulated, and once."""
    problems = []
    if approving is None:
        return ["Choose the meeting that approved the minutes"]
    if approving.body_id != meeting.body_id:
        problems.append("Minutes are approved at a meeting of the same body")
    if approving.date <= meeting.date:
        problems.append("Minutes are approved at a later meeting than the one they record")
    if approving.state == "cancelled":
        problems.append("A cancelled meeting approves nothing")
    if meeting.circulated_on is None:
        problems.append("Circulate the draft minutes before recording their approval")
    if meeting.state in ("minutes_approved", "published"):
        problems.append("The minutes have already been approved")
    return problems


def publication_problems(meeting, content: dict, previous: dict | None) -> list[str]:
    """Minutes are published once approved; published again only as a correction that changes them."""
    if meeting.state not in ("minutes_approved", "published"):
        return ["Record the minutes' approval at a later meeting before publishing them"]
    if not content.get("minutes"):
        return ["The minutes have no minute to publish"]
    if previous is not None and previous == content:
        return ["Nothing has changed since the version published: correct the minutes first"]
    return []


def resolution_removal_problems(resolution) -> list[str]:
    """A resolution that raised an action leaves the minutes only while that action is untouched
    (no update, no new action from it, still open): the action goes with it. Otherwise the tracker
    already records work on it, and the action is withdrawn instead (decision 0140)."""
    action = resolution.action
    if action is None:
        return []
    if action.updates.exists() or action.children.exists() or not action.is_open:
        return [
            f"Action {action.number}, raised by this resolution, has been worked on: "
            "withdraw the action in the tracker instead"
        ]
    return []


def minute_removal_problems(minute) -> list[str]:
    """A minute written in error leaves the draft: not once the minutes are approved (they are then
    corrected, in a new published version), and not while it holds resolutions (each is removed
    first, so an action it raised goes only under resolution_removal_problems)."""
    problems = []
    if minute.meeting.state in ("minutes_approved", "published"):
        problems.append("The minutes have been approved: correct the minute's text instead of removing it")
    if minute.resolutions.exists():
        problems.append("Remove the minute's resolutions first")
    return problems


def discharge_item_problems(action, item) -> list[str]:
    """An action is discharged by pointing at the later agenda item that took the report: an item of
    a meeting on or after the day the action was raised."""
    if item is None:
        return ["Choose the agenda item that shows the action done"]
    if item.meeting.date < action.raised_on:
        return ["The agenda item is of a meeting before the action was raised"]
    return []


# --- agendas (decision 0136) -----------------------------------------------------------------------


def item_problems(
    *, kind: str, exempt: bool, exempt_reason: str, other_body, other_meeting_date, parent
) -> list[str]:
    """What an agenda item needs: an exempt item its reason (the paragraph of Schedule 12A); another
    body's minutes that body and the date of its meeting ("held on 6th June"); a sub-item a parent that
    is not itself a sub-item (numbers go 7.1, never 7.1.1)."""
    problems = []
    if exempt and not (exempt_reason or "").strip():
        problems.append("Enter why the item is exempt, such as the paragraph of Schedule 12A")
    if kind == "other_minutes" and other_body is None:
        problems.append("Choose the body whose minutes these are")
    if kind == "other_minutes" and other_meeting_date is None:
        problems.append("Enter the date of the meeting whose minutes these are")
    if parent is not None and parent.parent_id is not None:
        problems.append("A sub-item goes under a main item, not under another sub-item")
    return problems


def section_removal_problems(section) -> list[str]:
    """A heading is removed only once it holds no items: its items are moved or removed first."""
    if section.items.exists():
        return ["Move or remove the heading's items first: removing it would move them to the top"]
    return []


def moved(things: list, thing, direction: str) -> list:
    """``things`` in order with ``thing`` one place up or down (unchanged at either end)."""
    order = list(things)
    at = order.index(thing)
    to = at - 1 if direction == "up" else at + 1
    if direction not in ("up", "down") or not 0 <= to < len(order):
        return order
    order[at], order[to] = order[to], order[at]
    return order


def seat_dates_problems(starts_on: date | None, ends_on: date | None) -> list[str]:
    """A seat on a body ends on or after the day it began (either may be unknown)."""
    if starts_on and ends_on and ends_on < starts_on:
        return ["The seat cannot end before it began"]
    return []


def numbering_change_problems(body, numbering: str, prefix: str, has_minutes: bool) -> list[str]:
    """How a body numbers its minutes is set before its first minute: changed afterwards, minutes
    already written (and their references, "minute 269") would stand under another rule."""
    if has_minutes and (numbering != body.minute_numbering or prefix != body.minute_prefix):
        return [
            "The body's minutes are already numbered this way: the numbering and prefix cannot change "
            "once it has minutes"
        ]
    return []
