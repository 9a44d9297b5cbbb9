"""Committee papers in the council's "Report to Members" template (seed 002 L57-123, L1287-1414;
seed 003 L270-333), their sections and the live figure blocks they embed.

The template is data: its sections are rows (a partnership adds "Equality and Diversity"), each
required or optional. A paper holds one section per template section, written in the page; what
the board was given is a Publication (outcomes/documents/publications.py), never these rows.
"""

from django.conf import settings
from django.db import models


class PaperTemplate(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    heading = models.CharField(
        max_length=200,
        default="ROTHERHAM BOROUGH COUNCIL – REPORT TO MEMBERS",
        help_text="The line printed above field 1.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TemplateSection(models.Model):
    """One numbered part of the template. The first four are the header fields (1 Meeting, 2 Date,
    3 Title, 4 Directorate): one line each, always required (rules.HEADER_FIELDS)."""

    FIELD = "field"
    TEXT = "text"
    KINDS = [(FIELD, "A one-line header field"), (TEXT, "A section of text")]

    template = models.ForeignKey(PaperTemplate, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField()
    key = models.SlugField(max_length=60)
    label = models.CharField(max_length=120)
    kind = models.CharField(max_length=10, choices=KINDS, default=TEXT)
    required = models.BooleanField(default=True)
    hint = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["template", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="unique_template_section_key"),
        ]

    def __str__(self) -> str:
        return self.label


class Paper(models.Model):
    """A Report to Members being written. Its published versions are Publications of kind "paper"
    with the subject ``subject_key``; ``reopened`` says a published paper is being revised."""

    slug = models.SlugField(max_length=80, unique=True)
    template = models.ForeignKey(PaperTemplate, on_delete=models.PROTECT, related_name="papers")
    contact_name = models.CharField(max_length=120, blank=True)
    contact_title = models.CharField(max_length=200, blank=True)
    contact_telephone = models.CharField(max_length=60, blank=True)
    contact_email = models.EmailField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Raised by every save of the paper's text; a form opened at an older one is refused.
    version = models.PositiveIntegerField(default=1)
    # A published paper opened again for a new version (until then it cannot be edited).
    reopened = models.BooleanField(default=False)

    class Meta:
        ordering = ["-updated_at", "slug"]

    def __str__(self) -> str:
        return self.title or self.slug

    @property
    def subject_key(self) -> str:
        return f"paper:{self.pk}"

    def text_of(self, key: str) -> str:
        section = next((s for s in self.sections.all() if s.template_section.key == key), None)
        return section.text if section else ""

    @property
    def title(self) -> str:
        return self.text_of("title")


class PaperSection(models.Model):
    """What the author wrote under one template section, with the heading as printed (seed 002
    L818 prints "Alcohol and Substance Misuse Strategy Proposal and Details")."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="sections")
    template_section = models.ForeignKey(TemplateSection, on_delete=models.PROTECT, related_name="+")
    label = models.CharField(max_length=200)
    text = models.TextField(blank=True)
    # The writer's mark that the risks written here are significant (the "Risks and Uncertainties"
    # section): publishing the paper then proposes a candidate risk to the register (issue 16).
    significant = models.BooleanField(default=False)

    class Meta:
        ordering = ["paper", "template_section__position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["paper", "template_section"], name="one_section_per_part"),
        ]

    def __str__(self) -> str:
        return self.label


class FigureBlock(models.Model):
    """A live figure placed in a section: computed from the data each time the draft is shown, and
    frozen into the publication when the paper is published (blocks.py)."""

    ROUND_OVERVIEW = "round_overview"
    ROUND_RAG_SUMMARY = "round_rag_summary"
    ROUND_KEY_ISSUES = "round_key_issues"
    INDICATOR_LATEST = "indicator_latest"
    INDICATOR_CHART = "indicator_chart"
    SURVEY_HEADLINE = "survey_headline"
    SURVEY_QUESTION = "survey_question"
    OPEN_EXCEPTIONS = "open_exceptions"
    KINDS = [
        (ROUND_OVERVIEW, "A progress round's overview table"),
        (ROUND_RAG_SUMMARY, "A progress round's RAG summary"),
        (ROUND_KEY_ISSUES, "A progress round's key issues (Red milestones)"),
        (INDICATOR_LATEST, "An indicator's latest value, with target, neighbours, England and direction"),
        (INDICATOR_CHART, "An indicator's chart, with its table"),
        (SURVEY_HEADLINE, "A survey's headline figures (latest published release)"),
        (SURVEY_QUESTION, "A survey question's answers (latest published release)"),
        (OPEN_EXCEPTIONS, "The open exceptions"),
    ]

    section = models.ForeignKey(PaperSection, on_delete=models.CASCADE, related_name="blocks")
    position = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(max_length=30, choices=KINDS)
    caption = models.CharField(max_length=200, blank=True, help_text="Shown above the figure.")
    # What the figure is of; a subject deleted later leaves the block saying so.
    round = models.ForeignKey(
        "plans.Round", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    indicator = models.ForeignKey(
        "indicators.Indicator", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    edition = models.ForeignKey(
        "surveys.Edition", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    question = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["section", "position", "id"]

    def __str__(self) -> str:
        return self.get_kind_display()
