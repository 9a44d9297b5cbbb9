"""The meetings' pages: a body's meetings, a meeting scheduled, the meeting (attendance grouped by
status, its agenda and minutes as far as its state shows them, its data checks, its history), its
attendance recorded, its state moved forward or the meeting cancelled (confirmed first).
Views are thin: access.py decides who, meetings.py changes, checks.py finds."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from outcomes.core.confirm import Confirmation, confirm_first
from outcomes.core.conflicts import SaveConflict
from outcomes.core.formatting import format_date
from outcomes.core.forms import error_list
from outcomes.governance import access, agenda_services, checks
from outcomes.governance import meetings as services
from outcomes.governance.forms_meetings import BLANK_OTHERS, AttendanceForm, CancelForm, MeetingForm
from outcomes.governance.history import meeting_history
from outcomes.governance.models import Attendance, Meeting
from outcomes.governance.rules import Refused, minute_label

SECTION = "governance"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Http404("No such meeting") from None


def _url(meeting: Meeting, name: str = "governance:meeting") -> str:
    return reverse(name, args=[meeting.body.slug, meeting.date.isoformat()])


@login_required
def meeting_list(request: HttpRequest, slug: str) -> HttpResponse:
    body = access.get_body_for_user(request.user, slug)
    return render(
        request,
        "governance/meeting_list.html",
        {
            "section": SECTION,
            "body": body,
            "meetings": body.meetings.all(),
            "runs": access.runs_bodies(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_new(request: HttpRequest, slug: str) -> HttpResponse:
    body = access.get_body_to_run(request.user, slug)
    form = MeetingForm(request.POST or None, initial={"standing_items": True})
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.schedule(user=request.user, body=body, **form.cleaned_data)
        except Refused as refused:
            problems = refused.problems
        else:
            messages.success(request, f"Meeting of {format_date(meeting.date)} scheduled.")
            return redirect(_url(meeting))
    return render(
        request,
        "governance/meeting_form.html",
        {
            "section": SECTION,
            "body": body,
            "form": form,
            "errors": error_list(form) + [{"text": p, "href": "#on"} for p in problems],
        },
        status=400 if request.method == "POST" else 200,
    )


def _grouped(meeting: Meeting) -> list[tuple[str, list[Attendance]]]:
    rows = list(meeting.attendance.select_related("substitute_for").order_by("order", "id"))
    return [
        (label, [row for row in rows if row.status == status])
        for status, label in Attendance.STATUSES
        if any(row.status == status for row in rows)
    ]


@login_required
def meeting_detail(request: HttpRequest, slug: str, day: str) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, slug, day)
    user = request.user
    exempt = access.sees_exempt(user)
    items = []
    if access.sees_agenda(user, meeting):
        found = meeting.agenda_items.select_related("section", "other_body", "paper")
        items = [item for item in found if exempt or not item.exempt]
    minutes = []
    if access.sees_minutes(user, meeting):
        found_minutes = meeting.minutes.prefetch_related("resolutions").select_related("meeting__body")
        minutes = [(minute_label(m), m) for m in found_minutes if exempt or not m.exempt]
    runs = access.runs_bodies(user)
    return render(
        request,
        "governance/meeting_detail.html",
        {
            "section": SECTION,
            "meeting": meeting,
            "body": meeting.body,
            "attendance": _grouped(meeting),
            "items": [i for i in items if i.parent_id is None],
            "children": _children(items),
            "minutes": minutes,
            "data_checks": checks.meeting_panel(request, meeting, exempt),
            "history": meeting_history(meeting) if runs else [],
            "runs": runs,
            "next_state": services.next_state(meeting) if runs else None,
            "state_words": services.STATE_WORDS,
            "may_cancel": runs and meeting.state in (Meeting.SCHEDULED, Meeting.AGENDA_PUBLISHED),
            # The agenda page opens for those who run the bodies, for readers once it is published.
            "agenda_opens": runs or agenda_services.current(meeting) is not None,
        },
    )


def _children(items) -> dict[int, list]:
    found: dict[int, list] = {}
    for item in items:
        if item.parent_id:
            found.setdefault(item.parent_id, []).append(item)
    return found


def _attendance_initial(meeting: Meeting, members) -> tuple[dict, int]:
    initial: dict = {"version": meeting.version}
    others = []
    for row in meeting.attendance.select_related("substitute_for").order_by("order", "id"):
        if row.status == Attendance.SUBSTITUTE and row.substitute_for_id:
            initial[f"substitute_{row.substitute_for_id}"] = row.name
        elif row.membership_id and any(m.pk == row.membership_id for m in members):
            initial[f"status_{row.membership_id}"] = row.status
        else:
            others.append(row)
    for n, row in enumerate(others):
        initial.update(
            {
                f"other_name_{n}": row.name,
                f"other_position_{n}": row.position,
                f"other_status_{n}": row.status,
                f"other_note_{n}": row.note,
            }
        )
    return initial, len(others)


def _lines(form: AttendanceForm, meeting: Meeting) -> list[services.Line]:
    data = form.cleaned_data
    notes = {row.membership_id: row.note for row in meeting.attendance.all() if row.membership_id}
    lines = []
    for m in form.members:
        if data.get(f"status_{m.pk}"):
            lines.append(services.Line(status=data[f"status_{m.pk}"], membership=m, note=notes.get(m.pk, "")))
        if data.get(f"substitute_{m.pk}", "").strip():
            lines.append(
                services.Line(status=Attendance.SUBSTITUTE, name=data[f"substitute_{m.pk}"], substitute_for=m)
            )
    for n in range(form.others):
        if data.get(f"other_name_{n}", "").strip():
            lines.append(
                services.Line(
                    status=data[f"other_status_{n}"] or Attendance.IN_ATTENDANCE,
                    name=data[f"other_name_{n}"],
                    position=data[f"other_position_{n}"],
                    note=data[f"other_note_{n}"],
                )
            )
    return lines


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, slug: str, day: str) -> HttpResponse:
    meeting = access.get_meeting_to_run(request.user, slug, day)
    members = list(services.members_on(meeting.body, meeting.date))
    initial, held = _attendance_initial(meeting, members)
    form = AttendanceForm(request.POST or None, initial=initial, members=members, others=held + BLANK_OTHERS)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.record_attendance(
                user=request.user,
                meeting=meeting,
                lines=_lines(form, meeting),
                version=form.cleaned_data["version"],
            )
        except (Refused, SaveConflict) as refused:
            problems = refused.problems if isinstance(refused, Refused) else [str(refused)]
        else:
            messages.success(request, "Attendance saved.")
            return redirect(_url(meeting))
    return render(
        request,
        "governance/attendance_form.html",
        {
            "section": SECTION,
            "meeting": meeting,
            "body": meeting.body,
            "form": form,
            "errors": error_list(form) + [{"text": p, "href": "#attendance"} for p in problems],
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def advance(request: HttpRequest, slug: str, day: str) -> HttpResponse:
    meeting = access.get_meeting_to_run(request.user, slug, day)
    to = services.next_state(meeting)
    problems: list[str] = []
    if request.method == "POST":
        if to is None or request.POST.get("to") != to:
            problems = ["The meeting has moved on since the page was opened: look at it again."]
        else:
            words = services.STATE_WORDS[to]
            asked = confirm_first(
                request,
                Confirmation(
                    title=f"Mark the meeting of {format_date(meeting.date)} “{words}”?",
                    consequences=[
                        f"The meeting moves from “{services.STATE_WORDS[meeting.state]}” to “{words}”.",
                        "A meeting's state never moves back.",
                    ],
                    button=f"Mark it “{words}”",
                    cancel_url=_url(meeting),
                    warning=False,
                ),
                SECTION,
            )
            if asked is not None:
                return asked
            try:
                services.advance(user=request.user, meeting=meeting, to=to)
            except Refused as refused:
                problems = refused.problems
            else:
                messages.success(request, f"The meeting is now “{words}”.")
                return redirect(_url(meeting))
    return render(
        request,
        "governance/meeting_advance.html",
        {
            "section": SECTION,
            "meeting": meeting,
            "to": to,
            "state_words": services.STATE_WORDS,
            "errors": [{"text": p, "href": "#to"} for p in problems],
        },
        status=400 if problems else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, slug: str, day: str) -> HttpResponse:
    meeting = access.get_meeting_to_run(request.user, slug, day)
    form = CancelForm(request.POST or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        asked = confirm_first(
            request,
            Confirmation(
                title=f"Cancel the meeting of {format_date(meeting.date)}?",
                consequences=[
                    "The meeting is marked cancelled, with the reason given. This cannot be undone.",
                    f"Reason: {form.cleaned_data['reason']}",
                ],
                button="Cancel the meeting",
                cancel_url=_url(meeting),
            ),
            SECTION,
        )
        if asked is not None:
            return asked
        try:
            services.cancel(user=request.user, meeting=meeting, reason=form.cleaned_data["reason"])
        except Refused as refused:
            problems = refused.problems
        else:
            messages.success(request, "The meeting is cancelled.")
            return redirect(_url(meeting))
    return render(
        request,
        "governance/meeting_cancel.html",
        {
            "section": SECTION,
            "meeting": meeting,
            "form": form,
            "errors": error_list(form) + [{"text": p, "href": "#reason"} for p in problems],
        },
        status=400 if request.method == "POST" else 200,
    )
