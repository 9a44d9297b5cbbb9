"""The register's forms. Ratings are chosen from the matrix version in force, each step with its
label; a level is never typed (it is read from the matrix)."""

from django import forms

from outcomes.accounts.models import Person
from outcomes.core.dates import GovukDateField
from outcomes.governance.models import Action, Body
from outcomes.plans.models import Milestone
from outcomes.risks.models import Register, Risk


class AsAtForm(forms.Form):
    as_at = GovukDateField(name="The date the register stands at", required=False)


class RegisterFileForm(AsAtForm):
    """The register page's one form: Word and PDF are made as a job, the quick formats answered at
    once (decision 0168)."""

    fmt = forms.ChoiceField(
        choices=[("docx", "Word"), ("pdf", "PDF"), ("xlsx", "Excel"), ("html", "Web page"), ("json", "JSON")],
        error_messages={"required": "Choose a format", "invalid_choice": "Choose a format"},
    )


class RegisterForm(forms.Form):
    name = forms.CharField(max_length=200, error_messages={"required": "Enter the register's name"})
    slug = forms.SlugField(
        label="Short name for its address",
        max_length=60,
        help_text="Letters, numbers and hyphens: cyps.",
        error_messages={"required": "Enter a short name for the register's address"},
    )
    kind = forms.ChoiceField(label="Whose register", choices=Register.KINDS)
    owner = forms.ModelChoiceField(Person.objects.order_by("name"), required=False, label="Owner")
    reviewed_by = forms.ModelChoiceField(
        Body.objects.order_by("name"),
        required=False,
        label="Reviewed by",
        help_text="The body that reviews it; its standing item below shows the reviews due.",
    )
    standing_item = forms.CharField(label="Standing item's title", max_length=300, initial="Risk register")
    takes_other_candidates = forms.BooleanField(
        label="Takes the candidates no plan routes (exceptions, papers' risks)", required=False
    )


def _scale(labels: list[str]) -> list[tuple[str, str]]:
    return [("", "Not rated")] + [(str(i), f"{i} {label}") for i, label in enumerate(labels, start=1)]


class RatingFields(forms.Form):
    """Before, after and target, on the matrix version in force (``matrix``)."""

    PAIRS = [
        ("before", "Before mitigation", True),
        ("after", "After mitigation", True),
        ("target", "Target", False),
    ]

    def __init__(self, *args, matrix, **kwargs):
        super().__init__(*args, **kwargs)
        self.matrix = matrix
        for key, label, required in self.PAIRS:
            for part, labels in (("likelihood", matrix.likelihoods), ("impact", matrix.impacts)):
                self.fields[f"{key}_{part}"] = forms.TypedChoiceField(
                    label=f"{label}: {part}",
                    choices=_scale(labels),
                    coerce=int,
                    empty_value=None,
                    required=required,
                    error_messages={"required": f"Choose the {part} {label.lower()}"},
                )

    def clean(self):
        data = super().clean() or {}
        target = (data.get("target_likelihood"), data.get("target_impact"))
        if (target[0] is None) != (target[1] is None):
            raise forms.ValidationError("Give the target's likelihood and impact, or neither")
        return data

    def pair(self, key: str) -> tuple:
        return (self.cleaned_data.get(f"{key}_likelihood"), self.cleaned_data.get(f"{key}_impact"))


class RateForm(RatingFields):
    on = GovukDateField(name="The date of the rating")

    field_order = ["on"]


class ReviewForm(RatingFields):
    PAIRS = [("after", "Rating at review", True)]

    on = GovukDateField(name="The date of the review")
    meeting = forms.TypedChoiceField(label="Meeting (optional)", required=False, coerce=int, empty_value=None)
    comment = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=5000, required=False)

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.meetings = {m.pk: m for m in meetings}
        meeting = self.fields["meeting"]
        assert isinstance(meeting, forms.ChoiceField)
        meeting.choices = [("", "Not at a meeting")] + [
            (m.pk, f"{m.body.label}, {m.date:%d %B %Y}") for m in meetings
        ]

    def clean_meeting(self):
        pk = self.cleaned_data.get("meeting")
        return self.meetings.get(pk) if pk else None


class RiskForm(forms.Form):
    reference = forms.CharField(
        max_length=20, required=False, help_text="Leave empty for the next number: R4."
    )
    title = forms.CharField(max_length=300, error_messages={"required": "Enter the risk's title"})
    cause = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000)
    event = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000)
    consequence = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000)
    owner = forms.ModelChoiceField(Person.objects.order_by("name"), required=False, label="Owner")
    treatment = forms.ChoiceField(choices=[("", "Not decided"), *Risk.TREATMENTS], required=False)
    status = forms.ChoiceField(choices=[(Risk.OPEN, "Open"), (Risk.CLOSED, "Closed")], initial=Risk.OPEN)
    review_months = forms.IntegerField(label="Months between reviews", min_value=1, max_value=24, initial=3)
    next_review = GovukDateField(name="The date of the next review", required=False)


class AcceptForm(RatingFields):
    on = GovukDateField(name="The date it joins the register")
    owner = forms.ModelChoiceField(Person.objects.order_by("name"), required=False, label="Owner")
    treatment = forms.ChoiceField(choices=[("", "Not decided"), *Risk.TREATMENTS], required=False)

    field_order = ["on", "owner", "treatment"]


class RejectForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Say why the candidate is rejected"},
    )


class LinkActionForm(forms.Form):
    """An open action on a board's tracker, or a plan's row (its progress its latest approved
    update): one of the two."""

    action = forms.TypedChoiceField(label="Action on a tracker", coerce=int, required=False, empty_value=None)
    milestone = forms.TypedChoiceField(
        label="Or a plan's milestone or row", coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actions = (
            Action.objects.exclude(status__in=Action.CLOSED)
            .select_related("body")
            .order_by("body__name", "number")
        )
        self.actions = {a.pk: a for a in actions}
        action = self.fields["action"]
        assert isinstance(action, forms.ChoiceField)
        action.choices = [("", "None")] + [
            (a.pk, f"{a.body.label} action {a.number}: {' '.join(a.details.split())[:80]}") for a in actions
        ]
        rows = (
            Milestone.objects.filter(retired_at__isnull=True)
            .select_related("priority__plan")
            .order_by("priority__plan__title", "priority__number", "number")
        )
        self.rows = {m.pk: m for m in rows}
        milestone = self.fields["milestone"]
        assert isinstance(milestone, forms.ChoiceField)
        milestone.choices = [("", "None")] + [
            (m.pk, f"{m.priority.plan.title}, {m.reference}: {' '.join(m.text.split())[:70]}") for m in rows
        ]

    def clean(self):
        data = super().clean() or {}
        action, row = data.get("action"), data.get("milestone")
        if (action is None) == (row is None):
            raise forms.ValidationError("Choose an action on a tracker or a plan's row, one of the two")
        data["action"] = self.actions.get(action) if action else None
        data["milestone"] = self.rows.get(row) if row else None
        return data


class RaiseActionForm(forms.Form):
    body = forms.ModelChoiceField(Body.objects.order_by("name"), label="On the tracker of")
    details = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": "Enter what is to be done"},
    )
    owner_text = forms.CharField(
        label="Who does it, as the register prints it",
        max_length=300,
        error_messages={"required": "Enter who does it"},
    )
    owners = forms.ModelMultipleChoiceField(
        Person.objects.order_by("name"),
        required=False,
        label="People who update it",
        widget=forms.CheckboxSelectMultiple,
    )
    due_on = GovukDateField(name="The date it is due", required=False)
    progress = forms.IntegerField(label="Progress, per cent", min_value=0, max_value=100, required=False)


class MatrixForm(forms.Form):
    """A matrix written as lines, so that any size is one form without JavaScript."""

    name = forms.CharField(max_length=200, initial="Likelihood x impact")
    likelihoods = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), label="Likelihood steps, lowest first, one a line"
    )
    impacts = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), label="Impact steps, lowest first, one a line"
    )
    levels = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Levels, lowest first, one a line: the name, then its colour",
        help_text="For example: Low #00703c",
    )
    cells = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Each cell's level: a line per likelihood, lowest first, the levels of its impacts "
        "lowest first, separated by commas",
        help_text="For example: Low, Low, Medium, Medium, High",
    )

    def clean(self):
        data = super().clean() or {}
        if self.errors:
            return data
        lines = lambda text: [line.strip() for line in text.splitlines() if line.strip()]  # noqa: E731
        levels = []
        for line in lines(data["levels"]):
            name, _, colour = line.rpartition(" ")
            levels.append(
                {"key": name.strip().lower().replace(" ", "_"), "name": name.strip(), "colour": colour}
            )
        by_name = {lv["name"].lower(): lv["key"] for lv in levels}
        cells = [
            [by_name.get(c.strip().lower(), c.strip()) for c in line.split(",")]
            for line in lines(data["cells"])
        ]
        data["parsed"] = {
            "likelihoods": lines(data["likelihoods"]),
            "impacts": lines(data["impacts"]),
            "levels": levels,
            "cells": cells,
        }
        return data


def matrix_initial(matrix) -> dict:
    names = {lv["key"]: lv["name"] for lv in matrix.levels}
    return {
        "name": matrix.name,
        "likelihoods": "\n".join(matrix.likelihoods),
        "impacts": "\n".join(matrix.impacts),
        "levels": "\n".join(f"{lv['name']} {lv['colour']}" for lv in matrix.levels),
        "cells": "\n".join(", ".join(names[c] for c in row) for row in matrix.cells),
    }
