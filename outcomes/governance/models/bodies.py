"""Bodies (boards, panels, partnerships), who sits on them over time, and the action tracker
(seed 003 L2585-2633 for members and roles, L2978-3033 for the LSCB action log; decision 0130).

An action's owner is kept as written ("All RLSCB members", "Jason Harwin (Sonya Chambers to add to
September's RLSCB agenda)") and, where the owners are people Outcomes knows, linked to them too: the
words are what the log prints, the links are who may update it and whose "What I owe" lists it.
"""

from django.conf import settings
from django.db import models

from outcomes.core.stamps import Stamped


class Body(Stamped):
    RUNNING = "running"
    PER_MEETING = "per_meeting"
    NUMBERING = [
        (RUNNING, "Running across meetings (269, 270, … or D1, D2, …)"),
        (PER_MEETING, "Starting again at 1 at each meeting"),
    ]

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True, help_text="As the papers write it: RLSCB.")
    minute_numbering = models.CharField(max_length=20, choices=NUMBERING, default=RUNNING)
    # Printed before a running minute number, as seed 002's scrutiny minutes print "D".
    minute_prefix = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Membership(models.Model):
    """A seat on a body over a time: a person Outcomes knows or a name as written, with the role the
    minutes give them (seed 003 L2591-2627: Chair, Member, Advisor, in attendance …)."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    CO_OPTEE = "co_optee"
    ADVISOR = "advisor"
    OFFICER = "officer"
    OBSERVER = "observer"
    ROLES = [
        (CHAIR, "Chair"),
        (VICE_CHAIR, "Vice-chair"),
        (MEMBER, "Member"),
        (CO_OPTEE, "Co-optee"),
        (ADVISOR, "Advisor"),
        (OFFICER, "Officer in attendance"),
        # Seed 003 L2595: "Councillor Paul Lakin – participating observer".
        (OBSERVER, "Participating observer"),
    ]

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    name = models.CharField(max_length=200, help_text="The name as the minutes write it.")
    organisation = models.ForeignKey(
        "accounts.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The job title and organisation as written beside the name (one line in the seed's table).
    position = models.CharField(max_length=300, blank=True)
    role = models.CharField(max_length=20, choices=ROLES, default=MEMBER)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["body", "name", "starts_on"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()}, {self.body.label})"


class StandingItem(models.Model):
    """An item every agenda of the body carries (apologies, declarations, minutes of the last
    meeting, matters arising, the risk register ...), copied onto a new agenda in its order."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="standing_items")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    # One of AgendaItem.KINDS (a string here, so that bodies need not import agendas).
    kind = models.CharField(max_length=20, default="other")
    section_title = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["body", "order", "id"]

    def __str__(self) -> str:
        return f"{self.body.label}: {self.title}"


class Action(Stamped):
    """An action from raised to discharged. ``number`` is its reference within its body; the log as
    at a date numbers its rows afresh, continuously across its bands (log.py), as the seed does."""

    RAISED = "raised"
    ONGOING = "ongoing"
    DISCHARGED = "discharged"
    UNCLEAR = "unclear"
    WITHDRAWN = "withdrawn"
    STATUSES = [
        (RAISED, "Raised"),
        (ONGOING, "Ongoing"),
        (DISCHARGED, "Discharged"),
        (UNCLEAR, "Unclear whether done"),
        (WITHDRAWN, "Withdrawn"),
    ]
    CLOSED = {DISCHARGED, WITHDRAWN}

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="actions")
    number = models.PositiveIntegerField()
    owner_text = models.CharField(
        "owner as written", max_length=300, help_text="As the log prints it: Paul Lakin & Steve Ashley."
    )
    owners = models.ManyToManyField("accounts.Person", blank=True, related_name="governance_actions")
    details = models.TextField()
    due_on = models.DateField(null=True, blank=True)
    due_rule = models.CharField(
        max_length=300, blank=True, help_text="A due date in words: by the next meeting, by September."
    )
    status = models.CharField(max_length=20, choices=STATUSES, default=RAISED)
    # How far along it is, 0 to 100, as a risk register's mitigating action reports it (D24: "percentage
    # progress"); empty for the actions whose logs give none.
    progress = models.PositiveSmallIntegerField(null=True, blank=True)
    raised_on = models.DateField()
    # The day it was discharged or withdrawn (the log's "discharged on" band).
    discharged_on = models.DateField(null=True, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    evidence = models.TextField(blank=True, help_text="What shows it done: the agenda item, minute or paper.")
    evidence_url = models.URLField(blank=True)
    # The meeting that raised it, and the records that show it done (decision 0134).
    raised_at = models.ForeignKey(
        "governance.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="actions_raised"
    )
    evidence_item = models.ForeignKey(
        "governance.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    evidence_minute = models.ForeignKey(
        "governance.Minute", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # An action agreed at a performance clinic (decision 0142): the clinic that agreed it and the
    # later clinic that followed it up (its evidence when done). Indicators sits on a lower floor
    # and reads these through its extension point (indicators/clinic_actions.py), never by name.
    clinic = models.ForeignKey(
        "indicators.Clinic", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    followed_up_at = models.ForeignKey(
        "indicators.Clinic", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["body", "number"]
        constraints = [
            models.UniqueConstraint(fields=["body", "number"], name="unique_action_number_per_body"),
        ]

    def __str__(self) -> str:
        return f"{self.body.label} action {self.number}"

    @property
    def is_open(self) -> bool:
        return self.status not in self.CLOSED


class ActionUpdate(models.Model):
    """A dated update, as the log prints it ("05.06.14 This was re-circulated."). Never changed nor
    deleted once entered: a correction is a later update."""

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="updates")
    on = models.DateField()
    text = models.TextField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["action", "on", "id"]

    def __str__(self) -> str:
        return f"{self.action}: update of {self.on}"
