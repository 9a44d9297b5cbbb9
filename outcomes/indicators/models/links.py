"""Plan milestones measured by an indicator."""

from django.db import models

from outcomes.indicators.models.areas import Area
from outcomes.indicators.models.indicators import Indicator, Period
from outcomes.plans.models import Milestone


class MilestoneIndicatorLink(models.Model):
    """A plan milestone measured by an indicator: its baseline, target and actual are read from the
    indicator's values and targets for the area instead of being typed into the milestone."""

    milestone = models.OneToOneField(Milestone, on_delete=models.CASCADE, related_name="indicator_link")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="milestone_links")
    # Blank: the partnership's own area.
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    # The period of the baseline and of the target; blank: earliest value, latest target.
    baseline_period = models.ForeignKey(
        Period, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    target_period = models.ForeignKey(
        Period, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.milestone} → {self.indicator.code}"
