"""/healthz (docs/deployment.md "Health checks", decision 0125): 200 when every part answers, 503
naming each part that does not, the same for everyone, signed in or not, and nothing about anyone."""

import json

import pytest
from django.db import OperationalError
from django.test import override_settings

from outcomes.core import health

pytestmark = pytest.mark.django_db

# Nothing listens on port 1 of loopback: the connection is refused at once.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


@pytest.fixture
def only_core_parts(monkeypatch):
    """The parts core checks itself; a test of another part registers its own."""
    monkeypatch.setattr(health, "_PARTS", {"database": health.database, "cache": health.cache})


def ask(client):
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    return response.status_code, json.loads(response.content)


def test_all_well_is_200_with_every_part(client, only_core_parts):
    status, body = ask(client)
    assert status == 200
    assert body["status"] == "ok"
    assert body["failing"] == []
    assert {name: part["ok"] for name, part in body["parts"].items()} == {"database": True, "cache": True}


def test_a_database_that_does_not_answer_is_503_naming_it(client, only_core_parts, monkeypatch):
    def refused(*args, **kwargs):
        raise OperationalError('connection to server at "db.internal" (10.0.0.5), port 5432 failed')

    monkeypatch.setattr(health.connection, "cursor", refused)
    status, body = ask(client)
    assert status == 503
    assert body["failing"] == ["database"]
    assert body["parts"]["cache"]["ok"] is True
    # The error's own text (a host, an address) is for the log, not for whoever asks.
    assert "10.0.0.5" not in json.dumps(body)
    assert "db.internal" not in json.dumps(body)


def test_a_cache_that_does_not_answer_is_503_naming_it(client, only_core_parts):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        status, body = ask(client)
    assert status == 503
    assert body["failing"] == ["cache"]
    assert body["parts"]["database"]["ok"] is True


def test_a_cache_that_loses_what_it_is_given_fails(client, only_core_parts):
    dummy = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    with override_settings(CACHES=dummy):
        status, body = ask(client)
    assert status == 503
    assert body["failing"] == ["cache"]


def test_a_registered_part_is_asked_and_its_failure_named(client, only_core_parts):
    health.register("workers")(lambda: health.Answer(False, "No worker has answered in the last 60 s."))
    status, body = ask(client)
    assert status == 503
    assert body["failing"] == ["workers"]
    assert body["parts"]["workers"]["detail"] == "No worker has answered in the last 60 s."


def test_the_answer_is_the_same_signed_in_and_says_nothing_about_anyone(client, users, only_core_parts):
    signed_out = ask(client)
    client.force_login(users["performance_officer"])
    status, body = ask(client)
    assert status == signed_out[0] == 200
    assert body["parts"].keys() == signed_out[1]["parts"].keys()
    text = json.dumps(body)
    for word in ("performance", "Sue", "Wilson", "127.0.0.1", "@"):
        assert word not in text


@override_settings(SECURE_SSL_REDIRECT=True)
def test_a_probe_over_plain_http_is_answered_not_redirected(client, only_core_parts):
    """Behind a TLS proxy, SECURE_SSL_REDIRECT sends every page to https; a probe inside the network
    asks over http and must get the answer itself."""
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301


def test_a_head_request_gets_the_status_alone(client, only_core_parts):
    """Some load balancers probe with HEAD."""
    response = client.head("/healthz")
    assert response.status_code == 200
    assert response.content == b""
