"""The Lifestyle Survey: questionnaires by edition, schools and their rolls, access links, and the
anonymous responses (SPEC §3; docs/decisions/0020-survey-answer-storage.md).

A response carries no name, address, device or time of day: its key is random, it knows only its
school, the day it was completed and its answers, packed one byte per answer slot (``questionnaire.py``).
"""

import secrets
import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

PHASES = [("primary", "Primary"), ("secondary", "Secondary")]
# The largest value the column holds everywhere (PostgreSQL's smallint); no real threshold comes near.
MAX_SUPPRESSION_THRESHOLD = 32767


def borough_suppression_threshold() -> int:
    """The borough's small-number threshold (setting SURVEY_SUPPRESSION_THRESHOLD): the least any
    edition uses."""
    return int(getattr(settings, "SURVEY_SUPPRESSION_THRESHOLD", 10))


def suppression_threshold_problem(value: int | None) -> str | None:
    """Why an edition cannot have this threshold, or None. Blank is the borough's threshold. An
    edition may be more cautious than the borough, never less: information governance sets the
    borough's figure for every output of the survey (docs/decisions/0035)."""
    if value is None:
        return None
    floor = borough_suppression_threshold()
    if value < floor:
        return (
            f"The threshold cannot be below the borough's {floor} pupils: an edition may hide more "
            f"than the borough does, never less (leave it blank to use {floor})"
        )
    if value > MAX_SUPPRESSION_THRESHOLD:
        return f"The threshold must be at most {MAX_SUPPRESSION_THRESHOLD:,} pupils"
    return None


def _random_revision() -> int:
    return secrets.randbelow(1_000_000_000)


class Survey(models.Model):
    """A survey run every year, such as the Lifestyle Survey."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Edition(models.Model):
    """One year's questionnaire for one phase, with its window."""

    DRAFT, LIVE, CLOSED = "draft", "live", "closed"
    STATES = [(DRAFT, "Draft"), (LIVE, "Live"), (CLOSED, "Closed")]

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="editions")
    year = models.PositiveSmallIntegerField(help_text="The academic year it starts in: 2009 for 2009/10.")
    phase = models.CharField(max_length=20, choices=PHASES)
    year_groups = models.CharField(max_length=40, help_text="Comma-separated, e.g. 5 or 7,10.")
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=300)
    welcome = models.TextField(blank=True)
    confidentiality = models.TextField()
    end_text = models.TextField(blank=True, help_text="The links and information shown at the end.")
    opens = models.DateField()
    closes = models.DateField(help_text="As planned; extensions are recorded separately.")
    state = models.CharField(max_length=10, choices=STATES, default=DRAFT)
    # Bumped whenever the questions are replaced, so that cached questionnaires are read again. It
    # starts at a random number: a rolled-back transaction can hand the same id to another edition.
    revision = models.PositiveIntegerField(default=_random_revision)
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )
    suppression_threshold = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=(
            "Figures based on fewer pupils than this are not shown. Blank: the borough's threshold "
            "(setting SURVEY_SUPPRESSION_THRESHOLD), which is also the least allowed."
        ),
    )

    class Meta:
        ordering = ["-year", "phase", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "year", "phase"], name="one_edition_per_year_and_phase")
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        problem = suppression_threshold_problem(self.suppression_threshold)
        if problem:
            raise ValidationError({"suppression_threshold": problem})

    @property
    def suppression_threshold_in_force(self) -> int:
        """The threshold every output of this edition uses: its own, but never below the borough's
        (a value stored before the borough's was raised gives way to it)."""
        floor = borough_suppression_threshold()
        return max(self.suppression_threshold or floor, floor)

    @property
    def year_group_list(self) -> list[int]:
        return [int(part) for part in self.year_groups.replace(" ", "").split(",") if part]

    @property
    def effective_closes(self) -> date:
        """The close date after every extension (the latest wins)."""
        latest = max((e.closes for e in self.extensions.all()), default=None)
        return max(self.closes, latest) if latest else self.closes

    def accepts_responses(self, on: date | None = None) -> bool:
        on = on or date.today()
        return self.state == self.LIVE and self.opens <= on <= self.effective_closes


class WindowExtension(models.Model):
    """A later close date, with why (seed 002: "extended to end of January 2010 due to ... snow")."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="extensions")
    closes = models.DateField()
    reason = models.TextField()
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["closes", "id"]

    def __str__(self) -> str:
        return f"{self.edition.slug} to {self.closes:%d %B %Y}"


class Section(models.Model):
    """One pupil page: heading, introduction and an optional condition for the whole page."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=60)
    heading = models.CharField(max_length=300)
    intro = models.TextField(blank=True)
    info = models.TextField(blank=True)
    info_title = models.CharField(max_length=200, blank=True)
    relevant = models.TextField(blank=True)

    class Meta:
        ordering = ["edition", "order"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "order"], name="section_order_unique"),
            models.UniqueConstraint(fields=["edition", "name"], name="section_name_unique"),
        ]

    def __str__(self) -> str:
        return self.heading


class Question(models.Model):
    """An item of the questionnaire (a question, the preset school, or on-screen text)."""

    SELECT_ONE = "select_one"
    SELECT_MULTIPLE = "select_multiple"
    YES_NO_DK = "yes_no_dk"
    GRID = "grid"
    TEXT = "text"
    NOTE = "note"
    SCHOOL = "school"
    TYPES = [
        (SELECT_ONE, "Single choice"),
        (YES_NO_DK, "Yes / No / Don't know"),
        (SELECT_MULTIPLE, "Tick as many as apply"),
        (GRID, "Grid, one tick per row"),
        (TEXT, "Free text"),
        (NOTE, "On-screen text"),
        (SCHOOL, "School (preset by the link)"),
    ]
    ANSWERED_TYPES = {SELECT_ONE, YES_NO_DK, SELECT_MULTIPLE, GRID, TEXT}

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(help_text="Position in the whole edition.")
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The question number pupils see; none for notes and the school."
    )
    name = models.CharField(max_length=60)
    key = models.CharField(max_length=60, help_text="Identity across editions.")
    type = models.CharField(max_length=20, choices=TYPES)
    list_name = models.CharField(max_length=60, blank=True)
    label = models.TextField()
    hint = models.TextField(blank=True)
    info = models.TextField(blank=True)
    info_title = models.CharField(max_length=200, blank=True)
    required = models.BooleanField(default=False)
    relevant = models.TextField(blank=True)
    appearance = models.CharField(max_length=40, blank=True)
    breakdown = models.CharField(
        max_length=20, blank=True, choices=[("gender", "Gender"), ("ethnicity", "Ethnicity")]
    )
    indicator = models.CharField(max_length=40, blank=True, help_text="The indicator it feeds, e.g. NI 69.")
    indicator_choices = models.CharField(
        max_length=200, blank=True, help_text="Comma-separated choice names counted for the indicator."
    )
    tags = models.CharField(max_length=200, blank=True, help_text="Comma-separated, e.g. equality.")

    class Meta:
        ordering = ["edition", "order"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "order"], name="question_order_unique"),
            models.UniqueConstraint(fields=["edition", "name"], name="question_name_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.label}" if self.number else self.label

    @property
    def is_answered(self) -> bool:
        return self.type in self.ANSWERED_TYPES


class Choice(models.Model):
    """An option of a question (a column of a grid). ``order`` from 0 is its stored code."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=60)
    label = models.CharField(max_length=300)
    group = models.CharField(max_length=100, blank=True, help_text="Collapsed reporting group (ethnicity).")
    exclusive = models.BooleanField(default=False)

    class Meta:
        ordering = ["question", "order"]
        constraints = [
            models.UniqueConstraint(fields=["question", "order"], name="choice_order_unique"),
            models.UniqueConstraint(fields=["question", "name"], name="choice_name_unique"),
        ]

    def __str__(self) -> str:
        return self.label


class GridRow(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="rows")
    order = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=60)
    label = models.CharField(max_length=300)
    relevant = models.TextField(blank=True)

    class Meta:
        ordering = ["question", "order"]
        constraints = [
            models.UniqueConstraint(fields=["question", "order"], name="row_order_unique"),
            models.UniqueConstraint(fields=["question", "name"], name="row_name_unique"),
        ]

    def __str__(self) -> str:
        return self.label


class Area(models.Model):
    """An area assembly (locality), with the other names it has gone by."""

    name = models.CharField(max_length=120, unique=True)
    aliases = models.JSONField(default=list, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    name = models.CharField(max_length=200, unique=True)
    code = models.SlugField(
        max_length=40, unique=True, help_text="Short code for reports and commands, e.g. swinton-brookfield."
    )
    dfe_number = models.CharField(max_length=20, blank=True, help_text="DfE (LAESTAB) number, if known.")
    aliases = models.JSONField(default=list, blank=True)
    phase = models.CharField(max_length=20, choices=PHASES)
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT, related_name="schools")
    active = models.BooleanField(default=True)
    # A row standing for several schools that are not listed one by one (their roll counts towards
    # the borough's); it gets no access link.
    is_group = models.BooleanField(default=False)
    # The school's staff sign-ins (role "school"): they see their own participation and report.
    staff = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="survey_schools")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SchoolRoll(models.Model):
    """Pupils on roll in one year group in one academic year: the response-rate denominator."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="rolls")
    year = models.PositiveSmallIntegerField(help_text="The academic year it starts in: 2009 for 2009/10.")
    year_group = models.PositiveSmallIntegerField()
    pupils = models.PositiveIntegerField()

    class Meta:
        ordering = ["school", "year", "year_group"]
        constraints = [
            models.UniqueConstraint(fields=["school", "year", "year_group"], name="one_roll_per_year_group")
        ]

    def __str__(self) -> str:
        return f"{self.school} {self.year}/{(self.year + 1) % 100:02d} Year {self.year_group}: {self.pupils}"


class SchoolParticipation(models.Model):
    """What happened with a school in an edition (seed 002: took part, I.T. problems, snow...).

    ``participated`` is recorded as well as implied by responses, so that a school whose pupils
    answered on paper still shows as taking part before the papers are typed in."""

    NOT_ACCESSED = "not_accessed"
    PARTICIPATED = "participated"
    ACCESSED_NOT_COMPLETED = "accessed_not_completed"
    TECHNICAL_FAILURE = "technical_failure"
    SCHOOL_CLOSURE = "school_closure"
    STATUSES = [
        (NOT_ACCESSED, "Did not access the survey"),
        (PARTICIPATED, "Took part"),
        (ACCESSED_NOT_COMPLETED, "Accessed the survey but did not complete it"),
        (TECHNICAL_FAILURE, "Technical problems prevented it from taking part"),
        (SCHOOL_CLOSURE, "Affected by school closures (e.g. snow)"),
    ]

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="participations")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="participations")
    status = models.CharField(max_length=30, choices=STATUSES, default=NOT_ACCESSED)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["edition", "school__name"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "school"], name="one_participation_per_school")
        ]

    def __str__(self) -> str:
        return f"{self.school} in {self.edition.slug}: {self.get_status_display()}"


# Short codes are read aloud and typed by nine-year-olds: no 0/O, 1/I/L, 5/S, 2/Z, 8/B.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 7


class AccessLink(models.Model):
    """A school's way in to an edition: an unguessable link, and a short code to type instead."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="links")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="links")
    token = models.CharField(max_length=64, unique=True)
    code = models.CharField(max_length=12, unique=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["edition", "school__name"]
        constraints = [models.UniqueConstraint(fields=["edition", "school"], name="one_link_per_school")]

    def __str__(self) -> str:
        return f"{self.school} ({self.code})"


class Response(models.Model):
    """One pupil's completed questionnaire. Nothing here says who, from where, or when in the day.

    ``codes`` holds one byte per answer slot of the edition (questionnaire.py): 0 not shown, 1 shown but
    not answered, 2 + n the choice with order n (a tick-box: 2 not ticked, 3 ticked). The primary
    key is random, so neither keys nor their order reveal who answered before whom."""

    ONLINE, PAPER = "online", "paper"
    MODES = [(ONLINE, "Online"), (PAPER, "Paper, typed in centrally")]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Indexed with the school below: one index serves "this edition" and "this school in it".
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="responses", db_index=False)
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="responses")
    mode = models.CharField(max_length=10, choices=MODES, default=ONLINE)
    completed_on = models.DateField()
    # Copied from the breakdown questions so that splits need no decoding: the gender choice's name
    # and the ethnicity choice's collapsed group ("" when not answered).
    gender = models.CharField(max_length=60, blank=True)
    ethnic_group = models.CharField(max_length=100, blank=True)
    codes = models.BinaryField()

    class Meta:
        indexes = [models.Index(fields=["edition", "school"], name="response_edition_school")]

    def __str__(self) -> str:
        return f"Response to {self.edition_id} from school {self.school_id}"


class TextAnswer(models.Model):
    """What a pupil wrote in a free-text box (never shown verbatim in school reports)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="texts")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="texts")
    text = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="one_text_per_question")]

    def __str__(self) -> str:
        return f"Text answer to {self.question_id}"


class Release(models.Model):
    """Results computed once, from the responses held when it was published, suppressed together
    with every output of this and every earlier release, and frozen (issue 12; decision 0055).
    Every page, workbook, PDF, ``survey_report`` and the indicator feed read a release."""

    INTERIM, FINAL = "interim", "final"
    KINDS = [(INTERIM, "Interim"), (FINAL, "Final")]

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="releases")
    number = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=KINDS)
    threshold = models.PositiveSmallIntegerField()
    respondents = models.PositiveIntegerField()
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The release as published, stored and served as every publication is (decision 0093): the
    # borough's results with participation, version = number. Schools' reports stay in ReleasedReport.
    publication = models.OneToOneField(
        "documents.Publication",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_release",
    )

    class Meta:
        ordering = ["edition", "number"]
        constraints = [models.UniqueConstraint(fields=["edition", "number"], name="one_release_number")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} release {self.number} of {self.edition_id}"


class ReleasedReport(models.Model):
    """One school's report in a release, as ``survey_report`` prints it. The borough's results are the
    release's publication (``Release.publication``); releases made before it kept them here, with
    ``school`` blank, and were moved there (migration 0007)."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="reports")
    school = models.ForeignKey(School, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    content = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["release", "school"], name="one_report_per_school"),
            models.UniqueConstraint(
                fields=["release"], condition=models.Q(school=None), name="one_borough_report"
            ),
        ]

    def __str__(self) -> str:
        return f"Report of {self.release}"
