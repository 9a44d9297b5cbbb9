"""A round closes itself on its date (issue 17's "Done when"), where the plan says so: the
scheduled job closes it at the end of its close date through close_round, so the milestones left
without an update become Blue exactly as when a performance officer closes it."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from outcomes.core import scheduler
from outcomes.core.models import ChangeRecord
from outcomes.plans import services
from outcomes.plans.models import Milestone, Update

pytestmark = pytest.mark.django_db

CLOSES = date(2014, 12, 12)


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


def run_close_job(now):
    return scheduler.run_job(scheduler.get_job("plans.close_rounds"), now=now, force=True)


def test_a_round_closes_itself_the_day_after_its_close_date(demo_plan, december, users):
    services.change_round_settings(
        user=users["performance_officer"],
        plan=demo_plan,
        close_rounds_automatically=True,
        remind_days_before=5,
    )
    run_close_job(at(CLOSES, 23))
    december.refresh_from_db()
    assert not december.is_closed  # leads have the whole of the close date

    outcome = run_close_job(at(CLOSES + timedelta(days=1), 0))
    december.refresh_from_db()
    assert december.is_closed
    assert december.closed_by is None
    assert f"'Update December 2014' of {demo_plan.title}" in outcome.message
    # Every milestone without an update is the plan's no-update colour, as when closed by hand.
    milestones = Milestone.objects.filter(priority__plan=demo_plan).count()
    blue = december.updates.filter(state=Update.NO_UPDATE)
    assert blue.count() == milestones
    assert all(u.weights == {"blue": "1"} for u in blue)
    [record] = ChangeRecord.objects.filter(action="round.closed", object_id=str(december.pk))
    assert record.summary == (
        f"Round 'Update December 2014' closed automatically at the end of its close date; {milestones} "
        "milestones without an update set to blue"
    )
    assert record.user is None  # shown as "System" in the round's history


def test_a_plan_that_closes_rounds_by_hand_keeps_them_open(demo_plan, december):
    assert not demo_plan.close_rounds_automatically  # the default: nothing closes by surprise
    run_close_job(at(CLOSES + timedelta(days=40)))
    december.refresh_from_db()
    assert not december.is_closed


def test_a_round_closed_by_hand_meanwhile_is_left_alone(demo_plan, december, users):
    services.change_round_settings(
        user=users["performance_officer"],
        plan=demo_plan,
        close_rounds_automatically=True,
        remind_days_before=5,
    )
    services.close_round(user=users["performance_officer"], round_=december)
    outcome = run_close_job(at(CLOSES + timedelta(days=1)))
    december.refresh_from_db()
    assert december.closed_by == users["performance_officer"]
    assert "'Update December 2014'" not in outcome.message


def test_a_round_whose_plan_has_no_colour_for_no_update_is_reported(demo_plan, december, users):
    services.change_round_settings(
        user=users["performance_officer"],
        plan=demo_plan,
        close_rounds_automatically=True,
        remind_days_before=5,
    )
    demo_plan.rag_statuses.update(means_no_update=False)
    outcome = run_close_job(at(CLOSES + timedelta(days=1)))
    assert outcome.state == scheduler.FAILED
    assert "Could not close 'Update December 2014'" in outcome.message
    assert "no colour for 'no update provided'" in outcome.message


def test_the_performance_officer_sets_it_on_the_plans_settings_page(client, demo_plan, users):
    client.force_login(users["performance_officer"])
    page = client.get(reverse("plans:detail", args=[demo_plan.slug]))
    assert "Closed by hand; lead officers reminded 5 days before" in page.content.decode()
    assert reverse("plans:settings", args=[demo_plan.slug]) in page.content.decode()
    response = client.post(
        reverse("plans:settings", args=[demo_plan.slug]),
        {"close_rounds_automatically": "on", "remind_days_before": "7"},
    )
    assert response.status_code == 302
    demo_plan.refresh_from_db()
    assert demo_plan.close_rounds_automatically
    assert demo_plan.remind_days_before == 7
    record = ChangeRecord.objects.get(action="plan.round_settings")
    assert record.summary == (
        f"Plan '{demo_plan.title}': rounds now close themselves at the end of their close date; "
        "lead officers are reminded 7 days before a round closes"
    )
    page = client.get(reverse("plans:detail", args=[demo_plan.slug])).content.decode()
    assert "Close themselves at the end of their close date; lead officers reminded 7 days before" in page


def test_the_settings_page_says_what_is_wrong(client, demo_plan, users):
    client.force_login(users["performance_officer"])
    response = client.post(reverse("plans:settings", args=[demo_plan.slug]), {"remind_days_before": "soon"})
    assert response.status_code == 200
    assert "Enter the number of days as a whole number, such as 5" in response.content.decode()
    demo_plan.refresh_from_db()
    assert demo_plan.remind_days_before == 5


def test_the_lead_sees_the_setting_without_a_change_link(client, demo_plan, users):
    client.force_login(users["lead_officer"])
    page = client.get(reverse("plans:detail", args=[demo_plan.slug])).content.decode()
    assert "Closed by hand" in page
    assert reverse("plans:settings", args=[demo_plan.slug]) not in page
