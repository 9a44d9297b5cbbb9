"""The performance officer's quarterly job in the page: a LAIT release uploaded, queued as a job, run
by a worker (its loop run here), the values imported and the derived figures recomputed."""

import io
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from django.urls import reverse

from outcomes.indicators.models import Area, DerivedFigure, Value
from outcomes.jobs.models import Job
from outcomes.jobs.worker import run_queued

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "lait_small"
ROTHERHAM = 372

pytestmark = pytest.mark.django_db


def release_with(value: str) -> bytes:
    """The fixture release, Rotherham's 2024 breastfeeding figure set to ``value``, as Parquet."""
    table = pq.read_table(FIXTURE / "bds_long_0.parquet")
    rows = table.to_pylist()
    for row in rows:
        if row["Short Desc"] == "6wksBreast" and row["Years"] == "2024" and row["LA Number"] == ROTHERHAM:
            row["Values"] = value
    out = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), out)
    return out.getvalue()


def zipped(parquet: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path in FIXTURE.iterdir():
            if path.name != "bds_long_0.parquet":
                archive.write(path, f"02_prod/{path.name}")
        archive.writestr("02_prod/bds_long_0.parquet", parquet)
    return out.getvalue()


def upload(client, name: str, data: bytes):
    file = io.BytesIO(data)
    file.name = name
    return client.post(reverse("indicators:lait_upload"), {"file": file})


def rotherham_2024():
    return Value.objects.get(
        indicator__code="6wksBreast",
        area__la_number=ROTHERHAM,
        period__end__year=2024,
        period__kind="financial_year",
    )


def test_an_uploaded_release_is_imported_by_a_job_and_the_figures_follow(client, users):
    performance = users["performance_officer"]
    client.force_login(performance)
    response = upload(client, "lait-2025-q4.zip", zipped(release_with("55.5")))
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:detail", kwargs={"pk": job.pk})
    assert (job.state, job.started_by, job.label) == (
        Job.QUEUED,
        performance,
        "Import the LAIT release lait-2025-q4.zip",
    )
    assert client.get(response["Location"]).has_header("Refresh")

    assert run_queued() == 1
    job.refresh_from_db()
    assert job.state == Job.SUCCEEDED, job.error
    assert float(rotherham_2024().value) == pytest.approx(55.5)
    figure = DerivedFigure.objects.get(
        indicator__code="6wksBreast",
        area=Area.objects.get(la_number=ROTHERHAM),
        period__end__year=2024,
        period__kind="financial_year",
    )
    assert figure.value == pytest.approx(55.5)
    assert job.result["summary"] == "Imported the LAIT release lait-2025-q4.zip."
    assert any(line.startswith("Values: ") and "1 updated" in line for line in job.result["lines"])
    finished = client.get(response["Location"])
    assert "Imported the LAIT release lait-2025-q4.zip." in finished.content.decode()
    assert not finished.has_header("Refresh")


def test_the_data_file_alone_takes_the_other_files_from_the_release_held(client, users, settings):
    settings.OUTCOMES_LAIT_DIR = str(FIXTURE)
    client.force_login(users["performance_officer"])
    upload(client, "bds_long_0.parquet", release_with("44.4"))
    run_queued()
    job = Job.objects.get()
    assert job.state == Job.SUCCEEDED, job.error
    assert float(rotherham_2024().value) == pytest.approx(44.4)
    assert any("Taken from the release held before" in line for line in job.result["lines"])


def test_a_file_that_is_not_a_release_is_refused_on_the_page(client, users):
    client.force_login(users["performance_officer"])
    response = upload(client, "values.zip", b"not a zip at all")
    assert response.status_code == 200
    assert "neither a .zip of the LAIT files nor bds_long_0.parquet" in response.content.decode()
    assert not Job.objects.exists()
    no_data = io.BytesIO()
    with zipfile.ZipFile(no_data, "w") as archive:
        archive.writestr("readme.txt", "nothing here")
    response = upload(client, "empty.zip", no_data.getvalue())
    assert "The .zip has no bds_long_0.parquet" in response.content.decode()
    assert not Job.objects.exists()


def test_a_release_that_fails_in_the_job_changes_nothing_and_says_why(client, users):
    client.force_login(users["performance_officer"])
    broken = b"PAR1" + b"\0" * 100 + b"PAR1"
    upload(client, "broken.parquet", broken)
    before = rotherham_2024().value
    run_queued()
    job = Job.objects.get()
    assert job.state == Job.FAILED
    assert job.error
    assert rotherham_2024().value == before


def test_the_command_runs_its_job_with_a_progress_bar(db):
    from django.core.management import call_command

    out, err = io.StringIO(), io.StringIO()
    call_command("import_lait", str(FIXTURE), "--measures", "6wksBreast", stdout=out, stderr=err)
    job = Job.objects.get()
    assert (job.state, job.started_by) == (Job.SUCCEEDED, None)
    assert "Values: " in out.getvalue()
    drawn = err.getvalue().splitlines()
    assert drawn[0] == "  1% Reading the files"
    assert any(line.endswith("Values: 1,530 rows compared with those held") for line in drawn)
    percents = [int(line[:3]) for line in drawn]
    assert percents == sorted(percents)


def test_the_command_can_queue_its_job_for_a_worker(db):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("import_lait", str(FIXTURE), "--measures", "6wksBreast", "--queue", stdout=out)
    job = Job.objects.get()
    assert out.getvalue().strip() == f"Queued as job {job.pk}: /jobs/{job.pk}/"
    assert job.state == Job.QUEUED
    run_queued()
    job.refresh_from_db()
    assert job.state == Job.SUCCEEDED, job.error
