"""Scheduled jobs: one registry, one runner (issue 17, decision 0116).

Each app registers its jobs when it is ready, as it registers its data checks (core/checks.py), so
that core runs every job without importing any app. ``python manage.py run_scheduled`` runs the
jobs that are due; the host's timer (cron, a systemd timer) or ``--every SECONDS`` calls it.

Running it twice at once is safe: a job runs only under a lease, taken by one conditional UPDATE of
its row in ``ScheduledJob`` ("free and due: now mine until ..."). The database decides which of two
runners gets the row, on SQLite and on PostgreSQL alike; the other finds it taken and skips the job.
A runner that dies leaves its lease to expire, and the job is due again after it.
"""

import logging
import os
import socket
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

log = logging.getLogger(__name__)

# A job that failed is tried again after this long at most, however seldom it is due.
RETRY_AFTER = timedelta(minutes=15)


@dataclass(frozen=True)
class Job:
    name: str
    title: str
    app: str
    # How often it is due: measured from the start of its last run.
    every: timedelta
    # Takes the moment of the run; returns what it did, in a sentence for the log and the list.
    run: Callable[[datetime], str]
    # Longer than the job can take: past it, a runner that died is presumed gone.
    lease: timedelta = timedelta(minutes=30)


_JOBS: dict[str, Job] = {}


class UnknownJob(KeyError):
    pass


def register(*, name: str, title: str, app: str, every: timedelta, lease: timedelta = timedelta(minutes=30)):
    """Register the decorated function ``run(now) -> str`` as the scheduled job ``name``."""

    def decorate(run: Callable[[datetime], str]):
        existing = _JOBS.get(name)
        if existing is not None and _origin(existing.run) != _origin(run):
            raise ValueError(f"Two scheduled jobs are called {name!r}")
        _JOBS[name] = Job(name, title, app, every, run, lease)
        return run

    return decorate


def _origin(run: Callable) -> str:
    return f"{run.__module__}.{run.__qualname__}"


def all_jobs() -> list[Job]:
    return list(_JOBS.values())


def get_job(name: str) -> Job:
    try:
        return _JOBS[name]
    except KeyError:
        raise UnknownJob(name) from None


@dataclass(frozen=True)
class Outcome:
    job: Job
    # "succeeded", "failed", "not due" or "running elsewhere"
    state: str
    message: str = ""

    @property
    def ran(self) -> bool:
        return self.state in {SUCCEEDED, FAILED}


SUCCEEDED = "succeeded"
FAILED = "failed"
NOT_DUE = "not due"
RUNNING_ELSEWHERE = "running elsewhere"


def new_holder() -> str:
    """Who holds a lease: the machine and process, and a token of this run."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _row(job: Job):
    from outcomes.core.models import ScheduledJob

    row = ScheduledJob.objects.filter(name=job.name).first()
    if row is not None:
        return row
    try:
        with transaction.atomic():
            return ScheduledJob.objects.create(name=job.name)
    except IntegrityError:  # another runner made it a moment ago
        return ScheduledJob.objects.get(name=job.name)


def claim(job: Job, now: datetime, holder: str, *, force: bool = False) -> bool:
    """Take the job's lease if it is free (and, unless forced, the job is due): one UPDATE, so that
    of two runners at once exactly one changes the row."""
    from outcomes.core.models import ScheduledJob

    _row(job)
    rows = ScheduledJob.objects.filter(name=job.name).filter(
        Q(lease_until__isnull=True) | Q(lease_until__lte=now)
    )
    if not force:
        rows = rows.filter(Q(next_due__isnull=True) | Q(next_due__lte=now))
    return rows.update(lease_until=now + job.lease, holder=holder, last_started_at=now) == 1


def _release(job: Job, holder: str, *, state: str, message: str, next_due: datetime) -> None:
    from outcomes.core.models import ScheduledJob

    # Only while the lease is still ours: a run that outlived it leaves the row to its successor.
    ScheduledJob.objects.filter(name=job.name, holder=holder).update(
        lease_until=None,
        holder="",
        next_due=next_due,
        last_finished_at=timezone.now(),
        last_state=state,
        last_message=message[:2000],
    )


def run_job(
    job: Job, *, now: datetime | None = None, holder: str | None = None, force: bool = False
) -> Outcome:
    now = now or timezone.now()
    holder = holder or new_holder()
    if not claim(job, now, holder, force=force):
        from outcomes.core.models import ScheduledJob

        row = ScheduledJob.objects.get(name=job.name)
        held = row.lease_until is not None and row.lease_until > now
        return Outcome(job, RUNNING_ELSEWHERE if held else NOT_DUE)
    try:
        message = job.run(now) or "Done."
    except Exception as error:  # the job's failure is recorded and shown; the other jobs still run
        log.exception("Scheduled job %s failed", job.name)
        message = f"{type(error).__name__}: {error}"
        _release(job, holder, state=FAILED, message=message, next_due=now + min(job.every, RETRY_AFTER))
        return Outcome(job, FAILED, message)
    _release(job, holder, state=SUCCEEDED, message=message, next_due=now + job.every)
    return Outcome(job, SUCCEEDED, message)


def run_due(
    *, now: datetime | None = None, names: Iterable[str] | None = None, force: bool = False
) -> list[Outcome]:
    """Run every job that is due (or those named), in the order the apps registered them: plans
    closes its rounds before the reminders look at which rounds are still open."""
    jobs = all_jobs() if names is None else [get_job(name) for name in names]
    holder = new_holder()
    return [run_job(job, now=now, holder=holder, force=force) for job in jobs]
