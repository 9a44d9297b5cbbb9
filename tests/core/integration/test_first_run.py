"""What a new user meets first: every demo sign-in printed, the favicon, and a server error page
that still has the header, the navigation and a way home."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import RequestFactory

from outcomes.core import errors

pytestmark = pytest.mark.django_db


def test_load_demo_prints_every_sign_in_the_readme_lists():
    out = StringIO()
    call_command("load_demo", stdout=out)
    printed = out.getvalue()
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    for username in ("admin", "performance", "lead", "viewer", "swinton-brookfield"):
        assert f"  {username} " in printed, username
        assert f"`{username}`" in readme, username
    assert "School" in printed


def test_every_page_names_the_favicon_and_the_build_ships_it(client, users):
    client.force_login(users["viewer"])
    page = client.get("/").content.decode()
    assert 'rel="icon" href="/static/favicon.svg"' in page
    assert (Path(settings.BASE_DIR) / "frontend" / "src" / "favicon.svg").read_text().startswith("<svg")


def test_the_server_error_page_has_the_navigation_and_a_way_home(users):
    request = RequestFactory().get("/anything/")
    request.user = users["performance_officer"]
    response = errors.server_error(request)
    page = response.content.decode()
    assert response.status_code == 500
    assert 'id="navigation"' in page
    assert 'href="/">Go to the home page</a>' in page


def test_the_server_error_page_still_leads_home_when_it_cannot_be_drawn(users, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the database is gone")

    monkeypatch.setattr(errors, "render", broken)
    request = RequestFactory().get("/anything/")
    request.user = users["viewer"]
    response = errors.server_error(request)
    assert response.status_code == 500
    assert 'href="/">Go to the home page</a>' in response.content.decode()
