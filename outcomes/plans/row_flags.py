"""Which rows of a plan are overdue now (rules.row_overdue), for the plan's and the row's pages.

A row's state is its update in the plan's latest round that holds one (approved or not: the pages
show the working state, as the round's working report does)."""

from django.utils import timezone

from outcomes.core.fractions import parse_fraction
from outcomes.plans import kinds, rules
from outcomes.plans.models import Milestone, Plan, Update


def overdue_rows(plan: Plan, milestones: list[Milestone] | None = None) -> set[int]:
    """The ids of the plan's rows past their target date today and not complete; none for a kind
    that does not flag rows overdue (the CYPP)."""
    if not kinds.kind_of(plan).flags_overdue:
        return set()
    if milestones is None:
        milestones = list(Milestone.objects.filter(priority__plan=plan, retired_at__isnull=True))
    complete = [s.key for s in plan.rag_statuses.all() if s.counts_as]
    latest: dict[int, dict] = {}
    for update in Update.objects.filter(milestone__in=[m.pk for m in milestones]).order_by(
        "round__opens", "id"
    ):
        latest[update.milestone_id] = update.weights
    today = timezone.localdate()
    return {
        m.pk
        for m in milestones
        if rules.row_overdue(
            m.due,
            today,
            rules.is_complete({k: parse_fraction(v) for k, v in latest.get(m.pk, {}).items()}, complete),
        )
    }
