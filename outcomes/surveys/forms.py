"""Forms of the performance officer's survey pages (authoring, window, schools, links)."""

from django import forms

from outcomes.surveys.models import Edition, borough_suppression_threshold, suppression_threshold_problem
from outcomes.surveys.workbook import RESERVED_SLUGS


class ProseField(forms.CharField):
    """Text typed into a textarea, stored with LF line ends."""

    def to_python(self, value):
        text = super().to_python(value)
        return text.replace("\r\n", "\n").replace("\r", "\n")


class WorkbookForm(forms.Form):
    file = forms.FileField(
        label="Questionnaire workbook",
        help_text="An Excel workbook (.xlsx) with the sheets settings, survey and choices",
        error_messages={"required": "Choose the workbook to upload"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(".xlsx"):
            raise forms.ValidationError("The file must be an Excel workbook (.xlsx)")
        return upload


class SchoolsForm(forms.Form):
    file = forms.FileField(
        label="Schools workbook",
        help_text="An Excel workbook (.xlsx) with the sheets schools, rolls and, if needed, areas",
        error_messages={"required": "Choose the workbook to upload"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(".xlsx"):
            raise forms.ValidationError("The file must be an Excel workbook (.xlsx)")
        return upload


class CopyEditionForm(forms.Form):
    year = forms.IntegerField(
        label="Academic year it starts in",
        min_value=2000,
        max_value=2100,
        help_text="For example 2010 for the 2010/11 survey",
        error_messages={
            "required": "Enter the year, such as 2010",
            "invalid": "Enter the year as four digits, such as 2010",
            "min_value": "Enter a year from 2000",
            "max_value": "Enter a year up to 2100",
        },
    )
    title = forms.CharField(
        label="Title",
        max_length=300,
        error_messages={"required": "Enter the title pupils and reports will show"},
    )
    slug = forms.SlugField(
        label="Short name for links",
        max_length=80,
        help_text="Lower-case letters, digits and hyphens, for example primary-2010",
        error_messages={
            "required": "Enter a short name, such as primary-2010",
            "invalid": "Use only lower-case letters, digits and hyphens",
        },
    )
    opens = forms.DateField(
        label="Opens",
        help_text="For example 2010-10-18",
        error_messages={
            "required": "Enter the opening date",
            "invalid": "Enter the opening date as YYYY-MM-DD",
        },
    )
    closes = forms.DateField(
        label="Closes",
        help_text="For example 2010-12-17",
        error_messages={
            "required": "Enter the closing date",
            "invalid": "Enter the closing date as YYYY-MM-DD",
        },
    )

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition

    def clean_slug(self):
        slug = self.cleaned_data["slug"].lower()
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(f"'{slug}' is used by the survey pages: choose another short name")
        if Edition.objects.filter(slug=slug).exists():
            raise forms.ValidationError(f"There is already an edition called '{slug}'")
        return slug

    def clean(self):
        data = super().clean()
        year = data.get("year")
        if (
            year
            and Edition.objects.filter(
                survey=self.edition.survey, year=year, phase=self.edition.phase
            ).exists()
        ):
            self.add_error("year", f"There is already a {self.edition.phase} edition for {year}")
        if data.get("opens") and data.get("closes") and data["closes"] < data["opens"]:
            self.add_error("closes", "The survey must close on or after the day it opens")
        return data


class ExtendWindowForm(forms.Form):
    closes = forms.DateField(
        label="New closing date",
        help_text="For example 2010-01-31",
        error_messages={"required": "Enter the new closing date", "invalid": "Enter the date as YYYY-MM-DD"},
    )
    reason = ProseField(
        label="Why is the window extended?",
        widget=forms.Textarea,
        max_length=1000,
        help_text="For example: school closures due to snow",
        error_messages={"required": "Enter the reason for the extension"},
    )

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition

    def clean_closes(self):
        closes = self.cleaned_data["closes"]
        current = self.edition.effective_closes
        if closes <= current:
            raise forms.ValidationError(f"The new closing date must be after {current:%-d %B %Y}")
        return closes


class SuppressionForm(forms.Form):
    suppression_threshold = forms.IntegerField(
        label="Smallest number of pupils a figure may rest on",
        required=False,
        error_messages={"invalid": "Enter a whole number of pupils, such as 20, or leave it blank"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        floor = borough_suppression_threshold()
        self.fields["suppression_threshold"].help_text = (
            f"Leave it blank to use the borough's threshold of {floor}. You can raise it for this "
            f"edition, not lower it below {floor}."
        )

    def clean_suppression_threshold(self):
        value = self.cleaned_data["suppression_threshold"]
        problem = suppression_threshold_problem(value)
        if problem:
            raise forms.ValidationError(problem)
        return value


class StateForm(forms.Form):
    state = forms.ChoiceField(
        choices=Edition.STATES,
        error_messages={"required": "Choose a state", "invalid_choice": "Choose a state"},
    )


class StaffForm(forms.Form):
    account = forms.ChoiceField(
        label="School sign-in",
        error_messages={"required": "Choose a sign-in", "invalid_choice": "Choose a sign-in from the list"},
    )

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [("", "Choose a sign-in")] + [
            (a.username, a.username) for a in accounts
        ]


class LinkActionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("replace", "replace"), ("withdraw", "withdraw"), ("reopen", "reopen")]
    )
