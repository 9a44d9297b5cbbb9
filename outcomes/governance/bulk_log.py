"""A body's existing action log from an Excel workbook (sheet Actions) or a CSV file, through the
shared import pipeline (outcomes/core/imports), all or nothing (decision 0143).

One row per action: its number, owner as written, details, the day raised, the due date or rule, its
status, its dated updates ("05.06.14 This was re-circulated.", one per line), the number of the
action it is a "New action" of, and its evidence. A number not yet on the body's tracker is a new
action, saved through services.py as if entered on its pages (raised, updated, discharged with its
evidence). A number already there is changed only by appending the updates it does not have yet:
updates are never rewritten, and what else its row says is left as it was (the result names the
actions whose rows differ, to be changed on their pages if meant).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from outcomes.core import downloads
from outcomes.core.imports import Column, ImportFailed, Problem, Row, cells, open_table
from outcomes.governance import rules, services
from outcomes.governance.bulk_common import dated_lines, guidance_sheet, seed_day
from outcomes.governance.models import Action, Body

ACTIONS = "Actions"
STATUS_WORDS = ", ".join(label for _, label in Action.STATUSES)
# (key, heading, required, guidance)
LOG_COLUMNS = [
    ("number", "No.", True, "The action's reference number on the body's tracker: 1, 2, 3 …"),
    ("owner", "Owner", True, "As the log prints it: Paul Lakin & Steve Ashley, or All RLSCB members."),
    ("details", "Details", True, "What is to be done."),
    ("raised_on", "Raised on", True, "The day it was raised (05.06.14, 05/06/2014 or 2014-06-05)."),
    ("due", "Due", False, "A date, or words: by the September meeting."),
    ("status", "Status", False, f"One of: {STATUS_WORDS}. Blank: Raised."),
    (
        "updates",
        "Updates",
        False,
        "One update per line, each starting with its date: 05.06.14 This was re-circulated. "
        "A line without a date continues the update above it.",
    ),
    ("parent", "New action of", False, "The number of the action this is a New action of."),
    (
        "evidence",
        "Evidence",
        False,
        "What shows it done: the agenda item, minute or paper. Needed when discharged.",
    ),
    (
        "discharged_on",
        "Discharged on",
        False,
        "The day it was discharged or withdrawn; blank: the date of its latest update.",
    ),
]
EXAMPLES = [
    "14 | Sue Wilson | Circulate the performance report | 06.03.14 | by the next meeting | Ongoing | "
    "05.06.14 This was re-circulated. | | |",
    "31 | Jason Harwin | Add the report to September's agenda | 05.06.14 | 04/09/2014 | Raised | | 14 | |",
]
GUIDANCE = [(heading, text) for _, heading, _, text in LOG_COLUMNS]
HEADINGS = {key: heading for key, heading, _, _ in LOG_COLUMNS}
CLOSING = {Action.DISCHARGED, Action.WITHDRAWN}
MISSING = {
    "number": "the action's number is missing",
    "owner": "the owner is missing",
    "details": "the details are missing",
    "raised_on": "the day it was raised is missing",
}


@dataclass
class _Entry:
    row: Row
    number: int
    fields: dict
    updates: list[tuple[date, str]]
    parent: int | None
    existing: Action | None = None


@dataclass
class LogImport:
    added: int = 0
    updates: int = 0
    updated_actions: int = 0
    differing: list[int] = field(default_factory=list)


def _status(row: Row) -> str:
    raw = row.text("status", multiline=False)
    if not raw:
        return Action.RAISED
    words = {label.lower(): key for key, label in Action.STATUSES} | {key: key for key, _ in Action.STATUSES}
    found = words.get(" ".join(raw.lower().split())) or words.get(raw.lower().split()[0])
    if found is None:
        row.fail("status", f"'{cells.short(raw)}' is not a status: use {STATUS_WORDS}")
        return Action.RAISED
    return found


def _due(row: Row) -> dict:
    raw = row.get("due")
    if cells.is_blank(raw):
        return {"due_on": None, "due_rule": ""}
    try:
        return {"due_on": seed_day(raw), "due_rule": ""}
    except cells.BadValue:
        return {"due_on": None, "due_rule": row.text("due", Action, "due_rule", multiline=False)}


def _read(row: Row) -> _Entry | None:
    number = row.read("number", cells.integer, minimum=1, maximum=10**6)
    fields = {
        "owner_text": row.text("owner", Action, "owner_text", multiline=False),
        "details": row.text("details", Action, "details"),
        "raised_on": row.read("raised_on", seed_day),
        "status": _status(row),
        "evidence": row.text("evidence", Action, "evidence"),
        "discharged_on": row.read("discharged_on", seed_day),
        **_due(row),
    }
    updates = row.read("updates", dated_lines) or []
    parent = row.read("parent", cells.integer, minimum=1, maximum=10**6)
    for key, missing in MISSING.items():
        if cells.is_blank(row.get(key)):
            row.fail(key, missing)
    if number is None:
        return None
    return _Entry(row, number, fields, updates, parent)


def _check_new(entry: _Entry) -> None:
    """A new action: its updates after it was raised, closed with a date, discharged with evidence."""
    row, f = entry.row, entry.fields
    raised = f["raised_on"]
    if raised is None:
        return
    for on, _ in entry.updates:
        if on < raised:
            row.fail("updates", f"the update of {on:%d.%m.%y} is before the action was raised")
    if f["status"] in CLOSING:
        if f["discharged_on"] is None and entry.updates:
            f["discharged_on"] = max(on for on, _ in entry.updates)
        if f["discharged_on"] is None:
            row.fail("discharged_on", "a discharged or withdrawn action needs the day it was closed")
            return
    elif f["discharged_on"] is not None:
        row.fail("discharged_on", "only a discharged or withdrawn action has a discharged-on date")
    if f["status"] == Action.DISCHARGED:
        probe = Action(raised_on=raised, status=Action.RAISED)
        for message in rules.discharge_problems(probe, f["discharged_on"], f["evidence"]):
            row.fail(
                "evidence" if "evidence" in message else "discharged_on", message[:1].lower() + message[1:]
            )


def _check_parents(entries: list[_Entry], body_numbers: set[int]) -> None:
    by_number = {e.number: e for e in entries}
    for e in entries:
        if e.parent is None or e.existing is not None:
            continue
        if e.parent == e.number:
            e.row.fail("parent", "an action cannot be a New action of itself")
        elif e.parent not in by_number and e.parent not in body_numbers:
            e.row.fail("parent", f"there is no action {e.parent} here or on the body's tracker")
        else:
            seen, step = {e.number}, by_number.get(e.parent)
            while step is not None and step.existing is None and step.parent is not None:
                if step.parent in seen:
                    e.row.fail("parent", f"action {e.number}'s New action chain comes back to itself")
                    break
                seen.add(step.number)
                step = by_number.get(step.parent)


def read_log(body: Body, data: bytes, filename: str) -> list[_Entry]:
    table = open_table(data, filename)
    columns = [Column(key, heading, required=required) for key, heading, required, _ in LOG_COLUMNS]
    name = (ACTIONS if table.has(ACTIONS) else table.names[0]) if table.names else None
    sheet = table.sheet(name, columns)
    table.raise_problems()
    assert sheet is not None  # a missing sheet or a wrong header is a problem raised above
    existing = {a.number: a for a in body.actions.prefetch_related("updates")}
    entries: list[_Entry] = []
    seen: dict[int, int] = {}
    for row in sheet.rows:
        entry = _read(row)
        if entry is None:
            continue
        if entry.number in seen:
            row.fail("number", f"action {entry.number} is already on row {seen[entry.number]}")
            continue
        seen[entry.number] = row.number
        entry.existing = existing.get(entry.number)
        if entry.existing is None:
            _check_new(entry)
        entries.append(entry)
    _check_parents(entries, set(existing))
    table.raise_problems()
    if not entries:
        raise ImportFailed(filename, [Problem(sheet.where(2), "there are no actions to import")])
    return entries


def _owners(body: Body, owner_text: str) -> list:
    """The body's members Outcomes knows whom the owner column names."""
    seats = body.memberships.select_related("person")
    people = {m.person.name: m.person for m in seats if m.person is not None}
    return [person for name, person in people.items() if name and name in owner_text]


def _differs(entry: _Entry) -> bool:
    a, f = entry.existing, entry.fields
    assert a is not None
    mine = (f["owner_text"], f["details"], f["raised_on"], f["due_on"], f["due_rule"], f["status"])
    theirs = (a.owner_text, a.details, a.raised_on, a.due_on, a.due_rule, a.status)
    return mine != theirs or (entry.parent or None) != (a.parent.number if a.parent_id and a.parent else None)


def _depth(entry: _Entry, by_number: dict[int, _Entry]) -> int:
    depth, step = 0, entry
    while step.parent is not None and step.parent in by_number and by_number[step.parent].existing is None:
        depth, step = depth + 1, by_number[step.parent]
    return depth


def import_log(body: Body, data: bytes, filename: str, *, user=None) -> LogImport:
    """Check the whole file, then save it in one transaction (nothing is saved on any problem)."""
    entries = read_log(body, data, filename)
    result = LogImport()
    by_number = {e.number: e for e in entries}
    with transaction.atomic():
        for e in [e for e in entries if e.existing is not None]:
            assert e.existing is not None
            have = {(u.on, u.text) for u in e.existing.updates.all()}
            new = [(on, text) for on, text in e.updates if (on, text) not in have]
            for on, text in new:
                services.add_update(user=user, action=e.existing, on=on, text=text)
            result.updates += len(new)
            result.updated_actions += bool(new)
            if _differs(e):
                result.differing.append(e.number)
        for e in sorted(
            (e for e in entries if e.existing is None), key=lambda e: (_depth(e, by_number), e.number)
        ):
            f = e.fields
            status = f["status"]
            opened = Action.ONGOING if status == Action.DISCHARGED else status
            action = services.raise_action(
                user=user,
                body=body,
                number=e.number,
                owner_text=f["owner_text"],
                details=f["details"],
                raised_on=f["raised_on"],
                owners=_owners(body, f["owner_text"]),
                due_on=f["due_on"],
                due_rule=f["due_rule"],
                status=opened,
                parent=body.actions.get(number=e.parent) if e.parent else None,
                discharged_on=f["discharged_on"] if status == Action.WITHDRAWN else None,
            )
            for on, text in sorted(e.updates):
                services.add_update(user=user, action=action, on=on, text=text)
            if status == Action.DISCHARGED:
                services.discharge(user=user, action=action, on=f["discharged_on"], evidence=f["evidence"])
            elif f["evidence"]:
                services.edit_action(user=user, action=action, evidence=f["evidence"])
            result.added += 1
            result.updates += len(e.updates)
    result.differing.sort()
    return result


def blank_template(fmt: str = "xlsx") -> bytes:
    """The Actions sheet to fill in and a Guidance sheet (xlsx); the header alone (csv)."""
    headers = [heading for _, heading, _, _ in LOG_COLUMNS]
    if fmt == "csv":
        return downloads.table_bytes("csv", headers, [], ACTIONS)
    workbook = downloads.new_workbook()
    sheet = downloads.add_sheet(workbook, ACTIONS, first=True)
    downloads.header_row(sheet, headers)
    downloads.set_widths(sheet, [8, 30, 50, 12, 20, 14, 60, 14, 40, 14])
    sheet.freeze_panes = "A2"
    guidance_sheet(workbook, ACTIONS, LOG_COLUMNS, EXAMPLES)
    return downloads.workbook_bytes(workbook)
