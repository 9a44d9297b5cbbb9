"""The reminders' scheduled job (core/scheduler.py): sends what is due, once, as a job of
outcomes/jobs run here (its progress and outcome on the job's page) when there is anything to send."""

from datetime import datetime, timedelta

from django.utils import timezone

from outcomes.core import scheduler
from outcomes.jobs.models import Job
from outcomes.jobs.queue import run_here, start_job
from outcomes.reminders.sending import plan_messages
from outcomes.reminders.tasks import RemindersNotSent, send_reminders_task


@scheduler.register(
    name="reminders.send",
    title="Send the reminders that are due, and the weekly digests on Mondays",
    app="reminders",
    every=timedelta(hours=1),
)
def send(now: datetime) -> str:
    planned, counts = plan_messages(now)
    if not planned:
        # Nothing to send: no job is recorded, the jobs list keeps to work done.
        held_back = counts.held_back()
        return "Nothing to send" + (f" ({'; '.join(held_back)})." if held_back else ".")
    label = f"Reminders due on {timezone.localdate(now):%d %B %Y}: {len(planned)} to send"
    job = start_job(send_reminders_task, user=None, label=label, queue=False)
    job = run_here(send_reminders_task, job, at=now.isoformat())
    if job.state != Job.SUCCEEDED:
        raise RemindersNotSent(f"{job.error} (job {job.pk})")
    return f"{job.result.get('summary', '')} (job {job.pk})"
