"""The one download writer: typed cells, the formula and control-character guard, Excel's limits."""

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from openpyxl import load_workbook

from outcomes.core.downloads import (
    EXCEL_CELL_LIMIT,
    Number,
    Sheet,
    append,
    attachment,
    csv_bytes,
    new_workbook,
    percent,
    sheet_title,
    table_download,
    workbook_bytes,
    xlsx_bytes,
)

DANGEROUS = ['=HYPERLINK("http://x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "- a note"]


def read_csv(content: bytes) -> list[list[str]]:
    assert content.startswith("\ufeff".encode()), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def read_xlsx(content: bytes):
    return load_workbook(io.BytesIO(content)).active


@pytest.mark.parametrize("text", DANGEROUS)
def test_a_csv_never_starts_a_text_cell_with_a_formula_sign(text):
    rows = read_csv(csv_bytes(["Text"], [[text]]))
    assert rows[1] == ["'" + text]


@pytest.mark.parametrize("text", DANGEROUS)
def test_an_excel_text_cell_is_text_marked_as_typed_text(text):
    sheet = read_xlsx(xlsx_bytes([Sheet("T", ["Text"], [[text]])]))
    cell = sheet["A2"]
    assert cell.data_type == "s"
    assert cell.value == text
    assert cell.quotePrefix is True


def test_numbers_stay_numbers_and_negative_numbers_are_not_neutralised():
    rows = [[-5, Decimal("-2.50"), "-5", "-"], [Fraction(1, 4), 3.25, "+44", "-x"]]
    as_csv = read_csv(csv_bytes(["a", "b", "c", "d"], rows))
    assert as_csv[1:] == [["-5", "-2.5", "-5", "'-"], ["0.25", "3.25", "+44", "'-x"]]
    sheet = read_xlsx(xlsx_bytes([Sheet("T", ["a", "b", "c", "d"], rows)]))
    assert [c.value for c in sheet[2]] == [-5, -2.5, "-5", "-"]
    assert [c.data_type for c in sheet[2]] == ["n", "n", "s", "s"]
    assert sheet["C2"].quotePrefix is False
    assert sheet["D2"].quotePrefix is True


def test_percentages_are_fractions_with_a_percent_format_and_points_in_a_csv():
    rows = [[percent(Decimal("64.5"), 1), percent(Decimal("50.2857"), 1), Number(1760, 0), percent(80)]]
    sheet = read_xlsx(xlsx_bytes([Sheet("T", ["a (%)", "b (%)", "c", "d (%)"], rows)]))
    assert [c.value for c in sheet[2]] == [0.645, 0.503, 1760, 0.8]
    assert [c.number_format for c in sheet[2]] == ["0.0%", "0.0%", "#,##0", "0%"]
    assert read_csv(csv_bytes(["a"], rows))[1] == ["64.5", "50.3", "1760", "80"]


def test_dates_are_dates():
    sheet = read_xlsx(xlsx_bytes([Sheet("T", ["When"], [[date(2014, 6, 30)]])]))
    assert sheet["A2"].is_date
    assert sheet["A2"].value.date() == date(2014, 6, 30)
    assert read_csv(csv_bytes(["When"], [[date(2014, 6, 30)]]))[1] == ["2014-06-30"]
    moment = datetime(2014, 6, 30, 14, 5, 9, 123, tzinfo=UTC)
    assert read_csv(csv_bytes(["When"], [[moment]]))[1] == ["2014-06-30 14:05:09"]
    sheet = read_xlsx(xlsx_bytes([Sheet("T", ["When"], [[moment]])]))
    assert sheet["A2"].value == datetime(2014, 6, 30, 14, 5, 9)
    assert sheet["A2"].number_format == "yyyy-mm-dd hh:mm"


def test_word_control_characters_are_cleaned_in_every_writer():
    text = "First line\x0bsecond line\x0cthird\x00\x07 end"
    sheet = read_xlsx(xlsx_bytes([Sheet("T", ["Text"], [[text]])]))
    assert sheet["A2"].value == "First line\nsecond line\nthird end"
    assert read_csv(csv_bytes(["Text"], [[text]]))[1] == ["First line\nsecond line\nthird end"]


def test_a_workbook_built_by_hand_is_cleaned_and_guarded_through_put():
    workbook = new_workbook()
    ws = workbook.active
    append(ws, ["Update"])
    append(ws, ["=1+1\x0b(a soft break from Word)"])
    ws["B1"] = "=SUM(A1:A2)"  # set without the guard: saving still keeps it text
    sheet = read_xlsx(workbook_bytes(workbook))
    assert sheet["A2"].value == "=1+1\n(a soft break from Word)"
    assert sheet["A2"].data_type == "s"
    assert sheet["B1"].data_type == "s"


def test_text_longer_than_an_excel_cell_is_cut_with_a_note_saying_so():
    text = "x" * 40_000
    sheet = read_xlsx(xlsx_bytes([Sheet("T", ["Text"], [[text]])]))
    value = sheet["A2"].value
    assert len(value) == EXCEL_CELL_LIMIT
    assert value.endswith("[Cut: the full text is 40,000 characters; an Excel cell holds at most 32,767.]")
    assert value.startswith("x" * 32_000)
    # A CSV has no such limit: the text goes out whole.
    assert read_csv(csv_bytes(["Text"], [[text]]))[1] == [text]


def test_sheet_titles_are_cut_at_a_word_and_kept_unique():
    taken: set[str] = set()
    first = sheet_title("Scorecard: Rotherham  and its statistical neighbours", taken)
    assert first == "Scorecard Rotherham and its"
    assert "  " not in first
    assert len(first) <= 31
    second = sheet_title("Scorecard: Rotherham and its statistical neighbours", taken)
    assert second == "Scorecard Rotherham and its (2)"
    assert sheet_title("a/b*c?d[e]", set()) == "a b c d e"
    assert sheet_title("Verylongtitlewithoutanyspacesatallinit", set()) == "Verylongtitlewithoutanyspacesat"


def test_an_attachment_is_typed_by_its_name_and_never_cached():
    response = attachment(b"{}", "plan.json")
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="plan.json"'
    assert "no-store" in response["Cache-Control"]
    accented = attachment(b"", "Café report.pdf")
    assert accented["Content-Type"] == "application/pdf"
    assert "filename*=utf-8''Caf%C3%A9%20report.pdf" in accented["Content-Disposition"]


def test_a_table_download_refuses_an_unknown_format():
    from django.http import Http404

    with pytest.raises(Http404):
        table_download("ods", "t", ["a"], [[1]])
    response = table_download("xlsx", "t", ["a"], [[1]], title="A table")
    assert response["Content-Disposition"] == 'attachment; filename="t.xlsx"'
    assert read_xlsx(response.content).title == "A table"
