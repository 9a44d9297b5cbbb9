"""The forms of a body's set-up: its names and minute numbering, and a seat on it."""

from django import forms

from outcomes.accounts.models import Organisation, Person
from outcomes.core.dates import GovukDateField
from outcomes.governance.models import Body, Membership


class BodyForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        label="Name",
        help_text="In full, as the papers write it: Rotherham Local Safeguarding Children Board.",
        error_messages={"required": "Enter the body's name"},
    )
    short_name = forms.CharField(
        max_length=40, required=False, label="Short name", help_text="As the papers write it: RLSCB."
    )
    minute_numbering = forms.ChoiceField(
        choices=Body.NUMBERING,
        widget=forms.RadioSelect,
        label="How its minutes are numbered",
        initial=Body.RUNNING,
        error_messages={"required": "Choose how the body's minutes are numbered"},
    )
    minute_prefix = forms.CharField(
        max_length=10,
        required=False,
        label="Printed before each minute number",
        help_text="For example D, as the scrutiny panel's minutes print D24. Leave empty for none.",
    )


class SeatForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        label="Name, as the minutes write it",
        error_messages={"required": "Enter the member's name"},
    )
    person = forms.ModelChoiceField(
        Person.objects.order_by("name"),
        required=False,
        empty_label="Not linked",
        label="The person in Outcomes (optional)",
        help_text="Linked, they are offered as an action's owner and see their actions in What I owe.",
    )
    organisation = forms.ModelChoiceField(
        Organisation.objects.order_by("name"),
        required=False,
        empty_label="None",
        label="Organisation (optional)",
    )
    position = forms.CharField(
        max_length=300,
        required=False,
        label="Position",
        help_text="The job title and organisation as written beside the name.",
    )
    role = forms.ChoiceField(
        choices=Membership.ROLES,
        label="Role",
        initial=Membership.MEMBER,
        error_messages={"required": "Choose the member's role"},
    )
    starts_on = GovukDateField(name="The first day of the seat", required=False)
    ends_on = GovukDateField(name="The last day of the seat", required=False)
