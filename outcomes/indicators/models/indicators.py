"""What is measured: indicators, the periods their values are for, and their dated targets."""

from django.db import models

from outcomes.accounts.models import Person
from outcomes.core.stamps import Stamped
from outcomes.indicators.models.areas import Area


class Indicator(Stamped):
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
    # Raised by each save on its page so that two people editing at once cannot overwrite each other.
    version = models.PositiveIntegerField(default=1)

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
    # Blank: the partnership's own area (``areas.home_area()``).
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
    version = models.PositiveIntegerField(default=1)

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
