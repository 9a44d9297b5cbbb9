"""When data is due, and the exceptions (indicators needing attention) opened from the latest figures.

``ExceptionRecord`` rows are opened and closed by ``exceptions.refresh_exceptions`` only.
"""

from django.db import models

from outcomes.core.stamps import Stamped
from outcomes.indicators.models.areas import Area
from outcomes.indicators.models.indicators import Indicator, Period


class DataExpectation(models.Model):
    """The date by which an indicator's value for a period is due. Past that date with no value,
    an exception "no data by the due date" opens."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="expectations")
    # Blank: the partnership's own area.
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    due = models.DateField()
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["due", "id"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "area", "period"], name="unique_data_expectation")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period} due {self.due:%d %B %Y}"


class ExceptionRecord(Stamped):
    """An indicator that needs attention, opened when a rule of ``exceptions.RULES`` holds for the
    latest figures and closed when it no longer does (new data, a new target). A record that
    closes stays as history; if the rule holds again later, a new record opens."""

    MISSED_TARGET = "missed_target"
    WORSENING = "worsening"
    WORSE_THAN_ENGLAND = "worse_than_england"
    SPC_CONCERN = "spc_concern"
    NO_DATA = "no_data"
    KINDS = [
        (MISSED_TARGET, "Missed target"),
        (WORSENING, "Worsening"),
        (WORSE_THAN_ENGLAND, "Significantly worse than England"),
        (SPC_CONCERN, "Statistical process control concern"),
        (NO_DATA, "No data by the due date"),
    ]

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="exception_records")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=KINDS)
    detail = models.CharField(max_length=400)
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period", "kind"],
                condition=models.Q(closed_at__isnull=True),
                name="one_open_exception",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None
