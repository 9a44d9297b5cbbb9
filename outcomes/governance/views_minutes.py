"""The minutes pages of a meeting: the minutes (the draft for those who run bodies, the published
version for readers, every version listed), a minute written or edited, a resolution added or
removed, circulation, approval at a later meeting, publication (confirmed first), the downloads and
the action log as at the meeting (frozen with the minutes). On an action: discharge it by pointing
at the agenda item that took its report. Views are thin: access.py decides who, minuting.py changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from outcomes.core import downloads
from outcomes.core.confirm import Confirmation, confirm_first
from outcomes.core.conflicts import SaveConflict, rebind_after_conflict
from outcomes.core.formatting import format_date
from outcomes.core.forms import error_list
from outcomes.documents import publications
from outcomes.documents.publications import PublicationConflict
from outcomes.documents.render import render_file, render_html
from outcomes.documents.serial import document_from_json
from outcomes.governance import access, minuting, rules
from outcomes.governance.forms_minutes import (
    ApproveForm,
    CirculateForm,
    DischargeByItemForm,
    MinuteEditForm,
    MinuteForm,
)
from outcomes.governance.history import minutes_history
from outcomes.governance.log import interface_json
from outcomes.governance.minutes_document import DRAFT_BANNER, FORMATS, minutes_content, minutes_document
from outcomes.governance.minutes_document import render as render_minutes
from outcomes.governance.minutes_record import public_findings
from outcomes.governance.models import Meeting
from outcomes.governance.outputs import log_sheets
from outcomes.governance.view_steps import confirm_then, refused_errors

SECTION = "governance"
LOG_FORMATS = ("html", "docx", "pdf", "xlsx", "json")


def _page(meeting: Meeting) -> str:
    return reverse("governance:minutes", args=[meeting.body.slug, meeting.date.isoformat()])


def _version_line(publication) -> str:
    line = (
        f"Version {publication.version}, published on {format_date(publication.published_at)} "
        f"by {publication.published_by_name}."
    )
    revised = publications.revision_line(publication)
    return f"{line} {revised}" if revised else line


def _shown(request: HttpRequest, meeting: Meeting, version: int | None = None):
    """(content, publication or None for the draft, public): the version asked for, or the version in
    force; for those who run bodies the draft while it differs from that (before publication, or a
    correction); None when there is nothing this reader may read yet."""
    user = request.user
    if version is not None:
        publication = publications.version(minuting.MINUTES_KIND, meeting.subject_key, version)
        if publication is None:
            raise Http404("No such version")
    else:
        publication = minuting.current_minutes(meeting)
        if access.runs_bodies(user):
            # The version in force, unless the minutes have changed since (a correction to publish).
            live = minutes_content(meeting)
            if publication is None or publication.content != live:
                return live, None, False
        elif publication is None:
            return None, None, True
    return publication.content, publication, not access.sees_exempt(user)


def _document(content, publication, public: bool):
    return minutes_document(
        content,
        public=public,
        banner=DRAFT_BANNER if publication is None else "",
        version_line=_version_line(publication) if publication else "",
    )


@login_required
def minutes_page(request: HttpRequest, slug: str, day: str) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, slug, day)
    version = request.GET.get("version")
    content, publication, public = _shown(
        request, meeting, int(version) if version and version.isdigit() else None
    )
    runs = access.runs_bodies(request.user)
    return render(
        request,
        "governance/minutes.html",
        {
            "section": SECTION,
            "meeting": meeting,
            "body": meeting.body,
            "content": content,
            "publication": publication,
            "document": mark_safe(render_html(_document(content, publication, public), title=False))
            if content
            else "",
            "versions": publications.versions(minuting.MINUTES_KIND, meeting.subject_key),
            "frozen_log": minuting.current_log(meeting),
            "runs": runs,
            "minutes": meeting.minutes.prefetch_related("resolutions__action") if runs else [],
            "label": rules.minute_label,
            "formats": FORMATS,
            "history": minutes_history(meeting) if runs else [],
        },
    )


@login_required
def minutes_download(request: HttpRequest, slug: str, day: str, fmt: str) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, slug, day)
    if fmt not in FORMATS:
        raise Http404("No such format")
    version = request.GET.get("version")
    content, publication, public = _shown(
        request, meeting, int(version) if version and version.isdigit() else None
    )
    if content is None:
        raise Http404("The minutes are not published yet")
    data = render_minutes(
        content,
        fmt,
        public=public,
        banner=DRAFT_BANNER if publication is None else "",
        version_line=_version_line(publication) if publication else "",
        checks=public_findings(meeting) if fmt == "json" else None,
        state=meeting.state,
    )
    which = f"version-{publication.version}" if publication else "draft"
    return downloads.attachment(data, f"{slug}-minutes-{day}-{which}.{fmt}")


@login_required
@require_http_methods(["GET", "POST"])
def minute_new(request: HttpRequest, slug: str, day: str) -> HttpResponse:
    meeting = access.get_meeting_to_run(request.user, slug, day)
    form = MinuteForm(request.POST or None, meeting=meeting, initial={"agenda_item": request.GET.get("item")})
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        try:
            minute = minuting.write_minute(user=request.user, meeting=meeting, **form.cleaned_data)
        except rules.Refused as refused:
            errors = refused_errors(refused)
        else:
            messages.success(request, f"Minute {rules.minute_label(minute)} written.")
            return redirect(_page(meeting))
    return render(
        request,
        "governance/minute_form.html",
        {
            "section": SECTION,
            "meeting": meeting,
            "minute": None,
            "form": form,
            "errors": error_list(form) + errors,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def minute_edit(request: HttpRequest, slug: str, day: str, number: int) -> HttpResponse:
    minute = access.get_minute_to_run(request.user, slug, day, number)
    meeting = minute.meeting
    initial = {"title": minute.title, "narrative": minute.narrative, "version": minute.version}
    form = MinuteEditForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            minuting.edit_minute(
                user=request.user,
                minute=minute,
                title=data["title"],
                narrative=data["narrative"],
                expected_version=data["version"],
            )
        except SaveConflict as exc:
            minute.refresh_from_db()
            conflict = {"who": exc.who, "rows": [("Title", minute.title), ("Narrative", minute.narrative)]}
            form = rebind_after_conflict(MinuteEditForm, request.POST, minute.version, str(exc))
        else:
            messages.success(request, f"Minute {rules.minute_label(minute)} saved.")
            return redirect(_page(meeting))
    return render(
        request,
        "governance/minute_form.html",
        {
            "section": SECTION,
            "meeting": meeting,
            "minute": minute,
            "label": rules.minute_label(minute),
            "form": form,
            "errors": error_list(form),
            "conflict": conflict,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def minute_remove(request: HttpRequest, slug: str, day: str, number: int) -> HttpResponse:
    minute = access.get_minute_to_run(request.user, slug, day, number)
    label = rules.minute_label(minute)
    return confirm_then(
        request,
        Confirmation(
            title=f"Remove minute {label}?",
            consequences=[
                f"Minute {label}, {minute.title}, leaves the draft minutes; the history records it.",
                "Its number is given to the next minute written only if it was the last.",
            ],
            button="Remove the minute",
            cancel_url=_page(minute.meeting),
        ),
        lambda: minuting.remove_minute(user=request.user, minute=minute),
        f"Minute {label} removed.",
    )


def _step(request, meeting, form, template: str, do) -> HttpResponse:
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        try:
            message = do(form.cleaned_data)
        except rules.Refused as refused:
            errors = refused_errors(refused)
        else:
            messages.success(request, message)
            return redirect(_page(meeting))
    return render(
        request,
        template,
        {"section": SECTION, "meeting": meeting, "form": form, "errors": error_list(form) + errors},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def minutes_circulate(request: HttpRequest, slug: str, day: str) -> HttpResponse:
    meeting = access.get_meeting_to_run(request.user, slug, day)
    form = CirculateForm(request.POST or None, initial={"on": timezone.localdate()})

    def do(data) -> str:
        minuting.circulate(user=request.user, meeting=meeting, on=data["on"])
        return "The draft minutes are recorded as circulated."

    return _step(request, meeting, form, "governance/minutes_circulate.html", do)


@login_required
@require_http_methods(["GET", "POST"])
def minutes_approve(request: HttpRequest, slug: str, day: str) -> HttpResponse:
    meeting = access.get_meeting_to_run(request.user, slug, day)
    form = ApproveForm(request.POST or None, meeting=meeting)

    def do(data) -> str:
        minuting.approve(
            user=request.user, meeting=meeting, approving=data["approving"], correction=data["correction"]
        )
        return "The minutes' approval is recorded. Publish them when ready."

    return _step(request, meeting, form, "governance/minutes_approve.html", do)


@login_required
@require_http_methods(["GET", "POST"])
def minutes_publish(request: HttpRequest, slug: str, day: str) -> HttpResponse:
    meeting = access.get_meeting_to_run(request.user, slug, day)
    previous = minuting.current_minutes(meeting)
    problems = rules.publication_problems(
        meeting, minutes_content(meeting), previous.content if previous else None
    )
    if request.method == "POST" and not problems:
        asked = confirm_first(
            request,
            Confirmation(
                title=f"Publish the minutes of {meeting}?",
                consequences=[
                    "Board members and lead officers will read them as they stand now; viewers without "
                    "their exempt items.",
                    "The body's action log as at the meeting is frozen with them: later changes to "
                    "actions do not change it."
                    if previous is None
                    else "They are published as a correction: the version before stays readable.",
                    "To change them afterwards you publish a correction as a new version.",
                ],
                button="Publish the minutes",
                cancel_url=_page(meeting),
                warning=False,
            ),
            SECTION,
        )
        if asked is not None:
            return asked
        try:
            publication = minuting.publish(user=request.user, meeting=meeting)
        except rules.Refused as refused:
            problems = refused.problems
        except PublicationConflict as exc:
            messages.error(request, str(exc))
            return redirect(_page(meeting))
        else:
            messages.success(request, f"Version {publication.version} of the minutes published.")
            return redirect(_page(meeting))
    return render(
        request,
        "governance/minutes_publish.html",
        {"section": SECTION, "meeting": meeting, "problems": problems, "previous": previous},
        status=400 if request.method == "POST" else 200,
    )


def _log_document(meeting: Meeting, user):
    """The log as at the meeting: the frozen one once the minutes are published, else as it stands;
    without the actions of exempt minutes for those who may not see exempt business."""
    frozen = minuting.current_log(meeting)
    content = frozen.content if frozen else minuting.log_content(meeting)
    if not access.sees_exempt(user) and "public_log" in content:
        content = {"log": content["public_log"], "document": content["public_document"]}
    return frozen, content


@login_required
def meeting_log(request: HttpRequest, slug: str, day: str) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, slug, day)
    frozen, content = _log_document(meeting, request.user)
    return render(
        request,
        "governance/meeting_log.html",
        {
            "section": SECTION,
            "meeting": meeting,
            "frozen": frozen,
            "document": mark_safe(render_html(document_from_json(content["document"]), title=False)),
            "formats": LOG_FORMATS,
        },
    )


@login_required
def meeting_log_download(request: HttpRequest, slug: str, day: str, fmt: str) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, slug, day)
    if fmt not in LOG_FORMATS:
        raise Http404("No such format")
    frozen, content = _log_document(meeting, request.user)
    if fmt == "json":
        data = downloads.json_bytes(interface_json(content["log"]))
    elif fmt == "xlsx":
        data = downloads.xlsx_bytes(log_sheets(content["log"], meeting.body.name))
    else:
        data = render_file(document_from_json(content["document"]), fmt)
    which = "published" if frozen else "live"
    return downloads.attachment(data, f"{slug}-action-log-{day}-{which}.{fmt}")


@login_required
@require_http_methods(["GET", "POST"])
def action_discharge_by_item(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    action = access.get_action_to_run(request.user, slug, number)
    form = DischargeByItemForm(request.POST or None, action=action)
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        try:
            minuting.discharge_by_item(action, form.cleaned_data["agenda_item"], request.user)
        except rules.Refused as refused:
            errors = [{"text": p, "href": "#id_agenda_item"} for p in refused.problems]
        else:
            messages.success(request, f"Action {action.number} discharged by the agenda item.")
            return redirect("governance:action", slug, number)
    return render(
        request,
        "governance/action_discharge_by_item.html",
        {"section": SECTION, "action": action, "form": form, "errors": error_list(form) + errors},
        status=400 if request.method == "POST" else 200,
    )


def action_context(user, action) -> dict:
    """What the action page shows of the minutes: the resolution that raised it (with its minute and
    meeting) and its forward-plan items."""
    resolution = action.resolutions.select_related("minute__meeting__body").first()
    if resolution is not None and resolution.minute.exempt and not access.sees_exempt(user):
        resolution = None
    return {
        "raised_by": resolution,
        "raised_by_label": rules.minute_label(resolution.minute) if resolution else "",
        "forward_plan": action.forward_plan_items.select_related("body", "agenda_item__meeting"),
        "discharge_by_item": access.runs_bodies(user) and action.is_open,
    }
