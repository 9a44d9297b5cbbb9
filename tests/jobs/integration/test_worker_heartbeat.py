"""The workers' part of /healthz (decision 0129): it answers while a worker's heartbeat is recent,
names the workers when none is, and `manage.py worker` beats while it runs and stops beating (its
row removed) when it is stopped."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from outcomes.jobs import heartbeat
from outcomes.jobs.models import WorkerHeartbeat

ROOT = Path(__file__).resolve().parents[3]


def health(client) -> tuple[int, dict]:
    response = client.get("/healthz")
    return response.status_code, json.loads(response.content)


@pytest.mark.django_db
def test_without_a_worker_healthz_is_503_naming_the_workers(client):
    status, body = health(client)
    assert status == 503
    assert body["failing"] == ["workers"]
    assert body["parts"]["workers"]["detail"] == "No worker has answered in the last 60 s."
    assert body["parts"]["database"]["ok"]
    assert body["parts"]["cache"]["ok"]


@pytest.mark.django_db
def test_a_worker_that_beat_lately_makes_healthz_200(client):
    heartbeat.beat("worker-a", timezone.now())
    status, body = health(client)
    assert status == 200
    assert body["parts"]["workers"] == {
        "ok": True,
        "detail": "1 worker answered in the last 60 s.",
        "ms": body["parts"]["workers"]["ms"],
    }
    # Nothing about the worker's machine is shown.
    assert "worker-a" not in json.dumps(body)


@pytest.mark.django_db
def test_a_worker_silent_for_longer_than_the_window_does_not_count(client, settings):
    heartbeat.beat("worker-a", timezone.now())
    WorkerHeartbeat.objects.update(seen_at=timezone.now() - timedelta(seconds=61))
    assert health(client)[0] == 503
    settings.HEALTH_WORKER_SECONDS = 120
    assert health(client)[0] == 200


@pytest.mark.django_db
def test_a_beat_updates_its_row_forgets_old_workers_and_a_stop_removes_it():
    heartbeat.beat("gone", timezone.now())
    WorkerHeartbeat.objects.filter(worker_id="gone").update(seen_at=timezone.now() - timedelta(days=2))
    heartbeat.beat("worker-a", timezone.now())
    heartbeat.beat("worker-a", timezone.now())
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["worker-a"]
    assert WorkerHeartbeat.objects.get().pid == os.getpid()
    heartbeat.forget("worker-a")
    assert heartbeat.answering() == 0


def wait_for(check, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"waited {seconds} s for {what}")


@pytest.mark.slow
def test_the_worker_command_beats_while_it_runs_and_is_forgotten_when_stopped(tmp_path):
    database = tmp_path / "outcomes.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "x",
        "WORKER_HEARTBEAT_SECONDS": "0.3",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)

    def health_elsewhere() -> dict:
        """/healthz's report as another process (an application server) computes it."""
        code = (
            "import django, json; django.setup(); "
            "from outcomes.core import health; print(json.dumps(health.report()))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code],
            env={**env, "DJANGO_SETTINGS_MODULE": "outcomes.settings"},
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        return json.loads(done.stdout)

    def rows() -> list[tuple[str, str]]:
        with sqlite3.connect(database) as db:
            return db.execute("SELECT worker_id, seen_at FROM jobs_workerheartbeat").fetchall()

    worker = subprocess.Popen(
        [*manage, "worker", "--no-reload", "--worker-id", "test-worker", "-v0"],
        env=env,
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(lambda: rows(), 60, "the first heartbeat")
        first = rows()[0][1]
        wait_for(lambda: rows() and rows()[0][1] != first, 10, "a second heartbeat")
        assert rows()[0][0] == "test-worker"
        assert health_elsewhere()["status"] == "ok"
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0, worker.stderr.read()
        assert rows() == []
        assert health_elsewhere()["failing"] == ["workers"]
    finally:
        if worker.poll() is None:
            worker.kill()
