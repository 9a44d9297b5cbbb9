"""The embedded default (SQLite) holds a partnership's concurrency: people saving the same update or
milestone at the same moment through the production server (gunicorn, several worker processes)
get either their save or the edit-conflict page, never a server error, and nothing is lost
(docs/decisions/0070-sqlite-concurrency.md)."""

import re
import shutil
import sqlite3
import tempfile
import threading
from html import unescape
from pathlib import Path

import pytest
from django.db import connection

from tests.live import Server, manage, run_python, server_environment

CLIENTS = 6
RACES = 3
ROUND = "/plans/cypp-2013-16/rounds/june-2014"
SETUP = """
from outcomes.accounts.demo import ensure_demo_users
from outcomes.plans.demo import load_demo_plan
load_demo_plan()
ensure_demo_users()
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if connection.vendor != "sqlite":
        pytest.skip("about SQLite: run in the suite's SQLite run")
    # In memory-backed files where the machine has them: the locking is the same, the fsyncs free.
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() else tmp_path_factory.mktemp("sqlite")
    path = folder / "outcomes.sqlite3"
    env = server_environment(f"sqlite:///{path}")
    manage(env, "migrate", "-v0")
    run_python(env, SETUP)
    live = Server(env, workers=4)
    try:
        clients = [live.client() for _ in range(CLIENTS)]
        signing_in = [
            threading.Thread(target=c.sign_in, args=("performance" if i % 2 else "admin", "outcomes-demo"))
            for i, c in enumerate(clients)
        ]
        for t in signing_in:
            t.start()
        for t in signing_in:
            t.join(120)
        yield clients, path
    finally:
        errors = live.stop()
        shutil.rmtree(folder, ignore_errors=True)
        assert "database is locked" not in errors


def _race(clients, path: str, forms: list[dict]) -> list[tuple[int, bytes]]:
    """Everybody posts at the same instant; returns each one's (status, page)."""
    barrier = threading.Barrier(len(clients))
    results: list = [None] * len(clients)

    def send(i):
        barrier.wait()
        results[i] = clients[i].post(path, forms[i])

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(clients))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def _field(html: bytes, name: str) -> str:
    found = re.search(rb'name="' + name.encode() + rb'"[^>]*value="([^"]*)"', html)
    return unescape(found.group(1).decode()) if found else ""


def test_simultaneous_saves_of_one_update_lose_nothing(server):
    clients, db = server
    path = f"{ROUND}/updates/1/26/"
    for race in range(RACES):
        forms = []
        for i, c in enumerate(clients):
            token, page = c.csrf(path)
            version = _field(page, "version")
            forms.append(
                {"csrfmiddlewaretoken": token, "text": f"Race {race} text of person {i}", "status": "green"}
                | ({"version": version} if version else {})
            )
        results = _race(clients, path, forms)
        statuses = [status for status, _ in results]
        assert 500 not in statuses, statuses
        assert statuses.count(302) == 1, statuses
        winner = statuses.index(302)
        for i, (status, page) in enumerate(results):
            if i != winner:
                html = unescape(page.decode())
                assert status == 200
                assert "saved this update" in html  # the edit-conflict page
                assert f"Race {race} text of person {i}" in html  # the loser's text is kept
        with sqlite3.connect(db) as connection:
            (text,) = connection.execute(
                "SELECT u.text FROM plans_update u JOIN plans_milestone m ON m.id = u.milestone_id "
                "JOIN plans_priority p ON p.id = m.priority_id WHERE p.number = 1 AND m.number = 26"
            ).fetchone()
        assert text == f"Race {race} text of person {winner}"


def test_simultaneous_edits_of_one_milestone_lose_nothing(server):
    clients, db = server
    path = "/plans/cypp-2013-16/priorities/1/milestones/27/edit/"
    for race in range(RACES):
        forms = []
        for i, c in enumerate(clients):
            token, page = c.csrf(path)
            forms.append(
                {
                    "csrfmiddlewaretoken": token,
                    "text": f"Race {race} milestone wording of person {i}",
                    "due": "",
                    "sub_heading": "",
                    "delivery_lead": "Ron Parry",
                    "strategy_lead": "",
                    "version": _field(page, "version"),
                }
            )
        results = _race(clients, path, forms)
        statuses = [status for status, _ in results]
        assert 500 not in statuses, statuses
        assert statuses.count(302) == 1, statuses
        winner = statuses.index(302)
        for i, (status, page) in enumerate(results):
            if i != winner:
                html = unescape(page.decode())
                assert status == 200
                assert "while you were editing it" in html  # the edit-conflict page
                assert f"Race {race} milestone wording of person {i}" in html  # their text is kept
        with sqlite3.connect(db) as connection:
            (text,) = connection.execute(
                "SELECT m.text FROM plans_milestone m JOIN plans_priority p ON p.id = m.priority_id "
                "WHERE p.number = 1 AND m.number = 27"
            ).fetchone()
        assert text == f"Race {race} milestone wording of person {winner}"
