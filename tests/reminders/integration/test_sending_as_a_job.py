"""Bulk e-mail as a job of outcomes/jobs (issue 17): the hourly run records a job with its progress
and result when there is anything to send; the performance team sees what is due now and sends it
at once, after confirming, as a queued job a worker runs."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from outcomes.core import scheduler
from outcomes.jobs.models import Job
from outcomes.jobs.worker import run_queued
from outcomes.plans import services

pytestmark = pytest.mark.django_db
DUE = reverse("reminders:due")


@pytest.fixture
def closing_soon(demo_plan, users):
    today = timezone.localdate()
    return services.create_round(
        user=users["performance_officer"],
        plan=demo_plan,
        title="Update this month",
        opens=today - timedelta(days=20),
        closes=today + timedelta(days=2),
    )


def test_the_hourly_run_records_a_job_only_when_it_sends(closing_soon):
    job_runs = scheduler.get_job("reminders.send")
    outcome = scheduler.run_job(job_runs, force=True)
    job = Job.objects.get()
    assert outcome.message == f"1 reminder sent; 0 weekly digests sent. (job {job.pk})"
    assert job.state == Job.SUCCEEDED
    assert job.started_by is None
    assert job.label == f"Reminders due on {timezone.localdate():%d %B %Y}: 1 to send"
    assert (job.done, job.total) == (1, 1)
    assert job.result["summary"] == "1 reminder sent; 0 weekly digests sent."
    outcome = scheduler.run_job(job_runs, force=True)
    assert outcome.message == "Nothing to send (1 already sent before)."
    assert Job.objects.count() == 1


def test_the_team_sees_what_is_due_and_sends_it_now(client, closing_soon, users):
    client.force_login(users["performance_officer"])
    page = client.get(DUE).content.decode()
    assert "1 message to send" in page
    assert "Ron Parry" in page
    assert "Update this month closes on" in page
    asked = client.post(DUE)
    assert asked.status_code == 200
    assert "Send 1 reminder message now?" in asked.content.decode()
    assert mail.outbox == []
    sent = client.post(DUE, {"confirm": "yes"})
    job = Job.objects.get()
    assert sent["Location"] == reverse("jobs:detail", args=[job.pk])
    assert job.started_by == users["performance_officer"]
    assert run_queued() == 1
    assert len(mail.outbox) == 1
    job.refresh_from_db()
    assert job.state == Job.SUCCEEDED
    assert "1 reminder sent" in client.get(sent["Location"]).content.decode()
    assert "No reminder is due to anyone now." in client.get(DUE).content.decode()
    assert "1 already sent before" in client.get(DUE).content.decode()


def test_the_preferences_page_links_the_team_to_it(client, users):
    client.force_login(users["performance_officer"])
    assert f'href="{DUE}"' in client.get(reverse("reminders:preferences")).content.decode()
    client.force_login(users["lead_officer"])
    assert f'href="{DUE}"' not in client.get(reverse("reminders:preferences")).content.decode()


def test_nothing_due_before_the_window(client, demo_plan, users):
    today = timezone.localdate()
    services.create_round(
        user=users["performance_officer"],
        plan=demo_plan,
        title="Update next quarter",
        opens=today - date.resolution,
        closes=today + timedelta(days=60),
    )
    client.force_login(users["administrator"])
    assert "No reminder is due to anyone now." in client.get(DUE).content.decode()
