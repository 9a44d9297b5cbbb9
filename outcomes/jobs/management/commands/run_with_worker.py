"""`make run`: the development server and a worker from one command, both stopped by Ctrl+C, with
the scheduled jobs' loop (``run_scheduled --every 60``) beside them.

Each runs as its own process in its own process group, so that Ctrl+C reaches this command only,
which then stops both in order and waits for them (a worker finishes the task it is running). If
either stops by itself (the port is taken, say), the other is stopped too and the command ends
with its exit status. Production runs the two separately (README, "Operating notes").
"""

import os
import signal
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

# How long a process has to stop after being asked before it is made to.
GRACE_SECONDS = 10


class Command(BaseCommand):
    help = "Run the development server and a background worker together; Ctrl+C stops both."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000", help="as for runserver")
        parser.add_argument("--workers", type=int, default=1, help="how many workers to start (default 1)")
        parser.add_argument(
            "--scheduler-every",
            type=int,
            default=60,
            metavar="SECONDS",
            help="run the scheduled jobs (run_scheduled) every SECONDS; 0: not at all (default 60)",
        )

    def handle(self, *args, addrport, workers, scheduler_every, **options):
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        wanted = [("server", [*manage, "runserver", addrport])]
        wanted += [
            (f"worker {n + 1}", [*manage, "worker", "--no-reload", "--queue-name", "*"])
            for n in range(workers)
        ]
        # The demo's rounds close and its reminders go as a host's timer would do it (decision 0116).
        if scheduler_every > 0:
            wanted.append(("scheduler", [*manage, "run_scheduled", "--every", str(scheduler_every)]))
        children: list[tuple[str, subprocess.Popen]] = []
        stopping = False

        def stop(*_signal):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        status = 0
        try:
            for name, command in wanted:
                children.append((name, subprocess.Popen(command, start_new_session=True)))
                self.stdout.write(f"Started the {name} (process {children[-1][1].pid}).")
            while not stopping:
                ended = [(name, child) for name, child in children if child.poll() is not None]
                if ended:
                    name, child = ended[0]
                    status = child.returncode or 1
                    self.stderr.write(
                        f"The {name} stopped (exit status {child.returncode}): stopping the rest."
                    )
                    break
                time.sleep(0.2)
        finally:
            self._stop_all(children)
        if stopping:
            self.stdout.write("Stopped the server and the worker.")
        if status:
            sys.exit(status)

    def _stop_all(self, children) -> None:
        running = [child for _, child in children if child.poll() is None]
        for child in running:
            _signal_group(child, signal.SIGINT)
        deadline = time.monotonic() + GRACE_SECONDS
        for child in running:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(child, signal.SIGKILL)
                child.wait()
        # The server's autoreloader runs the server in a child of its own, in the same group.
        for _, child in children:
            _signal_group(child, signal.SIGKILL)


def _signal_group(child: subprocess.Popen, signum: int) -> None:
    with suppress(ProcessLookupError):
        os.killpg(child.pid, signum)
