"""Every endpoint of the read API against a token of every role (tests/api/integration/role_rows_api.py):
a token reads what its owner may read on the pages, and no more."""

import pytest
from django.urls import reverse

from outcomes.api.service import api_urls
from tests.api.integration.role_rows_api import ROWS
from tests.roles import ROLES

CASES = [
    pytest.param(
        name, kwargs, role, expected.get(role), id=f"{name}-{'-'.join(map(str, kwargs.values()))}-{role}"
    )
    for name, kwargs, expected in ROWS
    for role in ROLES
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs", "role", "expected"), CASES)
def test_a_token_reads_what_its_owner_may(read, tokens, name, kwargs, role, expected):
    response = read(reverse(name, kwargs=kwargs), tokens.get(role))
    assert response.status_code == expected, response.content[:300]


def test_every_endpoint_has_a_row():
    endpoints = {f"api:{pattern.name}" for pattern in api_urls()}
    assert len(endpoints) > 10
    assert endpoints == {name for name, _, _ in ROWS}


@pytest.mark.django_db
def test_a_signed_in_session_without_a_token_reads_nothing(client, users):
    """The API takes tokens only: a browser's session cookie does not stand for one."""
    client.force_login(users["administrator"])
    for name, kwargs, _ in ROWS:
        if name != "api:openapi-json":
            assert client.get(reverse(name, kwargs=kwargs)).status_code == 401, name
