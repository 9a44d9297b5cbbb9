"""The reminders' scheduled job (core/scheduler.py): sends what is due, once."""

from datetime import datetime, timedelta

from outcomes.core import scheduler
from outcomes.reminders.sending import send_reminders


class RemindersNotSent(Exception):
    """Some messages could not be sent: the job is shown failed, and they are tried again."""


@scheduler.register(
    name="reminders.send",
    title="Send the reminders that are due, and the weekly digests on Mondays",
    app="reminders",
    every=timedelta(hours=1),
)
def send(now: datetime) -> str:
    counts = send_reminders(now)
    if counts.failed:
        raise RemindersNotSent(f"{counts.sentence()} Not sent: {'; '.join(counts.failed[:5])}")
    return counts.sentence()
