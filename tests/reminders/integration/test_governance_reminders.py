"""Owners of a board's actions (the governance tracker) are reminded when an action falls due and
when it is overdue, once each, with a link only where they may open the action (issue 17)."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from outcomes.accounts.models import Person
from outcomes.governance.models import Action, Body
from outcomes.reminders.models import Preference
from outcomes.reminders.sending import send_reminders

pytestmark = pytest.mark.django_db

DUE_ON = date(2014, 9, 4)  # a Thursday
SITE = "http://127.0.0.1:8000"


def at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 9))


def sent_to(user):
    return [m for m in mail.outbox if any(user.email in to for to in m.to)]


def lscb_action(owner: Person, **fields) -> Action:
    body = Body.objects.get(slug="rlscb")
    number = (body.actions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    action = Action.objects.create(
        body=body,
        number=number,
        owner_text=owner.name,
        details="Report the audit of  strategy meetings to the Board.",
        raised_on=date(2014, 6, 5),
        due_on=DUE_ON,
        **fields,
    )
    action.owners.add(owner)
    return action


def test_an_owner_is_reminded_before_it_falls_due_and_once_when_overdue(users):
    lead = users["lead_officer"]
    action = lscb_action(lead.person)
    send_reminders(at(DUE_ON - timedelta(days=4)))
    assert sent_to(lead) == []
    send_reminders(at(DUE_ON - timedelta(days=3)))
    send_reminders(at(DUE_ON - timedelta(days=2)))  # the same occasion: not sent again
    send_reminders(at(DUE_ON + timedelta(days=1)))
    send_reminders(at(DUE_ON + timedelta(days=2)))
    due, overdue = sent_to(lead)
    assert due.subject == f"RLSCB action {action.number} is due on Thursday 4 September 2014"
    assert f"- Action {action.number}: Report the audit of strategy meetings to the Board." in due.body
    assert f"The action and its updates: {SITE}/governance/rlscb/actions/{action.number}/" in due.body
    assert overdue.subject == f"Overdue: RLSCB action {action.number}, due on Thursday 4 September 2014"


def test_a_discharged_or_withdrawn_action_reminds_nobody(users):
    lead = users["lead_officer"]
    lscb_action(lead.person, status=Action.DISCHARGED, discharged_on=DUE_ON, evidence="Minute 12.")
    lscb_action(lead.person, status=Action.WITHDRAWN, discharged_on=DUE_ON)
    send_reminders(at(DUE_ON + timedelta(days=1)))
    assert sent_to(lead) == []


def test_the_kind_can_be_switched_off_on_the_preferences_page(users, client):
    lead = users["lead_officer"]
    lscb_action(lead.person)
    client.force_login(lead)
    page = client.get("/reminders/").content.decode().replace("&#39;", "'")
    assert "When an action you own falls due" in page
    Preference.objects.create(user=lead, switched_off=["governance.due"])
    send_reminders(at(DUE_ON - timedelta(days=3)))
    assert sent_to(lead) == []


def test_an_owner_who_may_not_open_the_bodies_gets_no_dead_link(users):
    school = users["school"]
    school.email = "office@brookfield.example.org"
    school.save()
    person = Person.objects.create(name="Head Teacher", user=school)
    lscb_action(person)
    send_reminders(at(DUE_ON))
    [message] = sent_to(school)
    assert "/governance/" not in message.body
