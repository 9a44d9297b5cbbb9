"""A recommendation from agreement to completion (issue 16; decisions 0163-0164).

The original due date is agreed once and never edited afterwards (rules.original_due_problems): the
figure "completed within the original timescale" is measured against it, however often the date is
revised. A revision is a row of its own, with its reason and who agreed it, so a revised date can be
shown beside the original without replacing it.
"""

from django.conf import settings
from django.db import models

from outcomes.core.stamps import Stamped
from outcomes.inspections.models.inspections import Inspection


class Recommendation(Stamped):
    IMMEDIATE = "immediate"
    THREE_MONTHS = "3_months"
    SIX_MONTHS = "6_months"
    OTHER = "other"
    PRIORITIES = [
        (IMMEDIATE, "Immediately"),
        (THREE_MONTHS, "Within three months"),
        (SIX_MONTHS, "Within six months"),
        (OTHER, "Other (as written)"),
    ]

    OPEN = "open"
    COMPLETE = "complete"
    SUPERSEDED = "superseded"
    STATUSES = [(OPEN, "Open"), (COMPLETE, "Complete"), (SUPERSEDED, "Superseded")]

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="recommendations")
    number = models.PositiveIntegerField()
    reference = models.CharField(max_length=40, help_text="As the report or action plan numbers it.")
    text = models.TextField()
    priority = models.CharField(max_length=20, choices=PRIORITIES, default=THREE_MONTHS)
    # The inspectorate's own words when they are not one of the usual ones ("by March 2011").
    priority_text = models.CharField(max_length=200, blank=True)
    owner_text = models.CharField("owner as written", max_length=300)
    owner = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="recommendations"
    )
    # Monitored from this day (its report's publication, or when it was entered).
    monitored_from = models.DateField()
    original_due = models.DateField(null=True, blank=True)
    original_agreed_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=STATUSES, default=OPEN)
    completed_on = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    superseded_on = models.DateField(null=True, blank=True)
    superseded_reason = models.TextField(blank=True)
    actions = models.ManyToManyField("governance.Action", blank=True, related_name="recommendations")
    reconstructed = models.BooleanField(default=False)

    class Meta:
        ordering = ["inspection", "number"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "number"], name="one_recommendation_number"),
        ]

    def __str__(self) -> str:
        return f"{self.inspection.title} {self.reference}"

    @property
    def priority_words(self) -> str:
        return self.priority_text or self.get_priority_display()


class RevisedDate(models.Model):
    """A due date revised: the original stays as it was agreed. Never changed once entered."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="revisions")
    due_on = models.DateField()
    reason = models.TextField()
    agreed_on = models.DateField()
    agreed_by = models.CharField(max_length=300, help_text="Who agreed it, as written.")
    meeting = models.ForeignKey(
        "governance.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recommendation", "agreed_on", "id"]

    def __str__(self) -> str:
        return f"{self.recommendation}: revised to {self.due_on}"


class RecommendationUpdate(models.Model):
    """Progress in the owner's words, dated; append-only like an action's updates."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="updates")
    on = models.DateField()
    text = models.TextField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recommendation", "on", "id"]

    def __str__(self) -> str:
        return f"{self.recommendation}: update of {self.on}"
