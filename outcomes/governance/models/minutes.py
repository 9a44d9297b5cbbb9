"""Minutes keyed to agenda items, with the body's running number, and their typed resolutions
(seed 002 L1556-1912: "D24", "Resolved:- (1) ... (2) ..."; seed 003 L2587 onward)."""

from django.db import models

from outcomes.core.stamps import Stamped
from outcomes.governance.models.agendas import AgendaItem
from outcomes.governance.models.bodies import Action, Body
from outcomes.governance.models.meetings import Meeting


class Minute(Stamped):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="minutes")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="minutes"
    )
    # The body's number: running across its meetings (269, 270 ...; D23, D24 with its prefix) or
    # from 1 at each meeting. Given when the minute is written and kept from then on.
    number = models.PositiveIntegerField()
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    narrative = models.TextField(blank=True)
    exempt = models.BooleanField(default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["meeting", "order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_minute_number_per_meeting")
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: minute {self.number}"


class Resolution(models.Model):
    NOTED = "noted"
    APPROVED = "approved"
    APPROVED_AMENDED = "approved_amended"
    REFERRED = "referred"
    REPORT_BACK = "report_back"
    ACTION = "action"
    KINDS = [
        (NOTED, "Noted"),
        (APPROVED, "Approved"),
        (APPROVED_AMENDED, "Approved with amendment"),
        (REFERRED, "Referred to another body"),
        (REPORT_BACK, "Report back to a body"),
        (ACTION, "An action"),
    ]

    minute = models.ForeignKey(Minute, on_delete=models.CASCADE, related_name="resolutions")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=KINDS)
    text = models.TextField(help_text="As resolved: That the report be noted.")
    amendment = models.TextField(blank=True)
    target_body = models.ForeignKey(Body, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    owner_text = models.CharField(max_length=300, blank=True)
    owners = models.ManyToManyField("accounts.Person", blank=True, related_name="+")
    due_on = models.DateField(null=True, blank=True)
    due_rule = models.CharField(max_length=300, blank=True, help_text="Within two months of its submission.")
    # The action a report-back or action resolution raised in the tracker.
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="resolutions"
    )

    class Meta:
        ordering = ["minute", "order", "id"]

    def __str__(self) -> str:
        return f"{self.minute}: resolution {self.order}"
