"""Histories of inspections and recommendations in words (core/history.py)."""

from django.contrib.contenttypes.models import ContentType

from outcomes.core.history import Field, HistoryRow, history_rows
from outcomes.core.models import ChangeRecord
from outcomes.inspections.models import Inspection, Recommendation

PRIORITY_WORDS = dict(Recommendation.PRIORITIES)
STATUS_WORDS = dict(Recommendation.STATUSES)

FIELDS = {
    "title": Field("Title", quoted=True),
    "inspectorate": Field("Inspectorate"),
    "kind": Field("Type"),
    "starts_on": Field("Started on"),
    "ends_on": Field("Ended on"),
    "published_on": Field("Published on"),
    "notes": Field("Notes", quoted=True),
    "judgements": Field("Judgements", lambda v: "; ".join(v) if isinstance(v, list) else str(v)),
    "reference": Field("Reference"),
    "text": Field("Text", quoted=True),
    "priority": Field("Priority", lambda v: PRIORITY_WORDS.get(str(v), str(v))),
    "priority_text": Field("Priority as written", quoted=True),
    "owner_text": Field("Owner", quoted=True),
    "owner": Field("Owner linked"),
    "monitored_from": Field("Monitored from"),
    "original_due": Field("Original due date"),
    "status": Field("Status", lambda v: STATUS_WORDS.get(str(v), str(v))),
    "completed_on": Field("Completed on"),
    "evidence": Field("Evidence", quoted=True),
    "superseded_on": Field("Superseded on"),
    "superseded_reason": Field("Reason superseded", quoted=True),
    "actions": Field("Linked actions"),
    "revised_due": Field("Revised due date"),
    "reason": Field("Reason", quoted=True),
    "agreed": Field("Agreed"),
    "update": Field("Progress", quoted=True),
}


def _history(obj) -> list[HistoryRow]:
    records = ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=str(obj.pk)
    ).select_related("user")
    return history_rows(records, FIELDS)


def inspection_history(inspection: Inspection) -> list[HistoryRow]:
    return _history(inspection)


def recommendation_history(rec: Recommendation) -> list[HistoryRow]:
    return _history(rec)
