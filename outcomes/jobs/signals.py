"""What the jobs app hears from the queue, and how a job is linked to."""

from django.urls import reverse
from django.utils import timezone

from outcomes.jobs.access import may_see
from outcomes.jobs.models import Job


def keep_the_failure(task_result, **kwargs) -> None:
    """A task that failed before its job could record why (its code could not be imported, say):
    the job says so rather than waiting for ever."""
    if task_result.status != "FAILED" or not task_result.errors:
        return
    error = task_result.errors[-1]
    Job.objects.filter(task_id=str(task_result.id), state__in=[Job.QUEUED, Job.RUNNING]).update(
        state=Job.FAILED,
        error=f"The work could not run ({error.exception_class_path.rsplit('.', 1)[-1]}).",
        error_detail=error.traceback[-20_000:],
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


def job_url(user, job: Job) -> str | None:
    return reverse("jobs:detail", kwargs={"pk": job.pk}) if may_see(user, job) else None
