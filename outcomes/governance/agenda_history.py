"""An agenda's history and a body's standing items' history in words (core/history.py)."""

from outcomes.core.history import Field, HistoryRow, history_rows
from outcomes.core.models import ChangeRecord
from outcomes.governance.agenda_services import agenda_key
from outcomes.governance.models import AgendaItem, Body, Meeting

KIND_WORDS = dict(AgendaItem.KINDS)
STATE_WORDS = dict(Meeting.STATES)

FIELDS = {
    "title": Field("Title", quoted=True),
    "kind": Field("Kind", lambda value: KIND_WORDS.get(str(value), str(value))),
    "presenter": Field("Presented by", quoted=True),
    "presenter_person": Field("Presenter"),
    "paper": Field("Paper", quoted=True),
    "exempt": Field("Exempt"),
    "exempt_reason": Field("Why exempt", quoted=True),
    "other_body": Field("Whose minutes"),
    "other_meeting_date": Field("Date of that meeting"),
    "section": Field("Heading"),
    "parent": Field("Sub-item of", quoted=True),
    "number": Field("Number"),
    "heading": Field("Heading", quoted=True),
    "state": Field("Meeting", lambda value: STATE_WORDS.get(str(value), str(value))),
    "version": Field("Version published"),
    "section_title": Field("Under the heading", quoted=True),
}


def agenda_history(meeting: Meeting) -> list[HistoryRow]:
    records = ChangeRecord.objects.filter(subject_key=agenda_key(meeting)).select_related("user")
    return history_rows(records.order_by("-at", "-pk"), FIELDS)


def standing_history(body: Body) -> list[HistoryRow]:
    records = ChangeRecord.objects.filter(subject_key=f"body:{body.pk}:standing").select_related("user")
    return history_rows(records.order_by("-at", "-pk"), FIELDS)
