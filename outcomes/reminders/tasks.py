"""Sending reminders as a job of outcomes/jobs (issue 17's bulk e-mail): its progress, result and
failure are on its job page. The hourly scheduled job runs it in its own process (run_here); the
performance team's "Send the reminders due now" queues it for a worker."""

from datetime import datetime

from django.utils import timezone

from outcomes.jobs.queue import job_task, report_progress
from outcomes.reminders.sending import send_reminders


class RemindersNotSent(Exception):
    """Some messages could not be sent: the job is shown failed, and they are tried again on the
    next run (their once-only rows were given back)."""


@job_task
def send_reminders_task(job, at: str | None = None) -> dict:
    now = datetime.fromisoformat(at) if at else timezone.now()

    def progress(done: int, total: int) -> None:
        report_progress(job.pk, done, total, f"{done} of {total} messages sent")

    counts = send_reminders(now, progress=progress)
    if counts.failed:
        raise RemindersNotSent(f"{counts.sentence()} Not sent: {'; '.join(counts.failed[:5])}")
    return {"summary": counts.sentence(), "lines": []}
