"""Two runners started at the same moment, in two processes against one database (the file SQLite
of the embedded default, or PostgreSQL in the suite's PostgreSQL run): the job runs once."""

import subprocess
import sys
import time

import pytest
from django.db import connection

from tests.live import ROOT, manage, postgres_url, server_environment

RUNNER = """
import sys, time
from datetime import timedelta
import django
django.setup()
from outcomes.core import scheduler

def slow(now):
    time.sleep(5)
    return "Done."

scheduler.register(name="test.slow", title="Slow", app="core", every=timedelta(hours=1))(slow)
go = float(sys.argv[1])
while time.time() < go:
    time.sleep(0.005)
print(scheduler.run_job(scheduler.get_job("test.slow")).state)
"""


@pytest.fixture
def database_url(tmp_path):
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'outcomes.sqlite3'}"
    url = postgres_url("outcomes_scheduler_race")
    if url is None:
        pytest.skip("no PostgreSQL server on 127.0.0.1:5432")
    return url


def test_two_runners_at_once_run_a_job_once(database_url):
    env = server_environment(database_url)
    manage(env, "migrate", "-v0")
    go = time.time() + 15  # both processes have set Django up by then, even on a busy machine
    runners = [
        subprocess.Popen(
            [sys.executable, "-c", RUNNER, str(go)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    states = sorted(runner.communicate(timeout=120)[0].strip() for runner in runners)
    # The other found it running; on a machine so busy that it started only after the first had
    # finished, it finds the job not due. Never both.
    assert states[1] == "succeeded"
    assert states[0] in {"running elsewhere", "not due"}
