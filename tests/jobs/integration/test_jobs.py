"""A job queued, taken by a worker (its loop run here), run once, with progress, result and errors."""

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from outcomes.jobs.models import Job
from outcomes.jobs.queue import run_here, start_job
from outcomes.jobs.worker import run_queued
from tests.jobs import work


@pytest.fixture(autouse=True)
def quick_retries(settings):
    settings.JOBS_RETRY_SECONDS = 0
    work.RUNS.clear()
    work.SEEN.clear()


@pytest.fixture
def performance(users):
    return users["performance_officer"]


@pytest.mark.django_db
def test_a_job_runs_once_and_records_its_progress_and_result(performance):
    job = start_job(work.count_to, user=performance, label="Count to three", upto=3)
    assert job.state == Job.QUEUED
    assert run_queued() == 1
    job.refresh_from_db()
    assert job.state == Job.SUCCEEDED
    assert (job.done, job.total) == (3, 3)
    assert job.result == {"summary": "Counted to 3."}
    assert job.attempts == 1
    assert job.started_by == performance
    # Nothing left to run, and a second delivery of the same task finds the job taken.
    assert run_queued() == 0
    DBTaskResult.objects.filter(id=job.task_id).update(status="READY")
    run_queued()
    assert [job.pk] == work.RUNS


@pytest.mark.django_db
def test_progress_is_recorded_as_the_work_goes(performance):
    start_job(work.count_to, user=performance, label="Count to three", upto=3)
    run_queued()
    assert work.SEEN == [(1, 3, "Counted 1"), (2, 3, "Counted 2"), (3, 3, "Counted 3")]


@pytest.mark.django_db
def test_a_failed_job_shows_its_error_on_its_page(performance, client):
    job = start_job(work.refuse, user=performance, label="Import a bad file")
    run_queued()
    job.refresh_from_db()
    assert job.state == Job.FAILED
    assert job.error == "The file has no sheet named 'Values'."
    assert "ValueError" in job.error_detail
    assert DBTaskResult.objects.get(id=job.task_id).status == "FAILED"
    client.force_login(performance)
    response = client.get(reverse("jobs:detail", kwargs={"pk": job.pk}))
    page = response.content.decode()
    assert "The job failed" in page
    assert "The file has no sheet named &#39;Values&#39;." in page
    assert not response.has_header("Refresh")  # finished: the page stops asking
    # The traceback is for administrators only.
    assert "ValueError" not in page
    listing = client.get(reverse("jobs:list")).content.decode()
    assert "Import a bad file" in listing
    assert "Failed" in listing


@pytest.mark.django_db
def test_a_passing_failure_is_tried_again(performance):
    job = start_job(work.locked_the_first_time, user=performance, label="Flaky")
    first_task = job.task_id
    run_queued()
    job.refresh_from_db()
    assert job.state == Job.SUCCEEDED
    assert job.attempts == 2
    assert job.task_id != first_task
    assert [job.pk, job.pk] == work.RUNS


@pytest.mark.django_db
def test_a_failure_that_keeps_coming_back_is_kept_after_the_last_attempt(performance, settings):
    settings.JOBS_MAX_ATTEMPTS = 3
    job = start_job(work.always_locked, user=performance, label="Never")
    run_queued()
    job.refresh_from_db()
    assert job.state == Job.FAILED
    assert job.attempts == 3
    assert job.error == "database is locked"
    assert len(work.RUNS) == 3


@pytest.mark.django_db
def test_an_unfinished_job_page_refreshes_itself_and_shows_who_started_it(performance, client):
    job = start_job(work.count_to, user=performance, label="Count to three", upto=3)
    client.force_login(performance)
    response = client.get(reverse("jobs:detail", kwargs={"pk": job.pk}))
    page = response.content.decode()
    # The browser asks again by the Refresh header, without JavaScript, until the reader stops it.
    assert response["Refresh"] == "2"
    assert "stop updating this page" in page
    still = client.get(reverse("jobs:detail", kwargs={"pk": job.pk}), {"still": "1"})
    assert not still.has_header("Refresh")
    assert "This page no longer updates itself" in still.content.decode()
    assert "Waiting for a worker to start it." in page
    assert performance.display_name in page
    run_queued()
    page = client.get(reverse("jobs:detail", kwargs={"pk": job.pk})).content.decode()
    assert "Counted to 3." in page
    assert "Download count.csv" in page


@pytest.mark.django_db
def test_a_command_runs_a_job_in_its_own_process(performance):
    job = start_job(work.count_to, user=None, label="Count here", queue=False, upto=2)
    assert not DBTaskResult.objects.exists()
    run_here(work.count_to, job, upto=2)
    assert job.state == Job.SUCCEEDED
    assert job.started_by is None


@pytest.mark.django_db
def test_a_job_is_seen_by_its_starter_and_administrators_only(users, client):
    job = start_job(work.count_to, user=users["performance_officer"], label="Mine", upto=1)
    run_queued()
    made = job.files.get()
    for role, expected in [("performance_officer", 200), ("administrator", 200), ("lead_officer", 404)]:
        client.force_login(users[role])
        assert client.get(reverse("jobs:detail", kwargs={"pk": job.pk})).status_code == expected
        download = client.get(reverse("jobs:file", kwargs={"pk": job.pk, "file_pk": made.pk}))
        assert download.status_code == expected
        assert ("Mine" in client.get(reverse("jobs:list")).content.decode()) == (expected == 200)
