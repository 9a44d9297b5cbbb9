"""The scheduled-job runner (outcomes/core/scheduler.py): a job runs when due and not before, its
failure is recorded, and of two runners at once only one runs it."""

from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from outcomes.core import scheduler
from outcomes.core.models import ScheduledJob

T0 = timezone.make_aware(datetime(2014, 12, 8, 9, 0))


@pytest.fixture
def job():
    """A job of the test's own, taken out of the registry afterwards."""
    calls: list[datetime] = []

    def run(now):
        calls.append(now)
        return f"Ran at {now:%H:%M}."

    registered = scheduler.register(name="test.job", title="A test job", app="core", every=timedelta(hours=1))
    registered(run)
    yield scheduler.get_job("test.job"), calls
    scheduler._JOBS.pop("test.job", None)


pytestmark = pytest.mark.django_db


def test_a_job_runs_when_due_and_not_before(job):
    test_job, calls = job
    assert scheduler.run_job(test_job, now=T0).state == scheduler.SUCCEEDED
    assert scheduler.run_job(test_job, now=T0 + timedelta(minutes=59)).state == scheduler.NOT_DUE
    assert scheduler.run_job(test_job, now=T0 + timedelta(hours=1)).state == scheduler.SUCCEEDED
    assert calls == [T0, T0 + timedelta(hours=1)]
    row = ScheduledJob.objects.get(name="test.job")
    assert row.last_state == ScheduledJob.SUCCEEDED
    assert row.last_message == "Ran at 10:00."
    assert row.next_due == T0 + timedelta(hours=2)
    assert row.lease_until is None


def test_forcing_runs_a_job_that_is_not_due(job):
    test_job, calls = job
    scheduler.run_job(test_job, now=T0)
    assert scheduler.run_job(test_job, now=T0 + timedelta(minutes=1), force=True).state == scheduler.SUCCEEDED
    assert len(calls) == 2


def test_a_failure_is_recorded_and_tried_again_soon():
    def broken(now):
        raise RuntimeError("the mail server did not answer")

    scheduler.register(name="test.broken", title="Broken", app="core", every=timedelta(days=1))(broken)
    try:
        outcome = scheduler.run_job(scheduler.get_job("test.broken"), now=T0)
    finally:
        scheduler._JOBS.pop("test.broken", None)
    assert outcome.state == scheduler.FAILED
    assert "the mail server did not answer" in outcome.message
    row = ScheduledJob.objects.get(name="test.broken")
    assert row.last_state == ScheduledJob.FAILED
    assert "RuntimeError: the mail server did not answer" in row.last_message
    assert row.next_due == T0 + scheduler.RETRY_AFTER  # not a whole day later
    assert row.lease_until is None


def test_a_second_runner_does_not_run_a_job_already_running(job):
    test_job, _ = job
    seen = []

    def run(now):
        # While this run holds the lease, another runner comes along.
        seen.append(scheduler.run_job(test_job, now=now, force=True).state)
        return "Done."

    scheduler._JOBS["test.job"] = scheduler.Job("test.job", "A test job", "core", timedelta(hours=1), run)
    test_job = scheduler.get_job("test.job")
    assert scheduler.run_job(test_job, now=T0).state == scheduler.SUCCEEDED
    assert seen == [scheduler.RUNNING_ELSEWHERE]


def test_one_claim_wins_and_a_dead_runners_lease_expires(job):
    test_job, _ = job
    assert scheduler.claim(test_job, T0, "first")
    assert not scheduler.claim(test_job, T0, "second")
    assert not scheduler.claim(test_job, T0 + test_job.lease - timedelta(seconds=1), "second", force=True)
    # The first runner died: after its lease, the job is someone else's.
    assert scheduler.claim(test_job, T0 + test_job.lease, "second")


def test_two_jobs_of_one_name_are_refused():
    def other(now):
        return ""

    with pytest.raises(ValueError, match="Two scheduled jobs"):
        scheduler.register(name="plans.close_rounds", title="x", app="x", every=timedelta(hours=1))(other)


def test_every_app_registers_its_jobs():
    assert {job.name for job in scheduler.all_jobs()} >= {
        "plans.close_rounds",
        "indicators.no_data_exceptions",
        "surveys.clear_pupil_sessions",
        "reminders.send",
    }
    names = [job.name for job in scheduler.all_jobs()]
    # Rounds close before the reminders look for rounds still open.
    assert names.index("plans.close_rounds") < names.index("reminders.send")


def test_the_command_runs_what_is_due_and_lists_the_jobs(job):
    out = StringIO()
    call_command("run_scheduled", "--job", "test.job", stdout=out)
    assert "test.job: succeeded. Ran at" in out.getvalue()
    out = StringIO()
    call_command("run_scheduled", "--job", "test.job", stdout=out)
    assert "test.job: not due" in out.getvalue()
    out = StringIO()
    call_command("run_scheduled", "--list", stdout=out)
    listing = out.getvalue()
    assert "test.job (core): A test job; every hour" in listing
    assert "last run" in listing
    assert "Succeeded. Ran at" in listing
    assert "reminders.send" in listing


def test_the_command_names_the_jobs_when_given_an_unknown_one():
    with pytest.raises(CommandError, match=r"No such job: nothing\. The jobs are: .*reminders\.send"):
        call_command("run_scheduled", "--job", "nothing")


def test_administrators_read_the_last_runs_in_the_admin(client, job, users):
    scheduler.run_job(job[0], now=T0)
    client.force_login(users["administrator"])
    page = client.get("/admin/core/scheduledjob/")
    assert page.status_code == 200
    assert "test.job" in page.content.decode()
    client.force_login(users["performance_officer"])
    assert client.get("/admin/core/scheduledjob/").status_code == 302


def test_the_loop_keeps_going_after_a_database_error_until_stopped(job, monkeypatch):
    from django.db import OperationalError

    rounds = []
    real_run_due = scheduler.run_due

    def run_due(**kwargs):
        rounds.append(1)
        if len(rounds) == 1:
            raise OperationalError("database is locked")
        return real_run_due(**kwargs)

    def sleep(seconds):
        assert seconds == 60
        if len(rounds) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(scheduler, "run_due", run_due)
    monkeypatch.setattr("outcomes.core.management.commands.run_scheduled.time.sleep", sleep)
    monkeypatch.setattr("outcomes.core.management.commands.run_scheduled.close_old_connections", lambda: None)
    out, err = StringIO(), StringIO()
    call_command("run_scheduled", "--job", "test.job", "--every", "60", stdout=out, stderr=err)
    assert "Scheduled jobs not run this time: OperationalError: database is locked" in err.getvalue()
    assert "test.job: succeeded" in out.getvalue()  # the second round ran it
    assert out.getvalue().rstrip().endswith("Stopped.")
    assert job[1]  # the job itself ran
