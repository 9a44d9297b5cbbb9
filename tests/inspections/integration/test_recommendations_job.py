"""The recommendations as Word or PDF made as a job (decision 0168): the recommendations page's form
carries its date and filters, starts the job and goes to the job's page; a worker makes the file and
the page offers it; the command runs the same job with its progress on standard error."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document

from outcomes.jobs.models import Job, JobFile
from outcomes.jobs.worker import run_queued

pytestmark = pytest.mark.django_db
AS_AT = "2010-11-04"


def made_file(client, job: Job) -> bytes:
    assert run_queued() == 1
    job.refresh_from_db()
    assert job.state == Job.SUCCEEDED, job.error
    made = job.files.get(purpose=JobFile.RESULT)
    page = client.get(reverse("jobs:detail", args=[job.pk])).content.decode()
    link = reverse("jobs:file", kwargs={"pk": job.pk, "file_pk": made.pk})
    assert link in page
    assert made.name in page
    return client.get(link).getvalue()


def test_the_page_offers_word_and_pdf_as_a_form_with_its_date_and_filters(client, users):
    client.force_login(users["viewer"])
    page = client.get(
        reverse("inspections:recommendations"),
        {"as_at": AS_AT, "inspection": "fostering-2010", "status": "open", "at_risk": "yes"},
    ).content.decode()
    form = page[page.index(f'action="{reverse("inspections:document")}"') :]
    form = form[: form.index("</form>")]
    assert 'name="as_at" value="2010-11-04"' in form
    assert 'name="inspection" value="fostering-2010"' in form
    assert 'name="status" value="open"' in form
    assert 'name="at_risk" value="on"' in form
    assert 'name="fmt" value="docx"' in form
    assert 'name="fmt" value="pdf"' in form
    assert "csrfmiddlewaretoken" in form


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_posting_makes_the_file_as_a_job(client, users, fmt):
    viewer = users["viewer"]
    client.force_login(viewer)
    response = client.post(reverse("inspections:document"), {"as_at": AS_AT, "fmt": fmt})
    job = Job.objects.get(started_by=viewer)
    assert response["Location"] == reverse("jobs:detail", args=[job.pk])
    assert job.label.endswith("as at 4 November 2010")
    content = made_file(client, job)
    assert job.files.get().name == f"recommendations-2010-11-04.{fmt}"
    assert "Completed within the original timescale: 66.7% (8 of 12)" in job.result["lines"]
    assert job.result["link"].startswith(reverse("inspections:recommendations") + "?as_at=2010-11-04")
    if fmt == "pdf":
        assert content.startswith(b"%PDF")
    else:
        cells = [c.text for t in Document(io.BytesIO(content)).tables for row in t.rows for c in row.cells]
        assert "Completed within the original timescale" in cells
        assert "FOS 7" in cells
    client.force_login(users["lead_officer"])
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code in (403, 404)


def test_the_filters_choose_the_documents_rows(client, users):
    client.force_login(users["viewer"])
    client.post(
        reverse("inspections:document"),
        {"as_at": AS_AT, "fmt": "docx", "inspection": "fostering-2010", "status": "open"},
    )
    job = Job.objects.get()
    content = made_file(client, job)
    assert job.files.get().name == "recommendations-fostering-2010-2010-11-04.docx"
    cells = [c.text for t in Document(io.BytesIO(content)).tables for row in t.rows for c in row.cells]
    assert "FOS 7" in cells
    assert "FOS 1" not in cells


def test_a_bad_post_is_refused_and_get_is_not_allowed(client, users):
    client.force_login(users["viewer"])
    url = reverse("inspections:document")
    assert client.post(url, {"as_at": AS_AT, "fmt": "xlsx"}).status_code == 400
    assert client.post(url, {"as_at": "4 Nov", "fmt": "pdf"}).status_code == 400
    assert client.get(url).status_code == 405
    assert not Job.objects.exists()
    client.force_login(users["school"])
    assert client.post(url, {"as_at": AS_AT, "fmt": "pdf"}).status_code == 403


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_command_runs_the_job_with_a_progress_bar(tmp_path: Path, fmt):
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / f"r.{fmt}"
    call_command("recommendations", as_at=AS_AT, format=fmt, output=str(target), stdout=out, stderr=err)
    assert "100% Done" in err.getvalue()
    assert f"Wrote {target}" in out.getvalue()
    job = Job.objects.get()
    assert job.state == Job.SUCCEEDED
    assert job.label.endswith("(command)")
    assert target.read_bytes().startswith(b"%PDF" if fmt == "pdf" else b"PK")
