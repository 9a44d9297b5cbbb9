"""The tracker's pages: the bodies, a body's action log as at a date (with downloads), an action with
its updates; an owner adds an update, a performance officer raises, edits and discharges actions.
Views are thin: access.py decides who, services.py changes, log.py computes."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from outcomes.core import downloads
from outcomes.core.forms import error_list
from outcomes.governance import access, extensions, owing, services, views_minutes
from outcomes.governance.forms import ActionForm, AsAtForm, DischargeForm, UpdateForm
from outcomes.governance.history import action_history
from outcomes.governance.log import BAND_HEADINGS, BANDS, action_log
from outcomes.governance.models import Action, Body, Meeting
from outcomes.governance.outputs import FORMATS, filename, seed_date
from outcomes.governance.outputs import render as render_log
from outcomes.governance.rules import Refused

SECTION = "governance"


def _as_at(request: HttpRequest) -> tuple[date, AsAtForm]:
    form = AsAtForm(request.GET or None)
    if form.is_bound and form.is_valid() and form.cleaned_data["as_at"]:
        return form.cleaned_data["as_at"], form
    return timezone.localdate(), form


@login_required
def body_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    bodies = access.visible_bodies(request.user)
    rows = [(body, body.actions.exclude(status__in=Action.CLOSED).count()) for body in bodies]
    return render(
        request,
        "governance/body_list.html",
        {"section": SECTION, "rows": rows, "runs": access.runs_bodies(request.user)},
    )


@login_required
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = access.get_body_for_user(request.user, slug)
    as_at, form = _as_at(request)
    log = action_log(body, as_at, with_exempt=access.sees_exempt(request.user))
    bands = [(BAND_HEADINGS[band].format(date=seed_date(as_at)), log.bands[band]) for band in BANDS]
    return render(
        request,
        "governance/body_detail.html",
        {
            "section": SECTION,
            "body": body,
            "log": log,
            "bands": bands,
            "form": form,
            "errors": error_list(form),
            "members": body.memberships.select_related("person"),
            # On a meeting's date, the log frozen with its published minutes is the one the board had.
            "published_at": body.meetings.filter(date=as_at, state=Meeting.PUBLISHED).first(),
            "meetings": body.meetings.all(),
            "runs": access.runs_bodies(request.user),
            "formats": FORMATS,
        },
    )


@login_required
def log_download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    body = access.get_body_for_user(request.user, slug)
    if fmt not in FORMATS:
        raise Http404("No such format")
    as_at, _ = _as_at(request)
    log = action_log(body, as_at, with_exempt=access.sees_exempt(request.user))
    return downloads.attachment(render_log(log, fmt), filename(log, fmt))


@login_required
def action_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    action = access.get_action_for_user(request.user, slug, number)
    return render(
        request,
        "governance/action_detail.html",
        {
            "section": SECTION,
            "action": action,
            "body": action.body,
            "updates": action.updates.select_related("entered_by"),
            "children": action.children.all(),
            "history": action_history(action),
            "may_update": access.may_update(request.user, action),
            "runs": access.runs_bodies(request.user),
            "form": UpdateForm(initial={"on": timezone.localdate()}),
            # The resolution that raised it and its forward-plan items (minutes; views_minutes.py).
            **views_minutes.action_context(request.user, action),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_update(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    action = access.get_action_to_update(request.user, slug, number)
    form = UpdateForm(request.POST or None, initial={"on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.add_update(user=request.user, action=action, **form.cleaned_data)
        messages.success(
            request, "Update added. Updates are kept as entered: a correction is a later update."
        )
        return redirect("governance:action", slug, number)
    return render(
        request,
        "governance/action_update.html",
        {"section": SECTION, "action": action, "form": form, "errors": error_list(form)},
        status=400 if request.method == "POST" else 200,
    )


def _action_form(request: HttpRequest, body: Body, action: Action | None) -> ActionForm:
    initial = {"raised_on": timezone.localdate(), "status": Action.RAISED}
    if action is not None:
        initial = {
            "owner_text": action.owner_text,
            "owners": list(action.owners.all()),
            "details": action.details,
            "raised_on": action.raised_on,
            "due_on": action.due_on,
            "due_rule": action.due_rule,
            "status": action.status,
            "progress": action.progress,
            "parent": action.parent.number if action.parent_id else None,
        }
    return ActionForm(request.POST or None, body=body, initial=initial)


@login_required
@require_http_methods(["GET", "POST"])
def action_new(request: HttpRequest, slug: str) -> HttpResponse:
    body = access.get_body_to_run(request.user, slug)
    form = _action_form(request, body, None)
    if request.method == "POST" and form.is_valid():
        action = services.raise_action(user=request.user, body=body, **form.cleaned_data)
        messages.success(request, f"Action {action.number} raised.")
        return redirect("governance:action", slug, action.number)
    return render(
        request,
        "governance/action_form.html",
        {"section": SECTION, "body": body, "action": None, "form": form, "errors": error_list(form)},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    action = access.get_action_to_run(request.user, slug, number)
    form = _action_form(request, action.body, action)
    if action.status == Action.DISCHARGED:
        form.fields["status"].choices = Action.STATUSES
    if request.method == "POST" and form.is_valid():
        services.edit_action(user=request.user, action=action, **form.cleaned_data)
        messages.success(request, f"Action {action.number} saved.")
        return redirect("governance:action", slug, number)
    return render(
        request,
        "governance/action_form.html",
        {"section": SECTION, "body": action.body, "action": action, "form": form, "errors": error_list(form)},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_discharge(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    action = access.get_action_to_run(request.user, slug, number)
    form = DischargeForm(request.POST or None, initial={"on": timezone.localdate()})
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.discharge(user=request.user, action=action, **form.cleaned_data)
        except Refused as refused:
            problems = refused.problems
        else:
            messages.success(request, f"Action {action.number} discharged.")
            return redirect("governance:action", slug, number)
    return render(
        request,
        "governance/action_discharge.html",
        {
            "section": SECTION,
            "action": action,
            "form": form,
            "errors": error_list(form) + [{"text": p, "href": "#evidence"} for p in problems],
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def my_actions(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    today = timezone.localdate()
    return render(
        request,
        "governance/my_actions.html",
        {
            "section": SECTION,
            "owed": owing.owed_by(access.person_of(request.user), today),
            "milestones": owing.milestones_to_update(request.user, today),
            # What the apps above add (the risk register's reviews due): extensions.py.
            "more": extensions.owed(request.user, today),
        },
    )


@login_required
def body_owed(request: HttpRequest, slug: str) -> HttpResponse:
    body = access.get_body_to_run(request.user, slug)
    today = timezone.localdate()
    owners, every = owing.owed_on_body(body, today)
    return render(
        request,
        "governance/body_owed.html",
        {
            "section": SECTION,
            "body": body,
            "owners": owners,
            "open_count": len(every),
            "overdue_count": sum(1 for item in every if item.overdue),
            "today": today,
        },
    )
