"""A double-clicked Send stores one questionnaire, whatever the clicks: the production server
(gunicorn, several worker processes) gets two or three simultaneous posts from one pupil's session,
on the backend the suite runs on (SQLite, and PostgreSQL in CI's second run)
(docs/decisions/0071-one-send-one-response.md)."""

import shutil
import tempfile
import threading
from pathlib import Path

import pytest
from django.db import connection

from tests.live import (
    SURVEY_SETUP,
    Server,
    manage,
    postgres_url,
    pupil_sessions,
    run_python,
    server_environment,
)

SESSIONS = 8
CSRF_SECRET = "doubleclickcsrfsecret0123456789a"  # 32 letters and digits, as Django makes them
COUNT = """
from outcomes.surveys.models import Response
print(Response.objects.filter(edition__slug="primary-2009", school__code="swinton-brookfield").count())
"""


@pytest.fixture(scope="module")
def server():
    # The backend the suite runs on (CI runs it on both), in a database of the test's own.
    folder = None
    if connection.vendor == "sqlite":
        shm = Path("/dev/shm")
        folder = Path(tempfile.mkdtemp(dir=shm if shm.is_dir() else None))
        url = f"sqlite:///{folder / 'outcomes.sqlite3'}"
    else:
        url = postgres_url("outcomes_security_live")
        if url is None:
            pytest.skip("no PostgreSQL server on 127.0.0.1:5432")
    env = server_environment(url)
    manage(env, "migrate", "-v0")
    run_python(env, SURVEY_SETUP)
    live = Server(env, workers=4)
    try:
        yield live
    finally:
        live.stop()
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


def _clicks(live, key: str, times: int) -> list[tuple[int, dict]]:
    barrier = threading.Barrier(times)
    results: list = [None] * times

    def click(i):
        browser = live.client()
        browser.cookies = {"sessionid": key, "csrftoken": CSRF_SECRET}
        barrier.wait()
        status, headers, _ = browser.request("POST", "/s/send/", {"csrfmiddlewaretoken": CSRF_SECRET})
        results[i] = (status, headers)

    threads = [threading.Thread(target=click, args=(i,)) for i in range(times)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


def test_a_double_clicked_send_stores_one_response(server):
    before = int(run_python(server.env, COUNT))
    keys = pupil_sessions(server.env, SESSIONS)
    for n, key in enumerate(keys):
        results = _clicks(server, key, 2 + n % 2)
        for status, headers in results:
            # Every click lands on the thank-you page: the pupil sees their questionnaire went.
            assert status == 302, results
            assert headers["Location"].startswith("/s/thank-you/"), [h.get("Location") for _, h in results]
    after = int(run_python(server.env, COUNT))
    assert after - before == SESSIONS, (before, after)
