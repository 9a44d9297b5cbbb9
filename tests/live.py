"""A real production server for the tests that need real processes: gunicorn as gunicorn.conf.py
runs it, on loopback, against a database of the test's own (not pytest's test database, which
other processes cannot see), and simple HTTP clients that keep their own cookies."""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# Throwaway key for a throwaway server (production refuses to start without SECRET_KEY).
TEST_SECRET = "live-test-secret-key-used-only-by-tests-on-loopback-0123456789"


def server_environment(database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="outcomes.settings",
        SECRET_KEY=TEST_SECRET,
        DEBUG="0",
        ALLOWED_HOSTS=HOST,
        CSRF_TRUSTED_ORIGINS=f"http://{HOST}",
        OUTCOMES_DEMO_LAIT_MEASURES="ReReferral",
        # The request log would fill the pipe that Server keeps stderr in (read only at the end).
        LOG_REQUESTS="0",
    )
    env.update(extra)
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=300)


def run_python(env: dict, code: str) -> str:
    """Run ``code`` in a fresh process set up for Django against the server's database."""
    prelude = "import django; django.setup()\n"
    done = subprocess.run(
        [sys.executable, "-c", prelude + code],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
        capture_output=True,
        text=True,
    )
    return done.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, env: dict, workers: int = 4):
        self.env = env
        self.port = _free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "outcomes.wsgi",
                "--config",
                "gunicorn.conf.py",
                "--bind",
                f"{HOST}:{self.port}",
                "--workers",
                str(workers),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped: {self.process.stderr.read()}")
            try:
                socket.create_connection((HOST, self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start in 60 s")

    def client(self) -> "Client":
        return Client(self.port)

    def stop(self) -> str:
        self.process.terminate()
        try:
            _, errors = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, errors = self.process.communicate()
        return errors or ""


CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class Client:
    """One browser: its own cookies, one connection at a time."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None) -> tuple[int, dict, bytes]:
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        headers = {"Host": HOST, "Origin": f"http://{HOST}", "Referer": f"http://{HOST}{path}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    cookie_value = rest.split(";", 1)[0]
                    if cookie_value in ('""', "") or "max-age=0" in value.lower():
                        self.cookies.pop(key, None)
                    else:
                        self.cookies[key] = cookie_value
            return response.status, dict(response.getheaders()), content
        finally:
            connection.close()

    def get(self, path: str) -> tuple[int, bytes]:
        status, _, content = self.request("GET", path)
        return status, content

    def post(self, path: str, data: dict) -> tuple[int, bytes]:
        status, _, content = self.request("POST", path, data)
        return status, content

    def csrf(self, path: str) -> tuple[str, bytes]:
        status, content = self.get(path)
        assert status == 200, (path, status)
        found = CSRF.search(content)
        assert found, f"no CSRF token on {path}"
        return found.group(1).decode(), content

    def sign_in(self, username: str, password: str) -> None:
        token, _ = self.csrf("/accounts/login/")
        status, _ = self.post(
            "/accounts/login/", {"csrfmiddlewaretoken": token, "username": username, "password": password}
        )
        assert status == 302, f"{username} could not sign in ({status})"


SURVEY_SETUP = """
from outcomes.surveys.demo import load_demo_surveys
load_demo_surveys()
"""

# Sessions as the pupils' pages leave them after the last page (views/pupils.py STATE): a whole
# questionnaire from the generator's model, for the school code given.
PUPIL_SESSIONS = """
import random, sys
from datetime import timedelta
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.answer_forms import pages, shown_items
from outcomes.surveys.generator import _Model
from outcomes.surveys.models import AccessLink, Edition
from outcomes.surveys.views.pupils import STATE

edition = Edition.objects.get(slug="primary-2009")
link = AccessLink.objects.get(edition=edition, school__code={school!r})
q = questionnaires.load(edition)
model = _Model(q, random.Random(1))
rng = random.Random({seed})
for _ in range({count}):
    answers = model.answers(rng)
    seen = q.visibility(answers)
    done = [page.number for page in pages(q) if shown_items(page, seen)]
    store = SessionStore()
    store[STATE] = {{"link": link.token, "rev": edition.revision, "answers": answers, "done": done}}
    store.set_expiry(0)
    store.save(must_create=True)
    print(store.session_key)
"""


def pupil_sessions(env: dict, count: int, school: str = "swinton-brookfield", seed: int = 0) -> list[str]:
    """Session keys, each holding a finished questionnaire ready to send."""
    return run_python(env, PUPIL_SESSIONS.format(count=count, school=school, seed=seed)).split()


def postgres_url(name: str) -> str | None:
    """A PostgreSQL database of this name, made afresh, when a server answers on 127.0.0.1:5432."""
    try:
        socket.create_connection((HOST, 5432), timeout=1).close()
    except OSError:
        return None
    for command in (["dropdb", "--if-exists"], ["createdb"]):
        subprocess.run([*command, "-h", HOST, "-U", "postgres", name], check=True, timeout=60)
    return f"postgres://postgres@{HOST}:5432/{name}"
