"""The forms that change a plan's shape (structure.py): priorities, actions, a plan's and a
round's own details. Lists typed one per line; leads separated by ";" as on the milestone form."""

from django import forms

from outcomes.plans.forms import PlanForm, ProseField, RoundForm
from outcomes.plans.models import Action, Priority


class LinesField(ProseField):
    """A list typed one item per line (outcome measures, key links)."""

    widget = forms.Textarea

    def to_python(self, value):
        return [line.strip() for line in super().to_python(value).split("\n") if line.strip()]


class PriorityForm(forms.Form):
    number = forms.IntegerField(
        label="Number",
        min_value=1,
        max_value=32_767,
        error_messages={"required": "Enter the priority's number, such as 7"},
    )
    statement = ProseField(
        label="Priority",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=Priority._meta.get_field("statement").max_length,
        help_text="For example We will ensure children have the best start in life",
        error_messages={"required": "Enter the priority"},
    )
    strategic_leads = forms.CharField(
        label="Strategic leads",
        required=False,
        max_length=1000,
        help_text="Each as name, job title; separate them with ;",
    )
    outcome_measures = LinesField(
        label="How we will evidence the difference we have made (optional)",
        required=False,
        help_text="One outcome measure per line",
    )
    excluded_reason = ProseField(
        label="Reason for leaving it out of progress reports (optional)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="Leave empty when the priority is reported, as most are",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_strategic_leads(self) -> list[str]:
        return [lead.strip() for lead in self.cleaned_data["strategic_leads"].split(";") if lead.strip()]

    @property
    def model_fields(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in ("number", "statement", "outcome_measures", "excluded_reason")
        }


class ActionForm(forms.Form):
    label = forms.CharField(
        label="Label",
        max_length=Action._meta.get_field("label").max_length,
        help_text="Its place in the priority, such as iv",
        error_messages={"required": "Enter the action's label, such as iv"},
    )
    text = ProseField(
        label="Action",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the action"},
    )
    key_links = LinesField(
        label="Key links (optional)", required=False, help_text="One strategy or board per line"
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_label(self) -> str:
        label = self.cleaned_data["label"].strip().strip("()").strip()
        if not label:
            raise forms.ValidationError("Enter the action's label, such as iv")
        return label

    @property
    def model_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("label", "text", "key_links")}


class PlanEditForm(PlanForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class RoundEditForm(RoundForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
