from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from outcomes.core import checks, downloads
from outcomes.core.confirm import Confirmation
from outcomes.core.conflicts import rebind_after_conflict, saved_fields
from outcomes.core.formatting import format_decimal
from outcomes.core.forms import error_list
from outcomes.core.imports import ImportFailed, Problem
from outcomes.core.imports.jsonfile import read_json
from outcomes.core.imports.views import upload_files, upload_page
from outcomes.plans import access, kinds, row_forms, rules, services, structure, workbook
from outcomes.plans.forms import MilestoneForm, PlanForm, PlanImportForm
from outcomes.plans.history import item_history, milestone_history
from outcomes.plans.interchange import export_plan, import_plan_with_report
from outcomes.plans.leads import split_leads
from outcomes.plans.models import Action, Milestone, MilestoneLead, Plan, Update
from outcomes.plans.panels import render_milestone_panels
from outcomes.plans.row_flags import overdue_rows
from outcomes.plans.services import milestone_key


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    if not access.can_list_plans(request.user):
        raise PermissionDenied
    plans = access.visible_plans(request.user)
    return render(
        request,
        "plans/plan_list.html",
        {"section": "plans", "plans": plans, "manages": access.manages_plans(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_new(request: HttpRequest) -> HttpResponse:
    if not access.manages_plans(request.user):
        raise PermissionDenied("Only performance officers and administrators may set up plans.")
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan = services.create_plan(user=request.user, **form.cleaned_data)
        messages.success(request, f"Plan '{plan.title}' created.")
        return redirect("plans:detail", plan.slug)
    return render(
        request, "plans/plan_new.html", {"section": "plans", "form": form, "errors": error_list(form)}
    )


@login_required
def plan_detail(request: HttpRequest, slug: str) -> HttpResponse:
    plan = access.get_plan_for_user(request.user, slug)
    priorities = plan.priorities.prefetch_related("strategic_leads", "actions__milestones__leads")
    existing = set(Milestone.objects.filter(priority__plan=plan).values_list("priority__number", "number"))
    return render(
        request,
        "plans/plan_detail.html",
        {
            "section": "plans",
            "plan": plan,
            "priorities": priorities,
            "rounds": plan.rounds.all(),
            "milestone_count": len(existing),
            "data_checks": checks.for_page(request, "plans", plan=plan),
            "manages": access.manages_plans(request.user),
            "history": item_history(plan, structure.plan_key(plan)),
            "deletable": not Update.objects.filter(round__plan=plan).exists()
            and not plan.rounds.filter(published_at__isnull=False).exists(),
            "DELIVERY": MilestoneLead.DELIVERY,
            "STRATEGY": MilestoneLead.STRATEGY,
            "kind": kinds.kind_of(plan),
            "kt": kinds,
            "overdue": overdue_rows(plan),
        },
    )


@login_required
def milestone_detail(request: HttpRequest, slug: str, priority: int, number: int) -> HttpResponse:
    plan = access.get_plan_for_user(request.user, slug)
    milestone = access.get_milestone_for_user(request.user, plan, priority, number)
    updates = (
        Update.objects.filter(milestone=milestone)
        .select_related("round", "submitted_by", "approved_by")
        .order_by("-round__opens")
    )
    statuses = {s.key: s for s in plan.rag_statuses.all()}
    # Links that do not return, "no update" not Blue...: the data checks' panel (plans/apps.py).
    history = milestone_history(milestone, milestone_key(milestone))
    return render(
        request,
        "plans/milestone_detail.html",
        {
            "section": "plans",
            "plan": plan,
            "milestone": milestone,
            "updates": updates,
            "statuses": statuses,
            "history": history,
            "panels": render_milestone_panels(request, milestone),
            "open_rounds": plan.rounds.filter(closed_at__isnull=True),
            "can_update": access.can_update_milestone(request.user, milestone),
            "manages": access.manages_plans(request.user),
            "DELIVERY": MilestoneLead.DELIVERY,
            "STRATEGY": MilestoneLead.STRATEGY,
            "kind": kinds.kind_of(plan),
            "kt": kinds,
            "row_overdue": milestone.pk in overdue_rows(plan, [milestone]),
            "directions": rules.DIRECTIONS,
        },
    )


@login_required
def my_milestones(request: HttpRequest) -> HttpResponse:
    if not access.is_lead_officer(request.user):
        raise PermissionDenied("My milestones is for lead officers.")
    milestones = list(
        access.led_milestones(request.user)
        .filter(retired_at__isnull=True)
        .select_related("priority__plan", "action")
        .prefetch_related("leads")
        .order_by("priority__plan__title", "priority__number", "number")
    )
    # Each plan's open rounds, newest first; the lead may choose one (?round=<plan>/<round>) when
    # a plan has several open at once, otherwise the newest is shown.
    plans = {m.priority.plan_id: m.priority.plan for m in milestones}
    open_rounds = {
        pk: list(plan.rounds.filter(closed_at__isnull=True).order_by("-opens", "-id"))
        for pk, plan in plans.items()
    }
    wanted = request.GET.get("round", "")
    chosen = {}
    for pk, rounds in open_rounds.items():
        named = [r for r in rounds if f"{plans[pk].slug}/{r.slug}" == wanted]
        chosen[pk] = (named or rounds or [None])[0]
    updates = {
        (u.round_id, u.milestone_id): u
        for u in Update.objects.filter(
            round__in=[r for r in chosen.values() if r], milestone__in=[m.pk for m in milestones]
        )
    }
    rows = []
    for m in milestones:
        round_ = chosen[m.priority.plan_id]
        update = updates.get((round_.pk, m.pk)) if round_ else None
        rows.append({"milestone": m, "round": round_, "current": update})
    choices = [
        {"plan": plans[pk], "rounds": rounds, "chosen": chosen[pk]}
        for pk, rounds in open_rounds.items()
        if len(rounds) > 1
    ]
    statuses = {}
    for row in rows:
        plan = row["milestone"].priority.plan
        statuses.setdefault(plan.pk, {s.key: s for s in plan.rag_statuses.all()})
    return render(
        request,
        "plans/my_milestones.html",
        {
            "section": "mine",
            "rows": rows,
            "statuses": statuses,
            "choices": choices,
        },
    )


@login_required
def export_json(request: HttpRequest, slug: str) -> HttpResponse:
    plan = access.get_plan_for_user(request.user, slug)
    return downloads.json_download(export_plan(plan), f"{plan.slug}.json")


@login_required
def export_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    plan = access.get_plan_for_user(request.user, slug)
    return downloads.attachment(workbook.plan_workbook_bytes(export_plan(plan)), f"{plan.slug}.xlsx")


@login_required
def template_xlsx(request: HttpRequest) -> HttpResponse:
    if not access.manages_plans(request.user):
        raise PermissionDenied
    content = workbook.plan_workbook_bytes(workbook.EXAMPLE_PLAN)
    return downloads.attachment(content, "outcomes-plan-template.xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def import_view(request: HttpRequest) -> HttpResponse:
    if not access.manages_plans(request.user):
        raise PermissionDenied("Only performance officers and administrators may import plans.")
    form = PlanImportForm(request.POST or None, upload_files(request) or None)

    def merging(data: bytes, name: str) -> Confirmation | None:
        """A file for a plan that exists is merged into it: a trial merge, rolled back, says what it
        would add, change and retire before anything is written (and refuses a file with problems)."""
        with transaction.atomic():
            plan, report = import_plan_file(data, name, user=request.user)
            transaction.set_rollback(True)
        if report is None:
            return None
        # The trial merge was rolled back: the page names the plan as it stands, not as the file renames it.
        plan.refresh_from_db()
        return Confirmation(
            title=f"Merge this file into '{plan.title}'?",
            consequences=[
                f"The file matches the plan '{plan.title}' (its short name is {plan.slug}). The import "
                f"merges it into the plan: {report.summary}.",
                "Every update, who submitted and approved it, and every history stays; what rounds have "
                "reported on is retired, never deleted.",
            ],
            details=merge_details(report),
            button="Merge the file into the plan",
            cancel_url=reverse("plans:import"),
            warning=False,
        )

    def run(data: bytes, name: str) -> HttpResponse:
        plan, report = import_plan_file(data, name, user=request.user)
        if report is None:
            messages.success(request, f"Imported '{plan.title}'.")
        else:
            messages.success(request, f"Merged {name} into '{plan.title}': {report.summary}.")
        return redirect("plans:detail", plan.slug)

    return upload_page(
        request,
        form=form,
        template="plans/import.html",
        run=run,
        context={"section": "plans"},
        confirm=merging,
    )


def merge_details(report) -> list[tuple[str, list[str]]]:
    """What a merge does, under headings, for its preview."""
    return [
        (heading, lines)
        for heading, lines in (
            ("Added", report.added),
            ("Changed", report.changed),
            ("Retired (reported on, so kept in the rounds that reported them)", report.retired),
            ("Deleted (no round has reported on them)", report.deleted),
            ("Kept as held", report.kept),
        )
        if lines
    ]


def import_plan_file(raw: bytes, name: str, *, user):
    if name.lower().endswith(".json"):
        return import_plan_with_report(read_json(raw, name), user=user, source=name)
    if name.lower().endswith(".xlsx"):
        data, locate = workbook.read_plan_workbook(raw, name)
        return import_plan_with_report(data, user=user, source=name, locate=locate)
    raise ImportFailed(name, [Problem("", "choose an Excel workbook (.xlsx) or a JSON file (.json)")])


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request: HttpRequest, slug: str, priority: int, number: int) -> HttpResponse:
    plan = access.get_plan_to_manage(request.user, slug)
    milestone = access.get_milestone_for_user(request.user, plan, priority, number)
    actions = list(Action.objects.filter(priority__plan=plan).select_related("priority"))
    rows = kinds.kind_of(plan).key != Plan.CYPP
    form = MilestoneForm(
        request.POST or None, initial=_milestone_initial(milestone), actions=actions, rows=rows
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_milestone(
                user=request.user,
                milestone=milestone,
                fields=form.model_fields,
                delivery_leads=split_leads(form.cleaned_data["delivery_lead"]),
                strategy_leads=split_leads(form.cleaned_data["strategy_lead"]),
                expected_version=form.cleaned_data["version"],
            )
        except services.MilestoneEditConflict as exc:
            # Keep what this person typed; show the other person's version beside it.
            form = rebind_after_conflict(
                MilestoneForm, request.POST, exc.current.version, str(exc), actions=actions, rows=rows
            )
            conflict = {"who": exc.who, "rows": saved_fields(form, _milestone_initial(exc.current))}
        except rules.RuleViolation as exc:
            form.add_error("number", str(exc))
        else:
            moved = Milestone.objects.select_related("priority").get(pk=milestone.pk)
            messages.success(request, f"Milestone {moved.reference} saved.")
            return redirect("plans:milestone", slug, moved.priority.number, moved.number)
    errors = error_list(form)
    return render(
        request,
        "plans/milestone_edit.html",
        {
            "section": "plans",
            "plan": plan,
            "milestone": milestone,
            "form": form,
            "errors": errors,
            "conflict": conflict,
            "kind": kinds.kind_of(plan),
        },
    )


def _milestone_initial(milestone: Milestone) -> dict:
    initial = {
        "action": str(milestone.action_id),
        "number": milestone.number,
        "text": milestone.text,
        "due": milestone.due,
        "sub_heading": milestone.sub_heading,
        "delivery_lead": milestone.leads_text(MilestoneLead.DELIVERY),
        "strategy_lead": milestone.leads_text(MilestoneLead.STRATEGY),
        "version": milestone.version,
        **row_forms.row_initial(milestone),
    }
    for kind in services.MEASURE_KINDS:
        value = getattr(milestone, f"{kind}_value")
        initial[f"{kind}_value"] = format_decimal(value)
        initial[f"{kind}_unit"] = getattr(milestone, f"{kind}_unit")
        initial[f"{kind}_period"] = getattr(milestone, f"{kind}_period")
    return initial
