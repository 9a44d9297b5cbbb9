"""A body's forward plan (the items it was promised, placed or not) and its standing items, which
"add standing items" copies onto an agenda. Read by every reader; changed by those who run bodies."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from outcomes.core.confirm import Confirmation
from outcomes.core.forms import error_list
from outcomes.governance import access, agenda_services
from outcomes.governance.agenda import agenda_numbers
from outcomes.governance.agenda_history import standing_history
from outcomes.governance.forms_agendas import MoveForm, StandingForm
from outcomes.governance.models import AgendaItem, Body, StandingItem
from outcomes.governance.view_steps import confirm_then

SECTION = "governance"
KIND_WORDS = dict(AgendaItem.KINDS)


@login_required
@require_GET
def forward_plan(request: HttpRequest, slug: str) -> HttpResponse:
    body = access.get_body_for_user(request.user, slug)
    runs = access.runs_bodies(request.user)
    rows = []
    for plan_item in body.forward_plan.select_related("agenda_item__meeting__body", "action"):
        placed = plan_item.agenda_item
        where = None
        if placed is not None:
            meeting = placed.meeting
            hidden = placed.exempt and not access.sees_exempt(request.user)
            number = agenda_numbers(meeting).numbers.get(placed.pk, "")
            visible = runs or agenda_services.current(meeting) is not None
            where = {"meeting": meeting, "number": "" if hidden else number, "linked": visible}
        rows.append({"item": plan_item, "placed": where})
    return render(
        request,
        "governance/forward_plan.html",
        {"section": SECTION, "body": body, "rows": rows, "runs": runs},
    )


def _standing(body: Body, pk: int) -> StandingItem:
    standing = body.standing_items.filter(pk=pk).first()
    if standing is None:
        raise Http404("No such standing item")
    return standing


@login_required
@require_http_methods(["GET", "POST"])
def standing_items(request: HttpRequest, slug: str) -> HttpResponse:
    """The standing items, and a form to add one (its POST)."""
    body = access.get_body_for_user(request.user, slug)
    runs = access.runs_bodies(request.user)
    if request.method == "POST":
        access.require_runner(request.user)
    form = StandingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        agenda_services.add_standing(user=request.user, body=body, **form.cleaned_data)
        messages.success(request, "Standing item added.")
        return redirect("governance:standing_items", slug)
    return render(
        request,
        "governance/standing_items.html",
        {
            "section": SECTION,
            "body": body,
            "standing": body.standing_items.all(),
            "kinds": KIND_WORDS,
            "runs": runs,
            "form": form,
            "errors": error_list(form),
            "history": standing_history(body) if runs else [],
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def standing_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    body = access.get_body_to_run(request.user, slug)
    standing = _standing(body, pk)
    initial = {"title": standing.title, "kind": standing.kind, "section_title": standing.section_title}
    form = StandingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        agenda_services.edit_standing(user=request.user, standing=standing, **form.cleaned_data)
        return redirect("governance:standing_items", slug)
    return render(
        request,
        "governance/standing_item_form.html",
        {"section": SECTION, "body": body, "standing": standing, "form": form, "errors": error_list(form)},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def standing_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    body = access.get_body_to_run(request.user, slug)
    standing = _standing(body, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose up or down.", status=400)
    agenda_services.move_standing(
        user=request.user, standing=standing, direction=form.cleaned_data["direction"]
    )
    return redirect("governance:standing_items", slug)


@login_required
@require_POST
def standing_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    body = access.get_body_to_run(request.user, slug)
    standing = _standing(body, pk)
    return confirm_then(
        request,
        Confirmation(
            title=f"Remove the standing item {standing.title}?",
            consequences=["New agendas no longer carry it; agendas that have it keep it."],
            button="Remove the standing item",
            cancel_url=reverse("governance:standing_items", args=[slug]),
        ),
        lambda: agenda_services.remove_standing(user=request.user, standing=standing),
        "Standing item removed.",
    )
