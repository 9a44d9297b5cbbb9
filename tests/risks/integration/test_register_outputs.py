"""The register as at a date, from the command line in every format and as downloads: the demo CYPS
register with the NTI's red item, rated, mitigated and reviewed by the Trust Board."""

import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from docx import Document as WordDocument
from openpyxl import load_workbook

from outcomes.risks.demo import load_demo_risks
from outcomes.risks.models import Register

pytestmark = pytest.mark.django_db


def run(tmp_path, fmt: str, as_at: str = "2010-11-04") -> bytes:
    out = tmp_path / f"register.{fmt}"
    call_command(
        "risk_register", register="cyps", as_at=as_at, format=fmt, output=str(out), stderr=io.StringIO()
    )
    return out.read_bytes()


def test_json_as_at_the_nti_summary(tmp_path):
    data = json.loads(run(tmp_path, "json"))
    assert data["register"] == "cyps"
    assert data["as_at"] == "2010-11-04"
    [risk] = data["risks"]
    assert risk["reference"] == "R1"
    assert "agency staff" in risk["title"]
    assert risk["owner"] == "Gani Martins"
    assert risk["before"] == {"likelihood": 5, "impact": 4, "level": "Very high"}
    assert risk["after"] == {"likelihood": 5, "impact": 4, "level": "Very high"}
    assert risk["target"] == {"likelihood": 2, "impact": 3, "level": "Medium"}
    assert risk["trend"] == "First review"
    assert risk["next_review"] == "2011-01-20"
    assert len(risk["mitigating_actions"]) == 2
    cell = next(c for c in data["heatmap"]["cells"] if (c["likelihood"], c["impact"]) == (5, 4))
    assert (cell["before"], cell["after"]) == (1, 1)
    assert sum(c["after"] for c in data["heatmap"]["cells"]) == 1


def test_as_at_before_the_review_reads_the_ratings_then(tmp_path):
    data = json.loads(run(tmp_path, "json", "2010-10-10"))
    [risk] = data["risks"]
    assert risk["after"] == {"likelihood": 4, "impact": 4, "level": "High"}
    assert risk["trend"] == "Not yet reviewed"
    # Before the risk was accepted the register held nothing.
    assert json.loads(run(tmp_path, "json", "2010-09-30"))["risks"] == []


def test_word_pdf_html_and_excel(tmp_path):
    word = WordDocument(io.BytesIO(run(tmp_path, "docx")))
    text = "\n".join(cell.text for table in word.tables for row in table.rows for cell in row.cells)
    assert "agency staff" in text
    assert "Very high (L5 x I4)" in text
    assert run(tmp_path, "pdf").startswith(b"%PDF")
    assert "Heat map before mitigation" in run(tmp_path, "html").decode()
    book = load_workbook(io.BytesIO(run(tmp_path, "xlsx")))
    risks = book["Risks"]
    headings = [c.value for c in risks[1]]
    row = {h: c.value for h, c in zip(headings, risks[2], strict=False)}
    assert row["Reference"] == "R1"
    assert row["Before likelihood"] == 5
    assert isinstance(row["Before likelihood"], int)
    assert row["After impact"] == 4
    assert isinstance(row["After impact"], int)
    assert row["After level"] == "Very high"
    heat = book["Heat map"]
    counts = [r[3].value for r in heat.iter_rows(min_row=2) if r[0].value is not None]
    assert all(isinstance(v, int) for v in counts)
    assert sum(counts) == 1


def test_the_command_names_what_is_wrong():
    with pytest.raises(CommandError, match="No register 'nope'"):
        call_command("risk_register", register="nope", as_at="2010-11-04")
    with pytest.raises(CommandError, match="is not a date"):
        call_command("risk_register", register="cyps", as_at="4 Nov")


def test_downloads_as_at_a_date(client, users):
    client.force_login(users["viewer"])
    url = reverse("risks:register_download", args=["cyps", "json"])
    data = json.loads(client.get(url, {"as_at-day": 4, "as_at-month": 11, "as_at-year": 2010}).content)
    assert data["as_at"] == "2010-11-04"
    assert data["risks"][0]["reference"] == "R1"
    assert client.get(reverse("risks:register_download", args=["cyps", "exe"])).status_code == 404


def test_the_demo_loads_once():
    assert load_demo_risks() is None
    register = Register.objects.get(slug="cyps")
    assert register.risks.count() == 1
    assert register.reviewed_by.slug == "trust-board"
    assert register.reviewed_by.standing_items.filter(title="Risk register").count() == 1
    risk = register.risks.get()
    review = risk.reviews.get()
    assert review.meeting.date == date(2010, 10, 20)
    assert [m.action.body.slug for m in risk.mitigations.all()] == ["trust-board", "trust-board"]
