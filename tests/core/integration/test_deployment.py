"""Deployment settings (issue 12 item 18, decision 0073): `check --deploy` is clean with the production
environment the README documents, no built-in key is used silently, every page has a
Content-Security-Policy that allows exactly its inline script, and staff pages and downloads are
not stored."""

import base64
import hashlib
import os
import re
import secrets
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.live import ROOT

pytestmark = pytest.mark.django_db


def readme_production_environment() -> dict[str, str]:
    """The KEY=value lines of the README's production block, with a real random key."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"check --deploy.*?```sh\n(.*?)```", readme, re.S)
    assert block, "the README documents the production environment in a ```sh block"
    env = {}
    for line in block.group(1).splitlines():
        key, _, value = line.strip().partition("=")
        env[key] = value
    assert env["SECRET_KEY"].startswith("<")
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def clean_environment(**values: str) -> dict[str, str]:
    keep = {"PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"}
    env = {k: v for k, v in os.environ.items() if k in keep}
    env.update(values)
    return env


def run(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_reports_nothing_with_the_documented_production_environment():
    env = clean_environment(DJANGO_SETTINGS_MODULE="outcomes.settings", **readme_production_environment())
    done = run(env, "manage.py", "check", "--deploy", "--fail-level", "DEBUG")
    assert done.returncode == 0, done.stderr + done.stdout
    assert "System check identified no issues (0 silenced)." in done.stdout


def test_check_deploy_says_when_the_cache_is_per_process():
    env = clean_environment(
        DJANGO_SETTINGS_MODULE="outcomes.settings",
        **{**readme_production_environment(), "CACHE_URL": "locmem://"},
    )
    done = run(env, "manage.py", "check", "--deploy")
    assert "outcomes.W001" in done.stderr + done.stdout


def test_check_deploy_says_when_mail_is_not_sent_or_links_would_not_reach_the_site():
    production = readme_production_environment()
    del production["EMAIL_HOST"]
    production["SITE_URL"] = "http://127.0.0.1:8000"
    env = clean_environment(DJANGO_SETTINGS_MODULE="outcomes.settings", **production)
    said = run(env, "manage.py", "check", "--deploy")
    said = said.stderr + said.stdout
    assert "outcomes.W002" in said
    assert "E-mail is not sent: reminders are kept by filebased." in said
    assert "outcomes.W003" in said


def test_without_a_secret_key_production_refuses_to_start():
    env = clean_environment(DJANGO_SETTINGS_MODULE="outcomes.settings", DEBUG="0")
    done = run(env, "-c", "import outcomes.wsgi")
    assert done.returncode != 0
    assert "SECRET_KEY is not set" in done.stderr
    debug = run(
        clean_environment(DJANGO_SETTINGS_MODULE="outcomes.settings", DEBUG="1"), "manage.py", "check"
    )
    assert debug.returncode == 0, debug.stderr


def test_tls_settings_come_from_the_environment():
    env = clean_environment(DJANGO_SETTINGS_MODULE="outcomes.settings", **readme_production_environment())
    code = (
        "from outcomes import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_HSTS_PRELOAD, s.SECURE_PROXY_SSL_HEADER, s.SESSION_COOKIE_SECURE)"
    )
    done = run(env, "-c", code)
    assert done.stdout.strip() == "True 31536000 True True ('HTTP_X_FORWARDED_PROTO', 'https') True"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


def _allowed_hashes(policy: str) -> set[str]:
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    return set(re.findall(r"'(sha256-[^']+)'", script_src))


@pytest.mark.parametrize(
    ("who", "path"),
    [
        (None, "/accounts/login/"),
        (None, "/s/"),
        ("performance_officer", "/"),
        ("performance_officer", "/plans/cypp-2013-16/"),
    ],
)
def test_every_inline_script_is_allowed_by_the_policy_and_nothing_else_is(client, users, who, path):
    if who:
        client.force_login(users[who])
    response = client.get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    inline = INLINE_SCRIPT.findall(response.content.decode())
    assert inline, "GOV.UK Frontend's body script is on every page"
    hashes = {"sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in inline}
    assert hashes <= _allowed_hashes(policy)
    assert 'type="module">' not in response.content.decode()  # no inline module: it is a file


def test_staff_pages_and_downloads_are_not_stored(client, users):
    client.force_login(users["performance_officer"])
    for path in ["/", "/plans/cypp-2013-16/", reverse("plans:export_xlsx", args=["cypp-2013-16"])]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path
        assert "private" in response["Cache-Control"], path


def test_a_staff_sign_in_lasts_a_working_day(client, users):
    response = client.post(
        reverse("accounts:login"), {"username": "performance", "password": "outcomes-demo"}
    )
    assert response.status_code == 302
    assert response.cookies["sessionid"]["max-age"] == 9 * 3600
