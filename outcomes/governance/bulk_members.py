"""A body's members from an Excel workbook (sheet Members) or a CSV file, through the shared import
pipeline (outcomes/core/imports), all or nothing (decision 0143).

One row per seat: name, organisation, position, role, from, to. A row with the name and the "from"
date of a seat already on the body changes that seat to what the row says; any other row adds a
seat. A name that is a person Outcomes knows is linked to them. Every seat added or changed is
recorded in words on the body's history.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from outcomes.accounts.models import Organisation, Person
from outcomes.core import downloads
from outcomes.core.imports import Column, ImportFailed, Problem, Row, cells, open_table
from outcomes.core.models import record_change
from outcomes.governance import rules
from outcomes.governance.bodies import member_snapshot
from outcomes.governance.bulk_common import body_key, guidance_sheet, seed_day
from outcomes.governance.models import Body, Membership

MEMBERS = "Members"
ROLE_WORDS = ", ".join(label for _, label in Membership.ROLES)
# (key, heading, required, guidance)
MEMBER_COLUMNS = [
    (
        "name",
        "Name",
        True,
        "As the minutes write it: Councillor Paul Lakin. A person Outcomes knows is linked.",
    ),
    ("organisation", "Organisation", False, "A partner organisation set up in Outcomes; blank if none."),
    ("position", "Position", False, "The job title and organisation as written beside the name."),
    ("role", "Role", True, f"One of: {ROLE_WORDS}."),
    ("starts_on", "From", False, "The day the seat began (05/06/2014, 2014-06-05 or 05.06.14)."),
    ("ends_on", "To", False, "The day it ended; blank while it lasts."),
]
EXAMPLE = "Councillor Paul Lakin | Rotherham MBC | Cabinet Member | Participating observer | 01/04/2014 |"
GUIDANCE = [(heading, text) for _, heading, _, text in MEMBER_COLUMNS]
HEADINGS = {key: heading for key, heading, _, _ in MEMBER_COLUMNS}


@dataclass
class _Seat:
    row: Row
    fields: dict
    existing: Membership | None = None


@dataclass
class MembersImport:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    names: list[str] = field(default_factory=list)


def _role(row: Row) -> str | None:
    raw = row.text("role", multiline=False)
    if not raw:
        row.fail("role", "the role is missing")
        return None
    by_word = {label.lower(): key for key, label in Membership.ROLES} | {
        key.replace("_", " "): key for key, _ in Membership.ROLES
    }
    found = by_word.get(" ".join(raw.lower().replace("_", " ").split()))
    if found is None:
        row.fail("role", f"'{cells.short(raw)}' is not a role: use {ROLE_WORDS}")
    return found


def _read(row: Row, organisations: dict[str, Organisation], people: dict[str, Person]) -> _Seat | None:
    name = row.text("name", Membership, "name", multiline=False)
    organisation_name = row.text("organisation", Organisation, "name", multiline=False)
    organisation = None
    if organisation_name:
        organisation = organisations.get(organisation_name.lower())
        if organisation is None:
            row.fail(
                "organisation",
                f"there is no organisation called '{cells.short(organisation_name)}' in Outcomes: "
                "leave it blank and write it in Position",
            )
    fields = {
        "name": name,
        "person": people.get(name.lower()) if name else None,
        "organisation": organisation,
        "position": row.text("position", Membership, "position", multiline=False),
        "role": _role(row),
        "starts_on": row.read("starts_on", seed_day),
        "ends_on": row.read("ends_on", seed_day),
    }
    if not name:
        row.fail("name", "the name is missing")
        return None
    for problem in rules.seat_dates_problems(fields["starts_on"], fields["ends_on"]):
        row.fail("ends_on", problem[0].lower() + problem[1:])
    return _Seat(row, fields)


def read_members(body: Body, data: bytes, filename: str) -> list[_Seat]:
    table = open_table(data, filename)
    columns = [Column(key, heading, required=required) for key, heading, required, _ in MEMBER_COLUMNS]
    name = (MEMBERS if table.has(MEMBERS) else table.names[0]) if table.names else None
    sheet = table.sheet(name, columns)
    table.raise_problems()
    assert sheet is not None  # a missing sheet or a wrong header is a problem raised above
    organisations = {o.name.lower(): o for o in Organisation.objects.all()}
    organisations |= {o.abbreviation.lower(): o for o in Organisation.objects.exclude(abbreviation="")}
    people = {p.name.lower(): p for p in Person.objects.all()}
    existing = {(m.name.lower(), m.starts_on): m for m in body.memberships.all()}
    seats: list[_Seat] = []
    seen: dict[tuple[str, date | None], int] = {}
    for row in sheet.rows:
        seat = _read(row, organisations, people)
        if seat is None:
            continue
        key = (seat.fields["name"].lower(), seat.fields["starts_on"])
        if key in seen:
            row.fail("name", f"this person's seat from this date is already on row {seen[key]}")
            continue
        seen[key] = row.number
        seat.existing = existing.get(key)
        seats.append(seat)
    table.raise_problems()
    if not seats:
        raise ImportFailed(filename, [Problem(sheet.where(2), "there are no members to import")])
    return seats


def import_members(body: Body, data: bytes, filename: str, *, user=None) -> MembersImport:
    """Check the whole file, then save it in one transaction (nothing is saved on any problem)."""
    seats = read_members(body, data, filename)
    result = MembersImport()
    with transaction.atomic():
        for seat in seats:
            membership = seat.existing or Membership(body=body)
            before = member_snapshot(membership) if seat.existing else None
            for name, value in seat.fields.items():
                if name == "person" and value is None and seat.existing:
                    continue  # a seat linked on its page stays linked
                setattr(membership, name, value)
            after = member_snapshot(membership)
            if before == after:
                result.unchanged += 1
                continue
            membership.save()
            record_change(
                user=user,
                obj=membership,
                action="member_edited" if before else "member_added",
                summary=f"{'Changed' if before else 'Added'} {membership.name} as "
                f"{membership.get_role_display().lower()} of {body.label} (from {filename})",
                before=before,
                after=after,
                subject_key=body_key(body),
            )
            result.names.append(membership.name)
            if before:
                result.changed += 1
            else:
                result.added += 1
    return result


def blank_template(fmt: str = "xlsx") -> bytes:
    """The Members sheet to fill in and a Guidance sheet (xlsx); the header alone (csv)."""
    headers = [heading for _, heading, _, _ in MEMBER_COLUMNS]
    if fmt == "csv":
        return downloads.table_bytes("csv", headers, [], MEMBERS)
    workbook = downloads.new_workbook()
    sheet = downloads.add_sheet(workbook, MEMBERS, first=True)
    downloads.header_row(sheet, headers)
    downloads.set_widths(sheet, [30, 30, 40, 24, 14, 14])
    sheet.freeze_panes = "A2"
    guidance_sheet(workbook, MEMBERS, MEMBER_COLUMNS, [EXAMPLE])
    return downloads.workbook_bytes(workbook)
