"""A round's report as it stood at a moment (issue 14; decision 0091).

Once the round's report has been published, the report at a moment is the version in force then
(``publishing.report_as_at``). Before the first publication it is rebuilt from the change history:
each update as it was at that moment (its text and status from the last change recorded by then),
counted only where it was approved by then; each milestone's wording and leads as they were; the
round open if it closed later. What the history does not hold (an update's tables, priorities and
actions as they were) is taken as it is now, as the decision says.
"""

import copy
from datetime import datetime

from django.contrib.contenttypes.models import ContentType

from outcomes.core.models import ChangeRecord
from outcomes.plans.models import Milestone, MilestoneLead, Round, Update
from outcomes.plans.services import milestone_key
from outcomes.reports.progress import ProgressReport, build_progress_report, plan_milestones


def _records_by_object(model, ids, field: str = "object_id") -> dict[str, list[ChangeRecord]]:
    found: dict[str, list[ChangeRecord]] = {}
    records = ChangeRecord.objects.filter(content_type=ContentType.objects.get_for_model(model))
    for record in records.filter(**{f"{field}__in": [str(i) for i in ids]}).order_by("at", "id"):
        found.setdefault(getattr(record, field), []).append(record)
    return found


def state_at(records: list[ChangeRecord], moment: datetime, now_state: dict, existed_at: datetime | None):
    """An object's recorded state at ``moment``: the state after the last change made by then; before its
    first recorded change, the state that change started from (None where it created the object);
    with no change recorded, the state it has now if it existed by then."""
    done = [r for r in records if r.at <= moment]
    if done:
        return done[-1].after
    if records:
        return records[0].before
    if existed_at is not None and existed_at <= moment:
        return now_state
    return None


def updates_at(round_: Round, moment: datetime) -> dict[int, Update]:
    """The round's updates that counted at ``moment``: approved by then (or, once the round had closed,
    recorded as no update provided), as they were then. Unsaved copies: nothing is written."""
    current = list(round_.updates.all())
    records = _records_by_object(Update, [u.pk for u in current])
    found = {}
    for update in current:
        existed = update.approved_at or update.submitted_at
        snapshot = state_at(
            records.get(str(update.pk), []),
            moment,
            {"text": update.text, "rag": update.weights, "state": update.state},
            existed,
        )
        if snapshot is None:
            continue
        counts = snapshot["state"] == Update.APPROVED or (
            snapshot["state"] == Update.NO_UPDATE
            and round_.closed_at is not None
            and round_.closed_at <= moment
        )
        if counts:
            then = copy.copy(update)
            then.text, then.weights, then.state = snapshot["text"], snapshot["rag"], snapshot["state"]
            then.direction = snapshot.get("direction", "")
            then.current = snapshot.get("current", "")
            found[update.milestone_id] = then
    return found


def milestones_at(round_: Round, moment: datetime) -> list[Milestone]:
    """The plan's milestones with their wording and leads as they were at ``moment`` (the first change
    made after it started from them). A milestone created after the moment is left out."""
    milestones = plan_milestones(round_)
    later: dict[str, ChangeRecord] = {}
    created_later = set()
    keys = [milestone_key(m) for m in milestones]
    for record in ChangeRecord.objects.filter(subject_key__in=keys, at__gt=moment).order_by("at", "id"):
        if record.action == "milestone.added":
            created_later.add(record.subject_key)
        elif record.action == "milestone.changed":
            later.setdefault(record.subject_key, record)
    kept = []
    for milestone in milestones:
        key = milestone_key(milestone)
        if key in created_later:
            continue
        record = later.get(key)
        if record is not None and record.before:
            before = record.before
            milestone.text = before.get("text", milestone.text)
            milestone.sub_heading = before.get("sub_heading", milestone.sub_heading)
            if "delivery_lead" in before or "strategy_lead" in before:
                leads = {
                    MilestoneLead.DELIVERY: before.get(
                        "delivery_lead", milestone.leads_text(MilestoneLead.DELIVERY)
                    ),
                    MilestoneLead.STRATEGY: before.get(
                        "strategy_lead", milestone.leads_text(MilestoneLead.STRATEGY)
                    ),
                }
                # The leads' text as it was: the report reads it through leads_text.
                milestone.leads_text = leads.get  # type: ignore[method-assign]
        kept.append(milestone)
    return kept


def round_at(round_: Round, moment: datetime) -> Round:
    then = copy.copy(round_)
    if then.closed_at is not None and then.closed_at > moment:
        then.closed_at = None
    return then


def working_report_at(round_: Round, moment: datetime) -> ProgressReport:
    then = round_at(round_, moment)
    return build_progress_report(
        then,
        milestones=milestones_at(round_, moment),
        updates=updates_at(round_, moment),
        as_at=moment,
    )
