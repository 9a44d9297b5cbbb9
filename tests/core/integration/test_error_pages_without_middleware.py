"""The error pages draw even for a request that never passed the middleware (no ``request.user``):
the live server answers a missing static file with 404.html straight from its handler, and a
failure early in the middleware can leave a request without a user too."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from django.views import defaults

from outcomes.core.errors import server_error


@pytest.fixture
def bare_request():
    request = RequestFactory().get("/static/no-such-file.css")
    assert not hasattr(request, "user")
    return request


def test_page_not_found_draws_without_a_user(bare_request):
    response = defaults.page_not_found(bare_request, Http404("gone"))
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "Go to the home page" in html
    assert "Signed in as" not in html
    assert "Service navigation" not in html


def test_permission_denied_draws_without_a_user(bare_request):
    response = defaults.permission_denied(bare_request, PermissionDenied())
    assert response.status_code == 403
    assert "<h1" in response.content.decode()
    assert "Signed in as" not in response.content.decode()


def test_server_error_draws_the_service_page_without_a_user(bare_request):
    response = server_error(bare_request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    # The full page, not the plain fallback drawn when the template fails.
    assert 'rel="icon"' in html


@pytest.mark.django_db
def test_the_same_page_names_whoever_is_signed_in(bare_request, users):
    """The counterpart of the checks above: with a user the header says who it is, so their absence
    without one is the page adapting, not words that never appear."""
    bare_request.user = users["viewer"]
    html = defaults.page_not_found(bare_request, Http404("gone")).content.decode()
    assert html.count("Signed in as") == 1
    assert "Service navigation" in html
