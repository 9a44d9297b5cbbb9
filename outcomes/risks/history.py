"""A risk's history in words (core/history.py): added, changed, rated, reviewed, mitigated, and a
candidate proposed, accepted or rejected."""

from outcomes.core.history import Field, HistoryRow, history_rows
from outcomes.core.models import ChangeRecord
from outcomes.risks.models import Risk

STATUS_WORDS = dict(Risk.STATUSES)
TREATMENT_WORDS = dict(Risk.TREATMENTS)

FIELDS = {
    "reference": Field("Reference"),
    "title": Field("Title", quoted=True),
    "cause": Field("Cause", quoted=True),
    "event": Field("Event", quoted=True),
    "consequence": Field("Consequence", quoted=True),
    "owner": Field("Owner"),
    "treatment": Field("Treatment", lambda v: TREATMENT_WORDS.get(str(v), str(v))),
    "status": Field("Status", lambda v: STATUS_WORDS.get(str(v), str(v))),
    "review_months": Field("Months between reviews"),
    "next_review": Field("Next review"),
    "rejected_reason": Field("Reason for rejecting", quoted=True),
    "before": Field("Before mitigation"),
    "after": Field("After mitigation"),
    "target": Field("Target"),
    "comment": Field("Comment", quoted=True),
    "suggestion": Field("Notice", quoted=True),
}


def risk_history(risk: Risk) -> list[HistoryRow]:
    records = ChangeRecord.objects.filter(subject_key=f"risk:{risk.pk}").select_related("user")
    return history_rows(records, FIELDS)
