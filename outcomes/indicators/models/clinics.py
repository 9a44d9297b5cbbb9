"""Performance clinics and challenge sessions. The actions agreed at them are actions of the
"Performance clinics" body in the governance app's one tracker (decision 0142; clinic_actions.py)."""

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
