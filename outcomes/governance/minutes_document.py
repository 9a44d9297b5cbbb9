"""A meeting's minutes as one JSON content (what publishing freezes) and as a documents.Document
(page, Word, PDF and HTML from it alone), in seed 002/003's style: the heading (body, date in words,
venue), attendance (present, apologies, absent, in attendance), then each minute "269. TITLE", its
narrative and "Resolved:- (1) That ... (2) That ...".

Exempt minutes are kept in the content, marked, and left out of the public version a viewer reads
(``public=True``) and of every output made for them.
"""

import json
from datetime import date

from outcomes.core.formatting import format_date
from outcomes.documents.model import Document, Heading, Note, Paragraph, Section
from outcomes.documents.render import render_file
from outcomes.governance import rules
from outcomes.governance.models import Attendance, Meeting

FORMATS = ("html", "docx", "pdf", "json")
ATTENDANCE = (
    (Attendance.PRESENT, "present", "Present:-"),
    (Attendance.APOLOGIES, "apologies", "Apologies for absence were received from"),
    (Attendance.ABSENT, "absent", "Absent:-"),
    (Attendance.IN_ATTENDANCE, "in_attendance", "Also in attendance:-"),
    (Attendance.SUBSTITUTE, "substitutes", "Substitutes:-"),
)
DRAFT_BANNER = "Draft minutes: not yet approved nor published."
EXEMPT_NOTE = (
    "Exempt items (Local Government Act 1972, Schedule 12A) are left out of the public version of "
    "these minutes."
)


def date_in_words(value) -> str:
    """ "Thursday 5 June 2014": the weekday and the date in words (core/formatting)."""
    return f"{value:%A} {format_date(value)}"


def _person_line(line: Attendance) -> str:
    words = line.name
    if line.position:
        words += f" ({line.position})"
    if line.substitute_for is not None:
        words += f", substitute for {line.substitute_for.name}"
    if line.note:
        words += f" – {line.note}"
    return words


def _resolution(resolution) -> dict:
    return {
        "kind": resolution.kind,
        "text": resolution.text,
        "amendment": resolution.amendment,
        "target_body": resolution.target_body.name if resolution.target_body_id else None,
        "owner": resolution.owner_text or " & ".join(p.name for p in resolution.owners.all()),
        "due_on": resolution.due_on.isoformat() if resolution.due_on else None,
        "due_rule": resolution.due_rule,
        "action": resolution.action.number if resolution.action_id else None,
    }


def minutes_content(meeting: Meeting) -> dict:
    """Everything the minutes print, as plain JSON values: the live draft, or what is frozen."""
    attendance: dict[str, list[str]] = {key: [] for _, key, _ in ATTENDANCE}
    # Names alone, for the JSON: the printed lines carry position, substitution and note.
    names: dict[str, list[str]] = {key: [] for _, key, _ in ATTENDANCE}
    for line in meeting.attendance.select_related("substitute_for"):
        key = next(k for status, k, _ in ATTENDANCE if status == line.status)
        attendance[key].append(_person_line(line))
        names[key].append(line.name)
    minutes = []
    for minute in meeting.minutes.select_related("meeting__body").prefetch_related(
        "resolutions__owners", "resolutions__target_body", "resolutions__action"
    ):
        minutes.append(
            {
                "number": minute.number,
                "label": rules.minute_label(minute),
                "title": minute.title,
                "narrative": minute.narrative,
                "exempt": minute.exempt,
                "resolutions": [_resolution(r) for r in minute.resolutions.all()],
            }
        )
    approved = meeting.approved_at
    return {
        "body": meeting.body.name,
        "body_slug": meeting.body.slug,
        "date": meeting.date.isoformat(),
        "date_in_words": date_in_words(meeting.date),
        "venue": meeting.venue,
        "starts_at": meeting.starts_at.strftime("%H:%M") if meeting.starts_at else None,
        "attendance": attendance,
        "attendance_names": names,
        "minutes": minutes,
        "circulated_on": meeting.circulated_on.isoformat() if meeting.circulated_on else None,
        "approved_at": approved.date.isoformat() if approved else None,
        "approval_correction": meeting.approval_correction,
    }


def public_content(content: dict) -> dict:
    """The content a viewer reads: no exempt minute."""
    return {**content, "minutes": [m for m in content["minutes"] if not m["exempt"]]}


def resolved_paragraphs(resolutions: list[dict]) -> list[Paragraph]:
    """ "Resolved:- That ..." for one; "Resolved:- (1) That ..." then "(2) That ..." for more."""
    paragraphs = []
    for n, resolution in enumerate(resolutions, start=1):
        text = resolution["text"].strip()
        if resolution["kind"] == "approved_amended" and resolution["amendment"]:
            text += f" Amendment: {resolution['amendment'].strip()}"
        numbered = f"({n}) {text}" if len(resolutions) > 1 else text
        paragraphs.append(Paragraph(f"Resolved:- {numbered}" if n == 1 else numbered))
    return paragraphs


def _attendance_blocks(attendance: dict) -> list:
    blocks: list = []
    for _, key, words in ATTENDANCE:
        names = attendance.get(key) or []
        if names:
            blocks.append(Paragraph(f"{words} {'; '.join(names)}."))
    return blocks or [Paragraph("No attendance recorded.", style="small")]


def minutes_document(
    content: dict, *, public: bool = False, banner: str = "", version_line: str = ""
) -> Document:
    """The minutes as a board document; ``public`` leaves exempt minutes out (a viewer's version)."""
    shown = public_content(content) if public else content
    heading = f"{shown['body'].upper()}"
    when = shown["date_in_words"]
    if shown.get("venue"):
        when += f", {shown['venue']}"
    blocks: list = [Paragraph(when, style="lead")]
    if version_line:
        blocks.append(Paragraph(version_line, style="small"))
    blocks += _attendance_blocks(shown["attendance"])
    if shown.get("approved_at"):
        line = f"Approved as a correct record at the meeting of {format_date(_date(shown['approved_at']))}."
        if shown.get("approval_correction"):
            line += f" Correction: {shown['approval_correction']}"
        blocks.append(Paragraph(line, style="small"))
    for minute in shown["minutes"]:
        body: list = [Paragraph(p) for p in minute["narrative"].split("\n\n") if p.strip()]
        if minute["exempt"]:
            body.insert(0, Note("Exempt item: closed to the public and left out of the public version."))
        body += resolved_paragraphs(minute["resolutions"])
        blocks.append(
            Section(
                Heading(
                    f"{minute['label']}. {minute['title'].upper()}",
                    level=1,
                    anchor=f"minute-{minute['number']}",
                ),
                body,
            )
        )
    if not public and any(m["exempt"] for m in content["minutes"]):
        blocks.append(Note(EXEMPT_NOTE))
    return Document(
        title=f"Minutes: {shown['body']}, {format_date(_date(shown['date']))}",
        subtitle=heading,
        as_at=_date(shown["date"]),
        banner=banner,
        meta={"author": shown["body"], "subject": f"Minutes of the meeting of {when}"},
        blocks=blocks,
    )


def _date(text: str) -> date:
    return date.fromisoformat(text)


def minutes_json(content: dict, checks: list[dict], *, public: bool = False, state: str = "") -> dict:
    """The `minutes` command's JSON (issue 15, docs/interchange.md): attendance by status (names),
    the minutes with their numbers as printed ("269", "D24") and typed resolutions, the checks."""
    shown = public_content(content) if public else content
    names = shown.get("attendance_names") or shown["attendance"]
    return {
        "body": shown["body_slug"],
        "meeting": f"{shown['body_slug']}/{shown['date']}",
        "date": shown["date"],
        # The meeting's state now: not part of what is frozen.
        "state": state,
        "attendance": {
            # A substitute is present in a member's place.
            "present": names.get("present", []) + names.get("substitutes", []),
            **{key: names.get(key, []) for key in ("apologies", "absent", "in_attendance")},
        },
        "minutes": [
            {
                "number": m["label"],
                "title": m["title"],
                "resolutions": [{"kind": r["kind"], "text": r["text"]} for r in m["resolutions"]],
            }
            for m in shown["minutes"]
        ],
        "checks": checks,
    }


def render(
    content: dict,
    fmt: str,
    *,
    public: bool,
    banner: str = "",
    version_line: str = "",
    checks=None,
    state: str = "",
) -> bytes:
    if fmt == "json":
        data = minutes_json(content, checks or [], public=public, state=state)
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return render_file(
        minutes_document(content, public=public, banner=banner, version_line=version_line), fmt
    )
