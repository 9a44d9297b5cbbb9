"""The clinics' agreed actions move onto the one tracker with nothing lost (decision 0142): the
migrations run on a database holding agreed actions of each status, their history and the reminders
already sent about them, and afterwards each is an action of the Performance clinics."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [
    ("indicators", "0006_updated_at"),
    ("governance", "0003_meetings_agendas_minutes"),
    ("reminders", "0001_initial"),
]
AFTER = [
    ("indicators", "0007_agreed_actions_moved_to_governance"),
    ("reminders", "0002_clinic_actions_to_governance"),
]


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)
    loader = MigrationExecutor(connection).loader
    return loader.project_state(list(loader.applied_migrations)).apps


@pytest.fixture
def back_to_the_latest():
    """Whatever the test finds, the database ends fully migrated for the tests that follow."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_the_latest")
def test_every_agreed_action_becomes_an_action_of_the_performance_clinics():
    old = migrate(BEFORE)
    Person = old.get_model("accounts", "Person")
    User = old.get_model("accounts", "User")
    Clinic = old.get_model("indicators", "Clinic")
    AgreedAction = old.get_model("indicators", "AgreedAction")
    ChangeRecord = old.get_model("core", "ChangeRecord")
    ContentType = old.get_model("contenttypes", "ContentType")
    Preference = old.get_model("reminders", "Preference")
    SentReminder = old.get_model("reminders", "SentReminder")
    user = User.objects.create(username="moved-owner", email="moved-owner@example.org")
    mary = Person.objects.create(name="Moved Owner", user=user)
    first = Clinic.objects.create(slug="moved-first", title="First clinic", date=date(2014, 6, 30))
    second = Clinic.objects.create(slug="moved-second", title="Second clinic", date=date(2014, 9, 30))
    opened = AgreedAction.objects.create(
        clinic=second, number=1, text="Open one", owner=mary, due=date(2014, 12, 1)
    )
    done = AgreedAction.objects.create(
        clinic=first,
        number=1,
        text="Done one",
        owner_text="Locality manager",
        due=date(2014, 9, 1),
        status="done",
        follow_up="All visits made.",
        followed_up_at=second,
    )
    AgreedAction.objects.create(
        clinic=first,
        number=2,
        text="Not done one",
        owner=mary,
        owner_text="with RFT",
        status="not_done",
        follow_up="Only half.",
        followed_up_at=second,
    )
    agreed_type, _ = ContentType.objects.get_or_create(app_label="indicators", model="agreedaction")
    ChangeRecord.objects.create(
        content_type=agreed_type,
        object_id=str(done.pk),
        subject_key=f"clinic:{first.pk}",
        action="edited",
        summary="Edited action 1 of First clinic",
        before={"status": "open"},
        after={"status": "done"},
    )
    Preference.objects.create(user=user, switched_off=["actions.overdue", "rounds.closing"])
    SentReminder.objects.create(
        user=user, kind="actions.due", item=f"clinic-action:{opened.pk}@2014-12-01", sent_at=timezone.now()
    )

    new = migrate(AFTER)
    Action = new.get_model("governance", "Action")
    moved = Action.objects.filter(body__slug="clinics", clinic_id__in=[first.pk, second.pk])
    actions = {a.details: a for a in moved}
    assert list(moved.order_by("number").values_list("details", flat=True)) == [
        "Done one",
        "Not done one",
        "Open one",
    ], "numbered on the tracker by the clinics' dates and their own numbers"
    a = actions["Done one"]
    assert (a.status, a.discharged_on, a.evidence) == ("discharged", date(2014, 9, 30), "All visits made.")
    assert (a.clinic_id, a.followed_up_at_id, a.raised_on, a.owner_text) == (
        first.pk,
        second.pk,
        first.date,
        "Locality manager",
    )
    b = actions["Not done one"]
    assert (b.status, b.owner_text) == ("ongoing", "Moved Owner; with RFT")
    assert [p.name for p in b.owners.all()] == ["Moved Owner"]
    assert [(u.on, u.text) for u in b.updates.all()] == [(date(2014, 9, 30), "Not done: Only half.")]
    c = actions["Open one"]
    assert (c.status, c.due_on, c.clinic_id) == ("ongoing", date(2014, 12, 1), second.pk)

    ChangeRecord = new.get_model("core", "ChangeRecord")
    history = ChangeRecord.objects.filter(object_id=str(a.pk), content_type__model="action").order_by("id")
    assert [h.action for h in history] == ["edited", "moved_to_tracker"], "the earlier history carried over"
    assert all(h.subject_key == f"clinic:{first.pk}" for h in history), "still on the clinic's history"

    Preference = new.get_model("reminders", "Preference")
    assert Preference.objects.get(user_id=user.pk).switched_off == ["governance.overdue", "rounds.closing"]
    SentReminder = new.get_model("reminders", "SentReminder")
    sent = SentReminder.objects.get(user_id=user.pk)
    assert (sent.kind, sent.item) == ("governance.due", f"governance-action:{c.pk}@2014-12-01"), (
        "not sent twice"
    )
