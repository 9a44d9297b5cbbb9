"""The logging the settings configure (decision 0126): what reaches the log handler when a signed-in
member of staff's page fails, and the request log's one line a request, hold no names, e-mail
addresses, query strings or typed values; the pupils' pages are not logged one by one."""

import io
import logging

import pytest
from django.test import override_settings
from django.urls import include, path

from outcomes.core.logs import PersonalDataFilter

pytestmark = pytest.mark.django_db


def failing_page(request, code):
    # A bug that quotes what it was given, as real ones do.
    raise ValueError(f"could not file {request.POST.get('note')!r} for {request.user.email}")


urlpatterns = [
    path("failing/<slug:code>/", failing_page),
    path("", include("outcomes.urls")),
]
handler500 = "outcomes.core.errors.server_error"


@pytest.fixture
def log_text():
    """What the settings' console handler writes, caught in a string."""
    handler = next(
        h for h in logging.getLogger().handlers if any(isinstance(f, PersonalDataFilter) for f in h.filters)
    )
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@override_settings(ROOT_URLCONF=__name__)
def test_a_failing_page_is_logged_without_the_person_or_what_they_typed(client, users, log_text):
    user = users["performance_officer"]
    user.email = "sue.wilson@rotherham.gov.uk"
    user.save()
    client.force_login(user)
    client.raise_request_exception = False
    response = client.post("/failing/abc/?search=Wilson", {"note": "Call Jane Doe on Friday"})
    assert response.status_code == 500
    text = log_text.getvalue()
    assert "Internal Server Error: /failing/abc/" in text
    assert "ValueError: could not file '[typed]' for [person]" in text
    for word in ("Jane", "Doe", "sue.wilson", "rotherham.gov.uk", "search=", "Sue", "Wilson"):
        assert word not in text, word
    # The request log names the page's pattern, not its address.
    assert "outcomes.requests: POST /failing/<slug:code>/ 500 " in text


def test_the_request_log_names_the_pattern_and_leaves_out_the_pupils(client, users, log_text):
    client.force_login(users["performance_officer"])
    assert client.get("/plans/cypp-2013-16/?note=jane@example.org").status_code == 200
    assert client.get("/s/").status_code == 200
    assert client.get("/healthz").status_code in {200, 503}
    lines = [line for line in log_text.getvalue().splitlines() if "outcomes.requests" in line]
    assert len(lines) == 1, lines
    assert "GET /plans/<slug:slug>/ 200 " in lines[0]
    assert "cypp-2013-16" not in lines[0]
    assert "jane" not in lines[0]


@override_settings(ROOT_URLCONF=__name__)
def test_sql_is_not_logged_even_at_debug(client, users, log_text, settings):
    """django.db.backends writes each query with its parameters at DEBUG when DEBUG is on."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.DEBUG)
    try:
        with override_settings(DEBUG=True):
            client.force_login(users["performance_officer"])
            client.get("/plans/cypp-2013-16/")
    finally:
        root.setLevel(level)
    assert "SELECT" not in log_text.getvalue()
