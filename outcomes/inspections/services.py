"""Every change to inspections and recommendations goes through here, in a transaction, recorded in
words (history.py): the original due date agreed once, revisions with their reason, completion with
its evidence, actions raised on or linked from governance's one tracker."""

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from outcomes.core.formatting import format_date
from outcomes.core.models import record_change
from outcomes.governance import services as governance
from outcomes.governance.models import Action, Body
from outcomes.inspections import rules
from outcomes.inspections.models import (
    Inspection,
    Judgement,
    Recommendation,
    RecommendationUpdate,
    RevisedDate,
)

INSPECTION_FIELDS = [
    "title",
    "inspectorate",
    "kind",
    "starts_on",
    "ends_on",
    "published_on",
    "notes",
]
RECOMMENDATION_FIELDS = [
    "reference",
    "text",
    "priority",
    "priority_text",
    "owner_text",
    "owner",
    "monitored_from",
]


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def inspection_snapshot(inspection: Inspection) -> dict:
    return {
        "title": inspection.title,
        "inspectorate": inspection.inspectorate,
        "kind": inspection.kind,
        "starts_on": _iso(inspection.starts_on),
        "ends_on": _iso(inspection.ends_on),
        "published_on": _iso(inspection.published_on),
        "notes": inspection.notes,
        "judgements": [f"{j.area}: {j.grade}" for j in inspection.judgements.all()] if inspection.pk else [],
    }


def recommendation_snapshot(rec: Recommendation) -> dict:
    return {
        "reference": rec.reference,
        "text": rec.text,
        "priority": rec.priority,
        "priority_text": rec.priority_text,
        "owner_text": rec.owner_text,
        "owner": rec.owner.name if rec.owner else None,
        "monitored_from": _iso(rec.monitored_from),
        "original_due": _iso(rec.original_due),
        "status": rec.status,
        "completed_on": _iso(rec.completed_on),
        "evidence": rec.evidence,
        "superseded_on": _iso(rec.superseded_on),
        "superseded_reason": rec.superseded_reason,
        "actions": sorted(str(a) for a in rec.actions.all()) if rec.pk else [],
    }


def _set_judgements(inspection: Inspection, judgements: list[tuple[str, str]]) -> None:
    inspection.judgements.all().delete()
    Judgement.objects.bulk_create(
        Judgement(inspection=inspection, order=i, area=area, grade=grade)
        for i, (area, grade) in enumerate(judgements)
    )


@transaction.atomic
def create_inspection(*, user, slug: str, judgements: list[tuple[str, str]], **fields) -> Inspection:
    inspection = Inspection.objects.create(slug=slug, **fields)
    _set_judgements(inspection, judgements)
    record_change(
        user=user,
        obj=inspection,
        action="inspection_added",
        summary=f"Added the inspection {inspection.title}",
        after=inspection_snapshot(inspection),
    )
    return inspection


@transaction.atomic
def edit_inspection(
    *, user, inspection: Inspection, judgements: list[tuple[str, str]], **fields
) -> Inspection:
    before = inspection_snapshot(inspection)
    for name, value in fields.items():
        if name not in INSPECTION_FIELDS:
            raise ValueError(f"{name} is not changed here")
        setattr(inspection, name, value)
    inspection.save()
    _set_judgements(inspection, judgements)
    after = inspection_snapshot(inspection)
    if after != before:
        record_change(
            user=user,
            obj=inspection,
            action="inspection_edited",
            summary=f"Changed the inspection {inspection.title}",
            before=before,
            after=after,
        )
    return inspection


def _record(user, rec: Recommendation, action: str, summary: str, before=None, after=None) -> None:
    record_change(
        user=user,
        obj=rec,
        action=action,
        summary=summary,
        before=before,
        after=after,
        subject_key=f"inspection:{rec.inspection_id}",
    )


@transaction.atomic
def add_recommendation(
    *, user, inspection: Inspection, original_due: date | None = None, **fields
) -> Recommendation:
    """A new recommendation, numbered after the inspection's last. An original due date given here is
    agreed with it (the day it is monitored from)."""
    number = (inspection.recommendations.aggregate(n=Max("number"))["n"] or 0) + 1
    rec = Recommendation.objects.create(inspection=inspection, number=number, **fields)
    if original_due is not None:
        rec.original_due = original_due
        rec.original_agreed_on = rec.monitored_from
        rec.save(update_fields=["original_due", "original_agreed_on"])
    _record(
        user,
        rec,
        "recommendation_added",
        f"Added recommendation {rec.reference}",
        after=recommendation_snapshot(rec),
    )
    return rec


@transaction.atomic
def edit_recommendation(*, user, rec: Recommendation, **fields) -> Recommendation:
    before = recommendation_snapshot(rec)
    for name, value in fields.items():
        if name not in RECOMMENDATION_FIELDS:
            # The original due date, the status and its dates have their own steps and rules.
            raise ValueError(f"{name} is not changed here")
        setattr(rec, name, value)
    rec.save()
    after = recommendation_snapshot(rec)
    if after != before:
        _record(user, rec, "recommendation_edited", f"Changed recommendation {rec.reference}", before, after)
    return rec


@transaction.atomic
def agree_original_due(*, user, rec: Recommendation, due_on: date, agreed_on: date) -> Recommendation:
    rec = Recommendation.objects.select_for_update().get(pk=rec.pk)
    problems = rules.original_due_problems(rec.original_agreed_on, rec.original_due, due_on)
    if problems:
        raise rules.Refused(problems)
    if rec.original_agreed_on is not None:
        return rec  # agreed already, to the same date
    before = recommendation_snapshot(rec)
    rec.original_due = due_on
    rec.original_agreed_on = agreed_on
    rec.save(update_fields=["original_due", "original_agreed_on"])
    _record(
        user,
        rec,
        "original_due_agreed",
        f"Original due date of {rec.reference} agreed: {format_date(due_on)}",
        before,
        recommendation_snapshot(rec),
    )
    return rec


@transaction.atomic
def revise_due(
    *, user, rec: Recommendation, due_on: date, reason: str, agreed_on: date, agreed_by: str, meeting=None
) -> RevisedDate:
    problems = rules.revision_problems(
        original_due=rec.original_due, due_on=due_on, reason=reason, agreed_by=agreed_by, status=rec.status
    )
    if problems:
        raise rules.Refused(problems)
    revision = RevisedDate.objects.create(
        recommendation=rec,
        due_on=due_on,
        reason=reason.strip(),
        agreed_on=agreed_on,
        agreed_by=agreed_by.strip(),
        meeting=meeting,
        entered_by=user if getattr(user, "is_authenticated", False) else None,
    )
    rec.save(update_fields=["updated_at"])
    where = f" at {meeting.body.label}'s meeting of {format_date(meeting.date)}" if meeting else ""
    _record(
        user,
        rec,
        "due_revised",
        f"Due date of {rec.reference} revised to {format_date(due_on)}",
        after={
            "revised_due": due_on.isoformat(),
            "reason": revision.reason,
            "agreed": f"by {revision.agreed_by} on {format_date(agreed_on)}{where}",
            "original_due": f"{format_date(rec.original_due)}, unchanged: lateness is measured against it",
        },
    )
    return revision


@transaction.atomic
def add_update(*, user, rec: Recommendation, on: date, text: str) -> RecommendationUpdate:
    update = RecommendationUpdate.objects.create(
        recommendation=rec, on=on, text=text.strip(), entered_by=user
    )
    rec.save(update_fields=["updated_at"])
    _record(
        user,
        rec,
        "recommendation_updated",
        f"Progress on {rec.reference} of {format_date(on)} added",
        after={"update": f"{on:%d.%m.%y} {update.text}"},
    )
    return update


@transaction.atomic
def complete(*, user, rec: Recommendation, on: date, evidence: str) -> Recommendation:
    rec = Recommendation.objects.select_for_update().get(pk=rec.pk)
    problems = rules.completion_problems(
        status=rec.status,
        on=on,
        evidence=evidence,
        monitored_from=rec.monitored_from,
        today=timezone.localdate(),
    )
    if problems:
        raise rules.Refused(problems)
    before = recommendation_snapshot(rec)
    rec.status = Recommendation.COMPLETE
    rec.completed_on = on
    rec.evidence = evidence.strip()
    rec.save(update_fields=["status", "completed_on", "evidence"])
    _record(
        user,
        rec,
        "recommendation_completed",
        f"Completed {rec.reference}",
        before,
        recommendation_snapshot(rec),
    )
    return rec


@transaction.atomic
def supersede(*, user, rec: Recommendation, on: date, reason: str) -> Recommendation:
    problems = rules.supersede_problems(status=rec.status, reason=reason)
    if problems:
        raise rules.Refused(problems)
    before = recommendation_snapshot(rec)
    rec.status = Recommendation.SUPERSEDED
    rec.superseded_on = on
    rec.superseded_reason = reason.strip()
    rec.save(update_fields=["status", "superseded_on", "superseded_reason"])
    _record(
        user,
        rec,
        "recommendation_superseded",
        f"Superseded {rec.reference}",
        before,
        recommendation_snapshot(rec),
    )
    return rec


@transaction.atomic
def link_action(*, user, rec: Recommendation, action: Action) -> None:
    if rec.actions.filter(pk=action.pk).exists():
        raise rules.Refused([f"{action} is linked already."])
    before = recommendation_snapshot(rec)
    rec.actions.add(action)
    rec.save(update_fields=["updated_at"])
    _record(
        user,
        rec,
        "action_linked",
        f"Linked {action} to {rec.reference}",
        before,
        recommendation_snapshot(rec),
    )


@transaction.atomic
def unlink_action(*, user, rec: Recommendation, action: Action) -> None:
    before = recommendation_snapshot(rec)
    rec.actions.remove(action)
    rec.save(update_fields=["updated_at"])
    _record(
        user,
        rec,
        "action_unlinked",
        f"Unlinked {action} from {rec.reference}",
        before,
        recommendation_snapshot(rec),
    )


@transaction.atomic
def raise_action(
    *,
    user,
    rec: Recommendation,
    body: Body,
    details: str,
    owner_text: str,
    raised_on: date,
    due_on=None,
    owners=(),
) -> Action:
    """An action raised on ``body``'s tracker for the recommendation, through governance's own service
    (its number and its history are the tracker's), then linked."""
    action = governance.raise_action(
        user=user,
        body=body,
        owner_text=owner_text,
        details=details,
        raised_on=raised_on,
        owners=owners,
        due_on=due_on,
    )
    link_action(user=user, rec=rec, action=action)
    return action
