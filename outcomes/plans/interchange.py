"""The plan interchange format (docs/interchange.md): a plan with its priorities, actions,
milestones, rounds and updates as one JSON document.

``validation.validate_plan_data`` checks a whole document and reports every problem with where it is;
``import_plan`` writes nothing unless the whole document is valid; ``export_plan`` gives back
what ``import_plan`` read.
"""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from outcomes.core.formatting import format_decimal
from outcomes.core.imports import ImportFailed
from outcomes.core.imports.jsonfile import Path, json_location
from outcomes.core.models import record_change
from outcomes.plans import kind_fields
from outcomes.plans.leads import LeadResolver, write_milestone_leads, write_strategic_leads
from outcomes.plans.merge import MergeReport, merge_plan
from outcomes.plans.models import (
    Action,
    Milestone,
    MilestoneLead,
    MilestoneLink,
    Plan,
    Priority,
    RagStatus,
)
from outcomes.plans.round_writer import write_round
from outcomes.plans.services import add_default_rag_statuses, unique_slug
from outcomes.plans.validation import validate_plan_data


def import_plan(
    data: dict,
    *,
    user=None,
    source: str = "plan",
    locate: Callable[[Path], str] = json_location,
) -> Plan:
    return import_plan_with_report(data, user=user, source=source, locate=locate)[0]


def import_plan_with_report(
    data: dict,
    *,
    user=None,
    source: str = "plan",
    locate: Callable[[Path], str] = json_location,
) -> tuple[Plan, MergeReport | None]:
    """A new plan from the document, or, when a plan with its slug exists, the document merged into
    it (merge.py: matched by identity, nothing a round holds lost). The report says what a merge
    did; None for a new plan."""
    slug = data.get("slug") if isinstance(data, dict) else None
    target = Plan.objects.filter(slug=slug).first() if isinstance(slug, str) and slug else None
    held = frozenset(target.rounds.values_list("slug", flat=True)) if target else frozenset()
    clean, problems = validate_plan_data(data, locate, held_rounds=held)
    if not clean["slug"] and clean["title"]:
        clean["slug"] = unique_slug(clean["title"], lambda s: Plan.objects.filter(slug=s).exists())
    if problems:
        raise ImportFailed(source, problems)
    existing = Plan.objects.filter(slug=clean["slug"]).first() if clean["slug"] else None
    with transaction.atomic():
        if existing:
            return existing, merge_plan(clean, existing, user=user, source=source)
        plan = _write_plan(clean)
        record_change(
            user=user,
            obj=plan,
            action="plan.imported",
            summary=f"Plan '{plan.title}' imported from {source}",
            before=None,
            after={"priorities": len(clean["priorities"]), "rounds": len(clean["rounds"])},
        )
        for round_ in plan.rounds.filter(published_at__isnull=False):
            for freeze in _ON_PUBLISHED_ROUND.values():
                freeze(round_, user)
    return plan, None


# What an app above plans does with a round that arrives already published: reports freezes its report
# as the round's first publication (reports/publishing.py), so viewers read a publication as always.
_ON_PUBLISHED_ROUND: dict[str, Callable] = {}


def on_published_round_imported(name: str, handler: Callable) -> None:
    _ON_PUBLISHED_ROUND[name] = handler


def _write_plan(clean: dict) -> Plan:
    plan = Plan.objects.create(
        slug=clean["slug"],
        title=clean["title"],
        start=clean["start"],
        end=clean["end"],
        approving_body=clean["approving_body"],
        approved_on=clean["approved_on"],
        vision=clean["vision"],
        needs=clean["needs"] or [],
        description=clean["description"],
        kind=clean.get("kind") or Plan.CYPP,
        **{
            name: clean[name]
            for name in ("close_rounds_automatically", "remind_days_before")
            if clean.get(name) is not None
        },
    )
    add_default_rag_statuses(plan, clean["rag_statuses"])
    resolver = LeadResolver(clean["organisations"])
    by_number: dict[tuple[int, int], Milestone] = {}
    pending_links: list[tuple[Milestone, int, int]] = []
    for p in clean["priorities"]:
        _write_priority(plan, p, resolver, by_number, pending_links)
    MilestoneLink.objects.bulk_create(
        MilestoneLink(milestone=ms, priority_number=lp, milestone_number=lm) for ms, lp, lm in pending_links
    )
    no_update = next((s.key for s in clean["rag_statuses"] if s.means_no_update), None)
    for r in clean["rounds"]:
        write_round(plan, r, by_number, no_update)
    return plan


def _write_priority(
    plan: Plan, p: dict, resolver: LeadResolver, by_number: dict, pending_links: list
) -> None:
    now = timezone.now()
    priority = Priority.objects.create(
        plan=plan,
        retired_at=now if p["retired"] else None,
        number=p["number"],
        statement=p["statement"],
        excluded_reason=p["excluded_reason"],
        outcome_measures=p["outcome_measures"],
        recommendations=p.get("recommendations") or [],
    )
    write_strategic_leads(priority, p["strategic_leads"], resolver)
    for a_order, a in enumerate(p["actions"]):
        action = Action.objects.create(
            priority=priority,
            label=a["label"],
            text=a["text"],
            key_links=a["key_links"],
            order=a_order,
            retired_at=now if a["retired"] else None,
        )
        for m in a["milestones"]:
            milestone = _write_milestone(action, m, resolver)
            by_number[(p["number"], m["number"])] = milestone
            pending_links.extend((milestone, lp, lm) for lp, lm in m["links"])


def _write_milestone(action: Action, m: dict, resolver: LeadResolver) -> Milestone:
    fields = {}
    for kind in ("baseline", "target", "actual"):
        measure = m[kind] or {"value": None, "unit": "", "period": ""}
        fields.update({f"{kind}_{k}": v for k, v in measure.items()})
    milestone = Milestone.objects.create(
        action=action,
        priority=action.priority,
        number=m["number"],
        text=m["text"],
        due=m["due"],
        sub_heading=m["sub_heading"],
        tables=m["tables"] or [],
        retired_at=timezone.now() if m["retired"] else None,
        **fields,
        **kind_fields.milestone_fields(m),
    )
    write_milestone_leads(milestone, MilestoneLead.DELIVERY, m["delivery_lead"], resolver)
    write_milestone_leads(milestone, MilestoneLead.STRATEGY, m["strategy_lead"], resolver)
    return milestone


def _measure_out(milestone: Milestone, kind: str) -> dict | None:
    measure = milestone.measure(kind)
    if measure is None:
        return None
    return {"value": format_decimal(measure["value"]), "unit": measure["unit"], "period": measure["period"]}


def export_plan(plan: Plan) -> dict:
    priorities = plan.priorities.prefetch_related(
        "strategic_leads", "actions__milestones__leads", "actions__milestones__links"
    )
    return {
        "slug": plan.slug,
        "title": plan.title,
        "kind": plan.kind,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "approving_body": plan.approving_body,
        "approved_on": plan.approved_on.isoformat() if plan.approved_on else None,
        "vision": plan.vision,
        "needs": plan.needs,
        "description": plan.description,
        "close_rounds_automatically": plan.close_rounds_automatically,
        "remind_days_before": plan.remind_days_before,
        "rag_statuses": [
            {
                "key": s.key,
                "label": s.label,
                "description": s.description,
                "style": s.style,
                "means_no_update": s.means_no_update,
                "is_key_issue": s.is_key_issue,
                "counts_as": s.counts_as or None,
            }
            for s in RagStatus.objects.filter(plan=plan)
        ],
        "priorities": [
            {
                "id": p.pk,
                "number": p.number,
                **({"retired": True} if p.is_retired else {}),
                "statement": p.statement,
                "strategic_leads": [lead.text for lead in p.strategic_leads.all()],
                "excluded_reason": p.excluded_reason or None,
                "outcome_measures": p.outcome_measures,
                "recommendations": p.recommendations,
                "actions": [
                    {
                        "id": a.pk,
                        "label": a.label,
                        **({"retired": True} if a.is_retired else {}),
                        "text": a.text,
                        "key_links": a.key_links,
                        "milestones": [
                            {
                                "id": m.pk,
                                "number": m.number,
                                **({"retired": True} if m.is_retired else {}),
                                "text": m.text,
                                "delivery_lead": m.leads_text(MilestoneLead.DELIVERY),
                                "strategy_lead": m.leads_text(MilestoneLead.STRATEGY),
                                "due": m.due.isoformat() if m.due else None,
                                "sub_heading": m.sub_heading or None,
                                "links": [
                                    {"priority": link.priority_number, "milestone": link.milestone_number}
                                    for link in m.links.all()
                                ],
                                "baseline": _measure_out(m, "baseline"),
                                "target": _measure_out(m, "target"),
                                "actual": _measure_out(m, "actual"),
                                "tables": m.tables,
                                **kind_fields.milestone_out(m),
                            }
                            for m in a.milestones.all()
                        ],
                    }
                    for a in p.actions.all()
                ],
            }
            for p in priorities
        ],
        "rounds": [
            {
                "slug": r.slug,
                "title": r.title,
                "opens": r.opens.isoformat(),
                "closes": r.closes.isoformat(),
                "closed": r.is_closed,
                "published": r.is_published,
                "updates": [
                    {
                        "priority": u.milestone.priority.number,
                        "milestone": u.milestone.number,
                        "text": u.text,
                        "rag": u.weights,
                        "state": u.state,
                        "tables": u.tables,
                        **kind_fields.update_out(u),
                    }
                    for u in r.updates.select_related("milestone__priority")
                ],
            }
            for r in plan.rounds.all()
        ],
    }
