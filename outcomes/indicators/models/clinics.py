"""Performance clinics and challenge sessions, and the actions agreed at them."""

from django.conf import settings
from django.db import models

from outcomes.accounts.models import Person
from outcomes.core.stamps import Stamped
from outcomes.indicators.models.exceptions import ExceptionRecord
from outcomes.indicators.models.indicators import Indicator


class Clinic(Stamped):
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


class AgreedAction(Stamped):
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
