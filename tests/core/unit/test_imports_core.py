"""The shared import pipeline (outcomes/core/imports): typed readers, the table reader, limits."""

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook

from outcomes.core.imports import Column, ImportFailed, Problem, cells, jsonfile, open_table, open_workbook


def _xlsx(rows, title="Values") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


COLUMNS = [Column("code", "Indicator code", required=True), Column("value", "Value")]


def test_a_table_is_read_with_each_cell_located_by_file_sheet_row_and_column_name():
    table = open_workbook(
        _xlsx([["Indicator code", "Value"], ["NI 59", "lots"], [None, None], ["NI 60", 3]]), "v.xlsx"
    )
    sheet = table.sheet("Values", COLUMNS)
    assert [row.number for row in sheet.rows] == [2, 4]
    assert sheet.rows[0].read("value", cells.decimal, max_digits=24, decimal_places=10) is None
    assert sheet.rows[1].read("value", cells.decimal, max_digits=24, decimal_places=10) == 3
    with pytest.raises(ImportFailed) as failed:
        table.raise_problems()
    assert failed.value.shown == ["v.xlsx, sheet 'Values', row 2, column B (Value): 'lots' is not a number"]


def test_a_missing_or_doubled_column_is_named_in_the_header_row():
    table = open_table(b"Value,value\n1,2\n", "v.csv")
    assert table.sheet(None, COLUMNS) is None
    assert [str(p) for p in table.problems] == [
        "row 1, column B: 'Value' appears twice",
        "row 1: the column 'Indicator code' is missing",
    ]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("1e999999", "is too large"),
        ("inf", "infinity"),
        ("NaN", "infinity"),
        (float("inf"), "infinity"),
        (1e40, "is too large"),
        ("9" * 5000, "not a number that can be stored"),
        (Decimal("1E+999999"), "is too large"),
        (True, "not a number"),
    ],
)
def test_a_number_that_cannot_be_stored_is_refused(raw, message):
    with pytest.raises(cells.BadValue, match=message):
        cells.decimal(raw, max_digits=16, decimal_places=4)


def test_numbers_are_read_as_written_and_rounded_to_the_places_the_field_keeps():
    assert cells.decimal("1,406", max_digits=16, decimal_places=4) == Decimal("1406")
    assert cells.decimal("82.5%", max_digits=16, decimal_places=4, percent=True) == Decimal("82.5")
    assert cells.decimal("1e-999999", max_digits=16, decimal_places=4) == 0
    assert cells.decimal(0.1, max_digits=16, decimal_places=4) == Decimal("0.1")
    assert cells.decimal("999999999999.9999", max_digits=16, decimal_places=4) == Decimal("999999999999.9999")
    with pytest.raises(cells.BadValue):
        cells.decimal("1000000000000", max_digits=16, decimal_places=4)


@pytest.mark.parametrize("raw", ["1" * 40, "9" * 5000, Decimal("1E+40"), 1e300, 2.5, "two", "-1", 40000])
def test_a_whole_number_out_of_range_is_refused_without_spelling_it_out(raw):
    with pytest.raises(cells.BadValue) as refused:
        cells.integer(raw, minimum=0, maximum=32767)
    assert len(str(refused.value)) < 120


def test_control_characters_are_refused_but_a_soft_line_break_is_a_line_break():
    assert cells.text("one\x0btwo\r\nthree") == "one\ntwo\nthree"
    assert cells.text("one\x0btwo", multiline=False) == "one two"
    for bad in ("a\x00b", "a\x1bb", "a\ud800b", "a\uffffb"):
        with pytest.raises(cells.BadValue, match="control character U\\+"):
            cells.text(bad)
    with pytest.raises(cells.BadValue, match="301 characters long: at most 300"):
        cells.text("x" * 301, max_length=300)


def test_dates_choices_and_flags():
    assert cells.day("01/04/2026") == date(2026, 4, 1)
    with pytest.raises(cells.BadValue, match="between 1900 and 2200"):
        cells.day("0001-01-01")
    assert cells.choice("FINAL", ["provisional", "final"]) == "final"
    with pytest.raises(cells.BadValue, match="use provisional or final"):
        cells.choice("maybe", ["provisional", "final"])
    assert cells.flag("Y") is True
    assert cells.flag("", default=True) is True
    with pytest.raises(cells.BadValue):
        cells.flag("perhaps")


def test_json_that_is_too_deep_or_holds_impossible_numbers(settings):
    with pytest.raises(ImportFailed, match="nested more than 32 deep"):
        jsonfile.read_json("[" * 100_000 + "]" * 100_000, "deep.json")
    with pytest.raises(ImportFailed, match="nested more than 32 deep"):
        jsonfile.read_json('{"a": ' + "[" * 200 + "]" * 200 + "}", "deep.json")
    data = jsonfile.read_json('{"a": 1e999999, "b": ' + "9" * 5000 + ', "c": 1E+40}', "n.json")
    assert data["a"] == Decimal("1e999999")
    assert isinstance(data["b"], Decimal)
    assert data["c"] == 1e40


def test_a_large_file_is_refused_before_it_is_read(settings):
    settings.IMPORT_LIMITS = {"FILE_BYTES": 1000}
    with pytest.raises(ImportFailed, match="at most 1 KB can be imported"):
        open_table(b"x" * 1001, "big.csv")


def _million_rows(dimension: bool) -> bytes:
    # A million rows of one repeated cell compress to a few hundred KB: the sheet's XML by hand.
    header = '<row><c t="inlineStr"><is><t>Indicator code</t></is></c></row>'
    rows = header + '<row><c t="n"><v>1</v></c></row>' * 999_999
    stated = '<dimension ref="A1:A1000000"/>' if dimension else ""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main">{stated}<sheetData>{rows}</sheetData></worksheet>'
    )
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_xlsx([["Indicator code"]]))) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst,
    ):
        for info in src.infolist():
            data = sheet.encode() if info.filename == "xl/worksheets/sheet1.xml" else src.read(info)
            dst.writestr(info.filename, data)
    return out.getvalue()


@pytest.mark.parametrize("dimension", [True, False])
def test_a_small_workbook_holding_a_million_rows_is_refused_quickly(dimension):
    import time

    raw = _million_rows(dimension)
    assert len(raw) < 700_000
    started = time.monotonic()
    with pytest.raises(ImportFailed, match="more than 20,000 rows: split the file"):
        open_workbook(raw, "million.xlsx").sheet("Values", COLUMNS)
    assert time.monotonic() - started < 5


def test_a_workbook_that_unpacks_to_more_than_the_limit_is_refused_unread(settings):
    settings.IMPORT_LIMITS = {"EXPANDED_BYTES": 10 * 1024 * 1024}
    with pytest.raises(ImportFailed, match="holds 31 MB of data once unpacked: at most 10 MB"):
        open_workbook(_million_rows(True), "million.xlsx")


def test_a_damaged_workbook_is_refused_with_its_sheet_named():
    raw = io.BytesIO(_xlsx([["Indicator code", "Value"], *[["NI 59", n] for n in range(200)]]))
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            dst.writestr(info.filename, data)
    table = open_workbook(out.getvalue(), "cut.xlsx")
    with pytest.raises(ImportFailed, match="sheet 'Values': this sheet is damaged"):
        table.sheet("Values", COLUMNS)
    with pytest.raises(ImportFailed, match="not an Excel workbook"):
        open_workbook(b"PK\x03\x04 truncated", "bad.xlsx")


def test_only_the_first_problems_are_listed_and_the_rest_counted(settings):
    settings.IMPORT_LIMITS = {"PROBLEMS": 3}
    failed = ImportFailed("f.csv", [Problem(f"row {n}", "wrong") for n in range(2, 12)])
    assert failed.shown == ["f.csv, row 2: wrong", "f.csv, row 3: wrong", "f.csv, row 4: wrong"]
    assert failed.hidden == 7
    assert "and 7 more" in str(failed)
