"""A recommendation's page and its steps: added, its words changed, its original date agreed (once),
a date revised with its reason, progress and completion (by its owner too), superseded, actions linked,
raised or unlinked. Each step is one form page (view_steps.form_page); removals ask to confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from outcomes.core.confirm import Confirmation, confirm_first
from outcomes.inspections import access, report, rules, services
from outcomes.inspections.forms import (
    CompleteForm,
    LinkActionForm,
    NewRecommendationForm,
    OriginalDueForm,
    RaiseActionForm,
    RecommendationForm,
    ReviseForm,
    SupersedeForm,
    UpdateForm,
)
from outcomes.inspections.history import recommendation_history
from outcomes.inspections.models import Recommendation
from outcomes.inspections.view_steps import SECTION, form_page


def _page(rec: Recommendation) -> str:
    return reverse("inspections:recommendation", args=[rec.inspection.slug, rec.number])


@login_required
def recommendation_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    rec = access.get_recommendation_for_user(request.user, slug, number)
    today = timezone.localdate()
    facts = report.facts_of(rec)
    return render(
        request,
        "inspections/recommendation.html",
        {
            "section": SECTION,
            "rec": rec,
            "inspection": rec.inspection,
            "today": today,
            "late": rules.is_late(facts, today),
            "at_risk": rules.is_at_risk(facts, today, report.at_risk_days()),
            "revised_due": rules.revised_due(facts, today),
            "revisions": rec.revisions.select_related("meeting__body"),
            "updates": rec.updates.select_related("entered_by"),
            "actions": rec.actions.select_related("body"),
            "manages": access.manages(request.user),
            "progresses": access.records_progress(request.user, rec),
            "history": recommendation_history(rec),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_new(request: HttpRequest, slug: str) -> HttpResponse:
    inspection = access.get_inspection_to_manage(request.user, slug)
    initial = {"monitored_from": inspection.published_on or inspection.ends_on or inspection.starts_on}
    form = NewRecommendationForm(request.POST or None, initial=initial)

    def act(data: dict) -> HttpResponse:
        rec = services.add_recommendation(user=request.user, inspection=inspection, **data)
        messages.success(request, f"Recommendation {rec.reference} added.")
        return redirect(_page(rec))

    return form_page(
        request,
        form,
        act,
        heading="Add a recommendation",
        caption=inspection.title,
        button="Add the recommendation",
        cancel=reverse("inspections:inspection", args=[inspection.slug]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_edit(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    rec = access.get_recommendation_to_manage(request.user, slug, number)
    initial = {name: getattr(rec, name) for name in services.RECOMMENDATION_FIELDS if name != "owner"}
    initial["owner"] = rec.owner_id
    form = RecommendationForm(request.POST or None, initial=initial)

    def act(data: dict) -> HttpResponse:
        services.edit_recommendation(user=request.user, rec=rec, **data)
        messages.success(request, "The recommendation is saved.")
        return redirect(_page(rec))

    return form_page(
        request,
        form,
        act,
        heading=f"Change recommendation {rec.reference}",
        caption=rec.inspection.title,
        intro=["Its dates and status have steps of their own: the original due date is agreed once."],
        button="Save the recommendation",
        cancel=_page(rec),
    )


@login_required
@require_http_methods(["GET", "POST"])
def original_due(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    rec = access.get_recommendation_to_manage(request.user, slug, number)
    if rec.original_agreed_on is not None:
        raise Http404("The original due date is agreed already")
    form = OriginalDueForm(request.POST or None, initial={"agreed_on": timezone.localdate()})

    def act(data: dict) -> HttpResponse:
        services.agree_original_due(user=request.user, rec=rec, **data)
        messages.success(request, "The original due date is agreed.")
        return redirect(_page(rec))

    return form_page(
        request,
        form,
        act,
        heading=f"Agree the original due date of {rec.reference}",
        caption=rec.inspection.title,
        intro=[
            "Once agreed, the original due date is never changed: a later date is a revision, and the "
            "recommendation still counts as late against the original."
        ],
        button="Agree the date",
        cancel=_page(rec),
    )


@login_required
@require_http_methods(["GET", "POST"])
def revise(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    rec = access.get_recommendation_to_manage(request.user, slug, number)
    form = ReviseForm(request.POST or None, initial={"agreed_on": timezone.localdate()})

    def act(data: dict) -> HttpResponse:
        services.revise_due(user=request.user, rec=rec, **data)
        messages.success(
            request,
            "The revised date is recorded. Against its original timescale it is still measured by the "
            "original date.",
        )
        return redirect(_page(rec))

    original = f"{rec.original_due:%d %B %Y}" if rec.original_due else "not agreed yet"
    return form_page(
        request,
        form,
        act,
        heading=f"Revise the due date of {rec.reference}",
        caption=rec.inspection.title,
        intro=[
            f"The original due date ({original}) stays as agreed: the figure of recommendations completed "
            "within the original timescale is measured against it, whatever the revised date."
        ],
        button="Record the revised date",
        cancel=_page(rec),
    )


@login_required
@require_http_methods(["GET", "POST"])
def progress(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    rec = access.get_recommendation_to_progress(request.user, slug, number)
    form = UpdateForm(request.POST or None, initial={"on": timezone.localdate()})

    def act(data: dict) -> HttpResponse:
        services.add_update(user=request.user, rec=rec, **data)
        messages.success(request, "Progress added. It is kept as entered: a correction is a later update.")
        return redirect(_page(rec))

    return form_page(
        request,
        form,
        act,
        heading=f"Record progress on {rec.reference}",
        caption=rec.inspection.title,
        button="Add the progress",
        cancel=_page(rec),
    )


@login_required
@require_http_methods(["GET", "POST"])
def complete(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    rec = access.get_recommendation_to_progress(request.user, slug, number)
    form = CompleteForm(request.POST or None, initial={"on": timezone.localdate()})

    def act(data: dict) -> HttpResponse:
        services.complete(user=request.user, rec=rec, **data)
        messages.success(request, f"Recommendation {rec.reference} completed.")
        return redirect(_page(rec))

    return form_page(
        request,
        form,
        act,
        heading=f"Complete {rec.reference}",
        caption=rec.inspection.title,
        intro=["A recommendation is completed only with its evidence, as an action is discharged."],
        button="Complete the recommendation",
        cancel=_page(rec),
    )


@login_required
@require_http_methods(["GET", "POST"])
def supersede(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    rec = access.get_recommendation_to_manage(request.user, slug, number)
    form = SupersedeForm(request.POST or None, initial={"on": timezone.localdate()})

    def act(data: dict) -> HttpResponse:
        asked = confirm_first(
            request,
            Confirmation(
                title=f"Supersede {rec.reference}?",
                consequences=[
                    "It is no longer counted in either figure from that date.",
                    "It cannot be reopened.",
                ],
                button="Supersede it",
                cancel_url=_page(rec),
            ),
            SECTION,
        )
        if asked is not None:
            # Refused now, so that nothing is confirmed that the rules would turn down.
            problems = rules.supersede_problems(status=rec.status, reason=data["reason"])
            if problems:
                raise rules.Refused(problems)
            return asked
        services.supersede(user=request.user, rec=rec, **data)
        messages.success(request, f"Recommendation {rec.reference} superseded.")
        return redirect(_page(rec))

    return form_page(
        request,
        form,
        act,
        heading=f"Supersede {rec.reference}",
        caption=rec.inspection.title,
        intro=["Superseded when another recommendation or notice replaces it."],
        button="Supersede it",
        cancel=_page(rec),
    )


@login_required
@require_http_methods(["GET", "POST"])
def link_action(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    rec = access.get_recommendation_to_manage(request.user, slug, number)
    form = LinkActionForm(request.POST or None)

    def act(data: dict) -> HttpResponse:
        services.link_action(user=request.user, rec=rec, action=data["action"])
        messages.success(request, f"{data['action']} linked.")
        return redirect(_page(rec))

    return form_page(
        request,
        form,
        act,
        heading=f"Link an action to {rec.reference}",
        caption=rec.inspection.title,
        intro=["An action already on a body's tracker. Its progress is kept there."],
        button="Link the action",
        cancel=_page(rec),
    )


@login_required
@require_http_methods(["GET", "POST"])
def raise_action(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    rec = access.get_recommendation_to_manage(request.user, slug, number)
    form = RaiseActionForm(
        request.POST or None,
        initial={
            "details": f"{rec.inspection.title}, recommendation {rec.reference}: {rec.text}"[:2000],
            "owner_text": rec.owner_text,
            "raised_on": timezone.localdate(),
            "due_on": rec.original_due,
        },
    )

    def act(data: dict) -> HttpResponse:
        owners = [rec.owner] if rec.owner_id else []
        action = services.raise_action(user=request.user, rec=rec, owners=owners, **data)
        messages.success(request, f"{action} raised and linked.")
        return redirect(_page(rec))

    return form_page(
        request,
        form,
        act,
        heading=f"Raise an action for {rec.reference}",
        caption=rec.inspection.title,
        intro=["The action goes on the chosen body's tracker, numbered after its last, and is linked here."],
        button="Raise the action",
        cancel=_page(rec),
    )


@login_required
@require_POST
def unlink_action(request: HttpRequest, slug: str, number: int, pk: int) -> HttpResponse:
    rec = access.get_recommendation_to_manage(request.user, slug, number)
    action = rec.actions.filter(pk=pk).select_related("body").first()
    if action is None:
        raise Http404("No such linked action")
    asked = confirm_first(
        request,
        Confirmation(
            title=f"Unlink {action} from {rec.reference}?",
            consequences=[
                "The action stays on its tracker; it no longer counts towards this recommendation."
            ],
            button="Unlink the action",
            cancel_url=_page(rec),
        ),
        SECTION,
    )
    if asked is not None:
        return asked
    services.unlink_action(user=request.user, rec=rec, action=action)
    messages.success(request, f"{action} unlinked.")
    return redirect(_page(rec))
