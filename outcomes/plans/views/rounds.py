from fractions import Fraction

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from outcomes.core import checks, downloads
from outcomes.core.conflicts import rebind_after_conflict
from outcomes.core.formatting import fraction_text
from outcomes.core.forms import error_list
from outcomes.documents import publications
from outcomes.plans import access, evidence, kinds, rules, services
from outcomes.plans.forms import SPLIT, RoundForm, RoundSettingsForm, UpdateForm
from outcomes.plans.models import Milestone, MilestoneLead, Update
from outcomes.plans.update_tables import table_as_text


def _statuses(plan):
    return {s.key: s for s in plan.rag_statuses.all()}


@login_required
def round_detail(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    round_ = access.get_round_for_user(request.user, slug, round_slug)
    plan = round_.plan
    updates = {u.milestone_id: u for u in round_.updates.select_related("submitted_by")}
    milestones = (
        Milestone.objects.filter(priority__plan=plan)
        .select_related("priority", "action")
        .prefetch_related("leads")
        .order_by("priority__number", "number")
    )
    show = request.GET.get("show", "all")
    rows = []
    counts = {"missing": 0, "submitted": 0, "approved": 0, "no_update": 0}
    for m in services.milestones_in_round(round_, milestones):
        if m.priority.is_excluded:
            continue
        u = updates.get(m.pk)
        state = u.state if u else "missing"
        counts[state] += 1
        if show == "all" or show == state:
            rows.append(
                {
                    "milestone": m,
                    "current": u,
                    "state": state,
                    "can_update": access.can_update_milestone(request.user, m),
                }
            )
    return render(
        request,
        "plans/round_detail.html",
        {
            "section": "plans",
            "plan": plan,
            "round": round_,
            "rows": rows,
            "counts": counts,
            "show": show,
            "statuses": _statuses(plan),
            "manages": access.manages_plans(request.user),
            "submitted": [u for u in updates.values() if u.state == Update.SUBMITTED],
            "data_checks": checks.for_page(request, "plans", round=round_),
            "DELIVERY": MilestoneLead.DELIVERY,
            "versions": publications.versions(round_.REPORT_KIND, round_.report_subject),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_new(request: HttpRequest, slug: str) -> HttpResponse:
    plan = access.get_plan_to_manage(request.user, slug)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.create_round(user=request.user, plan=plan, **form.cleaned_data)
        except rules.RuleViolation as exc:
            form.add_error("closes", str(exc))
        else:
            messages.success(request, f"Round '{round_.title}' created.")
            return redirect("plans:round", plan.slug, round_.slug)
    return render(
        request,
        "plans/round_new.html",
        {
            "section": "plans",
            "plan": plan,
            "form": form,
            "errors": error_list(form),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_settings(request: HttpRequest, slug: str) -> HttpResponse:
    plan = access.get_plan_to_manage(request.user, slug)
    initial = {
        "close_rounds_automatically": plan.close_rounds_automatically,
        "remind_days_before": plan.remind_days_before,
    }
    form = RoundSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.change_round_settings(user=request.user, plan=plan, **form.cleaned_data)
        messages.success(request, "How the plan's rounds run is saved.")
        return redirect("plans:detail", plan.slug)
    return render(
        request,
        "plans/round_settings.html",
        {"section": "plans", "plan": plan, "form": form, "errors": error_list(form)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def update_milestone(
    request: HttpRequest, slug: str, round_slug: str, priority: int, number: int
) -> HttpResponse:
    round_ = access.get_round_for_user(request.user, slug, round_slug)
    plan = round_.plan
    milestone = access.get_milestone_to_update(request.user, plan, priority, number)
    statuses = list(plan.rag_statuses.all())
    current = Update.objects.filter(round=round_, milestone=milestone).first()
    conflict = None
    if request.method == "POST":
        form = UpdateForm(request.POST, request.FILES, statuses=statuses)
        if round_.is_closed:
            form.add_error(None, services.RoundClosed(round_).args[0])
        elif form.is_valid():
            try:
                with transaction.atomic():
                    saved = services.save_update(
                        user=request.user,
                        round_=round_,
                        milestone=milestone,
                        text=form.cleaned_data["text"],
                        weights=form.cleaned_data["weights"],
                        expected_version=form.cleaned_data.get("version"),
                        tables=form.cleaned_data["tables"],
                        **_row_fields(plan, form.cleaned_data),
                    )
                    _evidence_changes(request, saved, form.cleaned_data["evidence"])
            except services.EditConflict as exc:
                conflict = exc.current if exc.current.pk else None
                version = conflict.version if conflict else None
                form = rebind_after_conflict(UpdateForm, request.POST, version, str(exc), statuses=statuses)
            except (rules.RuleViolation, services.RoundClosed, evidence.EvidenceRefused) as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request, f"Update for {milestone.reference} saved. It is now awaiting approval."
                )
                found = checks.summary_message(checks.run_checks("plans", round=round_, milestone=milestone))
                if found:
                    messages.warning(request, found)
                return redirect(_safe_next(request) or reverse("plans:round", args=[plan.slug, round_.slug]))
    else:
        form = UpdateForm(initial=_initial(current), statuses=statuses)
    return render(
        request,
        "plans/update_form.html",
        {
            "section": "mine" if access.is_lead_officer(request.user) else "plans",
            "plan": plan,
            "round": round_,
            "milestone": milestone,
            "form": form,
            "errors": error_list(form),
            "statuses": {s.key: s for s in statuses},
            "status_list": statuses,
            "current": current,
            "evidence": evidence.current_evidence(current),
            "evidence_limit": evidence.most_bytes() // (1024 * 1024),
            "conflict": conflict,
            "data_checks": checks.for_page(request, "plans", round=round_, milestone=milestone),
            "SPLIT": SPLIT,
            "next": _safe_next(request),
            "DELIVERY": MilestoneLead.DELIVERY,
            "STRATEGY": MilestoneLead.STRATEGY,
            "kind": kinds.kind_of(plan),
            "asks_direction": kinds.asks_direction(plan),
            "directions": rules.DIRECTIONS,
            "kt": kinds,
        },
    )


def _row_fields(plan, data: dict) -> dict:
    """Direction of travel and current performance, asked only where the plan's kind has them."""
    if not kinds.asks_direction(plan):
        return {}
    return {"direction": data.get("direction") or "", "performance": data.get("current") or ""}


def _evidence_changes(request: HttpRequest, update: Update, checked) -> None:
    """The files taken off the update (ticked) and the one attached, saved with the update."""
    removed = [int(pk) for pk in request.POST.getlist("remove_evidence") if pk.isdigit()]
    if removed:
        evidence.remove_evidence(user=request.user, update=update, ids=removed)
    if checked is not None:
        evidence.attach_evidence(user=request.user, update=update, checked=checked)


@login_required
def evidence_file(request: HttpRequest, slug: str, round_slug: str, pk: int) -> HttpResponse:
    """An evidence file, for whoever may read the round's report; a file taken off its update still
    opens, because a published report may link to it (decision 0103)."""
    item = access.get_evidence_for_user(request.user, slug, round_slug, pk)
    response = FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name)
    response["Content-Type"] = item.content_type
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _safe_next(request: HttpRequest) -> str:
    """Where to go after saving: only a page of this site (never an address from elsewhere)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _initial(update: Update | None) -> dict:
    if update is None or update.state == Update.NO_UPDATE:
        return {"version": update.version if update else None}
    weights = update.exact_weights()
    initial = {
        "text": update.text,
        "version": update.version,
        "tables": update.tables,
        "direction": update.direction,
        "current": update.current,
    }
    for i, table in enumerate(update.tables or []):
        initial[f"table_{i}_caption"] = table.get("caption") or ""
        initial[f"table_{i}_cells"] = table_as_text(table)
    if len(weights) == 1:
        initial["status"] = next(iter(weights))
    else:
        initial["status"] = SPLIT
        initial.update({f"weight_{k}": fraction_text(v) for k, v in weights.items()})
    return initial


@login_required
@require_POST
def approve(request: HttpRequest, slug: str, round_slug: str, priority: int, number: int) -> HttpResponse:
    round_ = access.get_round_to_manage(request.user, slug, round_slug)
    milestone = access.get_milestone_for_user(request.user, round_.plan, priority, number)
    update = Update.objects.filter(round=round_, milestone=milestone).first()
    back = reverse("plans:round", args=[slug, round_slug]) + "?show=submitted"
    if update is None:
        messages.error(request, f"{milestone.reference} has no update to approve.")
        return redirect(back)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    try:
        services.approve_update(user=request.user, update=update, expected_version=version)
    except services.EditConflict:
        messages.error(
            request,
            f"The update for {milestone.reference} changed after you opened "
            "this page; read it again before approving.",
        )
    except services.RoundClosed as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Update for {milestone.reference} approved.")
    return redirect(back)


@login_required
@require_POST
def approve_all(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    round_ = access.get_round_to_manage(request.user, slug, round_slug)
    versions = {}
    for item in request.POST.getlist("update"):
        update_id, _, version = item.partition(":")
        if update_id.isdigit() and version.isdigit():
            versions[int(update_id)] = int(version)
    try:
        approved, skipped = services.approve_all(user=request.user, round_=round_, versions=versions)
    except services.RoundClosed as exc:
        messages.error(request, str(exc))
    else:
        note = f" {skipped} changed after you opened the page: read them again." if skipped else ""
        messages.success(request, f"{approved} update{'' if approved == 1 else 's'} approved.{note}")
    return redirect(reverse("plans:round", args=[slug, round_slug]) + "?show=submitted")


@login_required
@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    round_ = access.get_round_to_manage(request.user, slug, round_slug)
    missing = sum(
        1
        for m in services.milestones_in_round(round_, Milestone.objects.filter(priority__plan=round_.plan))
        if not m.updates.filter(round=round_).exists()
    )
    error = None
    if request.method == "POST":
        try:
            created = services.close_round(user=request.user, round_=round_)
        except (services.RoundAlreadyClosed, rules.RuleViolation) as exc:
            error = str(exc)
        else:
            messages.success(
                request,
                f"Round '{round_.title}' closed. {len(created)} milestone"
                f"{'' if len(created) == 1 else 's'} without an update "
                "marked as no update provided (Blue).",
            )
            return redirect("plans:round", slug, round_slug)
    return render(
        request,
        "plans/round_close.html",
        {
            "section": "plans",
            "plan": round_.plan,
            "round": round_,
            "missing": missing,
            "error": error,
        },
        status=409 if error else 200,
    )


@login_required
def export_csv(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    round_ = access.get_round_for_user(request.user, slug, round_slug)
    keys = [s.key for s in round_.plan.rag_statuses.all()]
    headers = [
        "priority",
        "milestone",
        "action",
        "milestone_text",
        "delivery_lead",
        "strategy_lead",
        "update",
        "state",
        *keys,
    ]
    updates = {u.milestone_id: u for u in round_.updates.all()}
    milestones = (
        Milestone.objects.filter(priority__plan=round_.plan)
        .select_related("priority", "action")
        .prefetch_related("leads")
        .order_by("priority__number", "number")
    )
    rows = []
    for m in services.milestones_in_round(round_, milestones):
        u = updates.get(m.pk)
        weights = u.weights if u else {}
        rows.append(
            [
                m.priority.number,
                m.number,
                m.action.label,
                m.text,
                m.leads_text(MilestoneLead.DELIVERY),
                m.leads_text(MilestoneLead.STRATEGY),
                u.text if u else "",
                u.state if u else "missing",
                # A share such as "1/2" would open in Excel as the 1st of February: numbers, to
                # four places (the exact fractions are in the plan's JSON and Excel exports).
                *[downloads.number(Fraction(weights[k]), 4) if k in weights else None for k in keys],
            ]
        )
    content = downloads.csv_bytes(headers, rows)
    return downloads.attachment(content, f"{round_.plan.slug}-{round_.slug}.csv")
