"""A token reads the bodies and a body's action tracker as the governance pages show them; an
update added to an action brings it back under ``updated_since``."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from outcomes.governance import services
from outcomes.governance.models import Action

pytestmark = pytest.mark.django_db


def test_the_bodies_and_the_lscb_tracker_as_held(tokens, read):
    bodies = read("/api/bodies", tokens["viewer"]).json()["results"]
    lscb = next(b for b in bodies if b["slug"] == "rlscb")
    held = Action.objects.filter(body__slug="rlscb")
    assert lscb["actions"] == held.count() == 36  # seed 003's 30 and the six "New action:" children
    assert lscb["open_actions"] == held.exclude(status__in=Action.CLOSED).count()

    actions = read("/api/bodies/rlscb/actions", tokens["viewer"]).json()
    assert actions["count"] == 36
    first = actions["results"][0]
    assert (first["number"], first["owner"], first["raised_on"]) == (1, "Steve Ashley", "2014-06-05")
    assert first["details"].startswith("Councillor Paul Lakin stated that a change in legislation")
    child = next(r for r in actions["results"] if r["number"] == 31)
    assert (child["parent"], child["owner"]) == (11, "Sonya Chambers")
    with_updates = [r for r in actions["results"] if r["updates"]]
    assert with_updates
    assert all(isinstance(r["latest_update_on"], str) and r["latest_update"] for r in with_updates)


def test_an_update_brings_its_action_back_under_updated_since(tokens, read, users):
    Action.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    since = timezone.now().isoformat()
    token = tokens["performance_officer"]
    assert read("/api/bodies/rlscb/actions", token, updated_since=since).json()["count"] == 0
    action = Action.objects.get(body__slug="rlscb", number=3)
    services.add_update(
        user=users["performance_officer"], action=action, on=date(2014, 7, 1), text="Letter sent."
    )
    changed = read("/api/bodies/rlscb/actions", token, updated_since=since).json()["results"]
    assert [(r["number"], r["latest_update_on"], r["latest_update"]) for r in changed] == [
        (3, "2014-07-01", "Letter sent.")
    ]


def test_csv_gives_numbers_and_dates_as_data(tokens, read):
    response = read("/api/bodies/rlscb/actions", tokens["lead_officer"], format="csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("body,number,owner,details,status,raised_on,due_on")
    assert lines[1].startswith("rlscb,1,Steve Ashley,")


def test_a_missing_record_is_named_in_the_answer(tokens, read):
    answer = read("/api/bodies/no-such-body/actions", tokens["viewer"])
    assert answer.status_code == 404
    assert answer.json() == {"detail": "No such body"}
    meeting = read("/api/bodies/rlscb/meetings/2014-06-06/minutes", tokens["viewer"])
    assert meeting.json() == {"detail": "No such meeting"}
