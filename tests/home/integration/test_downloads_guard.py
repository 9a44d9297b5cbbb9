"""Text pasted from Word, or typed to look like a formula, goes out of every CSV and Excel download
as plain text, and never breaks the download (issue 12 items 6 and 9; decision 0066)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from outcomes.core.models import ChangeRecord
from outcomes.governance.models import Action, ActionUpdate
from outcomes.indicators.forms import clinic_key
from outcomes.indicators.models import Clinic
from outcomes.plans.models import Update

pytestmark = pytest.mark.django_db

CLINIC = "2014-06-30-breastfeeding-performance-clinic"
PASTED = '=HYPERLINK("http://evil.example","Click")\x0bsecond line from Word'
CLEANED = '=HYPERLINK("http://evil.example","Click")\nsecond line from Word'


def cells(content: bytes):
    """Every non-empty cell of every sheet."""
    workbook = load_workbook(io.BytesIO(content))
    return [c for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_an_update_pasted_from_word_downloads_in_the_plan_workbook_as_text(client, users, demo_round):
    update = demo_round.updates.select_related("milestone").first()
    Update.objects.filter(pk=update.pk).update(text=PASTED)
    client.force_login(users["performance_officer"])
    response = client.get(reverse("plans:export_xlsx", args=[demo_round.plan.slug]))
    assert response.status_code == 200
    found = [c for c in cells(response.content) if c.value == CLEANED]
    assert len(found) == 1
    assert found[0].data_type == "s"
    assert found[0].quotePrefix is True


def test_an_update_that_looks_like_a_formula_is_neutralised_in_the_round_csv(client, users, demo_round):
    update = demo_round.updates.first()
    Update.objects.filter(pk=update.pk).update(text="-2+3+cmd|' /C calc'!A0")
    client.force_login(users["performance_officer"])
    response = client.get(reverse("plans:export_csv", args=[demo_round.plan.slug, demo_round.slug]))
    assert response.status_code == 200
    texts = [row[6] for row in csv_rows(response.content)[1:]]
    assert "'-2+3+cmd|' /C calc'!A0" in texts
    assert not any(t.startswith(("=", "+", "-", "@")) for t in texts)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_clinic_texts_pasted_from_word_download_in_every_clinic_table(client, users, fmt):
    clinic = Clinic.objects.get(slug=CLINIC)
    Clinic.objects.filter(pk=clinic.pk).update(forum=PASTED)
    action = Action.objects.filter(clinic=clinic).first()
    Action.objects.filter(pk=action.pk).update(details=PASTED)
    ActionUpdate.objects.create(action=action, on=clinic.date, text="- chased\x0bagain")
    ChangeRecord.objects.create(
        content_type_id=ChangeRecord.objects.filter(subject_key=clinic_key(clinic)).first().content_type_id,
        object_id=str(clinic.pk),
        subject_key=clinic_key(clinic),
        action="edit",
        summary="Edited\x0bthe clinic",
        before={"findings": "old"},
        after={"findings": PASTED},
    )
    client.force_login(users["lead_officer"])
    for name, args in (
        ("indicators:clinics_export", [fmt]),
        ("indicators:clinic_export", [CLINIC, fmt]),
        ("indicators:clinic_history_export", [CLINIC, fmt]),
    ):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name
        if fmt == "xlsx":
            texts = [c.value for c in cells(response.content) if isinstance(c.value, str)]
            assert all("\x0b" not in t for t in texts)
            formula_like = [c for c in cells(response.content) if str(c.value).startswith(("=", "-"))]
            assert all(c.data_type == "s" and c.quotePrefix for c in formula_like), name
        else:
            rows = csv_rows(response.content)
            assert all("\x0b" not in v for row in rows for v in row)
            assert not any(v.startswith(("=", "+", "-", "@")) for row in rows for v in row), name
    response = client.get(reverse("indicators:clinic_export", args=[CLINIC, fmt]))
    if fmt == "csv":
        assert any(
            row[1] == "'" + CLEANED and row[5] == "'- chased\nagain" for row in csv_rows(response.content)
        )
    else:
        assert CLEANED in [c.value for c in cells(response.content)]


def test_an_update_longer_than_an_excel_cell_is_cut_with_a_note_in_the_plan_workbook(
    client, users, demo_round
):
    update = demo_round.updates.first()
    Update.objects.filter(pk=update.pk).update(text="word " * 8_000)
    client.force_login(users["performance_officer"])
    response = client.get(reverse("plans:export_xlsx", args=[demo_round.plan.slug]))
    assert response.status_code == 200
    cut = [c.value for c in cells(response.content) if str(c.value).startswith("word word")]
    assert len(cut) == 1
    assert len(cut[0]) == 32_767
    assert cut[0].endswith("[Cut: the full text is 40,000 characters; an Excel cell holds at most 32,767.]")
