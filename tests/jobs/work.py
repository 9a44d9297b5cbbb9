"""Jobs the tests run: module level, as the queue imports a task by its dotted path."""

from django.db import OperationalError

from outcomes.jobs.models import Job, JobFile
from outcomes.jobs.queue import job_task, report_progress

RUNS: list[int] = []  # the job ids run in this process, once per run
SEEN: list[tuple[int, int, str]] = []  # the job's row as another reader finds it after each report


@job_task
def count_to(job, *, upto: int):
    RUNS.append(job.pk)
    for done in range(1, upto + 1):
        report_progress(job.pk, done, upto, f"Counted {done}")
        SEEN.append(Job.objects.values_list("done", "total", "message").get(pk=job.pk))
    JobFile.objects.create(job=job, purpose=JobFile.RESULT, name="count.csv", data=b"counted", size=7)
    return {"summary": f"Counted to {upto}."}


@job_task
def refuse(job):
    RUNS.append(job.pk)
    raise ValueError("The file has no sheet named 'Values'.")


@job_task
def locked_the_first_time(job):
    RUNS.append(job.pk)
    if RUNS.count(job.pk) == 1:
        raise OperationalError("database is locked")
    return {"summary": "Done on the second attempt."}


@job_task
def always_locked(job):
    RUNS.append(job.pk)
    raise OperationalError("database is locked")
