"""Indicators, their values per area and period, targets, and the figures derived from them.

Everything in ``DerivedFigure`` is written by ``derive.recompute`` only; nothing there is typed in.
"""

from django.conf import settings
from django.db import models

from outcomes.accounts.models import Person


class Area(models.Model):
    """A local authority, a region or England, as DfE publishes them (old 3-digit LA numbers)."""

    LA = "la"
    REGION = "region"
    ENGLAND = "england"
    OTHER = "other"
    KINDS = [(LA, "Local authority"), (REGION, "Region"), (ENGLAND, "England"), (OTHER, "Other")]

    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=10, choices=KINDS, default=LA)
    la_number = models.PositiveIntegerField(null=True, blank=True, unique=True)
    ons_code = models.CharField(max_length=9, blank=True)
    # The region name as DfE writes it for this LA ("Inner London", "Yorkshire and The Humber").
    region_name = models.CharField(max_length=80, blank=True)
    # The area whose figure is this LA's "region" comparator (London LAs: London (Inner)/(Outer)).
    region = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="members", db_index=False
    )
    la_type = models.CharField(max_length=10, blank=True, help_text="OLB, ILB, MD, UA, SC")
    # False for authorities that no longer exist (Cumbria, Northamptonshire, Dorset (Pre LG)...).
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StatisticalNeighbourSet(models.Model):
    """One published version of the children's services statistical neighbours ("May 2025")."""

    name = models.CharField(max_length=60, unique=True)
    published = models.DateField(null=True, blank=True)
    is_current = models.BooleanField(default=False)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-published", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=models.Q(is_current=True), name="one_current_sn_set"
            )
        ]

    def __str__(self) -> str:
        return self.name


class StatisticalNeighbour(models.Model):
    """``neighbour`` is the ``position``-th nearest neighbour of ``area`` in ``neighbour_set``.

    Every LA listed as a row of the set (even with no neighbours) is a member of the set's list."""

    neighbour_set = models.ForeignKey(StatisticalNeighbourSet, on_delete=models.CASCADE, related_name="rows")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="neighbour_rows")
    neighbour = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+", db_index=False)
    position = models.PositiveSmallIntegerField()
    closeness = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["neighbour_set", "area", "position"]
        constraints = [
            models.UniqueConstraint(fields=["neighbour_set", "area", "position"], name="unique_sn_position"),
            models.UniqueConstraint(
                fields=["neighbour_set", "area", "neighbour"], name="unique_sn_neighbour"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.neighbour_set}: {self.area} SN{self.position} {self.neighbour}"


class StatisticalNeighbourMember(models.Model):
    """An LA that is a row of a statistical-neighbour list: the LAs ranked and banded together."""

    neighbour_set = models.ForeignKey(
        StatisticalNeighbourSet, on_delete=models.CASCADE, related_name="members"
    )
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["neighbour_set", "area"], name="unique_sn_member")]

    def __str__(self) -> str:
        return f"{self.neighbour_set}: {self.area}"


class Indicator(models.Model):
    PERCENTAGE = "percentage"
    RATE = "rate"
    COUNT = "count"
    MEAN = "mean"
    MONEY = "money"
    YES_NO = "yes_no"
    OTHER_UNIT = "other"
    UNIT_KINDS = [
        (PERCENTAGE, "Percentage"),
        (RATE, "Rate per N"),
        (COUNT, "Count"),
        (MEAN, "Mean or score"),
        (MONEY, "Money"),
        (YES_NO, "Yes or no"),
        (OTHER_UNIT, "Other"),
    ]

    HIGH = "high"
    LOW = "low"
    BAND = "band"
    NONE = "none"
    POLARITIES = [
        (HIGH, "High is good"),
        (LOW, "Low is good"),
        (BAND, "Within a target band is good"),
        (NONE, "No judgement"),
    ]

    CALENDAR = "calendar"
    ACADEMIC = "academic"
    FINANCIAL = "financial"
    YEAR_TO_SEPTEMBER = "september"
    YEAR_TO_JANUARY = "january"
    QUARTER = "quarter"
    MONTH = "month"
    ROLLING_CALENDAR = "rolling_calendar"
    ROLLING_FINANCIAL = "rolling_financial"
    ROLLING_ACADEMIC = "rolling_academic"
    PERIOD_TYPES = [
        (CALENDAR, "Calendar year"),
        (ACADEMIC, "Academic year"),
        (FINANCIAL, "Financial year"),
        (YEAR_TO_SEPTEMBER, "Year to end of September"),
        (YEAR_TO_JANUARY, "Year to January (census)"),
        (QUARTER, "Quarter"),
        (MONTH, "Month"),
        (ROLLING_CALENDAR, "Rolling calendar years"),
        (ROLLING_FINANCIAL, "Rolling financial years"),
        (ROLLING_ACADEMIC, "Rolling academic years"),
    ]

    code = models.CharField(max_length=60, unique=True, help_text="LAIT short code, NI 59, or a local code")
    name = models.CharField(max_length=300)
    definition = models.TextField(blank=True)
    methodology = models.TextField(blank=True)
    topic = models.CharField(max_length=100, blank=True)
    unit_kind = models.CharField(max_length=12, choices=UNIT_KINDS, default=OTHER_UNIT)
    # "Rate per 10,000": multiplier 10000. Blank for other units.
    multiplier = models.PositiveIntegerField(null=True, blank=True)
    unit_label = models.CharField(max_length=120, blank=True, help_text="As published, e.g. '% of births'")
    numerator_definition = models.CharField(max_length=300, blank=True)
    denominator_definition = models.CharField(max_length=300, blank=True)
    # None: show as published (LAIT "NA").
    decimal_places = models.PositiveSmallIntegerField(null=True, blank=True)
    polarity = models.CharField(max_length=5, choices=POLARITIES, default=NONE)
    band_lower = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    band_upper = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    period_type = models.CharField(max_length=20, choices=PERIOD_TYPES, default=FINANCIAL)
    source = models.CharField(max_length=300, blank=True)
    owner = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="sub_indicators"
    )
    # "a", "b" of a sub-indicator (NI 111 a/b); ordering among siblings.
    sub_label = models.CharField(max_length=10, blank=True)
    no_quartile = models.BooleanField(default=False)
    lait_measure_code = models.CharField(max_length=20, blank=True)
    from_lait = models.BooleanField(default=False)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def judged(self) -> bool:
        return self.polarity != self.NONE


class Period(models.Model):
    """A span of time a value is for. The same span written two ways ("2022-23", "2022/23") is one
    period; the label first seen is kept, and each value keeps the label it was published with."""

    CALENDAR_YEAR = "calendar_year"
    ACADEMIC_YEAR = "academic_year"
    FINANCIAL_YEAR = "financial_year"
    YEAR_TO_SEPTEMBER = "year_to_september"
    YEAR_TO_JANUARY = "year_to_january"
    ROLLING_CALENDAR = "rolling_calendar"
    ROLLING_ACADEMIC = "rolling_academic"
    ROLLING_FINANCIAL = "rolling_financial"
    QUARTER = "quarter"
    MONTH = "month"
    KINDS = [
        (CALENDAR_YEAR, "Calendar year"),
        (ACADEMIC_YEAR, "Academic year"),
        (FINANCIAL_YEAR, "Financial year"),
        (YEAR_TO_SEPTEMBER, "Year to September"),
        (YEAR_TO_JANUARY, "Year to January"),
        (ROLLING_CALENDAR, "Rolling calendar years"),
        (ROLLING_ACADEMIC, "Rolling academic years"),
        (ROLLING_FINANCIAL, "Rolling financial years"),
        (QUARTER, "Quarter"),
        (MONTH, "Month"),
    ]
    SUB_ANNUAL = (QUARTER, MONTH)

    label = models.CharField(max_length=40)
    kind = models.CharField(max_length=20, choices=KINDS)
    start = models.DateField()
    end = models.DateField()
    # Orders periods by their end (yyyymmdd), then shorter spans first.
    sort_key = models.BigIntegerField(db_index=True)

    class Meta:
        ordering = ["sort_key"]
        constraints = [models.UniqueConstraint(fields=["kind", "start", "end"], name="unique_period_span")]

    def __str__(self) -> str:
        return self.label


class ImportRun(models.Model):
    """One import of data (LAIT files or a template): what it changed, and what it could not read."""

    LAIT = "lait"
    TEMPLATE = "template"
    MANUAL = "manual"
    KINDS = [(LAIT, "LAIT files"), (TEMPLATE, "Indicator template"), (MANUAL, "Entered on a page")]

    kind = models.CharField(max_length=10, choices=KINDS)
    source = models.CharField(max_length=300)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    started_at = models.DateTimeField(auto_now_add=True)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    # Rows read but not understood (e.g. a period label "0"), reported rather than guessed.
    not_understood = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.source} ({self.started_at:%Y-%m-%d %H:%M})"


class Value(models.Model):
    PROVISIONAL = "provisional"
    FINAL = "final"
    REVISED = "revised"
    STATUSES = [(PROVISIONAL, "Provisional"), (FINAL, "Final"), (REVISED, "Revised")]
    MISSING_REASONS = [
        ("-", "Not available"),
        ("c", "Confidential (suppressed)"),
        ("x", "Not applicable or not collected"),
        ("z", "Not applicable"),
        (":", "Not available"),
        ("..", "Not available"),
        ("u", "Low reliability"),
    ]

    # The unique (indicator, area, period) index serves lookups by indicator.
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values", db_index=False)
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="values", db_index=False)
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="values", db_index=False)
    value = models.DecimalField(max_digits=24, decimal_places=10, null=True, blank=True)
    numerator = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    status = models.CharField(max_length=12, choices=STATUSES, default=FINAL)
    # Set exactly when value is null: the code the publisher used ("-", "c", "x"...).
    missing_reason = models.CharField(max_length=4, blank=True)
    # The period's label as this value was published, with its suffix ("2018 (Rev)", "2016-17 (OT)").
    published_label = models.CharField(max_length=40, blank=True)
    source_import = models.ForeignKey(
        ImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area", "period"], name="unique_value"),
            models.CheckConstraint(
                condition=models.Q(value__isnull=False) | ~models.Q(missing_reason=""),
                name="missing_value_has_reason",
            ),
        ]

    def __str__(self) -> str:
        shown = self.value if self.value is not None else self.missing_reason
        return f"{self.indicator.code} {self.area} {self.period}: {shown}"


class Target(models.Model):
    """A dated target ("85% by October 2010"). Several per indicator; the one in force for a period is
    chosen by ``rules.target_in_force``."""

    ABSOLUTE = "absolute"
    PERCENT = "percent"
    TOLERANCE_KINDS = [
        (ABSOLUTE, "In the indicator's units (e.g. 2 percentage points)"),
        (PERCENT, "Per cent of the target value"),
    ]

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    # Blank: the partnership's own area (``lait.home_area()``).
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.CASCADE, related_name="targets")
    # A target for a named period (the "10/11 Target") or, with only a due date, a milestone.
    period = models.ForeignKey(Period, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    due = models.DateField(null=True, blank=True)
    value = models.DecimalField(max_digits=20, decimal_places=6)
    # For a target band (polarity "band"): value is the lower bound and this the upper bound.
    upper_value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    amber_tolerance = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    tolerance_kind = models.CharField(max_length=10, choices=TOLERANCE_KINDS, default=ABSOLUTE)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["indicator", "due", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period__isnull=False) | models.Q(due__isnull=False),
                name="target_has_period_or_due_date",
            )
        ]

    def __str__(self) -> str:
        when = self.period.label if self.period_id else f"{self.due:%B %Y}"
        return f"{self.indicator.code} {self.value} {when}"


class DerivedFigure(models.Model):
    """Figures computed from values (``derive.recompute``). One row per indicator x area x period.

    The table is a cache of figures rebuilt from the values, written in bulk: its foreign keys are
    not enforced by the database (that would cost a third of the rebuild), only by the rebuild.

    Judgements are small integers to keep the table narrow: 1 better/improving, 0 in line/no
    change/similar, -1 worse/worsening, null not judged. ``properties`` below give the words."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    period = models.ForeignKey(
        Period, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )
    value = models.FloatField(null=True)
    previous_period = models.ForeignKey(
        Period, null=True, on_delete=models.SET_NULL, related_name="+", db_index=False, db_constraint=False
    )
    previous_value = models.FloatField(null=True)
    dot = models.SmallIntegerField(null=True)
    year_ago_value = models.FloatField(null=True)
    dot_year = models.SmallIntegerField(null=True)
    sn_average = models.FloatField(null=True)
    sn_count = models.SmallIntegerField(null=True)
    region_value = models.FloatField(null=True)
    england_value = models.FloatField(null=True)
    sn_comparison = models.SmallIntegerField(null=True)
    region_comparison = models.SmallIntegerField(null=True)
    england_comparison = models.SmallIntegerField(null=True)
    # Against England with the LA's confidence interval, where numerator and denominator exist.
    significance_95 = models.SmallIntegerField(null=True)
    significance_998 = models.SmallIntegerField(null=True)
    ci_lower = models.FloatField(null=True)
    ci_upper = models.FloatField(null=True)
    rank = models.SmallIntegerField(null=True)
    rank_of = models.SmallIntegerField(null=True)
    national_rank = models.SmallIntegerField(null=True)
    national_rank_of = models.SmallIntegerField(null=True)
    quartile_band = models.CharField(max_length=1, blank=True, db_default="")
    target = models.ForeignKey(
        Target, null=True, on_delete=models.SET_NULL, related_name="+", db_index=False, db_constraint=False
    )
    target_value = models.FloatField(null=True)
    on_target = models.BooleanField(null=True)
    rag = models.CharField(max_length=1, blank=True, db_default="")
    # Statistical process control (monthly and quarterly series): 1 improvement, -1 concern,
    # 0 common-cause variation only.
    spc = models.SmallIntegerField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "indicator", "period"], name="unique_derived_figure")
        ]

    DOT_WORDS = {1: "improving", 0: "no change", -1: "worsening"}
    COMPARISON_WORDS = {1: "better", 0: "in line", -1: "worse"}
    SIGNIFICANCE_WORDS = {1: "better", 0: "similar", -1: "worse"}
    RAG_WORDS = {"R": "Red", "A": "Amber", "G": "Green"}
    SPC_WORDS = {1: "special cause: improvement", 0: "common cause", -1: "special cause: concern"}

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.area_id}/{self.period_id}"

    @property
    def dot_word(self) -> str | None:
        return self.DOT_WORDS.get(self.dot)

    @property
    def dot_year_word(self) -> str | None:
        return self.DOT_WORDS.get(self.dot_year)

    @property
    def sn_comparison_word(self) -> str | None:
        return self.COMPARISON_WORDS.get(self.sn_comparison)

    @property
    def region_comparison_word(self) -> str | None:
        return self.COMPARISON_WORDS.get(self.region_comparison)

    @property
    def england_comparison_word(self) -> str | None:
        return self.COMPARISON_WORDS.get(self.england_comparison)

    @property
    def significance_95_word(self) -> str | None:
        return self.SIGNIFICANCE_WORDS.get(self.significance_95)

    @property
    def significance_998_word(self) -> str | None:
        return self.SIGNIFICANCE_WORDS.get(self.significance_998)

    @property
    def rag_word(self) -> str | None:
        return self.RAG_WORDS.get(self.rag)

    @property
    def spc_word(self) -> str | None:
        return self.SPC_WORDS.get(self.spc)


from outcomes.indicators.clinic_models import *  # noqa: E402, F403
