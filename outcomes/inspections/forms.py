"""The forms of the inspections' pages. One template draws them all (inspections/form.html), each
field by its kind: dates as GOV.UK date inputs, long text as text areas, choices as radios or selects."""

from django import forms
from django.utils.text import slugify

from outcomes.accounts.models import Person
from outcomes.core.dates import GovukDateField
from outcomes.governance.models import Action, Body, Meeting
from outcomes.inspections.models import Inspection, Recommendation

LONG = forms.Textarea(attrs={"rows": 4})


class AsAtForm(forms.Form):
    as_at = GovukDateField(name="The date", required=False)


class DocumentForm(forms.Form):
    """The recommendations page's Word and PDF buttons: the page's date and filters ride along as
    hidden fields, so the document is the list as shown (decision 0168)."""

    fmt = forms.ChoiceField(choices=[("docx", "Word"), ("pdf", "PDF")])
    as_at = forms.DateField(required=False, input_formats=["%Y-%m-%d"])
    inspection = forms.SlugField(required=False)
    status = forms.ChoiceField(
        required=False, choices=[("", ""), ("open", ""), ("complete", ""), ("superseded", "")]
    )
    at_risk = forms.BooleanField(required=False)


class InspectionForm(forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter the inspection's title"})
    inspectorate = forms.CharField(
        max_length=100,
        help_text="Ofsted, CQC, or both for a joint inspection: Ofsted and CQC (joint).",
        error_messages={"required": "Enter the inspectorate"},
    )
    kind = forms.CharField(
        label="Type", max_length=100, required=False, help_text="Announced, unannounced, annual …"
    )
    starts_on = GovukDateField(name="The date the inspection started")
    ends_on = GovukDateField(name="The date the inspection ended", required=False)
    published_on = GovukDateField(name="The date the report was published", required=False)
    judgements = forms.CharField(
        widget=LONG,
        required=False,
        help_text="One a line, the area and its grade as the report writes them: "
        "Overall effectiveness: adequate",
    )
    notes = forms.CharField(widget=LONG, required=False)

    def clean_judgements(self) -> list[tuple[str, str]]:
        found = []
        for number, line in enumerate(self.cleaned_data["judgements"].splitlines(), start=1):
            if not line.strip():
                continue
            area, colon, grade = line.partition(":")
            if not colon or not area.strip() or not grade.strip():
                raise forms.ValidationError(f"Line {number}: write the area, a colon and the grade")
            found.append((area.strip()[:200], grade.strip()[:100]))
        return found

    def clean(self):
        data = super().clean() or {}
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", "The date the inspection ended must be on or after the day it started")
        return data


def new_slug(title: str, starts_on) -> str:
    base = slugify(f"{title} {starts_on.year}")[:50] or "inspection"
    slug, n = base, 2
    while Inspection.objects.filter(slug=slug).exists() or slug == "new":
        slug, n = f"{base}-{n}", n + 1
    return slug


class RecommendationForm(forms.Form):
    reference = forms.CharField(max_length=40, error_messages={"required": "Enter the reference"})
    text = forms.CharField(
        widget=LONG, label="Recommendation", error_messages={"required": "Enter the recommendation"}
    )
    priority = forms.ChoiceField(
        choices=Recommendation.PRIORITIES, widget=forms.RadioSelect, initial=Recommendation.THREE_MONTHS
    )
    priority_text = forms.CharField(
        max_length=200,
        required=False,
        label="Priority as written (optional)",
        help_text="The inspectorate's words.",
    )
    owner_text = forms.CharField(
        max_length=300, label="Owner, as written", error_messages={"required": "Enter the owner"}
    )
    owner = forms.ModelChoiceField(
        Person.objects.order_by("name"),
        required=False,
        empty_label="Not linked",
        label="The owner in Outcomes (optional)",
        help_text="Linked, they record its progress and complete it.",
    )
    monitored_from = GovukDateField(name="The date it is monitored from")


class NewRecommendationForm(RecommendationForm):
    original_due = GovukDateField(
        name="The original due date",
        required=False,
        help_text="Agreed with it, and never changed afterwards. Leave empty to agree it later.",
    )


class OriginalDueForm(forms.Form):
    due_on = GovukDateField(name="The original due date")
    agreed_on = GovukDateField(name="The date it was agreed")


class ReviseForm(forms.Form):
    due_on = GovukDateField(name="The revised due date")
    reason = forms.CharField(widget=LONG, required=False)
    agreed_on = GovukDateField(name="The date it was agreed")
    agreed_by = forms.CharField(
        max_length=300, required=False, label="Agreed by", help_text="As written: DLT, or a name."
    )
    meeting = forms.ModelChoiceField(
        Meeting.objects.select_related("body").order_by("-date"),
        required=False,
        empty_label="None",
        label="At the meeting (optional)",
    )


class UpdateForm(forms.Form):
    on = GovukDateField(name="The date of the update")
    text = forms.CharField(widget=LONG, label="Progress", error_messages={"required": "Enter the progress"})


class CompleteForm(forms.Form):
    on = GovukDateField(name="The date it was completed")
    evidence = forms.CharField(
        widget=LONG, required=False, help_text="What shows it done: the audit, report or minute."
    )


class SupersedeForm(forms.Form):
    on = GovukDateField(name="The date it was superseded")
    reason = forms.CharField(widget=LONG, required=False, help_text="What replaced it.")


class LinkActionForm(forms.Form):
    action = forms.ModelChoiceField(
        Action.objects.select_related("body").order_by("body__name", "number"),
        label="The action",
        error_messages={"required": "Choose the action"},
    )


class RaiseActionForm(forms.Form):
    body = forms.ModelChoiceField(
        Body.objects.order_by("name"),
        label="On the tracker of",
        error_messages={"required": "Choose the body"},
    )
    details = forms.CharField(widget=LONG, error_messages={"required": "Enter the action's details"})
    owner_text = forms.CharField(
        max_length=300, label="Owner, as the log prints it", error_messages={"required": "Enter the owner"}
    )
    raised_on = GovukDateField(name="The date the action was raised")
    due_on = GovukDateField(name="The date the action is due", required=False)
