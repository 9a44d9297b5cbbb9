"""An update carries text, tables and evidence files, entered in the page (SPEC §1; issue 14)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from outcomes.plans.models import Evidence, Update
from tests.plans.factories import make_small_plan

pytestmark = pytest.mark.django_db

TRAJECTORY = " | Q1 | Q2\n2013/14 | 18.8 | 18.5\n2014/15 | 17.6 | 17.3"


@pytest.fixture
def officer(client, users):
    client.force_login(users["performance_officer"])
    return client


def _update_url(plan, priority=1, number=6):
    return reverse("plans:update", args=[plan.slug, "june-2014", priority, number])


def _save(client, plan, **fields):
    update = Update.objects.get(
        round__plan=plan, round__slug="june-2014", milestone__priority__number=1, milestone__number=6
    )
    data = {"text": "Progress as planned", "status": "amber", "version": update.version, **fields}
    return client.post(_update_url(plan), data)


def test_an_update_carries_a_table_typed_in_the_page(officer):
    plan = make_small_plan()
    response = _save(officer, plan, table_0_caption="Smoking at delivery", table_0_cells=TRAJECTORY)
    assert response.status_code == 302
    update = Update.objects.get(
        round__slug="june-2014", round__plan=plan, milestone__number=6, milestone__priority__number=1
    )
    assert update.tables == [
        {
            "caption": "Smoking at delivery",
            "columns": ["", "Q1", "Q2"],
            "rows": [["2013/14", "18.8", "18.5"], ["2014/15", "17.6", "17.3"]],
        }
    ]
    form = officer.get(_update_url(plan)).content.decode()
    assert "2013/14 | 18.8 | 18.5" in form
    assert 'name="table_1_cells"' in form
    report = officer.get(reverse("reports:progress", args=[plan.slug, "june-2014"])).content.decode()
    assert "Smoking at delivery" in report
    assert "17.3" in report
    history = officer.get(reverse("plans:milestone", args=[plan.slug, 1, 6])).content.decode()
    assert "Tables set to 1 table: Smoking at delivery (2 rows)." in history


def test_saving_without_table_fields_keeps_the_tables(officer):
    plan = make_small_plan()
    _save(officer, plan, table_0_caption="Kept", table_0_cells="a | b\n1 | 2")
    _save(officer, plan, text="Changed text only")
    update = Update.objects.get(
        round__slug="june-2014", round__plan=plan, milestone__number=6, milestone__priority__number=1
    )
    assert update.tables[0]["caption"] == "Kept"


def test_a_table_with_a_title_and_no_rows_is_refused_with_nothing_saved(officer):
    plan = make_small_plan()
    response = _save(officer, plan, text="Not saved", table_0_caption="Trajectory", table_0_cells="")
    assert "Type the table&#39;s rows under its title" in response.content.decode()
    assert not Update.objects.filter(round__plan=plan, text="Not saved").exists()


def test_evidence_is_stored_listed_in_the_report_and_kept_when_taken_off(officer, users, client):
    plan = make_small_plan()
    study = SimpleUploadedFile(
        "Case study A.pdf", b"%PDF-1.4 example case study", content_type="application/pdf"
    )
    assert _save(officer, plan, evidence=study).status_code == 302
    evidence = Evidence.objects.get(update__round__plan=plan)
    assert evidence.name == "Case_study_A.pdf"
    assert evidence.file.name.startswith("evidence/")
    url = reverse("plans:evidence", args=[plan.slug, "june-2014", evidence.pk])
    report = officer.get(reverse("reports:progress", args=[plan.slug, "june-2014"])).content.decode()
    assert f'href="{url}"' in report
    assert "Case_study_A.pdf" in report
    assert (
        officer.get(reverse("reports:progress_json", args=[plan.slug, "june-2014"])).json()["priorities"][0][
            "milestones"
        ][0]["evidence"][0]["url"]
        == url
    )
    download = officer.get(url)
    assert b"".join(download.streaming_content) == b"%PDF-1.4 example case study"
    assert download["Content-Disposition"].startswith("attachment")

    # A second file with the same name is stored beside it, never over it.
    again = SimpleUploadedFile(
        "Case study A.pdf", b"%PDF-1.4 a second version", content_type="application/pdf"
    )
    _save(officer, plan, evidence=again)
    first, second = Evidence.objects.filter(update__round__plan=plan).order_by("pk")
    assert first.file.name != second.file.name
    assert first.file.open("rb").read() == b"%PDF-1.4 example case study"

    # Taken off the update: gone from the report, still served for what was published with it.
    _save(officer, plan, remove_evidence=[str(first.pk)])
    report = officer.get(reverse("reports:progress", args=[plan.slug, "june-2014"])).content.decode()
    assert f'href="{url}"' not in report
    assert officer.get(url).status_code == 200
    history = officer.get(reverse("plans:milestone", args=[plan.slug, 1, 6])).content.decode()
    assert "Evidence changed from Case_study_A.pdf, Case_study_A.pdf to Case_study_A.pdf." in history


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("payload.exe", b"MZ...", "is not a kind of file that can be attached"),
        ("study.pdf", b"<html>not a pdf</html>", "is not a .pdf file inside"),
        ("notes.txt", b"\xff\xfe\x00bad", "is not text saved as UTF-8"),
    ],
)
def test_evidence_of_the_wrong_kind_is_refused_and_nothing_is_saved(officer, name, content, message):
    plan = make_small_plan()
    response = _save(officer, plan, text="Not saved", evidence=SimpleUploadedFile(name, content))
    assert message in response.content.decode()
    assert not Evidence.objects.filter(update__round__plan=plan).exists()
    assert not Update.objects.filter(round__plan=plan, text="Not saved").exists()


def test_evidence_larger_than_the_limit_is_refused(officer, settings):
    settings.EVIDENCE_MAX_MB = 0.001
    plan = make_small_plan()
    response = _save(officer, plan, evidence=SimpleUploadedFile("big.pdf", b"%PDF-" + b"x" * 2000))
    assert "is larger than" in response.content.decode()
    assert not Evidence.objects.exists()
