"""A minute's resolutions: added (a report back or an action raising its action and forward-plan
item), their wording corrected, removed after confirming. Views are thin: access.py decides who,
minuting.py changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from outcomes.core.confirm import Confirmation
from outcomes.core.conflicts import SaveConflict, rebind_after_conflict
from outcomes.core.forms import error_list
from outcomes.governance import access, minuting, rules
from outcomes.governance.forms_minutes import ResolutionForm, ResolutionWordingForm
from outcomes.governance.view_steps import confirm_then, refused_errors
from outcomes.governance.views_minutes import SECTION, _page


@login_required
@require_http_methods(["GET", "POST"])
def resolution_new(request: HttpRequest, slug: str, day: str, number: int) -> HttpResponse:
    minute = access.get_minute_to_run(request.user, slug, day, number)
    form = ResolutionForm(request.POST or None, body=minute.meeting.body)
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        try:
            minuting.add_resolution(user=request.user, minute=minute, **form.cleaned_data)
        except rules.Refused as refused:
            errors = refused_errors(refused)
        else:
            messages.success(request, f"Resolution added to minute {rules.minute_label(minute)}.")
            return redirect(_page(minute.meeting))
    return render(
        request,
        "governance/resolution_form.html",
        {
            "section": SECTION,
            "minute": minute,
            "label": rules.minute_label(minute),
            "form": form,
            "errors": error_list(form) + errors,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def resolution_remove(request: HttpRequest, slug: str, day: str, number: int, pk: int) -> HttpResponse:
    resolution = access.get_resolution_to_run(request.user, slug, day, number, pk)
    minute = resolution.minute
    consequences = ["The resolution leaves the minute. Versions already published keep it."]
    if resolution.action_id:
        consequences.append(
            f"Action {resolution.action.number}, which it raised, leaves the tracker with it, "
            "and so does its forward-plan item."
        )
    return confirm_then(
        request,
        Confirmation(
            title=f"Remove the resolution from minute {rules.minute_label(minute)}?",
            consequences=consequences,
            button="Remove the resolution",
            cancel_url=_page(minute.meeting),
        ),
        lambda: minuting.remove_resolution(user=request.user, resolution=resolution),
        "Resolution removed.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def resolution_edit(request: HttpRequest, slug: str, day: str, number: int, pk: int) -> HttpResponse:
    resolution = access.get_resolution_to_run(request.user, slug, day, number, pk)
    minute = resolution.minute
    initial = {"text": resolution.text, "amendment": resolution.amendment, "version": minute.version}
    form = ResolutionWordingForm(request.POST or None, initial=initial)
    errors: list[dict] = []
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            minuting.edit_resolution(
                user=request.user,
                resolution=resolution,
                text=data["text"],
                amendment=data["amendment"],
                expected_version=data["version"],
            )
        except rules.Refused as refused:
            errors = refused_errors(refused)
        except SaveConflict as exc:
            resolution.refresh_from_db()
            minute.refresh_from_db()
            conflict = {
                "who": exc.who,
                "rows": [("Resolved", resolution.text), ("Amendment", resolution.amendment)],
            }
            form = rebind_after_conflict(ResolutionWordingForm, request.POST, minute.version, str(exc))
        else:
            messages.success(request, f"Resolution of minute {rules.minute_label(minute)} saved.")
            return redirect(_page(minute.meeting))
    return render(
        request,
        "governance/resolution_edit.html",
        {
            "section": SECTION,
            "resolution": resolution,
            "minute": minute,
            "label": rules.minute_label(minute),
            "form": form,
            "errors": error_list(form) + errors,
            "conflict": conflict,
        },
        status=400 if request.method == "POST" else 200,
    )
