import pytest

from outcomes.api.tokens import create_token


@pytest.fixture
def tokens(users):
    """One token per signed-in role, made as a person makes theirs."""
    return {role: create_token(user, f"{role}'s test token")[1] for role, user in users.items()}


@pytest.fixture
def read(client):
    """GET an API address with a token (or none)."""

    def get(path: str, token: str | None = None, **query):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        return client.get(path, query, **headers)

    return get
