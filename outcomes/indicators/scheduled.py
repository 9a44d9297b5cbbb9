"""The indicators' scheduled job (core/scheduler.py): a value that misses its due date opens the
"no data by its due date" exception on the day after, not at the next import (issue 17)."""

from datetime import datetime, timedelta

from django.utils import timezone

from outcomes.core import scheduler
from outcomes.indicators.exceptions import refresh_exceptions
from outcomes.indicators.models import DataExpectation


@scheduler.register(
    name="indicators.no_data_exceptions",
    title="Open the exceptions of values not arrived by their due date",
    app="indicators",
    every=timedelta(hours=1),
)
def no_data_exceptions(now: datetime) -> str:
    # Only the indicators that expect data by a date: the other exceptions follow the derived
    # figures and change only when a recompute does, which refreshes them itself.
    expecting = set(DataExpectation.objects.values_list("indicator_id", flat=True))
    if not expecting:
        return "No value is expected by a date."
    counts = refresh_exceptions(expecting, today=timezone.localdate(now))
    opened = f"{counts['opened']} exception{'' if counts['opened'] == 1 else 's'} opened"
    return (
        f"Looked at {len(expecting)} indicator{'' if len(expecting) == 1 else 's'} expecting data: "
        f"{opened}, {counts['closed']} closed."
    )
