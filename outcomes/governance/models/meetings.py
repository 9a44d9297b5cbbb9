"""Meetings of a body and who attended them (seed 003 L2587-2633; seed 002 L1556-1580).

A meeting is addressed by its body and date (``rlscb/2014-06-05``). Its state moves forward
scheduled -> agenda published -> held -> draft minutes -> minutes approved -> minutes published, or
it is cancelled with a reason (decision 0132).
"""

from django.db import models

from outcomes.core.formatting import format_date
from outcomes.core.stamps import Stamped
from outcomes.governance.models.bodies import Body, Membership


class Meeting(Stamped):
    SCHEDULED = "scheduled"
    AGENDA_PUBLISHED = "agenda_published"
    HELD = "held"
    DRAFT_MINUTES = "draft_minutes"
    MINUTES_APPROVED = "minutes_approved"
    PUBLISHED = "published"
    CANCELLED = "cancelled"
    STATES = [
        (SCHEDULED, "Scheduled"),
        (AGENDA_PUBLISHED, "Agenda published"),
        (HELD, "Held"),
        (DRAFT_MINUTES, "Draft minutes"),
        (MINUTES_APPROVED, "Minutes approved"),
        (PUBLISHED, "Minutes published"),
        (CANCELLED, "Cancelled"),
    ]
    ORDER = [SCHEDULED, AGENDA_PUBLISHED, HELD, DRAFT_MINUTES, MINUTES_APPROVED, PUBLISHED]

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    date = models.DateField()
    starts_at = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=300, blank=True)
    state = models.CharField(max_length=20, choices=STATES, default=SCHEDULED)
    cancelled_reason = models.TextField(blank=True)
    # The date as the agenda or minutes head it ("Thursday 5th June 2014"): the weekday it names
    # is checked against the date (rules.weekday_matches_date).
    date_as_written = models.CharField(max_length=100, blank=True)
    # Minutes circulated in draft, and the later meeting that approved them, with any correction.
    circulated_on = models.DateField(null=True, blank=True)
    approved_at = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="minutes_approved_here"
    )
    approval_correction = models.TextField(blank=True)
    # Raised by every save of the meeting's record so that two people editing cannot overwrite each other.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["body", "-date"]
        constraints = [models.UniqueConstraint(fields=["body", "date"], name="one_meeting_per_body_and_day")]

    def __str__(self) -> str:
        return f"{self.body.label} meeting of {format_date(self.date)}"

    @property
    def address(self) -> str:
        return f"{self.body.slug}/{self.date.isoformat()}"

    @property
    def subject_key(self) -> str:
        """The subject of the meeting's publications (agenda pack, minutes, action log)."""
        return f"meeting:{self.pk}"


class Attendance(models.Model):
    """One line of a meeting's attendance: a member (through their membership) or anyone else, by
    name as the minutes write it."""

    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    IN_ATTENDANCE = "in_attendance"
    SUBSTITUTE = "substitute"
    STATUSES = [
        (PRESENT, "Present"),
        (APOLOGIES, "Apologies"),
        (ABSENT, "Absent"),
        (IN_ATTENDANCE, "In attendance"),
        (SUBSTITUTE, "Substitute"),
    ]

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    membership = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="attendance"
    )
    person = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=200)
    position = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=STATUSES)
    # A substitute sits for a member (their membership).
    substitute_for = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="substituted_by"
    )
    note = models.CharField(max_length=300, blank=True, help_text="As written: for item 5 only.")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["meeting", "status", "order", "id"]

    def __str__(self) -> str:
        return f"{self.name}: {self.get_status_display()}"
