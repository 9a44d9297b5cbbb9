"""An action's history in words (core/history.py): raised, edited, updated, discharged."""

from django.contrib.contenttypes.models import ContentType

from outcomes.core.history import Field, HistoryRow, history_rows
from outcomes.core.models import ChangeRecord
from outcomes.governance.bulk_common import body_key
from outcomes.governance.models import Action, Meeting

# A clinic's agreed action's statuses before it moved onto the tracker (decision 0142).
STATUS_WORDS = {**dict(Action.STATUSES), "open": "Open", "done": "Done", "not_done": "Not done"}

FIELDS = {
    "number": Field("Number"),
    "owner_text": Field("Owner", quoted=True),
    "owners": Field("Owners linked"),
    "details": Field("Details", quoted=True),
    "due_on": Field("Due"),
    "due_rule": Field("Due (in words)", quoted=True),
    "status": Field("Status", lambda value: STATUS_WORDS.get(str(value), str(value))),
    "progress": Field("Progress", lambda value: f"{value}%"),
    "raised_on": Field("Raised on"),
    "discharged_on": Field("Discharged on"),
    "parent": Field("New action of action"),
    "evidence": Field("Evidence", quoted=True),
    "evidence_url": Field("Evidence link"),
    "update": Field("Update", quoted=True),
    # A clinic's agreed action: its clinics, and its fields as they were named before the move.
    "clinic": Field("Agreed at clinic"),
    "followed_up_at": Field("Followed up at clinic"),
    "text": Field("Details", quoted=True),
    "owner": Field("Owner", quoted=True),
    "due": Field("Due"),
    "follow_up": Field("Follow-up", quoted=True),
}


def action_history(action: Action) -> list[HistoryRow]:
    records = ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(Action), object_id=str(action.pk)
    ).select_related("user")
    return history_rows(records, FIELDS)


MEETING_STATE_WORDS = dict(Meeting.STATES)

MEETING_FIELDS = {
    "date": Field("Date"),
    "starts_at": Field("Time"),
    "venue": Field("Venue", quoted=True),
    "date_as_written": Field("Date as written", quoted=True),
    "state": Field("State", lambda value: MEETING_STATE_WORDS.get(str(value), str(value))),
    "cancelled_reason": Field("Reason for cancelling", quoted=True),
    "attendance": Field(
        "Attendance", lambda value: "; ".join(value) if isinstance(value, list) else str(value)
    ),
    "agenda_items": Field(
        "Standing items", lambda value: "; ".join(value) if isinstance(value, list) else str(value)
    ),
}


def meeting_history(meeting: Meeting) -> list[HistoryRow]:
    records = ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(Meeting), object_id=str(meeting.pk)
    ).select_related("user")
    return history_rows(records, MEETING_FIELDS)


MINUTES_FIELDS = {
    "number": Field("Number"),
    "title": Field("Title", quoted=True),
    "narrative": Field("Narrative", quoted=True),
    "resolution": Field("Resolution", quoted=True),
    "circulated_on": Field("Circulated on"),
    "approved_at": Field("Approved at the meeting of"),
    "correction": Field("Correction", quoted=True),
}


def minutes_history(meeting) -> list[HistoryRow]:
    """Everything done to a meeting's minutes (minuting.py records each with the meeting's key)."""
    records = ChangeRecord.objects.filter(subject_key=meeting.subject_key).select_related("user")
    return history_rows(records, MINUTES_FIELDS)


BODY_FIELDS = {
    "name": Field("Name", quoted=True),
    "short_name": Field("Short name", quoted=True),
    "minute_numbering": Field("Minute numbering"),
    "minute_prefix": Field("Minute prefix", quoted=True),
    "person": Field("Person in Outcomes"),
    "organisation": Field("Organisation"),
    "position": Field("Position", quoted=True),
    "role": Field("Role"),
    "starts_on": Field("From"),
    "ends_on": Field("To"),
}


def body_history(body) -> list[HistoryRow]:
    """The body set up and changed, its seats added and changed (bodies.py, and the members' import)."""
    records = ChangeRecord.objects.filter(subject_key=body_key(body)).select_related("user")
    return history_rows(records, BODY_FIELDS)
