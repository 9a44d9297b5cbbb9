"""Sign-in is throttled (django-axes, counted in the cache only) and passwords follow Django's
validators (issue 12 item 15, decision 0073)."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from outcomes.accounts.demo import DEMO_PASSWORD, DEMO_USERS, ensure_demo_users
from outcomes.accounts.models import User
from outcomes.surveys.demo import DEMO_SCHOOL_USER

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def sign_in(client, username, password, address="198.51.100.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_after_five_wrong_passwords_even_the_right_one_is_refused_with_a_clear_page(client, users):
    for _ in range(4):
        response = sign_in(client, "performance", "wrong-password")
        assert response.status_code == 200
        assert "Enter a correct username and password" in response.content.decode()
    locked = sign_in(client, "performance", "wrong-password")
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Too many attempts to sign in" in html
    assert "paused for 15 minutes" in html
    right = sign_in(client, "performance", DEMO_PASSWORD)
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_for_that_username_from_that_address_only(client, users):
    for _ in range(5):
        sign_in(client, "performance", "wrong-password")
    # A colleague in the same office signs in; the same person from elsewhere too.
    assert sign_in(client, "lead", DEMO_PASSWORD).status_code == 302
    client.logout()
    assert sign_in(client, "performance", DEMO_PASSWORD, address="203.0.113.9").status_code == 302


def test_the_lock_ends_after_the_cool_off(client, users, settings):
    settings.AXES_COOLOFF_TIME = timedelta(seconds=6)
    for _ in range(5):
        sign_in(client, "performance", "wrong-password")
    assert sign_in(client, "performance", DEMO_PASSWORD).status_code == 429
    time.sleep(6.5)
    assert sign_in(client, "performance", DEMO_PASSWORD).status_code == 302


def test_a_right_password_before_the_limit_starts_the_count_again(client, users):
    for _ in range(4):
        sign_in(client, "performance", "wrong-password")
    assert sign_in(client, "performance", DEMO_PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "performance", "wrong-password").status_code == 200


def test_nothing_about_the_attempts_is_written_to_the_database(client, users):
    tables = set(connection.introspection.table_names())
    for _ in range(6):
        sign_in(client, "performance", "wrong-password")
    for table in {"axes_accessattempt", "axes_accesslog", "axes_accessfailurelog"} & tables:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            assert cursor.fetchone()[0] == 0, table


@pytest.mark.parametrize(
    ("password", "says"),
    [
        ("performance", "too similar to the username"),
        ("4815162342", "entirely numeric"),
        ("password123", "too common"),
        ("k7#vQ2z", "too short"),
    ],
)
def test_weak_passwords_are_refused(users, password, says):
    with pytest.raises(ValidationError) as refused:
        validate_password(password, users["performance_officer"])
    assert says in " ".join(refused.value.messages)


def test_the_demo_password_passes_the_validators_for_every_demo_sign_in(users):
    usernames = [row[0] for row in DEMO_USERS] + [DEMO_SCHOOL_USER]
    by_name = {u.username: u for u in ensure_demo_users()}
    for username in usernames:
        validate_password(DEMO_PASSWORD, by_name.get(username) or User.objects.get(username=username))
