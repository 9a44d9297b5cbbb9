"""The forms of the tracker's pages: the log's date, an update, an action raised or edited, a
discharge with its evidence."""

from django import forms
from django.db.models import Q

from outcomes.accounts.models import Person
from outcomes.core.dates import GovukDateField
from outcomes.governance.models import Action

OPEN_STATUSES = [(k, v) for k, v in Action.STATUSES if k != Action.DISCHARGED]


class AsAtForm(forms.Form):
    as_at = GovukDateField(name="The date of the log", required=False)


def owner_choices(body):
    """Who may be linked as an action's owner: the body's members and those who already own one of
    its actions (the seed's log names owners who sit on no table, such as Sue Wilson): an action
    edited keeps the owners it has."""
    return (
        Person.objects.filter(Q(memberships__body=body) | Q(governance_actions__body=body))
        .distinct()
        .order_by("name")
    )


class UpdateForm(forms.Form):
    on = GovukDateField(name="The date of the update")
    text = forms.CharField(
        label="Update",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20000,
        error_messages={"required": "Enter the update"},
    )


class ActionForm(forms.Form):
    owner_text = forms.CharField(
        label="Owner, as the log prints it",
        max_length=300,
        help_text="People or words, for example Paul Lakin & Steve Ashley, or All RLSCB members.",
        error_messages={"required": "Enter the action's owner"},
    )
    owners = forms.ModelMultipleChoiceField(
        Person.objects.none(),
        required=False,
        label="Owners who update it",
        widget=forms.CheckboxSelectMultiple,
        help_text="Among the body's members and the owners of its actions: they add its updates and see "
        "it in What I owe.",
    )
    details = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20000,
        error_messages={"required": "Enter the action's details"},
    )
    raised_on = GovukDateField(name="The date the action was raised")
    due_on = GovukDateField(name="The date the action is due", required=False)
    due_rule = forms.CharField(
        label="Due, in words",
        max_length=300,
        required=False,
        help_text="For example: by the September meeting.",
    )
    status = forms.ChoiceField(choices=OPEN_STATUSES, initial=Action.RAISED)
    progress = forms.IntegerField(
        label="Progress, per cent (optional)",
        required=False,
        min_value=0,
        max_value=100,
        help_text="How far along it is, 0 to 100, as a risk register reports a mitigating action.",
    )
    parent = forms.IntegerField(
        label="New action of action number",
        required=False,
        min_value=1,
        help_text="Leave empty for a new action.",
    )

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        self.fields["owners"].queryset = owner_choices(body)

    def clean_parent(self):
        number = self.cleaned_data.get("parent")
        if number is None:
            return None
        parent = self.body.actions.filter(number=number).first()
        if parent is None:
            raise forms.ValidationError(f"The {self.body.label} has no action {number}")
        return parent


class DischargeForm(forms.Form):
    on = GovukDateField(name="The date the action was discharged")
    evidence = forms.CharField(
        label="Evidence",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="The agenda item, minute, paper or document that shows the action done.",
        error_messages={
            "required": "Enter the evidence that the action is done, such as the agenda item or minute"
        },
    )
    evidence_url = forms.URLField(
        label="Link to the evidence (optional)", required=False, assume_scheme="https"
    )
