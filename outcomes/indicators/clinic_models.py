"""Exceptions, performance clinics and challenge sessions, data due dates and milestone links.

Imported at the end of ``models.py`` so that Django finds these models in the indicators app.
``ExceptionRecord`` rows are opened and closed by ``exceptions.refresh_exceptions`` only.
"""

from django.conf import settings
from django.db import models

from outcomes.accounts.models import Person
from outcomes.indicators.models import Area, Indicator, Period
from outcomes.plans.models import Milestone

__all__ = ["AgreedAction", "Clinic", "DataExpectation", "ExceptionRecord", "MilestoneIndicatorLink"]


class DataExpectation(models.Model):
    """The date by which an indicator's value for a period is due. Past that date with no value,
    an exception "no data by the due date" opens."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="expectations")
    # Blank: the partnership's own area.
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    due = models.DateField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["due", "id"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area", "period"], name="unique_data_expectation")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period} due {self.due:%d %B %Y}"


class ExceptionRecord(models.Model):
    """An indicator that needs attention, opened when a rule of ``exceptions.RULES`` holds for the
    latest figures and closed when it no longer does (new data, a new target). A record that
    closes stays as history; if the rule holds again later, a new record opens."""

    MISSED_TARGET = "missed_target"
    WORSENING = "worsening"
    WORSE_THAN_ENGLAND = "worse_than_england"
    SPC_CONCERN = "spc_concern"
    NO_DATA = "no_data"
    KINDS = [
        (MISSED_TARGET, "Missed target"),
        (WORSENING, "Worsening"),
        (WORSE_THAN_ENGLAND, "Significantly worse than England"),
        (SPC_CONCERN, "Statistical process control concern"),
        (NO_DATA, "No data by the due date"),
    ]

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="exception_records")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=KINDS)
    detail = models.CharField(max_length=400)
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period", "kind"],
                condition=models.Q(closed_at__isnull=True),
                name="one_open_exception",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Clinic(models.Model):
    """A performance clinic or challenge session: who met, which indicators they reviewed, what they
    found and the actions they agreed (seed 003: 30 June 2014; seed 002: DLT, 12 October 2010)."""

    CLINIC = "clinic"
    CHALLENGE = "challenge"
    KINDS = [(CLINIC, "Performance clinic"), (CHALLENGE, "Challenge session")]

    kind = models.CharField(max_length=10, choices=KINDS, default=CLINIC)
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    date = models.DateField()
    forum = models.CharField(max_length=200, blank=True, help_text="Where it was held, e.g. DLT")
    attendees = models.ManyToManyField(Person, blank=True, related_name="clinics")
    # Those present who are not people in Outcomes ("all partners and stakeholders").
    attendees_text = models.TextField(blank=True)
    indicators = models.ManyToManyField(Indicator, blank=True, related_name="clinics")
    exceptions = models.ManyToManyField(ExceptionRecord, blank=True, related_name="clinics")
    findings = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Raised by each save so that two people editing at once cannot overwrite each other.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title} ({self.date:%d %B %Y})"


class AgreedAction(models.Model):
    """An action agreed at a clinic, with its owner and date, and what the next clinic found."""

    OPEN = "open"
    DONE = "done"
    NOT_DONE = "not_done"
    STATUSES = [(OPEN, "Open"), (DONE, "Done"), (NOT_DONE, "Not done")]

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="actions")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    owner = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="agreed_actions"
    )
    # An owner who is not a person in Outcomes ("Locality manager, Rotherham Central").
    owner_text = models.CharField(max_length=200, blank=True)
    due = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=STATUSES, default=OPEN)
    follow_up = models.TextField(blank=True)
    followed_up_at = models.ForeignKey(
        Clinic, null=True, blank=True, on_delete=models.SET_NULL, related_name="followed_up_actions"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["clinic", "number"]
        constraints = [models.UniqueConstraint(fields=["clinic", "number"], name="unique_action_number")]

    def __str__(self) -> str:
        return f"{self.clinic.slug} action {self.number}"

    @property
    def owner_name(self) -> str:
        names = [n for n in (self.owner.name if self.owner_id else "", self.owner_text) if n]
        return "; ".join(names)


class MilestoneIndicatorLink(models.Model):
    """A plan milestone measured by an indicator: its baseline, target and actual are read from the
    indicator's values and targets for the area instead of being typed into the milestone."""

    milestone = models.OneToOneField(Milestone, on_delete=models.CASCADE, related_name="indicator_link")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="milestone_links")
    # Blank: the partnership's own area.
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    # The period of the baseline and of the target; blank: earliest value, latest target.
    baseline_period = models.ForeignKey(
        Period, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    target_period = models.ForeignKey(
        Period, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.milestone} → {self.indicator.code}"
