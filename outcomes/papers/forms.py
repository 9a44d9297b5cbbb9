"""The forms of the paper pages: start a paper, write it (every section in one form, no JavaScript),
place a figure, add a section to the template."""

from django import forms

from outcomes.indicators.models import Indicator
from outcomes.papers.models import FigureBlock, PaperSection, PaperTemplate
from outcomes.plans.models import Round
from outcomes.surveys import questionnaire
from outcomes.surveys.models import Edition

SUBJECT_OF = {
    FigureBlock.ROUND_OVERVIEW: "round",
    FigureBlock.ROUND_RAG_SUMMARY: "round",
    FigureBlock.ROUND_KEY_ISSUES: "round",
    FigureBlock.INDICATOR_LATEST: "indicator",
    FigureBlock.INDICATOR_CHART: "indicator",
    FigureBlock.SURVEY_HEADLINE: "edition",
    FigureBlock.SURVEY_QUESTION: "question",
    FigureBlock.OPEN_EXCEPTIONS: None,
}
SUBJECT_MISSING = {
    "round": "Choose the progress round the figure is of",
    "indicator": "Enter the code of the indicator the figure is of, like NI 59",
    "edition": "Choose the survey edition the figure is of",
    "question": "Choose the survey question the figure is of",
}

# The template section whose risks may be marked significant (defaults.py).
RISKS = "risks"


class NewPaperForm(forms.Form):
    template = forms.ModelChoiceField(
        PaperTemplate.objects.all(), empty_label=None, error_messages={"required": "Choose the template"}
    )
    meeting = forms.CharField(
        label="1. Meeting",
        max_length=500,
        help_text="The body the paper goes to, e.g. Children and Young People's Scrutiny Panel.",
        error_messages={"required": "Enter the meeting the paper goes to"},
    )
    title = forms.CharField(
        label="3. Title", max_length=500, error_messages={"required": "Enter the title of the paper"}
    )


class PaperForm(forms.Form):
    """One label and one text per section of the template, the contact, and the version opened."""

    contact_name = forms.CharField(label="Contact name", max_length=120, required=False)
    contact_title = forms.CharField(label="Contact's job title and team", max_length=200, required=False)
    contact_telephone = forms.CharField(label="Telephone", max_length=60, required=False)
    contact_email = forms.EmailField(
        label="E-mail",
        required=False,
        error_messages={"invalid": "Enter an e-mail address like name@rotherham.gov.uk"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, sections: list[PaperSection], **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections
        for section in sections:
            part = section.template_section
            self.fields[f"label_{part.key}"] = forms.CharField(
                label="Heading as printed", max_length=200, required=False
            )
            self.fields[f"text_{part.key}"] = forms.CharField(
                label=part.label,
                required=False,
                max_length=500 if part.kind == part.FIELD else 50_000,
                help_text=part.hint,
            )
            if part.key == RISKS:
                self.fields["significant_risks"] = forms.BooleanField(
                    label="These risks are significant: propose them to the risk register", required=False
                )

    def significant(self) -> bool | None:
        """The writer's mark on the Risks and Uncertainties section (None: the template has none)."""
        return self.cleaned_data.get("significant_risks") if "significant_risks" in self.fields else None

    def section_values(self) -> dict[str, tuple[str, str]]:
        data = self.cleaned_data
        return {
            s.template_section.key: (
                data[f"label_{s.template_section.key}"],
                data[f"text_{s.template_section.key}"].replace("\r\n", "\n").strip(),
            )
            for s in self.sections
        }

    def contact(self) -> dict[str, str]:
        return {
            name: self.cleaned_data[f"contact_{name}"].strip()
            for name in ("name", "title", "telephone", "email")
        }


def question_choices() -> list[tuple[str, str]]:
    """Every analysed question of every edition, as "edition id:question name"."""
    choices = []
    for edition in Edition.objects.select_related("survey").order_by("-year", "phase"):
        for item in questionnaire.load(edition).items:
            if item.type in {"select_one", "yes_no_dk", "select_multiple", "grid"}:
                number = f"{item.number}. " if item.number else ""
                choices.append((f"{edition.pk}:{item.name}", f"{edition.title}: {number}{item.label}"))
    return choices


class FigureForm(forms.Form):
    section = forms.ChoiceField(label="Section", error_messages={"required": "Choose the section"})
    kind = forms.ChoiceField(
        label="What the figure shows",
        choices=FigureBlock.KINDS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the figure shows"},
    )
    round = forms.ModelChoiceField(
        Round.objects.select_related("plan").order_by("plan__title", "opens"),
        required=False,
        label="Progress round",
        empty_label="Choose a round",
    )
    indicator = forms.CharField(label="Indicator code", max_length=60, required=False)
    edition = forms.ModelChoiceField(
        Edition.objects.select_related("survey").order_by("-year"),
        required=False,
        label="Survey edition",
        empty_label="Choose an edition",
    )
    question = forms.ChoiceField(label="Survey question", required=False)
    caption = forms.CharField(label="Heading above the figure (optional)", max_length=200, required=False)

    def __init__(self, *args, sections: list[PaperSection], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [
            (s.template_section.key, s.label)
            for s in sections
            if s.template_section.kind != s.template_section.FIELD
        ]
        self.fields["question"].choices = [("", "Choose a question"), *question_choices()]
        self.fields["round"].label_from_instance = lambda r: f"{r.plan.title}: {r.title}"
        self.fields["edition"].label_from_instance = lambda e: e.title

    def clean(self):
        data = super().clean()
        needed = SUBJECT_OF.get(data.get("kind"))
        if needed == "indicator" and data.get("indicator"):
            code = " ".join(data["indicator"].split())
            found = Indicator.objects.filter(code__iexact=code).first()
            if found is None:
                self.add_error("indicator", f"There is no indicator with the code {code}")
            data["indicator"] = found
        elif needed and not data.get(needed):
            self.add_error(needed, SUBJECT_MISSING[needed])
        return data

    def subject(self) -> dict:
        """The block's subject fields for the chosen kind (the others left empty)."""
        data = self.cleaned_data
        needed = SUBJECT_OF[data["kind"]]
        if needed == "question":
            edition, name = data["question"].split(":", 1)
            return {"edition_id": int(edition), "question": name}
        if needed is None:
            return {}
        return {needed: data[needed]}


class TemplateSectionForm(forms.Form):
    label = forms.CharField(
        label="Heading of the new section",
        max_length=120,
        error_messages={"required": "Enter the heading of the new section"},
    )
    required = forms.TypedChoiceField(
        label="Must every paper have it?",
        choices=[("yes", "Required: a paper without it cannot be published"), ("no", "Optional")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether the section is required"},
    )
    after = forms.ChoiceField(label="Place it after", error_messages={"required": "Choose where it goes"})

    def __init__(self, *args, template: PaperTemplate, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["after"].choices = [(s.key, s.label) for s in template.sections.all()][3:]
