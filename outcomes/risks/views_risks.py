"""A risk's page and its forms: added and edited (those who run registers), rated, reviewed and
mitigated (its owner too), a candidate accepted or rejected (the register's owner too)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from outcomes.core import links
from outcomes.core.confirm import Confirmation, confirm_first
from outcomes.core.forms import error_list
from outcomes.governance.models import Meeting
from outcomes.indicators import access as indicator_access
from outcomes.risks import access, mitigations, services, state
from outcomes.risks.forms import (
    AcceptForm,
    LinkActionForm,
    RaiseActionForm,
    RateForm,
    RejectForm,
    ReviewForm,
    RiskForm,
)
from outcomes.risks.history import risk_history
from outcomes.risks.models import Risk

SECTION = "risks"


def _back(risk: Risk):
    return redirect("risks:risk", risk.register.slug, risk.reference)


def _page(request, template: str, context: dict, errors: list | None = None) -> HttpResponse:
    return render(
        request,
        f"risks/{template}",
        {"section": SECTION, **context, "errors": errors or []},
        status=400 if request.method == "POST" else 200,
    )


def source_link(user, risk: Risk) -> str | None:
    """The page of a candidate's source, only where the reader may open it (core/links.py): the
    plan's row, the paper, the exceptions list."""
    kind, _, key = risk.source_key.partition(":")
    if kind == "plans.milestone" and key.isdigit():
        from outcomes.plans.models import Milestone

        milestone = Milestone.objects.filter(pk=int(key)).select_related("priority__plan").first()
        return links.url_for(user, milestone) if milestone else None
    if kind == "papers.paper" and key.isdigit():
        from outcomes.papers.models import Paper

        paper = Paper.objects.filter(pk=int(key)).first()
        return links.url_for(user, paper) if paper else None
    if kind == "indicators.exception" and indicator_access.can_read_indicators(user):
        return reverse("indicators:exceptions")
    return None


@login_required
def risk_detail(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    risk = access.get_risk_for_user(request.user, slug, reference)
    row = state.risk_row(risk)
    reviews = list(risk.reviews.select_related("rating__matrix", "meeting__body").order_by("on", "id"))
    trends = [state.review_trend(reviews[: i + 1]) for i in range(len(reviews))]
    ratings = [(r, *state._ratings(r)) for r in risk.ratings.select_related("matrix").order_by("-on", "-id")]
    return render(
        request,
        "risks/risk.html",
        {
            "section": SECTION,
            "risk": risk,
            "row": row,
            "reviews": list(reversed(list(zip(reviews, trends, strict=True)))),
            "ratings": ratings,
            "updates": access.may_update_risk(request.user, risk),
            "decides": access.may_decide_candidate(request.user, risk),
            "runs": access.runs_registers(request.user),
            "history": risk_history(risk),
            "source_link": source_link(request.user, risk),
            "level_name": lambda r: state.rated(r.matrix, r.after_likelihood, r.after_impact).words,
        },
    )


def _risk_initial(risk: Risk) -> dict:
    return {name: getattr(risk, name) for name in services.RISK_FIELDS}


@login_required
@require_http_methods(["GET", "POST"])
def risk_form(request: HttpRequest, slug: str, reference: str | None = None) -> HttpResponse:
    if reference is None:
        register = access.get_register_to_run(request.user, slug)
        risk = None
    else:
        risk = access.get_risk_to_edit(request.user, slug, reference)
        register = risk.register
    form = RiskForm(request.POST or None, initial=_risk_initial(risk) if risk else None)
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if risk is None:
                data.pop("status")
                saved = services.add_risk(user=request.user, register=register, **data)
                messages.success(request, f"Risk {saved.reference} added. Rate it next.")
            else:
                data["reference"] = data["reference"] or risk.reference
                saved = services.edit_risk(user=request.user, risk=risk, **data)
                messages.success(request, f"Risk {saved.reference} saved.")
        except services.Refused as refused:
            errors = [{"text": str(refused), "href": "#id_reference"}]
        else:
            return _back(saved)
    return _page(
        request,
        "risk_form.html",
        {"register": register, "risk": risk, "form": form},
        error_list(form) + errors,
    )


@login_required
@require_http_methods(["GET", "POST"])
def rate(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    risk = access.get_risk_to_update(request.user, slug, reference)
    matrix = services.current_matrix()
    last = services.latest_rating(risk)
    initial: dict = {"on": timezone.localdate()}
    if last is not None:
        for key in ("before", "after", "target"):
            initial[f"{key}_likelihood"] = getattr(last, f"{key}_likelihood")
            initial[f"{key}_impact"] = getattr(last, f"{key}_impact")
    form = RateForm(request.POST or None, matrix=matrix, initial=initial)
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        try:
            services.rate(
                user=request.user,
                risk=risk,
                on=form.cleaned_data["on"],
                before=form.pair("before"),
                after=form.pair("after"),
                target=form.pair("target"),
            )
        except services.Refused as refused:
            errors = [{"text": str(refused), "href": "#main-content"}]
        else:
            messages.success(request, f"Risk {risk.reference} rated on matrix version {matrix.version}.")
            return _back(risk)
    return _page(
        request, "rate.html", {"risk": risk, "form": form, "matrix": matrix}, error_list(form) + errors
    )


def _meetings(risk: Risk):
    body = risk.register.reviewed_by
    if body is None:
        return []
    return list(Meeting.objects.filter(body=body).select_related("body").order_by("-date")[:12])


@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    risk = access.get_risk_to_update(request.user, slug, reference)
    matrix = services.current_matrix()
    last = services.latest_rating(risk)
    initial: dict = {"on": timezone.localdate()}
    if last is not None:
        initial.update(after_likelihood=last.after_likelihood, after_impact=last.after_impact)
    form = ReviewForm(request.POST or None, matrix=matrix, meetings=_meetings(risk), initial=initial)
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        try:
            done = services.add_review(
                user=request.user,
                risk=risk,
                on=form.cleaned_data["on"],
                after=form.pair("after"),
                comment=form.cleaned_data["comment"],
                meeting=form.cleaned_data["meeting"],
            )
        except services.Refused as refused:
            errors = [{"text": str(refused), "href": "#main-content"}]
        else:
            messages.success(
                request,
                f"Review recorded: {services.trend_of(done)}. Next review {done.risk.next_review:%d %B %Y}.",
            )
            return _back(risk)
    return _page(
        request, "review.html", {"risk": risk, "form": form, "matrix": matrix}, error_list(form) + errors
    )


@login_required
@require_http_methods(["GET", "POST"])
def link_action(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    risk = access.get_risk_to_update(request.user, slug, reference)
    form = LinkActionForm(request.POST or None)
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["action"] is not None:
                mitigations.link_action(user=request.user, risk=risk, action=form.cleaned_data["action"])
            else:
                mitigations.link_milestone(
                    user=request.user, risk=risk, milestone=form.cleaned_data["milestone"]
                )
        except services.Refused as refused:
            errors = [{"text": str(refused), "href": "#id_action"}]
        else:
            messages.success(request, "Mitigating action linked.")
            return _back(risk)
    return _page(request, "link_action.html", {"risk": risk, "form": form}, error_list(form) + errors)


@login_required
@require_http_methods(["GET", "POST"])
def raise_action(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    risk = access.get_risk_to_update(request.user, slug, reference)
    initial: dict = {"body": risk.register.reviewed_by, "owner_text": risk.owner.name if risk.owner else ""}
    if risk.owner_id:
        initial["owners"] = [risk.owner]
    form = RaiseActionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        mitigation = mitigations.raise_mitigating_action(user=request.user, risk=risk, **form.cleaned_data)
        messages.success(request, f"{mitigation.action} raised as a mitigating action.")
        return _back(risk)
    return _page(request, "raise_action.html", {"risk": risk, "form": form}, error_list(form))


@login_required
@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    risk = access.get_candidate_to_decide(request.user, slug, reference)
    matrix = services.current_matrix()
    form = AcceptForm(
        request.POST or None,
        matrix=matrix,
        initial={"on": timezone.localdate(), "owner": risk.owner, "treatment": Risk.TREAT},
    )
    errors: list[dict] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.accept_candidate(
                user=request.user,
                risk=risk,
                on=data["on"],
                before=form.pair("before"),
                after=form.pair("after"),
                target=form.pair("target"),
                owner=data["owner"],
                treatment=data["treatment"],
            )
        except services.Refused as refused:
            errors = [{"text": str(refused), "href": "#main-content"}]
        else:
            messages.success(request, f"{risk.reference} accepted onto the register and rated.")
            return _back(risk)
    return _page(
        request, "accept.html", {"risk": risk, "form": form, "matrix": matrix}, error_list(form) + errors
    )


@login_required
@require_http_methods(["GET", "POST"])
def reject(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    risk = access.get_candidate_to_decide(request.user, slug, reference)
    form = RejectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.reject_candidate(user=request.user, risk=risk, reason=form.cleaned_data["reason"])
        messages.success(request, f"Candidate {risk.reference} rejected; its reason is kept in its history.")
        return redirect("risks:register", risk.register.slug)
    return _page(request, "reject.html", {"risk": risk, "form": form}, error_list(form))


@login_required
@require_POST
def dismiss(request: HttpRequest, slug: str, reference: str) -> HttpResponse:
    """The re-rating notice put away (the ratings were never changed by it), after confirming."""
    risk = access.get_risk_to_update(request.user, slug, reference)
    asked = confirm_first(
        request,
        Confirmation(
            title=f"Dismiss the re-rating notice of {risk.reference}?",
            consequences=["The notice is removed from the risk's page; its history keeps it."],
            button="Dismiss the notice",
            cancel_url=reverse("risks:risk", args=[risk.register.slug, risk.reference]),
            warning=False,
        ),
        SECTION,
    )
    if asked is not None:
        return asked
    services.dismiss_suggestion(user=request.user, risk=risk)
    messages.success(request, "Notice dismissed.")
    return _back(risk)
