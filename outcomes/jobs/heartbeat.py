"""Workers say they are there, and ``/healthz`` asks whether any did lately (decision 0129).

``manage.py worker`` runs django-tasks' database worker with a ``Heartbeat`` beside it: a thread that
writes the worker's row every WORKER_HEARTBEAT_SECONDS, with its own database connection, whatever
the worker is doing (a LAIT import may run for minutes and is still a worker answering). The
``workers`` part of ``/healthz`` answers when a row is younger than HEALTH_WORKER_SECONDS.
"""

import logging
import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from outcomes.core import health
from outcomes.jobs.models import WorkerHeartbeat

log = logging.getLogger(__name__)

# Rows of workers gone this long are removed by the next beat of any worker.
FORGET_AFTER = timedelta(days=1)


def beat(worker_id: str, started_at) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "seen_at": now,
        },
    )
    WorkerHeartbeat.objects.filter(seen_at__lt=now - FORGET_AFTER).delete()


def forget(worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def answering(within: timedelta | None = None) -> int:
    """How many workers beat within the last ``within`` (HEALTH_WORKER_SECONDS by default)."""
    within = within or timedelta(seconds=settings.HEALTH_WORKER_SECONDS)
    return WorkerHeartbeat.objects.filter(seen_at__gte=timezone.now() - within).count()


@health.register("workers")
def workers() -> health.Answer:
    seconds = round(settings.HEALTH_WORKER_SECONDS)
    count = answering()
    if not count:
        return health.Answer(False, f"No worker has answered in the last {seconds} s.")
    return health.Answer(
        True, f"{count} {'worker' if count == 1 else 'workers'} answered in the last {seconds} s."
    )


class Heartbeat:
    """The thread that beats for one worker until stopped; stopping removes the worker's row."""

    def __init__(self, worker_id: str, every: float | None = None):
        self.worker_id = worker_id
        self.every = every if every is not None else settings.WORKER_HEARTBEAT_SECONDS
        self.started_at = timezone.now()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat {worker_id}", daemon=True)

    def start(self) -> "Heartbeat":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        try:
            while True:
                try:
                    beat(self.worker_id, self.started_at)
                except Exception as error:  # a beat missed is what /healthz is there to show
                    log.warning("Worker heartbeat not recorded (%s: %s)", type(error).__name__, error)
                    connection.close()
                if self._stop.wait(self.every):
                    break
            forget(self.worker_id)
        except Exception as error:
            log.warning("Worker heartbeat not removed (%s: %s)", type(error).__name__, error)
        finally:
            connection.close()
