"""The register as Word or PDF made as a job (decision 0168): the register page's form starts it and
goes to the job's page, a worker makes the file, the page offers it; the quick formats answer at once;
the command runs the same job with its progress on standard error."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document as WordDocument

from outcomes.jobs.models import Job, JobFile
from outcomes.jobs.worker import run_queued

pytestmark = pytest.mark.django_db
AS_AT = {"as_at-day": 4, "as_at-month": 11, "as_at-year": 2010}


def made_file(client, job: Job) -> bytes:
    assert run_queued() == 1
    job.refresh_from_db()
    assert job.state == Job.SUCCEEDED, job.error
    made = job.files.get(purpose=JobFile.RESULT)
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    link = reverse("jobs:file", kwargs={"pk": job.pk, "file_pk": made.pk})
    assert link in page
    assert made.name in page
    assert job.result["link"] in page
    return client.get(link).getvalue()


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_register_page_makes_word_and_pdf_as_a_job(client, users, fmt):
    viewer = users["viewer"]
    client.force_login(viewer)
    page = client.get(reverse("risks:register", args=["cyps"])).content.decode()
    assert f'action="{reverse("risks:register_file", args=["cyps"])}"' in page
    assert 'method="post"' in page
    response = client.post(reverse("risks:register_file", args=["cyps"]), {**AS_AT, "fmt": fmt})
    job = Job.objects.get(started_by=viewer)
    assert response["Location"] == reverse("jobs:detail", args=[job.pk])
    assert job.label.startswith(f"Risk register ({'Word' if fmt == 'docx' else 'PDF'}): ")
    assert job.label.endswith("as at 4 November 2010")
    content = made_file(client, job)
    assert job.files.get().name == f"cyps-risk-register-2010-11-04.{fmt}"
    assert "1 risk" in job.result["summary"]
    assert job.result["link"] == reverse("risks:register", args=["cyps"])
    if fmt == "pdf":
        assert content.startswith(b"%PDF")
    else:
        word = WordDocument(io.BytesIO(content))
        text = "\n".join(c.text for t in word.tables for row in t.rows for c in row.cells)
        assert "agency staff" in text
        assert "Very high (L5 x I4)" in text
    # Another reader may not see the viewer's job (the jobs app decides).
    client.force_login(users["lead_officer"])
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code in (403, 404)


def test_the_quick_formats_answer_at_once_as_at_the_date(client, users):
    client.force_login(users["viewer"])
    response = client.post(reverse("risks:register_file", args=["cyps"]), {**AS_AT, "fmt": "json"})
    assert response.status_code == 302
    assert not Job.objects.exists()
    assert json.loads(client.get(response["Location"]).getvalue())["as_at"] == "2010-11-04"


def test_a_bad_choice_or_date_is_refused_and_get_is_not_allowed(client, users):
    client.force_login(users["viewer"])
    url = reverse("risks:register_file", args=["cyps"])
    assert client.post(url, {**AS_AT, "fmt": "exe"}).status_code == 400
    assert (
        client.post(url, {"as_at-day": 40, "as_at-month": 11, "as_at-year": 2010, "fmt": "pdf"}).status_code
        == 400
    )
    assert client.get(url).status_code == 405
    assert not Job.objects.exists()
    client.force_login(users["school"])
    assert client.post(url, {**AS_AT, "fmt": "pdf"}).status_code == 403


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_command_runs_the_job_with_a_progress_bar(tmp_path, fmt):
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / f"register.{fmt}"
    call_command(
        "risk_register",
        register="cyps",
        as_at="2010-11-04",
        format=fmt,
        output=str(target),
        stdout=out,
        stderr=err,
    )
    assert "100% Done" in err.getvalue()
    assert f"Wrote {target}" in err.getvalue()
    job = Job.objects.get()
    assert job.state == Job.SUCCEEDED
    assert job.started_by is None
    assert job.label.endswith("(command)")
    content = target.read_bytes()
    if fmt == "pdf":
        assert content.startswith(b"%PDF")
    else:
        assert "agency staff" in "\n".join(
            c.text for t in WordDocument(io.BytesIO(content)).tables for row in t.rows for c in row.cells
        )
