"""Plans, their priorities, actions and delivery milestones, reporting rounds and updates (SPEC §1)."""

import uuid
from fractions import Fraction

from django.conf import settings
from django.db import models
from django.utils import timezone

from outcomes.accounts.models import Organisation, Person
from outcomes.core.fractions import parse_fraction
from outcomes.core.stamps import Stamped

MEASURE_DIGITS = 15


class Plan(models.Model):
    # The kind decides the plan's columns and report layout (plans/kinds.py; decision 0150).
    CYPP = "cypp"
    IMPROVEMENT = "improvement"
    GRID = "grid"
    INSPECTION = "inspection"
    KINDS = [
        (CYPP, "Children and young people's plan"),
        (IMPROVEMENT, "Improvement plan (Notice to Improve)"),
        (GRID, "Planning grid"),
        (INSPECTION, "Inspection action plan"),
    ]

    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=12, choices=KINDS, default=CYPP)
    title = models.CharField(max_length=300)
    start = models.DateField()
    end = models.DateField()
    approving_body = models.CharField(max_length=300, blank=True)
    approved_on = models.DateField(null=True, blank=True)
    vision = models.TextField(blank=True)
    needs = models.JSONField(default=list, blank=True)
    description = models.TextField(blank=True)
    # Settings of how the plan's rounds run (its settings page; decision 0115).
    close_rounds_automatically = models.BooleanField(
        default=False,
        help_text="Close each round at the end of its close date; milestones without an update become Blue.",
    )
    remind_days_before = models.PositiveSmallIntegerField(
        default=5,
        help_text="Remind lead officers this many days before a round closes.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic lock for the plan's own details (structure.edit_plan).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-start", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def period(self) -> str:
        return f"{self.start.year} – {self.end.year}"


class RagStatus(models.Model):
    """One colour of a plan's RAG vocabulary. The seed's four are the default (``rules.DEFAULT_RAG``)."""

    STYLES = [("green", "Green"), ("amber", "Amber"), ("red", "Red"), ("blue", "Blue"), ("other", "Other")]

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="rag_statuses")
    key = models.SlugField(max_length=30)
    label = models.CharField(max_length=60)
    description = models.CharField(max_length=300, blank=True)
    style = models.CharField(max_length=10, choices=STYLES, default="other")
    order = models.PositiveSmallIntegerField(default=0)
    # The colour given to every milestone left without an update when a round closes.
    means_no_update = models.BooleanField(default=False)
    # The colour whose milestones are listed under "Key issues".
    is_key_issue = models.BooleanField(default=False)
    # Blank, or the key of the status this one is counted as in a summary: Complete counts as Green
    # and is reported as "of which N completed" (rules.improvement_summary).
    counts_as = models.SlugField(max_length=30, blank=True)

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="unique_rag_key_per_plan")]

    def __str__(self) -> str:
        return self.label


class Priority(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveSmallIntegerField()
    statement = models.TextField()
    # Blank when the priority is reported; otherwise why it is left out of progress reports.
    excluded_reason = models.TextField(blank=True)
    outcome_measures = models.JSONField(default=list, blank=True)
    # A planning grid's objective cites the numbers of the recommendations it answers ([5], [14, 15]).
    recommendations = models.JSONField(default=list, blank=True)
    # Retired: no longer in the plan's new rounds, kept in the rounds that reported it (decision 0100).
    retired_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name_plural = "priorities"
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="unique_priority_number")]

    def __str__(self) -> str:
        return f"Priority {self.number}: {self.statement}"

    @property
    def is_excluded(self) -> bool:
        return bool(self.excluded_reason.strip())

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class StrategicLead(models.Model):
    """A priority's strategic lead, as written ("Frances Hunt, Assistant Head Of Ses: 0-7")."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="strategic_leads")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="strategic_leads")
    text = models.CharField(max_length=300)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["priority", "order"]

    def __str__(self) -> str:
        return self.text


class Action(models.Model):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="actions")
    label = models.CharField(max_length=12)  # "i", "ii", ... restarting in each priority
    text = models.TextField()
    key_links = models.JSONField(default=list, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    retired_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["priority", "order"]
        constraints = [models.UniqueConstraint(fields=["priority", "label"], name="unique_action_label")]

    def __str__(self) -> str:
        return f"({self.label}) {self.text}"

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


class Milestone(Stamped):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    # Milestones are numbered within the priority, across its actions.
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="milestones")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    due = models.DateField(null=True, blank=True)
    # The target date or "by when" as written, when it is not a day: "Ongoing", "Quarterly".
    due_text = models.CharField(max_length=300, blank=True)
    # An improvement-plan row's lead workstream, its baselines and its dated targets (decision 0151):
    # [{"value", "unit", "type", "period", "date", "numerator", "denominator"}], [{"value", "unit",
    # "date", "text"}]. Values are kept as written (strings) so "77.8" never becomes 77.799999.
    workstream = models.CharField(max_length=200, blank=True)
    baselines = models.JSONField(default=list, blank=True)
    targets = models.JSONField(default=list, blank=True)
    sub_heading = models.CharField(max_length=200, blank=True)
    tables = models.JSONField(default=list, blank=True)
    # 15 digits: SQLite keeps a decimal as a double, which holds any 15 significant digits exactly;
    # a 16th digit would come back changed, or not at all (decision 0054).
    baseline_value = models.DecimalField(max_digits=MEASURE_DIGITS, decimal_places=4, null=True, blank=True)
    baseline_unit = models.CharField(max_length=20, blank=True)
    baseline_period = models.CharField(max_length=40, blank=True)
    target_value = models.DecimalField(max_digits=MEASURE_DIGITS, decimal_places=4, null=True, blank=True)
    target_unit = models.CharField(max_length=20, blank=True)
    target_period = models.CharField(max_length=40, blank=True)
    actual_value = models.DecimalField(max_digits=MEASURE_DIGITS, decimal_places=4, null=True, blank=True)
    actual_unit = models.CharField(max_length=20, blank=True)
    actual_period = models.CharField(max_length=40, blank=True)
    # Optimistic lock for edits of the milestone itself (services.edit_milestone).
    version = models.PositiveIntegerField(default=1)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["priority__number", "number"]
        constraints = [models.UniqueConstraint(fields=["priority", "number"], name="unique_milestone_number")]

    def __str__(self) -> str:
        return f"Priority {self.priority.number}, milestone {self.number}"

    @property
    def reference(self) -> str:
        return f"P{self.priority.number} M{self.number}"

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None

    def leads_in(self, role: str) -> list["MilestoneLead"]:
        return [lead for lead in self.leads.all() if lead.role == role]

    def leads_text(self, role: str) -> str:
        return "; ".join(lead.text for lead in self.leads_in(role))

    def measure(self, kind: str) -> dict | None:
        value = getattr(self, f"{kind}_value")
        if value is None:
            return None
        return {
            "value": value,
            "unit": getattr(self, f"{kind}_unit"),
            "period": getattr(self, f"{kind}_period"),
        }


class MilestoneLead(models.Model):
    DELIVERY = "delivery"
    STRATEGY = "strategy"
    ROLES = [(DELIVERY, "Delivery"), (STRATEGY, "Strategy")]

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="leads")
    role = models.CharField(max_length=10, choices=ROLES)
    text = models.CharField(max_length=300)  # as written: "Matt Pollard (RDaSH)"
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["milestone", "role", "order"]

    def __str__(self) -> str:
        return self.text


class MilestoneLink(models.Model):
    """A cross-link as the plan states it. Kept by number, so that a link to a milestone that does
    not exist survives import and can be flagged (``rules.link_problems``)."""

    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="links")
    priority_number = models.PositiveSmallIntegerField()
    milestone_number = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["milestone", "priority_number", "milestone_number"]

    def __str__(self) -> str:
        return f"P{self.priority_number} M{self.milestone_number}"


class Round(Stamped):
    """A reporting round ("Update June 2014")."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="rounds")
    slug = models.SlugField(max_length=80)
    title = models.CharField(max_length=200)
    opens = models.DateField()
    closes = models.DateField()
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When the report was first published; what was published is kept as publications
    # (documents/publications.py) of this kind and subject (reports/publishing.py).
    published_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    REPORT_KIND = "progress-report"

    class Meta:
        ordering = ["plan", "opens", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "slug"], name="unique_round_slug")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def report_subject(self) -> str:
        return f"round:{self.pk}"

    @property
    def is_overdue(self) -> bool:
        return not self.is_closed and timezone.localdate() > self.closes

    def previous(self) -> "Round | None":
        return Round.objects.filter(plan=self.plan, opens__lt=self.opens).order_by("-opens", "-id").first()

    @property
    def ordinal(self) -> int:
        """1 for the plan's first round: derived from history, never typed (seed 003 says "1st"
        on one page and "2nd" on another)."""
        return Round.objects.filter(plan=self.plan, opens__lt=self.opens).count() + 1


class Update(Stamped):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    NO_UPDATE = "no_update"
    STATES = [(SUBMITTED, "Awaiting approval"), (APPROVED, "Approved"), (NO_UPDATE, "No update provided")]

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="updates")
    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="updates")
    text = models.TextField(blank=True)
    # {"green": "1/2", "red": "1/2"}: exact fractions over the plan's RAG keys, summing to 1.
    weights = models.JSONField(default=dict)
    tables = models.JSONField(default=list, blank=True)
    # An improvement-plan row's direction of travel (up, same, down: rules.DIRECTIONS) and its
    # current performance as the lead reports it ("82%").
    direction = models.CharField(max_length=4, blank=True)
    current = models.CharField(max_length=300, blank=True)
    state = models.CharField(max_length=12, choices=STATES, default=SUBMITTED)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    # Optimistic lock: a save names the version it started from (see services.save_update).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["round", "milestone__priority__number", "milestone__number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "milestone"], name="one_update_per_milestone")
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.milestone}"

    def exact_weights(self) -> dict[str, Fraction]:
        return {key: parse_fraction(value) for key, value in self.weights.items()}


def _evidence_path(_evidence: "Evidence", filename: str) -> str:
    # A new folder for every file: a stored file is never overwritten, so a published report's link
    # to it keeps opening the file it was published with (decision 0103).
    return f"evidence/{uuid.uuid4().hex}/{filename}"


class Evidence(models.Model):
    """A file that supports an update, such as a case study (SPEC §1). Kept once stored: taking it
    off an update only marks it removed, because a publication may link to it."""

    update = models.ForeignKey(Update, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(upload_to=_evidence_path, max_length=300)
    name = models.CharField(max_length=200)  # as the person's computer named it
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["update", "uploaded_at", "id"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.name
