"""The form of a clinic's agreed action (decision 0142): the clinic's words (open, done, not done)
saved as the tracker's (raised or ongoing, discharged with evidence, ongoing with a dated update)
through services.py, so every change is recorded in words on the action and on the clinic."""

from django import forms
from django.db import transaction
from django.utils import timezone

from outcomes.core.conflicts import SaveConflict
from outcomes.core.models import ChangeRecord
from outcomes.governance import services
from outcomes.governance.clinics import NOT_DONE, clinic_body, follow_up_of
from outcomes.governance.models import Action
from outcomes.indicators.forms import split_people
from outcomes.indicators.models import Clinic
from outcomes.plans.forms import ProseField


def version_of(action: Action) -> int:
    """The action's version for an edit conflict: how many changes it has had (every change to an
    action is recorded, services.py), so the tracker needs no counter of its own."""
    from django.contrib.contenttypes.models import ContentType

    return ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(Action), object_id=str(action.pk)
    ).count()


class ClinicActionForm(forms.Form):
    OPEN = "open"
    DONE = "done"
    NOT_DONE = "not_done"
    UNCLEAR = "unclear"
    WITHDRAWN = "withdrawn"
    STATUSES = [
        (OPEN, "Open"),
        (DONE, "Done"),
        (NOT_DONE, "Not done"),
        (UNCLEAR, "Unclear whether done"),
        (WITHDRAWN, "Withdrawn"),
    ]

    text = ProseField(
        label="Agreed action",
        widget=forms.Textarea,
        error_messages={"required": "Enter the action that was agreed"},
    )
    owner = forms.CharField(
        label="Owner",
        max_length=200,
        help_text="A person or a team",
        error_messages={"required": "Enter who owns the action"},
    )
    due = forms.DateField(
        label="Due date",
        required=False,
        help_text="For example 2014-09-30",
        error_messages={"invalid": "Enter the due date as YYYY-MM-DD"},
    )
    status = forms.ChoiceField(
        label="Status", choices=STATUSES, initial=OPEN, error_messages={"required": "Choose a status"}
    )
    follow_up = ProseField(
        label="Follow-up",
        required=False,
        widget=forms.Textarea,
        help_text="What the next clinic found: the evidence when done, a dated update otherwise",
    )
    followed_up_at = forms.ChoiceField(label="Followed up at", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, clinic: Clinic, action: Action | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.clinic = clinic
        self.action = action
        later = Clinic.objects.filter(date__gte=clinic.date).exclude(pk=clinic.pk).order_by("date", "pk")
        self.later = {c.slug: c for c in later}
        followed_up_at = self.fields["followed_up_at"]
        assert isinstance(followed_up_at, forms.ChoiceField)
        followed_up_at.choices = [("", "Not yet followed up")] + [
            (c.slug, f"{c.title} ({c.date.day} {c.date:%B %Y})") for c in later
        ]

    def clean(self):
        data = super().clean() or {}
        if data.get("followed_up_at") and not data.get("follow_up"):
            self.add_error("follow_up", "Enter what the clinic that followed it up found")
        elif data.get("status") == self.DONE and not data.get("follow_up"):
            self.add_error("follow_up", "Enter what shows it done: what the clinic that followed it up found")
        return data

    @classmethod
    def initial_for(cls, action: Action) -> dict:
        follow_up = follow_up_of(action)
        if action.status == Action.DISCHARGED:
            status = cls.DONE
        elif action.status in (Action.UNCLEAR, Action.WITHDRAWN):
            status = action.status
        elif follow_up.startswith(NOT_DONE):
            status = cls.NOT_DONE
        else:
            status = cls.OPEN
        return {
            "text": action.details,
            "owner": action.owner_text,
            "due": action.due_on,
            "status": status,
            "follow_up": follow_up,
            "followed_up_at": action.followed_up_at.slug if action.followed_up_at else "",
            "version": version_of(action),
        }

    @transaction.atomic
    def save(self, user) -> int:
        """Save through the tracker's services; returns the action's number."""
        data = self.cleaned_data
        people, others = split_people(data["owner"])
        owner_text = "; ".join([p.name for p in people] + ([others] if others else []))
        followed = self.later.get(data.get("followed_up_at") or "")
        on = followed.date if followed else max(timezone.localdate(), self.clinic.date)
        if self.action is None:
            action = services.raise_action(
                user=user,
                body=clinic_body(),
                owner_text=owner_text,
                details=data["text"],
                raised_on=self.clinic.date,
                owners=people,
                due_on=data["due"],
                clinic=self.clinic,
            )
        else:
            action = Action.objects.select_for_update().get(pk=self.action.pk)
            if data.get("version") is not None and data["version"] != version_of(action):
                raise SaveConflict(f"agreed action {action.number}", action)
        fields = {
            "owner_text": owner_text,
            "details": data["text"],
            "due_on": data["due"],
            "followed_up_at": followed,
        }
        status, follow_up = data["status"], data.get("follow_up") or ""
        if status == self.DONE:
            if action.status == Action.DISCHARGED:
                fields.update(evidence=follow_up, discharged_on=on if followed else action.discharged_on)
            services.edit_action(user=user, action=action, owners=people, **fields)
            if action.status != Action.DISCHARGED:
                services.discharge(user=user, action=action, on=on, evidence=follow_up)
            return action.number
        if status == self.OPEN:
            fields["status"] = Action.RAISED if action.status == Action.RAISED else Action.ONGOING
        elif status == self.NOT_DONE:
            fields["status"] = Action.ONGOING
            if follow_up and not follow_up.startswith(NOT_DONE):
                follow_up = NOT_DONE + follow_up
        else:
            fields["status"] = status
        closed = fields["status"] == Action.WITHDRAWN
        fields["discharged_on"] = (action.discharged_on or on) if closed else None
        if action.status == Action.DISCHARGED:
            fields["evidence"] = ""  # opened again: the evidence no longer stands
        current = follow_up_of(action)
        services.edit_action(user=user, action=action, owners=people, **fields)
        if follow_up and follow_up != current:
            services.add_update(user=user, action=action, on=on, text=follow_up)
        return action.number
