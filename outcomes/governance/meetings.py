"""Every change to a body's meetings goes through here, recorded in words (core/history.py): a
meeting scheduled (with the body's standing items copied onto its agenda), moved one step forward,
cancelled with a reason; its attendance recorded line by line (decision 0132).

A meeting's state moves forward only, one step at a time:
scheduled -> agenda published -> held -> draft minutes -> minutes approved -> minutes published.
"""

from dataclasses import dataclass
from datetime import date, time

from django.db import transaction
from django.db.models import Q, QuerySet

from outcomes.core.conflicts import SaveConflict
from outcomes.core.formatting import format_date
from outcomes.core.models import record_change
from outcomes.governance.models import AgendaItem, AgendaSection, Attendance, Body, Meeting, Membership
from outcomes.governance.rules import Refused

STATE_WORDS = dict(Meeting.STATES)
STATUS_WORDS = dict(Attendance.STATUSES)


def members_on(body: Body, on: date) -> QuerySet[Membership]:
    """The body's memberships that hold on the day: begun by then (or with no start) and not ended
    before it (or with no end)."""
    return (
        body.memberships.filter(Q(starts_on__isnull=True) | Q(starts_on__lte=on))
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))
        .select_related("person")
        .order_by("name", "id")
    )


def next_state(meeting: Meeting) -> str | None:
    """The one state a meeting may move to next, or None (published, or cancelled)."""
    if meeting.state not in Meeting.ORDER:
        return None
    at = Meeting.ORDER.index(meeting.state)
    return Meeting.ORDER[at + 1] if at + 1 < len(Meeting.ORDER) else None


def _snapshot(meeting: Meeting) -> dict:
    return {
        "date": meeting.date.isoformat(),
        "starts_at": meeting.starts_at.strftime("%H:%M") if meeting.starts_at else None,
        "venue": meeting.venue,
        "date_as_written": meeting.date_as_written,
        "state": meeting.state,
        "cancelled_reason": meeting.cancelled_reason,
    }


def named(meeting: Meeting) -> str:
    """The meeting in words: "the RLSCB meeting of 5 June 2014"."""
    return f"the {meeting.body.label} meeting of {format_date(meeting.date)}"


def _record(user, meeting: Meeting, action: str, summary: str, before=None, after=None) -> None:
    record_change(
        user=user,
        obj=meeting,
        action=action,
        summary=summary,
        before=before,
        after=after,
        subject_key=meeting.subject_key,
    )


@transaction.atomic
def schedule(
    *,
    user,
    body: Body,
    on: date,
    starts_at: time | None = None,
    venue: str = "",
    date_as_written: str = "",
    standing_items: bool = True,
) -> Meeting:
    """A new meeting of the body on the day (one a day), its agenda started with the standing items."""
    if body.meetings.filter(date=on).exists():
        raise Refused([f"The {body.label} already has a meeting on {format_date(on)}."])
    meeting = Meeting.objects.create(
        body=body, date=on, starts_at=starts_at, venue=venue, date_as_written=date_as_written
    )
    _record(user, meeting, "meeting_scheduled", f"Scheduled {named(meeting)}", after=_snapshot(meeting))
    if standing_items:
        copy_standing_items(user=user, meeting=meeting)
    return meeting


@transaction.atomic
def copy_standing_items(*, user, meeting: Meeting) -> list[AgendaItem]:
    """The body's standing items onto the meeting's agenda, after what it holds, in their order and
    under their sections (made when the agenda has none of that title)."""
    sections = {s.title: s for s in meeting.agenda_sections.all()}
    order = meeting.agenda_items.filter(parent__isnull=True).count()
    made = []
    for standing in meeting.body.standing_items.all():
        section = None
        if standing.section_title:
            section = sections.get(standing.section_title)
            if section is None:
                section = AgendaSection.objects.create(
                    meeting=meeting, title=standing.section_title, order=len(sections) + 1
                )
                sections[section.title] = section
        order += 1
        kinds = {kind for kind, _ in AgendaItem.KINDS}
        made.append(
            AgendaItem.objects.create(
                meeting=meeting,
                section=section,
                order=order,
                title=standing.title,
                kind=standing.kind if standing.kind in kinds else AgendaItem.OTHER,
            )
        )
    if made:
        _record(
            user,
            meeting,
            "standing_items_copied",
            f"Standing items put on the agenda of {named(meeting)}",
            after={"agenda_items": [item.title for item in made]},
        )
    return made


@transaction.atomic
def advance(*, user, meeting: Meeting, to: str) -> Meeting:
    """Move the meeting to the next state; never backward, never skipping a step."""
    expected = next_state(meeting)
    if expected is None or to != expected:
        now = STATE_WORDS.get(meeting.state, meeting.state)
        allowed = f"only to “{STATE_WORDS[expected]}”" if expected else "no further"
        raise Refused([f"The meeting is “{now}”: it moves {allowed}."])
    before = _snapshot(meeting)
    meeting.state = to
    meeting.version += 1
    meeting.save()
    _record(
        user,
        meeting,
        "meeting_advanced",
        f"Marked {named(meeting)} “{STATE_WORDS[to]}”",
        before=before,
        after=_snapshot(meeting),
    )
    return meeting


@transaction.atomic
def cancel(*, user, meeting: Meeting, reason: str) -> Meeting:
    """Cancelled with its reason; a meeting held (or cancelled) is not cancelled."""
    problems = []
    if not (reason or "").strip():
        problems.append("Enter the reason the meeting is cancelled")
    if meeting.state not in (Meeting.SCHEDULED, Meeting.AGENDA_PUBLISHED):
        problems.append(f"A meeting that is “{STATE_WORDS[meeting.state]}” cannot be cancelled")
    if problems:
        raise Refused(problems)
    before = _snapshot(meeting)
    meeting.state = Meeting.CANCELLED
    meeting.cancelled_reason = reason.strip()
    meeting.version += 1
    meeting.save()
    _record(
        user,
        meeting,
        "meeting_cancelled",
        f"Cancelled {named(meeting)}",
        before=before,
        after=_snapshot(meeting),
    )
    return meeting


@dataclass(frozen=True)
class Line:
    """One line of attendance as entered: a member (their membership) or a name."""

    status: str
    membership: Membership | None = None
    name: str = ""
    position: str = ""
    substitute_for: Membership | None = None
    note: str = ""


def line_problems(line: Line) -> list[str]:
    problems = []
    if line.status not in STATUS_WORDS:
        problems.append("Choose present, apologies, absent, in attendance or substitute")
    if line.membership is None and not line.name.strip():
        problems.append("Enter the name of each person not a member")
    if line.status == Attendance.SUBSTITUTE and line.substitute_for is None:
        problems.append("Say which member a substitute sits for")
    return problems


def _attendance_words(meeting: Meeting) -> list[str]:
    return [
        f"{row.name}: {row.get_status_display()}"
        + (f" for {row.substitute_for.name}" if row.substitute_for else "")
        + (f" ({row.note})" if row.note else "")
        for row in meeting.attendance.select_related("substitute_for").order_by("order", "id")
    ]


@transaction.atomic
def record_attendance(
    *, user, meeting: Meeting, lines: list[Line], replace: bool = True, version: int | None = None
) -> list[Attendance]:
    """The meeting's attendance: with ``replace``, these lines are the whole of it (the form lists
    every member and the others); else they are added after the lines it holds. A form opened at an
    older ``version`` of the meeting is refused (core/conflicts.py)."""
    if version is not None and version != meeting.version:
        raise SaveConflict("this meeting's attendance", meeting)
    problems = [problem for line in lines for problem in line_problems(line)]
    if problems:
        raise Refused(sorted(set(problems)))
    before = _attendance_words(meeting)
    if replace:
        meeting.attendance.all().delete()
    start = meeting.attendance.count()
    rows = []
    for order, line in enumerate(lines, start=start + 1):
        member = line.membership
        rows.append(
            Attendance.objects.create(
                meeting=meeting,
                membership=member,
                person=member.person if member else None,
                name=member.name if member else line.name.strip(),
                position=line.position or (member.position if member else ""),
                status=line.status,
                substitute_for=line.substitute_for,
                note=line.note,
                order=order,
            )
        )
    after = _attendance_words(meeting)
    meeting.version += 1
    meeting.save(update_fields=["version", "updated_at"])
    if after != before:
        _record(
            user,
            meeting,
            "attendance_recorded",
            f"Attendance recorded for {named(meeting)}",
            before={"attendance": before},
            after={"attendance": after},
        )
    return rows
