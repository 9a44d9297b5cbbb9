"""A job run by the command that started it, with its progress drawn in the terminal (decision 0111):
a bar redrawn in place on a terminal, a line per step when the output is a file or a pipe."""

import shutil
import time
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import CommandError

from outcomes.jobs.models import Job, JobFile
from outcomes.jobs.progress import Progress, listening
from outcomes.jobs.queue import run_here, start_job

WIDTH = 30


class ProgressBar:
    def __init__(self, stream: TextIO):
        self.stream = stream
        self.live = stream.isatty()
        self.step = None
        self.drawn = 0.0

    def draw(self, progress: Progress) -> None:
        percent = min(100, progress.done * 100 // progress.total) if progress.total else 0
        if self.live:
            # Redrawn at most ten times a second: a terminal is slower than the work.
            if time.monotonic() - self.drawn < 0.1 and percent < 100:
                return
            self.drawn = time.monotonic()
            filled = WIDTH * percent // 100
            line = f"[{'#' * filled}{'.' * (WIDTH - filled)}] {percent:3d}% {progress.message}"
            columns = shutil.get_terminal_size().columns
            self.stream.write("\r" + line[: columns - 1].ljust(columns - 1))
        else:
            step = progress.message.split(":")[0]
            if step == self.step:
                return
            self.step = step
            self.stream.write(f"{percent:3d}% {progress.message}\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()


def run_with_progress_bar(the_task, *, label: str, stream: TextIO, user=None, **kwargs: Any) -> Job:
    """Record a job, run it here while drawing its progress on ``stream``, and return it finished."""
    job = start_job(the_task, user=user, label=label, queue=False, **kwargs)
    bar = ProgressBar(stream)

    def draw(job_id: int, progress: Progress) -> None:
        if job_id == job.pk:
            bar.draw(progress)

    with listening(draw):
        try:
            return run_here(the_task, job, **kwargs)
        finally:
            bar.finish()


def write_result_file(job: Job, out: str, stdout: TextIO) -> None:
    """A command's finished job that made a file: the file written to ``out``, its summary and lines
    said on ``stdout``; a failed job's error raised as the command's."""
    if job.state != Job.SUCCEEDED:
        raise CommandError(job.error)
    made = job.files.get(purpose=JobFile.RESULT)
    Path(out).write_bytes(bytes(made.data))
    stdout.write(job.result["summary"])
    for line in job.result["lines"]:
        stdout.write(f"- {line}")
    stdout.write(f"Wrote {out} ({made.size} bytes).")
