"""A body set up and changed, and its seats (members over time) added, changed and ended, by those
who run bodies; readers see the seats and the body's history. Views are thin: access.py decides
who, bodies.py changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from outcomes.core.forms import error_list
from outcomes.governance import access, bodies, rules
from outcomes.governance.forms_bodies import BodyForm, SeatForm
from outcomes.governance.history import body_history
from outcomes.governance.models import Body, Membership
from outcomes.governance.view_steps import refused_errors

SECTION = "governance"


def _names(body: Body) -> dict:
    return {
        "name": body.name,
        "short_name": body.short_name,
        "minute_numbering": body.minute_numbering,
        "minute_prefix": body.minute_prefix,
    }


@login_required
@require_http_methods(["GET", "POST"])
def body_form(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """A new body (no ``slug``) or a body's details changed."""
    if slug is None:
        access.require_runner(request.user)
        body = None
    else:
        body = access.get_body_to_run(request.user, slug)
    form = BodyForm(request.POST or None, initial=_names(body) if body else None)
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        try:
            if body is None:
                saved = bodies.create_body(user=request.user, **form.cleaned_data)
                messages.success(request, f"{saved.name} set up. Add its members next.")
            else:
                saved = bodies.edit_body(user=request.user, body=body, **form.cleaned_data)
                messages.success(request, "The body's details are saved.")
        except rules.Refused as refused:
            errors = refused_errors(refused)
        else:
            return redirect("governance:members", saved.slug)
    return render(
        request,
        "governance/body_form.html",
        {"section": SECTION, "body": body, "form": form, "errors": error_list(form) + errors},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def members(request: HttpRequest, slug: str) -> HttpResponse:
    body = access.get_body_for_user(request.user, slug)
    today = timezone.localdate()
    held, ended = bodies.seats(body, today)
    return render(
        request,
        "governance/members.html",
        {
            "section": SECTION,
            "body": body,
            "held": held,
            "ended": ended,
            "today": today,
            "runs": access.runs_bodies(request.user),
            "history": body_history(body),
        },
    )


def _seat(body: Body, pk: int) -> Membership:
    seat = body.memberships.filter(pk=pk).first()
    if seat is None:
        raise Http404("No such seat")
    return seat


def _seat_values(seat: Membership) -> dict:
    return {
        "name": seat.name,
        "person": seat.person_id,
        "organisation": seat.organisation_id,
        "position": seat.position,
        "role": seat.role,
        "starts_on": seat.starts_on,
        "ends_on": seat.ends_on,
    }


@login_required
@require_http_methods(["GET", "POST"])
def seat_form(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    body = access.get_body_to_run(request.user, slug)
    seat = _seat(body, pk) if pk is not None else None
    form = SeatForm(request.POST or None, initial=_seat_values(seat) if seat else None)
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        try:
            saved = bodies.save_seat(user=request.user, body=body, fields=form.cleaned_data, seat=seat)
        except rules.Refused as refused:
            errors = refused_errors(refused)
        else:
            messages.success(request, f"{saved.name}'s seat is saved.")
            return redirect("governance:members", body.slug)
    return render(
        request,
        "governance/seat_form.html",
        {"section": SECTION, "body": body, "seat": seat, "form": form, "errors": error_list(form) + errors},
        status=400 if request.method == "POST" else 200,
    )
