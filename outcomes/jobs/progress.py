"""How far a job has gone: written where the job's page can read it while the job still works.

A job's own transaction (the LAIT import is one, all or nothing) hides whatever it writes until it
commits, so progress reported inside it is written by another connection: on PostgreSQL a short
thread with its own connection updates the job's row; on SQLite, where one writer at a time holds
the whole file, it goes to a small side file beside the database (``<database>-progress``) that the
page reads while the job runs (decision 0112). A command that runs a job in its own process also
listens, to draw its progress bar.
"""

import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from django.db import connection
from django.utils import timezone

from outcomes.jobs.models import Job

# At most one write a second within a step; a new step is always written.
EVERY_SECONDS = 1.0


@dataclass
class Progress:
    done: int
    total: int
    message: str


Listener = Callable[[int, Progress], None]
_listeners: list[Listener] = []
_state = threading.local()


@contextmanager
def listening(listener: Listener):
    """Call ``listener(job_id, progress)`` for every report made in this process meanwhile."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


@contextmanager
def running(job_id: int):
    """Mark the work of ``job_id`` as running here: transactions opened from now on are the job's own."""
    _state.job_id, _state.depth, _state.last = job_id, len(connection.atomic_blocks), {}
    try:
        yield
    finally:
        _state.job_id = None


def report_progress(job_id: int, done: int, total: int, message: str = "") -> None:
    """Record that ``done`` of ``total`` steps of the job are done (``message``: what it is doing)."""
    progress = Progress(max(0, int(done)), max(0, int(total)), message[:300])
    for listener in list(_listeners):
        listener(job_id, progress)
    # A step is the message up to its colon ("Derived figures: 120 of 448 computed"): a new step is
    # written at once, the count within one at most once a second.
    step = progress.message.split(":")[0]
    last = getattr(_state, "last", {}).get(job_id)
    now = time.monotonic()
    unfinished = progress.done < progress.total
    if last is not None and last[1] == step and now - last[0] < EVERY_SECONDS and unfinished:
        return
    if hasattr(_state, "last"):
        _state.last[job_id] = (now, step)
    if not _inside_the_jobs_transaction(job_id):
        _write_row(job_id, progress)
    elif connection.vendor == "sqlite":
        _write_side_file(job_id, progress)
    else:
        _write_row_elsewhere(job_id, progress)


def current(job: Job) -> Progress:
    """The latest progress of ``job``: its row, or what the side file holds while it runs on SQLite."""
    progress = Progress(job.done, job.total, job.message)
    if job.state == Job.RUNNING and connection.vendor == "sqlite":
        side = _read_side_file(job.pk)
        if side is not None:
            progress = side
    return progress


def forget(job_id: int) -> None:
    """Drop what the side file holds for a job that has ended (its row is now the truth)."""
    path = _side_file()
    if path is not None and path.exists():
        with suppress(sqlite3.Error), _side(path) as side:
            side.execute("DELETE FROM progress WHERE job_id = ?", [job_id])


def _inside_the_jobs_transaction(job_id: int) -> bool:
    return getattr(_state, "job_id", None) == job_id and len(connection.atomic_blocks) > _state.depth


def _write_row(job_id: int, progress: Progress) -> None:
    Job.objects.filter(pk=job_id).update(
        done=progress.done, total=progress.total, message=progress.message, updated_at=timezone.now()
    )


def _write_row_elsewhere(job_id: int, progress: Progress) -> None:
    def write():
        from django.db import connection as own

        try:
            _write_row(job_id, progress)
        finally:
            own.close()

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    thread.join(timeout=5)


def _side_file() -> Path | None:
    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor != "sqlite" or not name or "memory" in name:
        return None
    return Path(f"{name}-progress")


@contextmanager
def _side(path: Path):
    side = sqlite3.connect(path, timeout=2)
    try:
        # Progress need not survive a power cut: no waiting for the disk.
        side.execute("PRAGMA synchronous = OFF")
        side.execute(
            "CREATE TABLE IF NOT EXISTS progress "
            "(job_id INTEGER PRIMARY KEY, done INTEGER, total INTEGER, message TEXT)"
        )
        with side:
            yield side
    finally:
        side.close()


def _write_side_file(job_id: int, progress: Progress) -> None:
    path = _side_file()
    if path is None:
        return
    # Progress is a courtesy: a side file that cannot be written never stops the work.
    with suppress(sqlite3.Error), _side(path) as side:
        side.execute(
            "INSERT OR REPLACE INTO progress VALUES (?, ?, ?, ?)",
            [job_id, progress.done, progress.total, progress.message],
        )


def _read_side_file(job_id: int) -> Progress | None:
    path = _side_file()
    if path is None or not path.exists():
        return None
    with suppress(sqlite3.Error), _side(path) as side:
        row = side.execute("SELECT done, total, message FROM progress WHERE job_id = ?", [job_id]).fetchone()
        return Progress(*row) if row else None
    return None
