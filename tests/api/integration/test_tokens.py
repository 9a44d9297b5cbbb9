"""A person's tokens: made on their page and shown once, used as a bearer token, revoked after a
confirmation, and refused from then on."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from outcomes.api.models import ApiToken
from outcomes.api.tokens import create_token, token_hash
from outcomes.core.models import ChangeRecord

PLANS = "/api/plans"


def made_token(response) -> str:
    return re.search(r'value="(out_[^"]+)"', response.content.decode()).group(1)


@pytest.mark.django_db
def test_a_token_is_made_used_and_revoked(client, users, read):
    client.force_login(users["performance_officer"])
    made = client.post(reverse("api:tokens"), {"name": "Power BI scorecard"})
    assert made.status_code == 200
    token = made_token(made)

    # Only a hash is kept: the token itself is nowhere in the database.
    record = ApiToken.objects.get(user=users["performance_officer"])
    assert record.key_hash == token_hash(token)
    assert token not in repr(list(ApiToken.objects.values()))
    assert token not in client.get(reverse("api:tokens")).content.decode()
    assert ChangeRecord.objects.filter(action="created", object_id=str(record.pk)).exists()

    assert read(PLANS, token).status_code == 200
    record.refresh_from_db()
    assert record.last_used_at is not None

    # The first POST asks; nothing is revoked until the person confirms.
    revoke = reverse("api:revoke_token", kwargs={"pk": record.pk})
    asked = client.post(revoke)
    assert asked.status_code == 200
    assert "Revoke the token “Power BI scorecard”?" in asked.content.decode()
    assert read(PLANS, token).status_code == 200

    assert client.post(revoke, {"confirm": "yes"}).status_code == 302
    refused = read(PLANS, token)
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"] == "Bearer"
    page = client.get(reverse("api:tokens")).content.decode()
    assert "Revoked tokens" in page
    assert ChangeRecord.objects.filter(action="revoked", object_id=str(record.pk)).exists()


@pytest.mark.django_db
def test_a_token_needs_a_name(client, users):
    client.force_login(users["viewer"])
    response = client.post(reverse("api:tokens"), {"name": "  "})
    assert "Enter a name for the token" in response.content.decode()
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_nobody_revokes_another_persons_token(client, users, read):
    record, token = create_token(users["viewer"], "Board pack")
    client.force_login(users["administrator"])
    revoke = reverse("api:revoke_token", kwargs={"pk": record.pk})
    assert client.post(revoke, {"confirm": "yes"}).status_code == 404
    assert read(PLANS, token).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header",
    ["", "Bearer", "Bearer out_not-a-token", "Token out_abc", "Basic dmlld2VyOm91dGNvbWVzLWRlbW8="],
)
def test_no_valid_token_no_answer(client, db, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    assert client.get(PLANS, **extra).status_code == 401


@pytest.mark.django_db
def test_a_token_of_an_account_switched_off_is_refused(users, read):
    _, token = create_token(users["lead_officer"], "Script")
    assert read(PLANS, token).status_code == 200
    users["lead_officer"].is_active = False
    users["lead_officer"].save()
    assert read(PLANS, token).status_code == 401


@pytest.mark.django_db
def test_the_command_prints_a_working_token(users, read):
    out = StringIO()
    call_command("api_token", "viewer", stdout=out)
    token = out.getvalue().strip()
    assert token.startswith("out_")
    assert read(PLANS, token).status_code == 200
    assert ApiToken.objects.get(key_hash=token_hash(token)).user == users["viewer"]
    with pytest.raises(CommandError, match="no user"):
        call_command("api_token", "nobody-at-all")
