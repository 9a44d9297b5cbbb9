from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from outcomes.core import checks
from outcomes.core.conflicts import SaveConflict, rebind_after_conflict, saved_fields
from outcomes.core.formatting import format_date
from outcomes.core.forms import error_list
from outcomes.core.history import Field, HistoryRow, history_rows
from outcomes.core.models import ChangeRecord
from outcomes.indicators import access
from outcomes.indicators.clinic_actions import AgreedAction, tracker
from outcomes.indicators.forms import ClinicForm, clinic_key
from outcomes.indicators.models import Clinic
from outcomes.indicators.views.common import check_format, table_download

LIST_HEADERS = ["Date", "Kind", "Title", "Where", "Indicators reviewed", "Agreed actions", "Open actions"]
ACTION_HEADERS = ["No.", "Agreed action", "Owner", "Due", "Status", "Follow-up", "Followed up at"]
HISTORY_HEADERS = ["When", "Who", "What", "Changes"]
# The agreed actions' statuses before they moved into the tracker, and the tracker's (decision 0142).
STATUS_WORDS = {
    "open": "Open",
    "done": "Done",
    "not_done": "Not done",
    "raised": "Raised",
    "ongoing": "Ongoing",
    "discharged": "Discharged",
    "unclear": "Unclear whether done",
    "withdrawn": "Withdrawn",
}


def _clinics():
    return Clinic.objects.prefetch_related("indicators")


def _list_row(c: Clinic, counts: dict[int, tuple[int, int]]) -> list:
    agreed, still_open = counts.get(c.pk, (0, 0))
    return [
        c.date,
        c.get_kind_display(),
        c.title,
        c.forum,
        ", ".join(i.code for i in c.indicators.all()),
        agreed,
        still_open,
    ]


@login_required
def clinic_list(request: HttpRequest) -> HttpResponse:
    access.require_clinic_reader(request.user)
    return render(
        request,
        "indicators/clinic_list.html",
        {
            "section": "clinics",
            "clinics": _clinics(),
            "counts": tracker().counts(),
            "manages": access.manages_indicators(request.user),
            "code_slug": access.code_slug,
        },
    )


@login_required
def clinics_export(request: HttpRequest, fmt: str) -> HttpResponse:
    access.require_clinic_reader(request.user)
    check_format(fmt)
    counts = tracker().counts()
    rows = [_list_row(c, counts) for c in _clinics()]
    return table_download(LIST_HEADERS, rows, fmt, "clinics", "Clinics")


def _action_row(a: AgreedAction) -> list:
    return [
        a.number,
        a.text,
        a.owner_name,
        a.due,
        a.status,
        a.follow_up,
        a.followed_up_at.title + f" ({format_date(a.followed_up_at.date)})" if a.followed_up_at else "",
    ]


@login_required
def clinic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    clinic = access.get_clinic_for_user(request.user, slug)
    actions = tracker()
    return render(
        request,
        "indicators/clinic_detail.html",
        {
            "section": "clinics",
            "clinic": clinic,
            "actions": actions.agreed_at(clinic, request.user),
            "followed_up": actions.followed_up_at(clinic, request.user),
            "earlier_open": actions.open_earlier(clinic, request.user),
            "exceptions": clinic.exceptions.select_related("indicator", "period", "area"),
            "history": _history(clinic),
            "manages": access.manages_indicators(request.user),
            "code_slug": access.code_slug,
            "data_checks": checks.for_page(request, "indicators", clinic=clinic),
        },
    )


@login_required
def clinic_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    clinic = access.get_clinic_for_user(request.user, slug)
    check_format(fmt)
    rows = [_action_row(a) for a in tracker().agreed_at(clinic, request.user)]
    return table_download(ACTION_HEADERS, rows, fmt, f"{clinic.slug}-actions", f"Agreed actions: {clinic}")


# What each stored field of a clinic or an agreed action is called on the page (forms._*_snapshot;
# the agreed actions' fields before they moved into the tracker, and the tracker's own, decision 0142).
HISTORY_FIELDS = {
    "kind": Field("Kind", lambda v: dict(Clinic.KINDS).get(v, str(v))),
    "title": Field("Title"),
    "date": Field("Date"),
    "forum": Field("Where"),
    "attendees": Field("Attendees"),
    "indicators": Field("Indicators reviewed"),
    "findings": Field("Findings", quoted=True),
    "text": Field("Agreed action", quoted=True),
    "owner": Field("Owner"),
    "due": Field("Due date"),
    "status": Field("Status", lambda v: STATUS_WORDS.get(str(v), str(v))),
    "follow_up": Field("Follow-up", quoted=True),
    "followed_up_at": Field("Followed up at"),
    "number": Field("Number"),
    "clinic": Field("Agreed at"),
    "owner_text": Field("Owner", quoted=True),
    "owners": Field("Owners linked"),
    "details": Field("Agreed action", quoted=True),
    "due_on": Field("Due date"),
    "due_rule": Field("Due (in words)", quoted=True),
    "raised_on": Field("Raised on"),
    "discharged_on": Field("Done on"),
    "evidence": Field("Evidence", quoted=True),
    "update": Field("Update", quoted=True),
}


def _history(clinic: Clinic) -> list[HistoryRow]:
    """The history of changes, newest first, in words: the page and its downloads both read these."""
    records = ChangeRecord.objects.filter(subject_key=clinic_key(clinic)).select_related("user")
    return history_rows(records, HISTORY_FIELDS)


@login_required
def clinic_history_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    clinic = access.get_clinic_for_user(request.user, slug)
    check_format(fmt)
    rows = [[h.when, h.who, h.what, "\n".join(h.changes)] for h in _history(clinic)]
    return table_download(
        HISTORY_HEADERS, rows, fmt, f"{clinic.slug}-history", f"History of changes: {clinic}"
    )


@login_required
@require_http_methods(["GET", "POST"])
def clinic_new(request: HttpRequest) -> HttpResponse:
    access.require_manager(request.user)
    initial = {"kind": Clinic.CLINIC}
    code = request.GET.get("indicator", "")
    indicator = access.find_indicator(code) if code else None
    if indicator is not None:
        initial["indicators"] = indicator.code
        initial["title"] = indicator.name
    form = ClinicForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        clinic = form.save(request.user)
        messages.success(request, f"Recorded the {clinic.get_kind_display().lower()} '{clinic.title}'.")
        return redirect("indicators:clinic", clinic.slug)
    return _clinic_form(request, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def clinic_edit(request: HttpRequest, slug: str) -> HttpResponse:
    clinic = access.get_clinic_to_manage(request.user, slug)
    form = ClinicForm(request.POST or None, initial=ClinicForm.initial_for(clinic))
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            clinic = form.save(request.user, clinic)
        except SaveConflict as exc:
            clinic.refresh_from_db()
            form = rebind_after_conflict(ClinicForm, request.POST, clinic.version, str(exc))
            conflict = {"who": exc.who, "rows": saved_fields(form, ClinicForm.initial_for(clinic))}
        else:
            messages.success(request, f"Saved '{clinic.title}'.")
            return redirect("indicators:clinic", clinic.slug)
    return _clinic_form(request, form, clinic, conflict)


def _clinic_form(
    request: HttpRequest, form: ClinicForm, clinic: Clinic | None, conflict: dict | None = None
) -> HttpResponse:
    return render(
        request,
        "indicators/clinic_form.html",
        {
            "section": "clinics",
            "form": form,
            "errors": error_list(form),
            "clinic": clinic,
            "conflict": conflict,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_new(request: HttpRequest, slug: str) -> HttpResponse:
    clinic = access.get_clinic_to_manage(request.user, slug)
    return _action_page(request, clinic, None)


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    clinic = access.get_clinic_to_manage(request.user, slug)
    return _action_page(request, clinic, number)


def _action_page(request: HttpRequest, clinic: Clinic, number: int | None) -> HttpResponse:
    """Add or change an agreed action: the tracker's form (clinic_actions.py), saved by the tracker."""
    form = tracker().form(request.POST or None, clinic=clinic, number=number)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            saved = form.save(request.user)
        except SaveConflict as exc:
            form, conflict = tracker().after_conflict(form, request.POST, exc)
        else:
            verb = "Saved" if number else "Added"
            messages.success(request, f"{verb} agreed action {saved}.")
            return redirect("indicators:clinic", clinic.slug)
    return render(
        request,
        "indicators/action_form.html",
        {
            "section": "clinics",
            "form": form,
            "errors": error_list(form),
            "clinic": clinic,
            "number": number,
            "conflict": conflict,
        },
    )
