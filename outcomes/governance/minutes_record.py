"""A meeting's minutes as one public record: attendance by status, the minutes with their printed
numbers and typed resolutions, and the data checks about the meeting. Exempt minutes and findings
about exempt items are left out: this is the public record (decision 0135).

The formats it is written in are registered by name (``register_format``): JSON here; the HTML,
Word and PDF minutes register theirs the same way, so the command and the pages offer them all.
"""

import json
from collections.abc import Callable

from outcomes.core.checks import run_checks
from outcomes.governance.models import Attendance, Meeting, Minute

ATTENDANCE_KEYS = {
    Attendance.PRESENT: "present",
    Attendance.APOLOGIES: "apologies",
    Attendance.ABSENT: "absent",
    Attendance.IN_ATTENDANCE: "in_attendance",
    # A substitute is present in the member's place: listed with those present.
    Attendance.SUBSTITUTE: "present",
}


def printed_number(minute: Minute) -> str:
    """The number as the minutes print it: the body's prefix before it ("D24"), or the number ("269")."""
    return f"{minute.meeting.body.minute_prefix}{minute.number}"


def public_minutes(meeting: Meeting):
    return (
        meeting.minutes.filter(exempt=False).select_related("meeting__body").prefetch_related("resolutions")
    )


def attendance_by_status(meeting: Meeting) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {"present": [], "apologies": [], "absent": [], "in_attendance": []}
    for row in meeting.attendance.select_related("substitute_for").order_by("order", "id"):
        name = row.name
        if row.status == Attendance.SUBSTITUTE and row.substitute_for:
            name = f"{row.name} (substitute for {row.substitute_for.name})"
        grouped[ATTENDANCE_KEYS[row.status]].append(name)
    return grouped


def public_findings(meeting: Meeting) -> list[dict]:
    from outcomes.governance.checks import APP, EXEMPT

    return [
        {"rule": f.rule, "where": f.where, "message": f.message}
        for f in run_checks(APP, subject=f"meeting:{meeting.pk}", meeting=meeting)
        if EXEMPT not in f.subjects
    ]


def minutes_record(meeting: Meeting) -> dict:
    return {
        "body": meeting.body.slug,
        "meeting": meeting.address,
        "date": meeting.date.isoformat(),
        "state": meeting.state,
        "attendance": attendance_by_status(meeting),
        "minutes": [
            {
                "number": printed_number(minute),
                "title": minute.title,
                "resolutions": [{"kind": r.kind, "text": r.text} for r in minute.resolutions.all()],
            }
            for minute in public_minutes(meeting)
        ],
        "checks": public_findings(meeting),
    }


Renderer = Callable[[Meeting], bytes]
_FORMATS: dict[str, Renderer] = {}


def register_format(name: str, renderer: Renderer) -> None:
    _FORMATS[name] = renderer


def formats() -> list[str]:
    return list(_FORMATS)


def render(meeting: Meeting, fmt: str) -> bytes:
    try:
        renderer = _FORMATS[fmt]
    except KeyError:
        raise ValueError(f"No minutes format {fmt!r}") from None
    return renderer(meeting)


def _json(meeting: Meeting) -> bytes:
    return (json.dumps(minutes_record(meeting), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


register_format("json", _json)
