"""`make run`'s command starts the server and a worker, the worker runs a queued job, and one Ctrl+C
stops both (every process of both: the server's autoreloader runs a child of its own)."""

import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"waited {seconds} s for {what}")


def answers(url: str) -> bool:
    try:
        return urllib.request.urlopen(url, timeout=2).status == 200
    except OSError:
        return False


def group_alive(pgid: int) -> bool:
    """Whether a process of the group still runs. A killed grandchild (the autoreloader's server) is
    an orphan that the machine's first process reaps when it gets to it, or never in some containers:
    until then it is a zombie, which runs nothing, so zombies do not count."""
    for _ in range(50):
        running = False
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rpartition(")")[2].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                running = True
                break
        if not running:
            return False
        time.sleep(0.1)
    return True


@pytest.mark.slow
def test_one_command_runs_the_server_and_a_worker_and_ctrl_c_stops_both(tmp_path):
    database = tmp_path / "outcomes.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "SECRET_KEY": "x"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)
    port = free_port()
    log = tmp_path / "run.log"
    with log.open("w") as out:
        supervisor = subprocess.Popen(
            [*manage, "run_with_worker", f"127.0.0.1:{port}"], env=env, cwd=ROOT, stdout=out, stderr=out
        )
    try:
        wait_for(lambda: answers(f"http://127.0.0.1:{port}/accounts/login/"), 90, "the server")
        started = [int(pid) for pid in re.findall(r"\(process (\d+)\)", log.read_text())]
        assert len(started) == 3, log.read_text()  # the server, a worker and the scheduled jobs' loop
        queued = subprocess.run(
            [
                *manage,
                "shell",
                "-c",
                "from outcomes.jobs.queue import start_job; from tests.jobs import work; "
                "print(start_job(work.count_to, user=None, label='By make run', upto=2).pk)",
            ],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        job = int(queued.stdout.split()[-1])

        def finished():
            with sqlite3.connect(database) as db:
                return (
                    db.execute("SELECT state FROM jobs_job WHERE id = ?", [job]).fetchone()[0] == "succeeded"
                )

        wait_for(finished, 60, "the worker to run the job")
        supervisor.send_signal(signal.SIGINT)
        assert supervisor.wait(timeout=30) == 0, log.read_text()
        assert not any(group_alive(pid) for pid in started), log.read_text()
        assert "Stopped the server and the worker." in log.read_text()
    finally:
        if supervisor.poll() is None:
            supervisor.kill()
