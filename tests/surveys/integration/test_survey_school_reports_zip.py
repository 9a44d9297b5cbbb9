"""Every school's report of a release as PDFs in one .zip (decision 0114): started from the borough
report, made by a job (its worker loop run here), downloaded from the job's page by its starter and
administrators only; and `survey_school_reports`, the same job run by a command."""

import io
import re
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from pypdf import PdfReader

from outcomes.jobs.models import Job, JobFile
from outcomes.jobs.worker import run_queued
from outcomes.surveys import releases, results_document
from outcomes.surveys.models import Edition, School
from outcomes.surveys.school_reports import member_name

pytestmark = pytest.mark.django_db
SLUG = "primary-2009"
# A demo school whose pupils are too few for a report of its own (test_survey_documents.py).
TOO_FEW = "st-thomas"


def release():
    return releases.latest(Edition.objects.get(slug=SLUG))


def reported_schools():
    return sorted((r.school for r in release().reports.exclude(school=None)), key=lambda s: s.name)


def words(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


# Renders every demo school's PDF (10-20 s each on a busy machine): run by make test.
@pytest.mark.slow
def test_the_borough_report_starts_the_job_and_its_page_gives_the_zip(client, users):
    performance = users["performance_officer"]
    client.force_login(performance)
    page = client.get(reverse("surveys:borough_report", kwargs={"slug": SLUG})).content.decode()
    assert "Make every school's report as PDFs (.zip)" in page
    response = client.post(
        reverse("surveys:school_reports_zip", kwargs={"slug": SLUG}), {"release": release().number}
    )
    job = Job.objects.get(started_by=performance)
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:detail", kwargs={"pk": job.pk})
    assert job.state == Job.QUEUED
    assert client.get(response["Location"]).has_header("Refresh")

    assert run_queued() == 1
    job.refresh_from_db()
    assert job.state == Job.SUCCEEDED, job.error
    schools = reported_schools()
    linked = School.objects.filter(links__edition__slug=SLUG).count()
    assert (job.done, job.total) == (linked, linked)
    made = job.files.get(purpose=JobFile.RESULT)
    assert made.name == f"{SLUG}-release-{release().number}-school-reports.zip"
    page = client.get(response["Location"]).content.decode()
    assert f"Download {made.name}" in page
    assert f"Made the reports of {len(schools)} of {linked} schools" in page

    # One PDF per school with a report of its own, named by its code and name, naming the school.
    download = client.get(reverse("jobs:file", kwargs={"pk": job.pk, "file_pk": made.pk}))
    assert download["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(download.content)) as archive:
        assert archive.namelist() == [member_name(s) for s in schools]
        pdfs = {name: archive.read(name) for name in archive.namelist()}
    for school in schools:
        pdf = pdfs[member_name(school)]
        assert pdf.startswith(b"%PDF")
        assert f"School report: {school.name}" in words(pdf)
    assert all(re.fullmatch(r"[A-Za-z0-9-]+\.pdf", name) for name in pdfs)

    # Figures suppressed exactly as on the school's page: the very bytes of its own PDF download.
    own = School.objects.get(code="swinton-brookfield")
    alone = client.get(reverse("surveys:school_report_pdf", kwargs={"slug": SLUG, "code": own.code}))
    assert pdfs[member_name(own)] == alone.content

    # A school with too few pupils has no PDF, and the job says why in words.
    too_few = School.objects.get(code=TOO_FEW)
    assert member_name(too_few) not in pdfs
    assert any(
        line.startswith(f"{too_few.name} ({TOO_FEW}) not included: too few of its pupils answered")
        for line in job.result["lines"]
    )
    assert f"{too_few.name} ({TOO_FEW}) not included" in page
    assert len(job.result["lines"]) == linked - len(schools)


def test_only_the_starter_and_administrators_download_the_zip(client, users):
    starter = users["performance_officer"]
    job = Job.objects.create(label="Zip", kind="zip", state=Job.SUCCEEDED, started_by=starter)
    made = JobFile.objects.create(job=job, purpose=JobFile.RESULT, name="reports.zip", data=b"PK", size=2)
    address = reverse("jobs:file", kwargs={"pk": job.pk, "file_pk": made.pk})
    expected = {"performance_officer": 200, "administrator": 200, "viewer": 404, "school": 404}
    for role, status in expected.items():
        client.force_login(users[role])
        assert client.get(address).status_code == status, role


def test_the_button_is_only_for_those_who_read_every_school(client, users):
    # Closed, with a final release: viewers read the borough report too, but not every school's.
    Edition.objects.filter(slug=SLUG).update(state=Edition.CLOSED)
    release().__class__.objects.filter(pk=release().pk).update(kind="final")
    address = reverse("surveys:borough_report", kwargs={"slug": SLUG})
    button = reverse("surveys:school_reports_zip", kwargs={"slug": SLUG}).encode()
    for role, shown in {"administrator": True, "performance_officer": True, "viewer": False}.items():
        client.force_login(users[role])
        page = client.get(address)
        assert page.status_code == 200
        assert (button in page.content) is shown, role


@pytest.fixture
def quick_pdfs(monkeypatch):
    """The command's wiring without rendering every PDF again (the test above renders them all)."""

    def fake(release, school):
        return None if releases.school_of(release, school) is None else b"%PDF " + school.name.encode()

    monkeypatch.setattr(results_document, "school_report_pdf", fake)


def test_the_command_writes_the_zip_with_its_progress(quick_pdfs, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "reports.zip"
    call_command("survey_school_reports", "--release", SLUG, "--out", str(target), stdout=out, stderr=err)
    schools = reported_schools()
    linked = School.objects.filter(links__edition__slug=SLUG).count()
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == [member_name(s) for s in schools]
        assert archive.read(member_name(schools[0])) == b"%PDF " + schools[0].name.encode()
    assert f"{linked} of {linked} schools" in err.getvalue()
    assert f"1 of {linked} schools" in err.getvalue()
    assert f"Made the reports of {len(schools)} of {linked} schools" in out.getvalue()
    assert f"({TOO_FEW}) not included: too few" in out.getvalue()
    # The schools invited whose pupils sent nothing (the demo's four with I.T. problems).
    unheard = out.getvalue().count("not included: none of its pupils' answers had arrived when release")
    assert unheard == linked - len(schools) - len(release().publication.content["schools_without_report"])
    assert unheard > 0
    job = Job.objects.get(kind__endswith="school_reports_zip")
    assert (job.state, job.started_by) == (Job.SUCCEEDED, None)


def test_the_command_names_a_release_that_is_not_there(tmp_path):
    out = str(tmp_path / "x.zip")
    with pytest.raises(CommandError, match="no release 9"):
        call_command("survey_school_reports", "--release", SLUG, "--number", "9", "--out", out)
    with pytest.raises(CommandError, match="no edition"):
        call_command("survey_school_reports", "--release", "nothing", "--out", out)
    assert not (tmp_path / "x.zip").exists()
