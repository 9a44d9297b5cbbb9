"""Agendas: sections, items with numbers computed from their order (never typed), and the forward
plan of items a body has been promised (seed 002 L1-53; seed 003 L15-54)."""

from django.db import models

from outcomes.core.stamps import Stamped
from outcomes.governance.models.bodies import Action, Body
from outcomes.governance.models.meetings import Meeting


class AgendaSection(models.Model):
    """A heading items are grouped under (For Decision, For Discussion, For Information)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_sections")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=100)

    class Meta:
        ordering = ["meeting", "order", "id"]

    def __str__(self) -> str:
        return self.title


class AgendaItem(Stamped):
    APOLOGIES = "apologies"
    DECLARATIONS = "declarations"
    PREVIOUS_MINUTES = "previous_minutes"
    MATTERS_ARISING = "matters_arising"
    PAPER = "paper"
    VERBAL = "verbal"
    OTHER_MINUTES = "other_minutes"
    AOB = "aob"
    NEXT_MEETING = "next_meeting"
    OTHER = "other"
    KINDS = [
        (APOLOGIES, "Apologies"),
        (DECLARATIONS, "Declarations of interest"),
        (PREVIOUS_MINUTES, "Minutes of the last meeting"),
        (MATTERS_ARISING, "Matters arising"),
        (PAPER, "A paper"),
        (VERBAL, "A verbal update"),
        (OTHER_MINUTES, "Another body's minutes"),
        (AOB, "Any other business"),
        (NEXT_MEETING, "Date of next meeting"),
        (OTHER, "Other"),
    ]

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    section = models.ForeignKey(
        AgendaSection, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    # A sub-item (7.1, 7.2) of its parent item.
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    order = models.PositiveSmallIntegerField(default=0)
    title = models.TextField(help_text="Verbatim, as the agenda prints it.")
    kind = models.CharField(max_length=20, choices=KINDS, default=OTHER)
    presenter = models.CharField(max_length=300, blank=True)
    presenter_person = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    paper = models.ForeignKey(
        "papers.Paper", null=True, blank=True, on_delete=models.PROTECT, related_name="agenda_items"
    )
    # Closed to viewers and left out of every public output (Local Government Act 1972, Schedule 12A).
    exempt = models.BooleanField(default=False)
    exempt_reason = models.CharField(max_length=300, blank=True)
    # Another body's minutes: that body and the date the agenda gives them ("held on 6th June").
    other_body = models.ForeignKey(Body, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    other_meeting_date = models.DateField(null=True, blank=True)
    # The number the source document printed, if any, kept only to check it against the computed one.
    number_as_written = models.CharField(max_length=20, blank=True)
    minutes_pages = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["meeting", "parent_id", "order", "id"]

    def __str__(self) -> str:
        return self.title[:80]


class ForwardPlanItem(Stamped):
    """An item promised to a body's future agenda: by a report-back resolution (with its action) or
    entered by hand. Placed on an agenda, it points at the item; the item shown is the evidence that
    discharges the action."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="forward_plan")
    title = models.CharField(max_length=300)
    due_on = models.DateField(null=True, blank=True)
    due_rule = models.CharField(max_length=300, blank=True)
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.SET_NULL, related_name="forward_plan_items"
    )
    resolution = models.ForeignKey(
        "governance.Resolution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forward_plan_items",
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="forward_plan_items"
    )

    class Meta:
        ordering = ["body", "due_on", "id"]

    def __str__(self) -> str:
        return f"{self.body.label}: {self.title}"
