"""Changing a plan's shape in place: priorities, actions and milestones added, edited, reordered,
retired and brought back, or deleted while no round has reported on them (decision 0100).

Every change keeps a history in words under the item's own key (priority:<id>, action:<id>,
milestone:<id>), so a milestone moved to another action or renumbered keeps its updates and its
history: they hang on the milestone, not on its number."""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from outcomes.core.conflicts import SaveConflict
from outcomes.core.models import record_change
from outcomes.core.stamps import stamp
from outcomes.plans import rules
from outcomes.plans.leads import LeadResolver, write_milestone_leads, write_strategic_leads
from outcomes.plans.models import (
    Action,
    Milestone,
    MilestoneLead,
    MilestoneLink,
    Plan,
    Priority,
    Round,
    Update,
)
from outcomes.plans.services import milestone_key, milestone_snapshot


def priority_key(priority: Priority) -> str:
    return f"priority:{priority.pk}"


def action_key(action: Action) -> str:
    return f"action:{action.pk}"


def plan_key(plan: Plan) -> str:
    return f"plan:{plan.pk}"


def item_key(item) -> str:
    if isinstance(item, Priority):
        return priority_key(item)
    if isinstance(item, Action):
        return action_key(item)
    return milestone_key(item)


def item_name(item) -> str:
    """How a page names the item: "Priority 2", "Action (iii) of priority 2", "P1 M28"."""
    if isinstance(item, Priority):
        return f"Priority {item.number}"
    if isinstance(item, Action):
        return f"Action ({item.label}) of priority {item.priority.number}"
    return item.reference


def _plan_of(item) -> Plan:
    return item.plan if isinstance(item, Priority) else item.priority.plan


def _updates_of(item):
    if isinstance(item, Priority):
        return Update.objects.filter(milestone__priority=item)
    if isinstance(item, Action):
        return Update.objects.filter(milestone__action=item)
    return Update.objects.filter(milestone=item)


def rounds_reported(item) -> int:
    """How many rounds hold an update of the item (of any of its milestones)."""
    return _updates_of(item).values("round").distinct().count()


# Snapshots: what the history compares, in the fields plans/history.py puts into words.


def priority_snapshot(priority: Priority) -> dict:
    snapshot = {
        "number": priority.number,
        "statement": priority.statement,
        "strategic_leads": [lead.text for lead in priority.strategic_leads.all()],
        "excluded_reason": priority.excluded_reason,
        "outcome_measures": priority.outcome_measures,
    }
    # A planning grid's objective cites recommendation numbers; a CYPP priority's history reads as before.
    if priority.recommendations:
        snapshot["recommendations"] = ", ".join(str(n) for n in priority.recommendations)
    return snapshot


def action_snapshot(action: Action) -> dict:
    return {"label": action.label, "text": action.text, "key_links": action.key_links}


def _record(user, item, verb: str, before: dict | None, after: dict | None, summary: str = "") -> None:
    record_change(
        user=user,
        obj=item,
        action=f"{type(item).__name__.lower()}.{verb}",
        summary=summary or f"{item_name(item)} {verb}",
        before=before,
        after=after,
        subject_key=item_key(item),
    )


def _unique(save, message: str) -> None:
    """Run ``save`` where a number or label must stay unique; a clash becomes a RuleViolation."""
    try:
        with transaction.atomic():
            save()
    except IntegrityError:
        raise rules.RuleViolation(message) from None


# Priorities


def add_priority(
    *,
    user,
    plan: Plan,
    number: int,
    statement: str,
    strategic_leads: list[str],
    excluded_reason: str = "",
    outcome_measures: list[str] | None = None,
) -> Priority:
    with transaction.atomic():
        priority = Priority(
            plan=plan,
            number=number,
            statement=statement,
            excluded_reason=excluded_reason,
            outcome_measures=outcome_measures or [],
        )
        _unique(priority.save, f"This plan already has a priority {number}.")
        write_strategic_leads(priority, strategic_leads, LeadResolver())
        _record(user, priority, "added", None, priority_snapshot(priority))
    return priority


def edit_priority(
    *, user, priority: Priority, fields: dict, strategic_leads: list[str], expected_version: int
):
    """Change a priority's number, statement, leads, exclusion or outcome measures."""
    with transaction.atomic():
        current = Priority.objects.select_for_update().get(pk=priority.pk)
        if current.version != expected_version:
            raise SaveConflict(f"priority {current.number}", current)
        before = priority_snapshot(current)
        for name, value in fields.items():
            setattr(current, name, value)
        current.version += 1
        _unique(current.save, f"This plan already has a priority {current.number}.")
        if [lead.text for lead in current.strategic_leads.all()] != strategic_leads:
            current.strategic_leads.all().delete()
            write_strategic_leads(current, strategic_leads, LeadResolver())
        if before["number"] != current.number:
            # Cross-links are kept by number: they follow the milestones they name.
            MilestoneLink.objects.filter(
                milestone__priority__plan=current.plan, priority_number=before["number"]
            ).update(priority_number=current.number)
        after = priority_snapshot(current)
        if after != before:
            _record(user, current, "changed", before, after)
    return current


# Actions


def add_action(*, user, priority: Priority, label: str, text: str, key_links: list[str]) -> Action:
    with transaction.atomic():
        last = priority.actions.aggregate(last=Max("order"))["last"]
        action = Action(
            priority=priority,
            label=label,
            text=text,
            key_links=key_links,
            order=0 if last is None else last + 1,
        )
        _unique(action.save, f"Priority {priority.number} already has an action ({label}).")
        _record(user, action, "added", None, action_snapshot(action))
    return action


def edit_action(*, user, action: Action, fields: dict, expected_version: int) -> Action:
    with transaction.atomic():
        current = Action.objects.select_for_update().select_related("priority").get(pk=action.pk)
        if current.version != expected_version:
            raise SaveConflict(f"action ({current.label})", current)
        before = action_snapshot(current)
        for name, value in fields.items():
            setattr(current, name, value)
        current.version += 1
        _unique(current.save, f"Priority {current.priority.number} already has an action ({current.label}).")
        after = action_snapshot(current)
        if after != before:
            _record(user, current, "changed", before, after)
    return current


def move_action(*, user, action: Action, up: bool) -> Action:
    """Move an action one place up or down among its priority's actions (their order in the plan
    and in its reports); the actions are numbered again 0, 1, 2... in their new order."""
    with transaction.atomic():
        actions = list(
            Action.objects.select_for_update().filter(priority=action.priority_id).order_by("order", "id")
        )
        index = next(i for i, a in enumerate(actions) if a.pk == action.pk)
        other = index - 1 if up else index + 1
        if not 0 <= other < len(actions):
            return action
        actions[index], actions[other] = actions[other], actions[index]
        for order, a in enumerate(actions):
            if a.order != order:
                Action.objects.filter(pk=a.pk).update(order=order)
        moved = actions[other]
        _record(
            user,
            moved,
            "moved",
            {"position": index + 1},
            {"position": other + 1},
            summary=f"{item_name(moved)} moved {'up' if up else 'down'}",
        )
    return moved


# Milestones


def add_milestone(
    *, user, action: Action, number: int, fields: dict, delivery_leads: list[str], strategy_leads: list[str]
) -> Milestone:
    with transaction.atomic():
        milestone = Milestone(action=action, priority=action.priority, number=number, **fields)
        _unique(milestone.save, f"Priority {action.priority.number} already has a milestone {number}.")
        resolver = LeadResolver()
        write_milestone_leads(milestone, MilestoneLead.DELIVERY, delivery_leads, resolver)
        write_milestone_leads(milestone, MilestoneLead.STRATEGY, strategy_leads, resolver)
        _record(user, milestone, "added", None, milestone_snapshot(milestone))
    return milestone


# Retiring, bringing back and deleting


def _children(item) -> list:
    if isinstance(item, Priority):
        return [*item.actions.all(), *item.milestones.all()]
    if isinstance(item, Action):
        return list(item.milestones.all())
    return []


def retire(*, user, item) -> None:
    """Retire an item and, with it, whatever of it is still active (a priority's actions and
    milestones, an action's milestones), all at one moment so that bringing it back restores them."""
    if item.is_retired:
        return
    now = timezone.now()
    with transaction.atomic():
        for part in [item, *_children(item)]:
            if part.retired_at is None:
                type(part).objects.filter(pk=part.pk).update(retired_at=now, **stamp(part, now))
                _record(user, part, "retired", {"retired": False}, {"retired": True})
    item.retired_at = now


def restore(*, user, item) -> None:
    """Bring a retired item back, with what was retired together with it. A milestone or action
    comes back only into an active action and priority."""
    if not item.is_retired:
        return
    parents = []
    if isinstance(item, Milestone):
        parents = [item.action, item.priority]
    elif isinstance(item, Action):
        parents = [item.priority]
    retired_parent = next((p for p in parents if p.is_retired), None)
    if retired_parent is not None:
        raise rules.RuleViolation(
            f"{item_name(item)} belongs to {item_name(retired_parent).lower()}, which is retired: "
            "bring that back first."
        )
    with transaction.atomic():
        for part in [item, *_children(item)]:
            if part.retired_at == item.retired_at:
                type(part).objects.filter(pk=part.pk).update(retired_at=None, **stamp(part, timezone.now()))
                _record(user, part, "brought back", {"retired": True}, {"retired": False})
    item.retired_at = None


def delete_item(*, user, item) -> None:
    """Delete an item no round has reported on (an entry made by mistake); refused otherwise
    (``rules.reported_items_are_retired_not_deleted``). The plan's history keeps what it was."""
    rules.reported_items_are_retired_not_deleted(item_name(item), rounds_reported(item))
    plan = _plan_of(item)
    if isinstance(item, Priority):
        before = priority_snapshot(item)
    elif isinstance(item, Action):
        before = action_snapshot(item)
    else:
        before = milestone_snapshot(item)
    with transaction.atomic():
        record_change(
            user=user,
            obj=plan,
            action=f"{type(item).__name__.lower()}.deleted",
            summary=f"{item_name(item)} deleted",
            before=before,
            after=None,
            subject_key=plan_key(plan),
        )
        item.delete()


# Plans and rounds created by mistake


def _renamed_slug(model, title: str, current: str, reported: bool, **scope) -> str:
    """While nothing is reported, the short name follows a corrected title; once reports exist
    their addresses stay as they were given out (decision 0102)."""
    from outcomes.plans.services import unique_slug

    if reported:
        return current
    others = model.objects.filter(**scope).exclude(slug=current)
    return unique_slug(title, lambda s: others.filter(slug=s).exists())


def edit_plan(*, user, plan: Plan, fields: dict, expected_version: int) -> Plan:
    with transaction.atomic():
        current = Plan.objects.select_for_update().get(pk=plan.pk)
        if current.version != expected_version:
            raise SaveConflict("this plan", current)
        before = _plan_snapshot(current)
        for name, value in fields.items():
            setattr(current, name, value)
        reported = (
            Update.objects.filter(round__plan=current).exists()
            or current.rounds.filter(published_at__isnull=False).exists()
        )
        current.slug = _renamed_slug(Plan, current.title, current.slug, reported)
        current.version += 1
        current.save()
        after = _plan_snapshot(current)
        if after != before:
            record_change(
                user=user,
                obj=current,
                action="plan.changed",
                summary=f"Plan '{current.title}' changed",
                before=before,
                after=after,
                subject_key=plan_key(current),
            )
    return current


def _plan_snapshot(plan: Plan) -> dict:
    return {
        "title": plan.title,
        "slug": plan.slug,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "approving_body": plan.approving_body,
        "approved_on": plan.approved_on.isoformat() if plan.approved_on else None,
        "vision": plan.vision,
    }


def check_plan_deletable(plan: Plan) -> None:
    rules.delete_only_while_unreported(
        f"The plan '{plan.title}'",
        Update.objects.filter(round__plan=plan).count(),
        plan.rounds.filter(published_at__isnull=False).exists(),
    )


def delete_plan(*, user, plan: Plan) -> None:
    check_plan_deletable(plan)
    with transaction.atomic():
        record_change(
            user=user,
            obj=plan,
            action="plan.deleted",
            summary=f"Plan '{plan.title}' deleted",
            before=_plan_snapshot(plan),
            subject_key=plan_key(plan),
        )
        plan.delete()


def _round_snapshot(round_: Round) -> dict:
    return {
        "title": round_.title,
        "slug": round_.slug,
        "opens": round_.opens.isoformat(),
        "closes": round_.closes.isoformat(),
    }


def edit_round(*, user, round_: Round, fields: dict, expected_version: int) -> Round:
    if fields.get("opens") and fields.get("closes") and fields["closes"] < fields["opens"]:
        raise rules.RuleViolation("The date the round closes must be on or after the date it opens")
    with transaction.atomic():
        current = Round.objects.select_for_update().get(pk=round_.pk)
        if current.version != expected_version:
            raise SaveConflict("this round", current)
        before = _round_snapshot(current)
        for name, value in fields.items():
            setattr(current, name, value)
        reported = current.updates.exists() or current.is_published
        current.slug = _renamed_slug(Round, current.title, current.slug, reported, plan=current.plan)
        current.version += 1
        current.save()
        after = _round_snapshot(current)
        if after != before:
            record_change(
                user=user,
                obj=current,
                action="round.changed",
                summary=f"Round '{current.title}' changed",
                before=before,
                after=after,
                subject_key=plan_key(current.plan),
            )
    return current


def check_round_deletable(round_: Round) -> None:
    rules.delete_only_while_unreported(
        f"The round '{round_.title}'", round_.updates.count(), round_.is_published
    )


def delete_round(*, user, round_: Round) -> None:
    check_round_deletable(round_)
    with transaction.atomic():
        record_change(
            user=user,
            obj=round_.plan,
            action="round.deleted",
            summary=f"Round '{round_.title}' deleted",
            before=_round_snapshot(round_),
            subject_key=plan_key(round_.plan),
        )
        round_.delete()
