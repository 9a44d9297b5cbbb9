"""Pages that change a plan's shape in place (structure.py): priorities, actions and milestones
added, edited, reordered, retired, brought back or deleted; plans and rounds renamed or deleted.
Only plan managers reach them (access.get_*_to_manage)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from outcomes.core.confirm import Confirmation, confirm_first
from outcomes.core.conflicts import SaveConflict, rebind_after_conflict, saved_fields
from outcomes.core.forms import error_list
from outcomes.plans import access, kinds, rules, structure
from outcomes.plans.forms import MilestoneForm
from outcomes.plans.history import item_history
from outcomes.plans.leads import split_leads
from outcomes.plans.models import Action, Milestone, Plan, Priority
from outcomes.plans.structure_forms import ActionForm, PlanEditForm, PriorityForm, RoundEditForm


def _priority_url(priority: Priority) -> str:
    return reverse("plans:priority", args=[priority.plan.slug, priority.number])


def _form_page(request, template: str, form, conflict, **context) -> HttpResponse:
    return render(
        request,
        template,
        {"section": "plans", "form": form, "errors": error_list(form), "conflict": conflict, **context},
    )


# Priorities


@login_required
def priority_detail(request: HttpRequest, slug: str, priority: int) -> HttpResponse:
    plan = access.get_plan_for_user(request.user, slug)
    item = access.get_priority_for_user(request.user, plan, priority)
    actions = list(item.actions.prefetch_related("milestones"))
    return render(
        request,
        "plans/priority_detail.html",
        {
            "section": "plans",
            "plan": plan,
            "priority": item,
            "actions": actions,
            "history": item_history(plan, structure.priority_key(item)),
            "action_histories": [(a, item_history(plan, structure.action_key(a))) for a in actions],
            "reported": structure.rounds_reported(item),
            "manages": access.manages_plans(request.user),
        },
    )


def _priority_initial(priority: Priority) -> dict:
    return {
        "number": priority.number,
        "statement": priority.statement,
        "strategic_leads": "; ".join(lead.text for lead in priority.strategic_leads.all()),
        "outcome_measures": "\n".join(priority.outcome_measures),
        "excluded_reason": priority.excluded_reason,
        "version": priority.version,
    }


@login_required
@require_http_methods(["GET", "POST"])
def priority_new(request: HttpRequest, slug: str) -> HttpResponse:
    plan = access.get_plan_to_manage(request.user, slug)
    last = plan.priorities.order_by("-number").first()
    form = PriorityForm(request.POST or None, initial={"number": last.number + 1 if last else 1})
    if request.method == "POST" and form.is_valid():
        try:
            item = structure.add_priority(
                user=request.user,
                plan=plan,
                strategic_leads=form.cleaned_data["strategic_leads"],
                **form.model_fields,
            )
        except rules.RuleViolation as exc:
            form.add_error("number", str(exc))
        else:
            messages.success(request, f"Priority {item.number} added. Add its actions next.")
            return redirect(_priority_url(item))
    return _form_page(request, "plans/priority_form.html", form, None, plan=plan, priority=None)


@login_required
@require_http_methods(["GET", "POST"])
def priority_edit(request: HttpRequest, slug: str, priority: int) -> HttpResponse:
    item = access.get_priority_to_manage(request.user, slug, priority)
    form = PriorityForm(request.POST or None, initial=_priority_initial(item))
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            item = structure.edit_priority(
                user=request.user,
                priority=item,
                fields=form.model_fields,
                strategic_leads=form.cleaned_data["strategic_leads"],
                expected_version=form.cleaned_data["version"] or 0,
            )
        except SaveConflict as exc:
            saved = Priority.objects.get(pk=item.pk)
            form = rebind_after_conflict(PriorityForm, request.POST, saved.version, str(exc))
            conflict = {"who": exc.who, "rows": saved_fields(form, _priority_initial(saved))}
        except rules.RuleViolation as exc:
            form.add_error("number", str(exc))
        else:
            messages.success(request, f"Priority {item.number} saved.")
            return redirect(_priority_url(item))
    return _form_page(request, "plans/priority_form.html", form, conflict, plan=item.plan, priority=item)


# Actions


def _action_initial(action: Action) -> dict:
    return {
        "label": action.label,
        "text": action.text,
        "key_links": "\n".join(action.key_links),
        "version": action.version,
    }


@login_required
@require_http_methods(["GET", "POST"])
def action_new(request: HttpRequest, slug: str, priority: int) -> HttpResponse:
    item = access.get_priority_to_manage(request.user, slug, priority)
    form = ActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            action = structure.add_action(user=request.user, priority=item, **form.model_fields)
        except rules.RuleViolation as exc:
            form.add_error("label", str(exc))
        else:
            messages.success(request, f"Action ({action.label}) added to priority {item.number}.")
            return redirect(_priority_url(item))
    return _form_page(
        request, "plans/action_form.html", form, None, plan=item.plan, priority=item, action=None
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, slug: str, priority: int, label: str) -> HttpResponse:
    action = access.get_action_to_manage(request.user, slug, priority, label)
    form = ActionForm(request.POST or None, initial=_action_initial(action))
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            action = structure.edit_action(
                user=request.user,
                action=action,
                fields=form.model_fields,
                expected_version=form.cleaned_data["version"] or 0,
            )
        except SaveConflict as exc:
            saved = Action.objects.get(pk=action.pk)
            form = rebind_after_conflict(ActionForm, request.POST, saved.version, str(exc))
            conflict = {"who": exc.who, "rows": saved_fields(form, _action_initial(saved))}
        except rules.RuleViolation as exc:
            form.add_error("label", str(exc))
        else:
            messages.success(request, f"Action ({action.label}) saved.")
            return redirect(_priority_url(action.priority))
    return _form_page(
        request,
        "plans/action_form.html",
        form,
        conflict,
        plan=action.priority.plan,
        priority=action.priority,
        action=action,
    )


@login_required
@require_POST
def action_move(request: HttpRequest, slug: str, priority: int, label: str) -> HttpResponse:
    action = access.get_action_to_manage(request.user, slug, priority, label)
    structure.move_action(user=request.user, action=action, up=request.POST.get("direction") != "down")
    return redirect(_priority_url(action.priority))


# Milestones


@login_required
@require_http_methods(["GET", "POST"])
def milestone_new(request: HttpRequest, slug: str) -> HttpResponse:
    plan = access.get_plan_to_manage(request.user, slug)
    actions = list(
        Action.objects.filter(priority__plan=plan, retired_at__isnull=True).select_related("priority")
    )
    if not actions:
        messages.error(request, "Add a priority and an action first: a milestone belongs to an action.")
        return redirect("plans:detail", plan.slug)
    chosen = next((a for a in actions if str(a.pk) == request.GET.get("action")), actions[0])
    last = Milestone.objects.filter(priority=chosen.priority).order_by("-number").first()
    initial = {"action": str(chosen.pk), "number": last.number + 1 if last else 1}
    form = MilestoneForm(request.POST or None, initial=initial, actions=actions, rows=plan.kind != Plan.CYPP)
    form.fields["version"].required = False
    form.fields["action"].required = form.fields["number"].required = True
    if request.method == "POST" and form.is_valid():
        fields = form.model_fields
        action, number = fields.pop("action"), fields.pop("number")
        try:
            milestone = structure.add_milestone(
                user=request.user,
                action=action,
                number=number,
                fields=fields,
                delivery_leads=split_leads(form.cleaned_data["delivery_lead"]),
                strategy_leads=split_leads(form.cleaned_data["strategy_lead"]),
            )
        except rules.RuleViolation as exc:
            form.add_error("number", str(exc))
        else:
            messages.success(request, f"Milestone {milestone.reference} added.")
            return redirect("plans:milestone", plan.slug, milestone.priority.number, milestone.number)
    return _form_page(
        request, "plans/milestone_edit.html", form, None, plan=plan, milestone=None, kind=kinds.kind_of(plan)
    )


# Retiring, bringing back and deleting: one pair of views for the three kinds of item.


def _item_url(item) -> str:
    if isinstance(item, Milestone):
        return reverse("plans:milestone", args=[item.priority.plan.slug, item.priority.number, item.number])
    if isinstance(item, Action):
        return _priority_url(item.priority)
    return _priority_url(item)


def _retire_or_restore(request: HttpRequest, item, plan: Plan) -> HttpResponse:
    name = structure.item_name(item)
    if request.POST.get("restore") == "1":
        try:
            structure.restore(user=request.user, item=item)
        except rules.RuleViolation as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"{name} is back in the plan and in the rounds that follow.")
        return redirect(_item_url(item))
    reported = structure.rounds_reported(item)
    question = Confirmation(
        title=f"Retire {name[0].lower()}{name[1:]}?"
        if not isinstance(item, Milestone)
        else f"Retire {name}?",
        consequences=[
            "It leaves the plan's open and future rounds and their reports"
            + ("" if isinstance(item, Milestone) else ", with everything in it")
            + ".",
            f"It stays, with its updates, in the {reported} round{'' if reported == 1 else 's'} "
            "that reported it."
            if reported
            else "No round has reported on it yet.",
            "You can bring it back later.",
        ],
        button="Retire",
        cancel_url=_item_url(item),
        caption=plan.title,
    )
    asked = confirm_first(request, question, section="plans")
    if asked is not None:
        return asked
    structure.retire(user=request.user, item=item)
    messages.success(request, f"{name} retired.")
    return redirect(_item_url(item))


def _delete(request: HttpRequest, item, plan: Plan, back: str) -> HttpResponse:
    name = structure.item_name(item)
    try:
        rules.reported_items_are_retired_not_deleted(name, structure.rounds_reported(item))
    except rules.RuleViolation as exc:
        messages.error(request, str(exc))
        return redirect(_item_url(item))
    question = Confirmation(
        title=f"Delete {name[0].lower()}{name[1:]}?"
        if not isinstance(item, Milestone)
        else f"Delete {name}?",
        consequences=[
            "No round has reported on it, so it can be deleted: use this for an entry made by mistake.",
            *([] if isinstance(item, Milestone) else ["Everything in it is deleted with it."]),
            "This cannot be undone; the plan's history keeps what it was.",
        ],
        button="Delete",
        cancel_url=_item_url(item),
        caption=plan.title,
    )
    asked = confirm_first(request, question, section="plans")
    if asked is not None:
        return asked
    structure.delete_item(user=request.user, item=item)
    messages.success(request, f"{name} deleted.")
    return redirect(back)


@login_required
@require_POST
def priority_retire(request: HttpRequest, slug: str, priority: int) -> HttpResponse:
    item = access.get_priority_to_manage(request.user, slug, priority)
    return _retire_or_restore(request, item, item.plan)


@login_required
@require_POST
def priority_delete(request: HttpRequest, slug: str, priority: int) -> HttpResponse:
    item = access.get_priority_to_manage(request.user, slug, priority)
    return _delete(request, item, item.plan, reverse("plans:detail", args=[slug]))


@login_required
@require_POST
def action_retire(request: HttpRequest, slug: str, priority: int, label: str) -> HttpResponse:
    action = access.get_action_to_manage(request.user, slug, priority, label)
    return _retire_or_restore(request, action, action.priority.plan)


@login_required
@require_POST
def action_delete(request: HttpRequest, slug: str, priority: int, label: str) -> HttpResponse:
    action = access.get_action_to_manage(request.user, slug, priority, label)
    return _delete(request, action, action.priority.plan, _priority_url(action.priority))


@login_required
@require_POST
def milestone_retire(request: HttpRequest, slug: str, priority: int, number: int) -> HttpResponse:
    milestone = access.get_milestone_to_manage(request.user, slug, priority, number)
    return _retire_or_restore(request, milestone, milestone.priority.plan)


@login_required
@require_POST
def milestone_delete(request: HttpRequest, slug: str, priority: int, number: int) -> HttpResponse:
    milestone = access.get_milestone_to_manage(request.user, slug, priority, number)
    return _delete(request, milestone, milestone.priority.plan, _priority_url(milestone.priority))


# Plans and rounds made by mistake: renamed, or deleted while nothing is reported in them.


def _plan_initial(plan: Plan) -> dict:
    return {
        "title": plan.title,
        "start": plan.start,
        "end": plan.end,
        "approving_body": plan.approving_body,
        "approved_on": plan.approved_on,
        "vision": plan.vision,
        "version": plan.version,
    }


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, slug: str) -> HttpResponse:
    plan = access.get_plan_to_manage(request.user, slug)
    form = PlanEditForm(request.POST or None, initial=_plan_initial(plan))
    conflict = None
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            plan = structure.edit_plan(
                user=request.user, plan=plan, fields=fields, expected_version=form.cleaned_data["version"]
            )
        except SaveConflict as exc:
            saved = Plan.objects.get(pk=plan.pk)
            form = rebind_after_conflict(PlanEditForm, request.POST, saved.version, str(exc))
            conflict = {"who": exc.who, "rows": saved_fields(form, _plan_initial(saved))}
        else:
            messages.success(request, f"Plan '{plan.title}' saved.")
            return redirect("plans:detail", plan.slug)
    return _form_page(request, "plans/plan_edit.html", form, conflict, plan=plan)


@login_required
@require_POST
def plan_delete(request: HttpRequest, slug: str) -> HttpResponse:
    plan = access.get_plan_to_manage(request.user, slug)
    try:
        structure.check_plan_deletable(plan)
    except rules.RuleViolation as exc:
        messages.error(request, str(exc))
        return redirect("plans:detail", slug)
    asked = confirm_first(
        request,
        Confirmation(
            title=f"Delete the plan '{plan.title}'?",
            consequences=[
                "Nothing has been reported in it, so it can be deleted: use this for a plan made by mistake.",
                "Its priorities, actions, milestones and empty rounds go with it. This cannot be undone.",
            ],
            button="Delete the plan",
            cancel_url=reverse("plans:detail", args=[slug]),
        ),
        section="plans",
    )
    if asked is not None:
        return asked
    structure.delete_plan(user=request.user, plan=plan)
    messages.success(request, f"Plan '{plan.title}' deleted.")
    return redirect("plans:list")


def _round_initial(round_) -> dict:
    return {"title": round_.title, "opens": round_.opens, "closes": round_.closes, "version": round_.version}


@login_required
@require_http_methods(["GET", "POST"])
def round_edit(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    round_ = access.get_round_to_manage(request.user, slug, round_slug)
    form = RoundEditForm(request.POST or None, initial=_round_initial(round_))
    conflict = None
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            round_ = structure.edit_round(
                user=request.user, round_=round_, fields=fields, expected_version=form.cleaned_data["version"]
            )
        except SaveConflict as exc:
            saved = type(round_).objects.get(pk=round_.pk)
            form = rebind_after_conflict(RoundEditForm, request.POST, saved.version, str(exc))
            conflict = {"who": exc.who, "rows": saved_fields(form, _round_initial(saved))}
        except rules.RuleViolation as exc:
            form.add_error("closes", str(exc))
        else:
            messages.success(request, f"Round '{round_.title}' saved.")
            return redirect("plans:round", slug, round_.slug)
    return _form_page(request, "plans/round_edit.html", form, conflict, plan=round_.plan, round=round_)


@login_required
@require_POST
def round_delete(request: HttpRequest, slug: str, round_slug: str) -> HttpResponse:
    round_ = access.get_round_to_manage(request.user, slug, round_slug)
    try:
        structure.check_round_deletable(round_)
    except rules.RuleViolation as exc:
        messages.error(request, str(exc))
        return redirect("plans:round", slug, round_slug)
    asked = confirm_first(
        request,
        Confirmation(
            title=f"Delete the round '{round_.title}'?",
            consequences=[
                "Nothing has been reported in it, so it can be deleted: use this for a round made "
                "by mistake.",
                "This cannot be undone.",
            ],
            button="Delete the round",
            cancel_url=reverse("plans:round", args=[slug, round_slug]),
            caption=round_.plan.title,
        ),
        section="plans",
    )
    if asked is not None:
        return asked
    structure.delete_round(user=request.user, round_=round_)
    messages.success(request, f"Round '{round_.title}' deleted.")
    return redirect("plans:detail", slug)
