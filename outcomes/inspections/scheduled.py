"""The month's snapshot of the recommendations, taken on the first day of the next month
(core/scheduler.py). Due every few hours, it takes last month's snapshot only if none was taken, so a
runner that was down on the first catches up on the next day it runs."""

from datetime import datetime, timedelta

from django.utils import timezone

from outcomes.core import scheduler
from outcomes.inspections import snapshots


@scheduler.register(
    name="inspections.monthly_snapshot",
    title="Take last month's snapshot of the inspection recommendations",
    app="inspections",
    every=timedelta(hours=6),
)
def monthly_snapshot(now: datetime) -> str:
    year, month = snapshots.month_before(timezone.localdate(now))
    if snapshots.taken(year, month):
        return f"The snapshot of {year:04d}-{month:02d} was taken already."
    snapshots.take(user=None, year=year, month=month)
    return f"Took the snapshot of the recommendations as at {snapshots.month_end(year, month).isoformat()}."
