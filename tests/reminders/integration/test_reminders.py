"""Reminders by e-mail (issue 17): lead officers before an update window closes and when overdue,
action owners when an action falls due or is overdue; each once; as each person chose; weekly
digests; plain text and HTML naming what is due with absolute links."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from outcomes.plans import services
from outcomes.reminders.models import Preference, SentReminder
from outcomes.reminders.sending import send_reminders
from tests.indicators.factories import AgreedActionFactory, ClinicFactory

pytestmark = pytest.mark.django_db

CLOSES = date(2014, 12, 12)  # a Friday
SITE = "http://127.0.0.1:8000"


def at(day: date, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


@pytest.fixture
def december(demo_plan, users):
    return services.create_round(
        user=users["performance_officer"],
        plan=demo_plan,
        title="Update December 2014",
        opens=date(2014, 11, 1),
        closes=CLOSES,
    )


@pytest.fixture
def lead(users):
    return users["lead_officer"]  # Ron Parry: priority 1, milestones 26-28


def sent_to(user):
    return [m for m in mail.outbox if any(user.email in to for to in m.to)]


def test_a_lead_officer_is_reminded_before_the_window_closes(december, lead):
    send_reminders(at(CLOSES - timedelta(days=6)))
    assert sent_to(lead) == []  # the plan reminds 5 days before
    counts = send_reminders(at(CLOSES - timedelta(days=5)))
    assert counts.sent == 1
    [message] = sent_to(lead)
    assert (
        message.subject
        == "Update December 2014 closes on Friday 12 December 2014: 3 milestones you lead to update"
    )
    assert message.to == ["Ron Parry <ron.parry@example.org>"]
    text = message.body
    assert "closes on Friday 12 December 2014. 3 milestones you lead have no update yet." in text
    for number in (26, 27, 28):
        assert f"- P1 M{number}: " in text
        assert f"{SITE}/plans/cypp-2013-16/rounds/update-december-2014/updates/1/{number}/" in text
    assert (
        f"Your milestones in this round: {SITE}/my-milestones/?round=cypp-2013-16/update-december-2014"
        in text
    )
    assert f"{SITE}/reminders/" in text
    [(html, kind)] = message.alternatives
    assert kind == "text/html"
    assert f'href="{SITE}/plans/cypp-2013-16/rounds/update-december-2014/updates/1/26/"' in html
    assert "<h2" in html
    assert "Update December 2014 closes on Friday 12 December 2014" in html


def test_only_the_milestones_still_without_an_update_are_named(demo_plan, december, lead):
    m26 = demo_plan.priorities.get(number=1).milestones.get(number=26)
    services.save_update(
        user=lead,
        round_=december,
        milestone=m26,
        text="Up again.",
        weights={"green": "1"},
        expected_version=None,
    )
    send_reminders(at(CLOSES))
    [message] = sent_to(lead)
    assert "2 milestones you lead have no update yet" in message.body
    assert "P1 M26" not in message.body
    assert "P1 M27" in message.body
    assert "P1 M28" in message.body


def test_nothing_when_every_milestone_is_updated(demo_plan, december, lead):
    for number in (26, 27, 28):
        milestone = demo_plan.priorities.get(number=1).milestones.get(number=number)
        services.save_update(
            user=lead,
            round_=december,
            milestone=milestone,
            text="Done.",
            weights={"green": "1"},
            expected_version=None,
        )
    send_reminders(at(CLOSES))
    assert sent_to(lead) == []


def test_a_reminder_is_sent_once(december, lead):
    send_reminders(at(CLOSES - timedelta(days=5)))
    counts = send_reminders(at(CLOSES - timedelta(days=4)))
    assert len(sent_to(lead)) == 1
    assert counts.already_sent == 1
    assert SentReminder.objects.filter(user=lead).count() == 1


def test_overdue_is_a_second_occasion_sent_once(december, lead):
    send_reminders(at(CLOSES - timedelta(days=1)))
    send_reminders(at(CLOSES + timedelta(days=1)))
    send_reminders(at(CLOSES + timedelta(days=2)))
    subjects = [m.subject for m in sent_to(lead)]
    assert subjects == [
        "Update December 2014 closes on Friday 12 December 2014: 3 milestones you lead to update",
        "Overdue: Update December 2014 closed on Friday 12 December 2014; "
        "3 milestones you lead still to update",
    ]
    assert "will be shown as 'Blue'" in sent_to(lead)[1].body


def test_a_round_extended_is_reminded_again(december, lead):
    send_reminders(at(CLOSES - timedelta(days=1)))
    december.closes = CLOSES + timedelta(days=14)
    december.save()
    send_reminders(at(CLOSES + timedelta(days=10)))
    assert len(sent_to(lead)) == 2
    assert "closes on Friday 26 December 2014" in sent_to(lead)[1].subject


def test_a_closed_round_reminds_nobody(december, lead, users):
    services.close_round(user=users["performance_officer"], round_=december)
    send_reminders(at(CLOSES + timedelta(days=1)))
    assert sent_to(lead) == []


def test_the_days_before_come_from_the_plan(demo_plan, december, lead, users):
    services.change_round_settings(
        user=users["performance_officer"],
        plan=demo_plan,
        close_rounds_automatically=False,
        remind_days_before=10,
    )
    send_reminders(at(CLOSES - timedelta(days=10)))
    assert len(sent_to(lead)) == 1


def test_a_kind_switched_off_is_not_sent(december, lead):
    Preference.objects.create(user=lead, switched_off=["rounds.closing"])
    counts = send_reminders(at(CLOSES))
    assert sent_to(lead) == []
    assert counts.not_wanted == 1
    send_reminders(at(CLOSES + timedelta(days=1)))
    assert [m.subject[:8] for m in sent_to(lead)] == ["Overdue:"]  # the other kind still comes


def test_nobody_without_an_address_is_sent_anything(december, lead):
    lead.email = ""
    lead.save()
    counts = send_reminders(at(CLOSES))
    assert mail.outbox == []
    assert counts.no_address == 1
    assert not SentReminder.objects.exists()


def test_a_weekly_digest_instead_of_each_reminder(demo_plan, december, lead):
    Preference.objects.create(user=lead, delivery=Preference.WEEKLY)
    owner = lead.person
    action = AgreedActionFactory(
        owners=[owner], due_on=CLOSES + timedelta(days=2), clinic=ClinicFactory(title="School meals clinic")
    )
    tuesday = CLOSES - timedelta(days=3)
    send_reminders(at(tuesday))
    assert sent_to(lead) == []  # not one by one
    monday = CLOSES - timedelta(days=4)
    counts = send_reminders(at(monday))
    assert counts.digests == 1
    [digest] = sent_to(lead)
    assert digest.subject == "Your reminders for the week of 8 December 2014: 2 things due or overdue"
    assert "Update December 2014 closes on Friday 12 December 2014" in digest.body
    assert f"Performance clinics action {action.number} is due on Sunday 14 December 2014" in digest.body
    send_reminders(at(monday, 15))
    assert len(sent_to(lead)) == 1  # one digest a week
    send_reminders(at(monday + timedelta(days=7)))
    assert len(sent_to(lead)) == 2


def test_no_digest_when_nothing_is_due(december, lead):
    Preference.objects.create(user=lead, delivery=Preference.WEEKLY)
    send_reminders(at(date(2014, 11, 3)))  # a Monday, long before the close date
    assert sent_to(lead) == []


def test_an_action_owner_is_reminded_when_it_falls_due_and_when_overdue(lead):
    """A clinic's agreed action is an action of the Performance clinics on the tracker (0142)."""
    clinic = ClinicFactory(title="Breastfeeding clinic", slug="breastfeeding-clinic", date=date(2014, 6, 30))
    action = AgreedActionFactory(
        clinic=clinic, owners=[lead.person], due_on=CLOSES, details="Visit every new mother."
    )
    send_reminders(at(CLOSES - timedelta(days=4)))
    assert sent_to(lead) == []
    send_reminders(at(CLOSES - timedelta(days=3)))
    send_reminders(at(CLOSES + timedelta(days=1)))
    due, overdue = sent_to(lead)
    n = action.number
    assert due.subject == f"Performance clinics action {n} is due on Friday 12 December 2014"
    assert f"- Action {n}: Visit every new mother." in due.body
    assert f"The action and its updates: {SITE}/governance/clinics/actions/{n}/" in due.body
    assert overdue.subject == f"Overdue: Performance clinics action {n}, due on Friday 12 December 2014"
    action.status = action.DISCHARGED
    action.save()
    action.due_on = CLOSES + timedelta(days=7)
    action.save()
    send_reminders(at(CLOSES + timedelta(days=7)))
    assert len(sent_to(lead)) == 2  # done: nothing more


def test_an_owner_who_may_not_open_the_clinic_gets_no_dead_link(users):
    viewer = users["viewer"]
    from outcomes.accounts.models import Person

    person = Person.objects.create(name="Board Member", user=viewer)
    AgreedActionFactory(owners=[person], due_on=CLOSES)
    send_reminders(at(CLOSES))
    [message] = sent_to(viewer)
    assert "/governance/clinics/" not in message.body
    assert "The page is not open to you: ask the performance team." in message.body


def test_the_job_reports_what_it_sent(december, lead):
    from outcomes.core import scheduler

    outcome = scheduler.run_job(scheduler.get_job("reminders.send"), now=at(CLOSES), force=True)
    assert outcome.state == scheduler.SUCCEEDED
    assert outcome.message.startswith("1 reminder sent; 0 weekly digests sent")


def test_a_message_that_cannot_go_is_tried_again(december, lead, monkeypatch):
    from outcomes.core import scheduler

    def refuse(self, messages):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    outcome = scheduler.run_job(scheduler.get_job("reminders.send"), now=at(CLOSES), force=True)
    assert outcome.state == scheduler.FAILED
    assert "no mail server" in outcome.message
    assert not SentReminder.objects.exists()
    monkeypatch.undo()
    send_reminders(at(CLOSES))
    assert len(sent_to(lead)) == 1


def test_a_retired_milestone_is_not_asked_for(demo_plan, december, lead):
    m26 = demo_plan.priorities.get(number=1).milestones.get(number=26)
    m26.retired_at = timezone.now()
    m26.save()
    send_reminders(at(CLOSES))
    [message] = sent_to(lead)
    assert "2 milestones you lead have no update yet" in message.body
    assert "P1 M26" not in message.body
