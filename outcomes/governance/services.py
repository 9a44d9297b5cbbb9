"""Every change to a body's action tracker goes through here, recorded in words (core/history.py):
an action raised, edited, given an update (append-only), discharged with its evidence."""

from datetime import date

from django.db import transaction
from django.db.models import Max

from outcomes.core.formatting import format_date
from outcomes.core.models import record_change
from outcomes.governance import rules
from outcomes.governance.clinics import subject_key
from outcomes.governance.models import Action, ActionUpdate, Body

EDITABLE = [
    "owner_text",
    "details",
    "due_on",
    "due_rule",
    "status",
    "progress",
    "raised_on",
    "parent",
    "evidence",
    "evidence_url",
    # A clinic's agreed action (clinic_forms.py, decision 0142): the clinic that followed it up, and
    # the day it was done or withdrawn as the clinic's form records it.
    "followed_up_at",
    "discharged_on",
]


def snapshot(action: Action) -> dict:
    """The action's fields as words-ready values for the history (dates as ISO text)."""
    values = {
        "number": action.number,
        "owner_text": action.owner_text,
        "owners": sorted(p.name for p in action.owners.all()) if action.pk else [],
        "details": action.details,
        "due_on": action.due_on.isoformat() if action.due_on else None,
        "due_rule": action.due_rule,
        "status": action.status,
        "progress": action.progress,
        "raised_on": action.raised_on.isoformat() if action.raised_on else None,
        "discharged_on": action.discharged_on.isoformat() if action.discharged_on else None,
        "parent": action.parent.number if action.parent_id else None,
        "evidence": action.evidence,
        "evidence_url": action.evidence_url,
    }
    if action.clinic_id:
        values["clinic"] = action.clinic.slug if action.clinic else None
        values["followed_up_at"] = action.followed_up_at.slug if action.followed_up_at_id else None
    return values


def _record(*, user, obj: Action, **change) -> None:
    """Recorded on the action; a clinic's action on the clinic's history too (clinics.py)."""
    record_change(user=user, obj=obj, subject_key=subject_key(obj), **change)


def next_number(body: Body) -> int:
    return (body.actions.aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def raise_action(
    *, user, body: Body, owner_text: str, details: str, raised_on: date, owners=(), **fields
) -> Action:
    """A new action, numbered after the body's last. ``fields``: number, due_on, due_rule, parent,
    status (raised unless given)."""
    number = fields.pop("number", None) or next_number(body)
    action = Action.objects.create(
        body=body, number=number, owner_text=owner_text, details=details, raised_on=raised_on, **fields
    )
    action.owners.set(owners)
    _record(
        user=user,
        obj=action,
        action="action_raised",
        summary=f"Raised {action}",
        after=snapshot(action),
    )
    return action


@transaction.atomic
def edit_action(*, user, action: Action, owners=None, **fields) -> Action:
    before = snapshot(action)
    for name, value in fields.items():
        if name not in EDITABLE:
            raise ValueError(f"{name} is not changed here")
        setattr(action, name, value)
    action.save()
    if owners is not None:
        action.owners.set(owners)
    after = snapshot(action)
    if after != before:
        _record(
            user=user,
            obj=action,
            action="action_edited",
            summary=f"Edited {action}",
            before=before,
            after=after,
        )
    return action


@transaction.atomic
def add_update(*, user, action: Action, on: date, text: str) -> ActionUpdate:
    """Append a dated update; an update is never changed afterwards (a correction is a later one)."""
    update = ActionUpdate.objects.create(action=action, on=on, text=text, entered_by=user)
    # An update changes what the action's row says (the API's updated_since reads the stamp).
    action.save(update_fields=["updated_at"])
    _record(
        user=user,
        obj=action,
        action="action_updated",
        summary=f"Update of {format_date(on)} added to {action}",
        after={"update": f"{on:%d.%m.%y} {text}"},
    )
    return update


@transaction.atomic
def discharge(*, user, action: Action, on: date, evidence: str, evidence_url: str = "") -> Action:
    """Discharged only with its evidence (rules.discharge_problems)."""
    problems = rules.discharge_problems(action, on, evidence)
    if problems:
        raise rules.Refused(problems)
    before = snapshot(action)
    action.status = Action.DISCHARGED
    action.discharged_on = on
    action.evidence = evidence.strip()
    action.evidence_url = evidence_url
    action.save()
    _record(
        user=user,
        obj=action,
        action="action_discharged",
        summary=f"Discharged {action}",
        before=before,
        after=snapshot(action),
    )
    return action
