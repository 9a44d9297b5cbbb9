"""The history of a milestone and its updates in words (core/history.py): what each stored field is
called on the page, and the RAG status in the plan's own colours ("1/2 Green, 1/2 Amber")."""

from fractions import Fraction

from outcomes.core.formatting import fraction_text
from outcomes.core.fractions import parse_fraction
from outcomes.core.history import Field, HistoryRow, history_rows
from outcomes.core.models import ChangeRecord
from outcomes.plans.models import Milestone, Plan, Update


def rag_words(weights: dict, labels: dict[str, str]) -> str:
    """ "Amber", or "1/2 Green, 1/2 Amber": a status as people say it."""
    exact = {k: parse_fraction(v) for k, v in (weights or {}).items()}
    exact = {k: v for k, v in exact.items() if v}
    order = list(labels) + [k for k in exact if k not in labels]
    named = [(labels.get(k, k.replace("_", " ").capitalize()), exact[k]) for k in order if k in exact]
    if len(named) == 1 and named[0][1] == Fraction(1):
        return named[0][0]
    return ", ".join(f"{fraction_text(v)} {label}" for label, v in named)


def plan_fields(plan: Plan) -> dict[str, Field]:
    labels = {s.key: s.label for s in plan.rag_statuses.all()}
    states = dict(Update.STATES)
    return {
        # An update's fields (services._snapshot).
        "text": Field("Text", quoted=True),
        "rag": Field("Status", lambda v: rag_words(v, labels)),
        "tables": Field("Tables", tables_words),
        "state": Field("State", lambda v: states.get(v, str(v))),
        # A milestone's fields (services.milestone_snapshot).
        "due": Field("Due date"),
        "sub_heading": Field("Sub-heading"),
        "delivery_lead": Field("Delivery leads"),
        "strategy_lead": Field("Strategy leads"),
        "baseline": Field("Baseline"),
        "target": Field("Target"),
        "actual": Field("Actual"),
        # A link to an indicator (indicators.forms._link_snapshot).
        "indicator": Field("Indicator"),
        "baseline_period": Field("Baseline period"),
        "target_period": Field("Target period"),
        # Moving and renumbering (services.edit_milestone), retiring (structure.retire).
        "reference": Field("Number"),
        "action": Field("Action"),
        "retired": Field("Retired"),
        # A priority's and an action's fields (structure.priority_snapshot, action_snapshot).
        "number": Field("Number"),
        "statement": Field("Statement", quoted=True),
        "strategic_leads": Field("Strategic leads", lambda v: "; ".join(v or [])),
        "excluded_reason": Field("Reason for leaving it out of progress reports", quoted=True),
        "outcome_measures": Field("Outcome measures", lambda v: "; ".join(v or [])),
        "label": Field("Label", lambda v: f"({v})"),
        # The fields of other kinds of plan (services.milestone_snapshot, decision 0151).
        "recommendations": Field("Recommendations cited"),
        "workstream": Field("Lead workstream(s)"),
        "baselines": Field("Baselines"),
        "targets": Field("Targets"),
        "target_date_as_written": Field("Target date as written"),
        "key_links": Field("Key links", lambda v: "; ".join(v or [])),
        "position": Field("Position"),
        # A plan's and a round's own details (structure.edit_plan, edit_round).
        "title": Field("Title", quoted=True),
        "slug": Field("Short name"),
        "start": Field("Start"),
        "end": Field("End"),
        "approving_body": Field("Approving body"),
        "approved_on": Field("Approved on"),
        "vision": Field("Vision", quoted=True),
        "opens": Field("Opens"),
        # How the rounds run (services.change_round_settings, decision 0115).
        "close_rounds_automatically": Field(
            "Rounds close themselves", lambda v: "yes" if v else "no, closed by hand"
        ),
        "remind_days_before": Field("Days before a round closes to remind leads"),
        "closes": Field("Closes"),
        # Evidence (evidence.attach_evidence, remove_evidence).
        "evidence": Field("Evidence", lambda v: ", ".join(v or [])),
    }


def tables_words(tables) -> str:
    """ "1 table: Smoking at delivery (4 rows)": enough to see what changed without the cells."""
    tables = tables or []
    described = [
        f"{(t.get('caption') or 'untitled').strip() or 'untitled'} ({len(t.get('rows') or [])} "
        f"row{'' if len(t.get('rows') or []) == 1 else 's'})"
        for t in tables
        if isinstance(t, dict)
    ]
    return f"{len(tables)} table{'' if len(tables) == 1 else 's'}: {'; '.join(described)}"


def item_history(plan: Plan, key: str) -> list[HistoryRow]:
    """A priority's, an action's or the plan's own history (structure.py's keys)."""
    records = ChangeRecord.objects.filter(subject_key=key).select_related("user")
    return history_rows(records, plan_fields(plan))


def milestone_history(milestone: Milestone, key: str) -> list[HistoryRow]:
    records = ChangeRecord.objects.filter(subject_key=key).select_related("user")
    return history_rows(records, plan_fields(milestone.priority.plan))
