"""Starting and running jobs on django-tasks' queue (docs/decisions/0110-task-queue.md).

A job's work is a function decorated with ``job_task``: it receives the ``Job`` and the keyword
arguments given to ``start_job``, reports its progress with ``report_progress`` and returns what its
page shows (``{"summary": ..., "lines": [...]}``). ``start_job`` records the job and queues it; a
worker (``manage.py worker``) takes it, and the job is claimed once: a second delivery of the same
task, or an old one after a retry, finds it taken and does nothing. A failure for a passing reason
(``is_passing``) queues the job again, a little later, up to ``JOBS_MAX_ATTEMPTS`` times; any other
failure, or the last attempt's, is kept on the job with its message and traceback.
"""

import time
import traceback
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from outcomes.jobs.models import Job, JobFile
from outcomes.jobs.progress import forget, report_progress, running

__all__ = ["TryAgain", "is_passing", "job_task", "report_progress", "run_here", "start_job"]

HERE = "here"  # the task id of a job run by the command that started it, not by a worker
# What a database says when it is busy or gone for a moment, rather than asked something wrong.
PASSING_WORDS = (
    "locked",
    "busy",
    "deadlock",
    "could not serialize",
    "connection",
    "timeout",
    "timed out",
    "terminating",
    "server closed",
)


class TryAgain(Exception):
    """Raised by a job's work to be queued again later (a service it needs does not answer yet)."""


def is_passing(error: BaseException) -> bool:
    """Whether a failure may well not happen again: the database locked, busy or unreachable for a
    moment, a lost connection, or work that asked to be tried again."""
    if isinstance(error, TryAgain | InterfaceError):
        return True
    if isinstance(error, OperationalError):
        text = str(error).lower()
        return any(word in text for word in PASSING_WORDS)
    return False


def job_task(work: Callable[..., dict | None]):
    """Make ``work(job, **kwargs)`` a django-tasks task that runs it as a job (module level only)."""

    def run(context, job_id: int, **kwargs):
        return _execute(job_id, str(context.task_result.id), work, kwargs, task=the_task)

    # The queue finds the task again by this name, which the module binds to the task made here.
    # (Not functools.wraps: the queue reads the signature, which must begin with the context.)
    run.__module__, run.__qualname__, run.__name__ = work.__module__, work.__qualname__, work.__name__
    run.__doc__ = work.__doc__
    # Commands run the same work in their own process (run_here).
    run.work = work  # type: ignore[attr-defined]
    the_task = task(takes_context=True)(run)
    return the_task


def start_job(
    the_task,
    *,
    user,
    label: str,
    kind: str = "",
    inputs: list[tuple[str, bytes]] = (),  # type: ignore[assignment]
    queue: bool = True,
    **kwargs: Any,
) -> Job:
    """Record a job started by ``user`` and queue ``the_task`` for it (``queue=False``: record it
    only, for ``run_here``). ``inputs``: files the work reads (name, bytes), kept with the job.
    ``kwargs`` are passed to the work, and must be plain JSON values."""
    with transaction.atomic():
        job = Job.objects.create(
            started_by=user if user is not None and user.is_authenticated else None,
            label=label[:200],
            kind=(kind or the_task.name)[:80],
            task_id="" if queue else HERE,
        )
        for name, data in inputs:
            JobFile.objects.create(job=job, purpose=JobFile.INPUT, name=name[:200], data=data, size=len(data))
        if queue:
            job.task_id = str(the_task.enqueue(job_id=job.pk, **kwargs).id)
            job.save(update_fields=["task_id"])
    return job


def run_here(the_task, job: Job, **kwargs: Any) -> Job:
    """Run ``job`` (recorded with ``start_job(..., queue=False)``) in this process, as a worker would,
    retrying after a passing failure; returns it finished."""
    while True:
        outcome = _execute(job.pk, HERE, the_task.func.work, kwargs, task=None)
        job.refresh_from_db()
        if outcome != "again":
            return job
        # The attempt counter bounds this loop: _execute fails the job at its last attempt.
        time.sleep(_delay(job.attempts).total_seconds())


def _claim(job_id: int, task_id: str) -> bool:
    """Take the job for this delivery, once: only a queued job whose current task this is."""
    return bool(
        Job.objects.filter(pk=job_id, state=Job.QUEUED, task_id=task_id).update(
            state=Job.RUNNING,
            started_at=timezone.now(),
            attempts=F("attempts") + 1,
            done=0,
            total=0,
            message="",
            updated_at=timezone.now(),
        )
    )


def _execute(job_id: int, task_id: str, work, kwargs: dict, *, task) -> str | None:
    if not _claim(job_id, task_id):
        return None
    job = Job.objects.get(pk=job_id)
    try:
        with running(job_id):
            outcome = work(job, **kwargs) or {}
    except Exception as error:
        _recover_connection()
        if is_passing(error) and job.attempts < settings.JOBS_MAX_ATTEMPTS:
            _queue_again(job, error, task, kwargs)
            return "again"
        _fail(job, error)
        if task is not None:
            # The task is recorded as failed in the queue too.
            raise
        return "failed"
    finally:
        forget(job_id)
    Job.objects.filter(pk=job_id).update(
        state=Job.SUCCEEDED,
        result=outcome,
        done=F("total"),
        message="",
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )
    return "succeeded"


def _delay(attempts: int) -> timedelta:
    return timedelta(seconds=settings.JOBS_RETRY_SECONDS * 2 ** max(0, attempts - 1))


def _queue_again(job: Job, error: BaseException, task, kwargs: dict) -> None:
    when = timezone.now() + _delay(job.attempts)
    message = (
        f"Attempt {job.attempts} of {settings.JOBS_MAX_ATTEMPTS} stopped for a passing reason "
        f"({_first_line(error)}); trying again at {timezone.localtime(when):%H:%M:%S}."
    )
    with transaction.atomic():
        task_id = (
            HERE if task is None else str(task.using(run_after=when).enqueue(job_id=job.pk, **kwargs).id)
        )
        Job.objects.filter(pk=job.pk).update(
            state=Job.QUEUED,
            task_id=task_id,
            message=message[:300],
            updated_at=timezone.now(),
        )


def _fail(job: Job, error: BaseException) -> None:
    Job.objects.filter(pk=job.pk).update(
        state=Job.FAILED,
        error=_first_line(error, whole=True),
        error_detail="".join(traceback.format_exception(error))[-20_000:],
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


def _first_line(error: BaseException, *, whole: bool = False) -> str:
    text = str(error).strip() or type(error).__name__
    return text if whole else text.splitlines()[0][:200]


def _recover_connection() -> None:
    """After a lost connection, a fresh one for recording what happened (outside a transaction only:
    inside one, closing would drop the caller's work)."""
    if not connection.in_atomic_block and connection.connection is not None:
        connection.close_if_unusable_or_obsolete()
