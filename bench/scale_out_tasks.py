"""The task bench/scale_out.py queues, and how its runs are counted.

A module of its own (not the script) so that the workers import it by the same name as the script
that queues it: ``bench.scale_out_tasks.record_run``. Each run writes one row to ``bench_task_runs``
(made by the script, in the bench's own database) with the job and the process that ran it; a task
run twice would leave two rows, a task never run none.
"""

import os
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from outcomes.jobs.queue import job_task

RUNS_TABLE = "bench_task_runs"


@job_task
def record_run(job, wait_ms: int = 0):
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {RUNS_TABLE} (job_id, pid) VALUES (%s, %s)", [job.pk, os.getpid()])
    # Stands for the part of a real task spent waiting on something else (an SMTP server, a
    # converter): what a second worker overlaps even on a busy machine.
    if wait_ms:
        time.sleep(wait_ms / 1000)
    return {"summary": "Recorded."}


@dataclass(frozen=True)
class RunCounts:
    queued: int
    run: int  # rows written for the queued jobs: more than queued if any ran twice
    once: int
    more_than_once: int
    never: int

    @property
    def exactly_once(self) -> bool:
        return self.once == self.queued == self.run and not self.more_than_once and not self.never


def count_runs(queued: Iterable[int], runs: Iterable[int]) -> RunCounts:
    """How often each queued job ran, from the job ids of the rows written (rows of jobs not queued
    in this phase, such as warm-up ones, are not counted)."""
    wanted = set(queued)
    times = Counter(job for job in runs if job in wanted)
    return RunCounts(
        queued=len(wanted),
        run=sum(times.values()),
        once=sum(1 for n in times.values() if n == 1),
        more_than_once=sum(1 for n in times.values() if n > 1),
        never=len(wanted - times.keys()),
    )
