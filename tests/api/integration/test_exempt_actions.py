"""An action raised by a resolution of an exempt minute is exempt business: a viewer never sees it,
on the log, its page, the log's downloads, the log frozen with the minutes or the read API; those who
may see exempt items see it, and the other rows keep their numbers (decision 0135)."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from outcomes.governance import minuting
from outcomes.governance.models import Action, Meeting, Minute, Resolution

pytestmark = pytest.mark.django_db

DETAILS = "Report the placement of a named child to the chair in confidence."


@pytest.fixture
def exempt_action(users):
    meeting = Meeting.objects.get(body__slug="rlscb", date=date(2014, 6, 5))
    minute = Minute.objects.create(meeting=meeting, number=99, order=99, title="A closed matter", exempt=True)
    minuting.add_resolution(
        user=users["performance_officer"],
        minute=minute,
        kind=Resolution.ACTION,
        text=DETAILS,
        owner_text="Steve Ashley",
        due_rule="by the next meeting",
    )
    return Action.objects.get(details=DETAILS)


def log_numbers(client, as_at="2014-06-05") -> dict:
    url = reverse("governance:log_download", args=["rlscb", "json"])
    data = json.loads(client.get(url, {"as_at-day": "5", "as_at-month": "6", "as_at-year": "2014"}).content)
    return {row["number"]: row["details"] for band in data["bands"].values() for row in band}


def test_a_viewer_never_sees_an_action_of_an_exempt_minute(client, users, exempt_action, tokens, read):
    args = ["rlscb", exempt_action.number]
    client.force_login(users["performance_officer"])
    whole = log_numbers(client)
    assert DETAILS in whole.values()
    assert client.get(reverse("governance:action", args=args)).status_code == 200

    client.force_login(users["viewer"])
    public = log_numbers(client)
    assert DETAILS not in public.values()
    # The other rows keep the numbers the whole log gives them.
    assert public == {n: d for n, d in whole.items() if d != DETAILS}
    assert client.get(reverse("governance:action", args=args)).status_code == 404
    assert DETAILS not in client.get(reverse("governance:body", args=["rlscb"])).content.decode()
    api = read("/api/bodies/rlscb/actions", tokens["viewer"]).json()["results"]
    assert DETAILS not in [r["details"] for r in api]
    assert DETAILS in [
        r["details"]
        for r in read("/api/bodies/rlscb/actions", tokens["performance_officer"]).json()["results"]
    ]

    out = StringIO()
    call_command("action_log", "--body", "rlscb", "--as-at", "2014-06-05", stdout=out)
    assert DETAILS not in out.getvalue()


def test_the_log_frozen_with_the_minutes_keeps_exempt_actions_from_viewers(client, users, exempt_action):
    meeting = exempt_action.resolutions.get().minute.meeting
    content = minuting.log_content(meeting)
    assert DETAILS in json.dumps(content["log"])
    assert DETAILS not in json.dumps(content["public_log"])
    url = reverse("governance:meeting_log", args=["rlscb", "2014-06-05"])
    client.force_login(users["viewer"])
    assert DETAILS not in client.get(url).content.decode()
    client.force_login(users["lead_officer"])
    assert DETAILS in client.get(url).content.decode()
