"""Values per indicator, area and period, the imports that wrote them, and the figures derived from them.

Everything in ``DerivedFigure`` is written by ``derive.recompute`` only; nothing there is typed in.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from outcomes.indicators.models.areas import Area
from outcomes.indicators.models.indicators import Indicator, Period, Target


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
    # The recent trend of the last five annual points (stats.trend): 1 improving, -1 worsening,
    # 0 no significant change; null where it cannot be calculated.
    trend = models.SmallIntegerField(null=True)
    # Filled by the database as each rebuild inserts the row (the rebuild names its columns and
    # leaves this one out): what the read API's ``updated_since`` asks of figures (decision 0122).
    computed_at = models.DateTimeField(db_default=Now())

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "indicator", "period"], name="unique_derived_figure")
        ]

    DOT_WORDS = {1: "improving", 0: "no change", -1: "worsening"}
    COMPARISON_WORDS = {1: "better", 0: "in line", -1: "worse"}
    SIGNIFICANCE_WORDS = {1: "better", 0: "similar", -1: "worse"}
    RAG_WORDS = {"R": "Red", "A": "Amber", "G": "Green"}
    SPC_WORDS = {1: "special cause: improvement", 0: "common cause", -1: "special cause: concern"}
    TREND_WORDS = {1: "improving", 0: "no significant change", -1: "worsening"}

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

    @property
    def trend_word(self) -> str | None:
        return self.TREND_WORDS.get(self.trend)
