"""The risk register (issue 16; seed 002 L1814-1838, the Trust Board's minute D24): a versioned
likelihood x impact matrix, registers with their owners, risks rated on the matrix, their mitigating
actions (on governance's one tracker, or a plan's row), reviews, and the ratings as they stood.

A rating's level is never stored: it is read from the matrix version the rating was made on
(rules.level_of), so a level can never disagree with its likelihood and impact.
"""

from django.conf import settings
from django.db import models

from outcomes.core.stamps import Stamped


class Matrix(Stamped):
    """One version of the likelihood x impact matrix. ``likelihoods`` and ``impacts`` are the labels of
    the steps, lowest first; ``levels`` [{"key", "name", "colour"}] lowest first; ``cells`` a row per
    likelihood (lowest first) of level keys, one per impact. A version rated on is never edited:
    a change is a new version (rules.version_in_use_not_editable)."""

    version = models.PositiveIntegerField(unique=True)
    name = models.CharField(max_length=200, default="Likelihood x impact")
    likelihoods = models.JSONField()
    impacts = models.JSONField()
    levels = models.JSONField()
    cells = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"Matrix version {self.version}"


class Register(Stamped):
    PARTNERSHIP = "partnership"
    DIRECTORATE = "directorate"
    BODY = "body"
    KINDS = [(PARTNERSHIP, "Partnership"), (DIRECTORATE, "Directorate"), (BODY, "Body")]

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=KINDS, default=DIRECTORATE)
    owner = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="risk_registers"
    )
    description = models.TextField(blank=True)
    # The body that reviews it (the Trust Board, quarterly: D24 resolution 3), and the title of the
    # body's standing item that carries it, where the reviews due are shown.
    reviewed_by = models.ForeignKey(
        "governance.Body", null=True, blank=True, on_delete=models.SET_NULL, related_name="risk_registers"
    )
    standing_item = models.CharField(max_length=300, default="Risk register")
    # Where candidate risks go (decision 0158): the plans whose red rows feed it, and whether it takes
    # the candidates no plan routes (indicator exceptions, papers' risks).
    plans = models.ManyToManyField("plans.Plan", blank=True, related_name="risk_registers")
    plan_slugs = models.JSONField(
        default=list, blank=True, help_text="Plans not loaded yet whose red rows feed this register."
    )
    takes_other_candidates = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Risk(Stamped):
    CANDIDATE = "candidate"
    OPEN = "open"
    CLOSED = "closed"
    REJECTED = "rejected"
    STATUSES = [
        (CANDIDATE, "Candidate, waiting for the register's owner"),
        (OPEN, "Open"),
        (CLOSED, "Closed"),
        (REJECTED, "Rejected as a candidate"),
    ]
    TREAT = "treat"
    TOLERATE = "tolerate"
    TRANSFER = "transfer"
    TERMINATE = "terminate"
    TREATMENTS = [(TREAT, "Treat"), (TOLERATE, "Tolerate"), (TRANSFER, "Transfer"), (TERMINATE, "Terminate")]

    register = models.ForeignKey(Register, on_delete=models.PROTECT, related_name="risks")
    reference = models.CharField(max_length=20)
    title = models.CharField(max_length=300)
    cause = models.TextField(blank=True)
    event = models.TextField(blank=True)
    consequence = models.TextField(blank=True)
    owner = models.ForeignKey(
        "accounts.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="risks"
    )
    treatment = models.CharField(max_length=20, choices=TREATMENTS, blank=True)
    status = models.CharField(max_length=20, choices=STATUSES, default=OPEN)
    review_months = models.PositiveSmallIntegerField(default=3, help_text="Months between reviews.")
    next_review = models.DateField(null=True, blank=True)
    opened_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    # Where a candidate came from: a key that makes a second proposal from the same source a no-op,
    # its words and a link (a plan's row, an exception, a paper), kept as text when the source is gone.
    source_key = models.CharField(max_length=120, blank=True, db_index=True)
    source_text = models.TextField(blank=True)
    source_url = models.CharField(max_length=300, blank=True)
    proposed_on = models.DateField(null=True, blank=True)
    rejected_reason = models.TextField(blank=True)
    # A re-rating suggested when the source returned to Green: a notice, never a change.
    suggestion = models.TextField(blank=True)
    suggested_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["register", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["register", "reference"], name="unique_risk_reference"),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"


class Rating(models.Model):
    """The risk's ratings from a day on: before mitigation, after it (the current rating) and the
    target, each likelihood and impact on the matrix version named. Appended, never changed: the
    register as at a date reads the latest on or before it (decision 0160)."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="ratings")
    on = models.DateField()
    matrix = models.ForeignKey(Matrix, on_delete=models.PROTECT, related_name="ratings")
    before_likelihood = models.PositiveSmallIntegerField()
    before_impact = models.PositiveSmallIntegerField()
    after_likelihood = models.PositiveSmallIntegerField()
    after_impact = models.PositiveSmallIntegerField()
    target_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    target_impact = models.PositiveSmallIntegerField(null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["risk", "on", "id"]

    def __str__(self) -> str:
        return f"{self.risk.reference} rated on {self.on}"


class Review(models.Model):
    """A review of the risk (by its owner, or by the body at a meeting), with the rating it found."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="reviews")
    on = models.DateField()
    meeting = models.ForeignKey(
        "governance.Meeting", null=True, blank=True, on_delete=models.SET_NULL, related_name="risk_reviews"
    )
    rating = models.OneToOneField(Rating, on_delete=models.PROTECT, related_name="review")
    comment = models.TextField(blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["risk", "on", "id"]

    def __str__(self) -> str:
        return f"{self.risk.reference} reviewed on {self.on}"


class Mitigation(models.Model):
    """A mitigating action: an action on governance's tracker (owners, due date, % progress, updates)
    or a plan's row, whose progress is its latest approved update (decision 0159)."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="mitigations")
    action = models.ForeignKey(
        "governance.Action", null=True, blank=True, on_delete=models.PROTECT, related_name="mitigates"
    )
    milestone = models.ForeignKey(
        "plans.Milestone", null=True, blank=True, on_delete=models.PROTECT, related_name="mitigates"
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["risk", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__isnull=False) | models.Q(milestone__isnull=False),
                name="mitigation_is_an_action_or_a_row",
            ),
        ]

    def __str__(self) -> str:
        return f"Mitigation of {self.risk.reference}"
