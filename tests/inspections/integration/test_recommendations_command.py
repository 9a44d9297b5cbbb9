"""The recommendations command in every format, against the demo as at 4 November 2010 (seed 002: the
fostering and safeguarding inspections' counts, "6 + 3 = 9", "4 + 6 = 10", "3 immediate + 7 = 10")."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

AS_AT = "2010-11-04"


def run_json(**options) -> dict:
    out = io.StringIO()
    call_command("recommendations", as_at=AS_AT, format="json", stdout=out, **options)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_the_json_has_both_figures_with_their_counts_and_definitions():
    data = run_json()
    assert data["as_at"] == AS_AT
    assert data["target"] == 90
    within, complete = data["within_original_timescale"], data["complete"]
    # Fostering 1-9 (due 30 September) and the three immediate ones (due 15 September) are due;
    # fostering 1-5 and those three were done in time.
    assert (within["numerator"], within["denominator"], within["percent"]) == (8, 12, 66.7)
    # 6 of 9 fostering and 4 of 10 safeguarding complete; the CRA recommendation is superseded.
    assert (complete["numerator"], complete["denominator"], complete["percent"]) == (10, 19, 52.6)
    assert "original due date" in within["definition"]
    assert "monitored" in complete["definition"]
    keys = {
        "reference", "inspection", "text", "priority", "owner", "original_due", "revised_due",
        "status", "completed_on", "late", "at_risk",
    }  # fmt: skip
    assert all(set(row) == keys for row in data["rows"])


@pytest.mark.django_db
def test_the_seeds_counts_hold_per_inspection():
    fostering = run_json(inspection="fostering-2010")["rows"]
    assert len(fostering) == 9
    assert sum(r["status"] == "Complete" for r in fostering) == 6
    slac = run_json(inspection="safeguarding-lac-2010")["rows"]
    assert len(slac) == 10
    assert sum(r["status"] == "Complete" for r in slac) == 4
    assert sum(r["priority"] == "Immediately" for r in slac) == 3
    assert all(r["text"].startswith("[R]") for r in fostering + slac)


@pytest.mark.django_db
def test_a_revised_date_still_counts_late_and_the_november_ones_are_at_risk():
    rows = {r["reference"]: r for r in run_json()["rows"]}
    fos7 = rows["FOS 7"]
    assert (fos7["original_due"], fos7["revised_due"], fos7["late"]) == ("2010-09-30", "2010-11-30", True)
    assert rows["FOS 6"]["late"]
    assert rows["FOS 6"]["status"] == "Complete"
    assert not rows["FOS 5"]["late"]  # done on its day
    assert rows["SLAC 5"]["at_risk"]
    assert not rows["SLAC 5"]["late"]
    assert not rows["FOS 7"]["at_risk"]  # late already, no longer "at risk"


@pytest.mark.django_db
def test_before_anything_is_due_the_first_figure_has_no_denominator():
    out = io.StringIO()
    call_command("recommendations", as_at="2010-08-01", format="json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["within_original_timescale"]["denominator"] == 0
    assert data["within_original_timescale"]["percent"] is None
    out = io.StringIO()
    call_command("recommendations", as_at="2010-08-01", format="html", stdout=out)
    assert "no recommendation due yet" in out.getvalue()


@pytest.mark.django_db
def test_word_excel_pdf_and_html(tmp_path: Path):
    for fmt in ("docx", "xlsx", "pdf"):
        call_command("recommendations", as_at=AS_AT, format=fmt, output=str(tmp_path / f"r.{fmt}"))
    word = Document(str(tmp_path / "r.docx"))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "Completed within the original timescale" in cells
    assert "FOS 7" in cells
    assert any("Reconstructed" in p.text for p in word.paragraphs) or any("[R]" in c for c in cells)
    sheet = load_workbook(tmp_path / "r.xlsx")["Figures"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][:3] == ("Completed within the original timescale", 8, 12)
    assert rows[0][3] == pytest.approx(0.667)
    assert sheet.cell(row=2, column=4).number_format.endswith("%")
    assert rows[1][1:3] == (10, 19)
    recs = load_workbook(tmp_path / "r.xlsx")["Recommendations"]
    assert recs.max_row == 21  # a heading and the 20 rows
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    out = io.StringIO()
    call_command("recommendations", as_at=AS_AT, format="html", stdout=out)
    assert "Inspection recommendations as at 4 November 2010" in out.getvalue()


@pytest.mark.django_db
def test_the_command_refuses_what_it_cannot_do():
    with pytest.raises(CommandError, match="slug"):
        call_command("recommendations", as_at=AS_AT, inspection="nothing")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("recommendations", as_at="04.11.2010")
    with pytest.raises(CommandError, match="--output"):
        call_command("recommendations", as_at=AS_AT, format="pdf")
