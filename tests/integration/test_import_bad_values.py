"""Bad values in every importer (issue 12 items 4, 5 and 7): each is refused with the file, sheet,
row and column it is in, and nothing changes. Run on PostgreSQL too, where 1e999999 and NUL
differ (DATABASE_URL=postgres://...)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from outcomes.core.models import ChangeRecord
from outcomes.indicators.models import Value

pytestmark = pytest.mark.django_db

VALUES_HEADER = "Indicator code,Area,Period,Value,Numerator,Denominator,Status,Missing reason\n"


def post_file(client, url_name: str, name: str, content: bytes, **extra):
    return client.post(reverse(url_name), {"file": SimpleUploadedFile(name, content), **extra})


def page(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.fixture
def officer(client, users):
    client.force_login(users["performance_officer"])
    return client


def _values_state():
    return (Value.objects.count(), ChangeRecord.objects.count(), list(Value.objects.order_by("pk").values()))


@pytest.mark.parametrize(
    ("line", "where", "message"),
    [
        ("NI 59,,November 2010,1e999999,,,,", "row 2, column D (Value)", "is too large"),
        ("NI 59,,November 2010,inf,,,,", "row 2, column D (Value)", "infinity"),
        ("NI 59,,November 2010,88," + "9" * 5000 + ",100,,", "row 2, column E (Numerator)", "not a number"),
        ("NI 59,Rother\x00ham,November 2010,88,,,,", "row 2, column B (Area)", "U+0000"),
        ("NI 59,,November 2010,88,,,final\x1b,", "row 2, column G (Status)", "U+001B"),
        ("NI 59,," + "x" * 41 + ",88,,,,", "row 2, column C (Period)", "at most 40 fit"),
    ],
)
def test_a_values_upload_with_a_value_that_cannot_be_stored_changes_nothing(officer, line, where, message):
    before = _values_state()
    html = page(post_file(officer, "indicators:upload", "ni59.csv", (VALUES_HEADER + line + "\n").encode()))
    assert f"ni59.csv, {where}: " in html
    assert message in html
    assert _values_state() == before


def test_after_a_refused_infinity_the_corrected_value_uploads_and_the_pages_still_work(officer):
    post_file(
        officer,
        "indicators:upload",
        "ni59.csv",
        (VALUES_HEADER + "NI 59,,November 2010,1e999999,,,,\n").encode(),
    )
    response = post_file(
        officer, "indicators:upload", "ni59.csv", (VALUES_HEADER + "NI 59,,November 2010,88,,,,\n").encode()
    )
    assert response.status_code == 302
    assert (
        Value.objects.get(indicator__code="NI 59", period__label="November 2010", area__la_number=372).value
        == 88
    )
    assert officer.get(reverse("indicators:indicator", args=["ni-59"])).status_code == 200


def test_the_upload_page_says_what_a_file_may_hold(officer):
    html = page(officer.get(reverse("indicators:upload")))
    assert "Files may be up to 10 MB and 20,000 rows a sheet" in html
    assert "the first 100 problems are listed" in html


def test_only_the_first_problems_are_listed_and_the_rest_counted(officer, settings):
    settings.IMPORT_LIMITS = {"PROBLEMS": 5}
    lines = "".join(f"NI 59,,Smarch {2000 + n},88,,,,\n" for n in range(12))
    html = page(post_file(officer, "indicators:upload", "many.csv", (VALUES_HEADER + lines).encode()))
    assert html.count("many.csv, row ") == 5
    assert "and 7 more problems not listed here" in html


def test_a_file_over_the_size_limit_is_refused_unread(officer, settings):
    settings.IMPORT_LIMITS = {"FILE_BYTES": 2048}
    before = _values_state()
    html = page(
        post_file(
            officer,
            "indicators:upload",
            "big.csv",
            (VALUES_HEADER + "NI 59,,November 2010,88,,,,\n" * 100).encode(),
        )
    )
    assert "big.csv: the file is 3 KB: at most 2 KB can be imported" in html
    assert _values_state() == before


def _workbook(**sheets) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _truncated(data: bytes, part: str = "xl/worksheets/sheet1.xml") -> bytes:
    """The workbook with one sheet's XML cut in half, as a failed copy leaves it."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            raw = src.read(info)
            dst.writestr(info.filename, raw[: len(raw) // 2] if info.filename == part else raw)
    return out.getvalue()


def _schools_state():
    from outcomes.surveys.models import School, SchoolRoll

    return (list(School.objects.order_by("pk").values()), list(SchoolRoll.objects.order_by("pk").values()))


SCHOOL_HEAD = ["code", "name", "phase"]
ROLL_HEAD = ["school", "year", "year_group", "pupils"]


@pytest.mark.parametrize(
    ("sheets", "where", "message"),
    [
        (
            {"schools": [SCHOOL_HEAD, ["new-school", "N" * 201, "primary"]]},
            "sheet 'schools', row 2, column B (name)",
            "at most 200 fit",
        ),
        (
            {"rolls": [ROLL_HEAD, ["swinton-brookfield", 2009, 5, "9" * 5000]]},
            "sheet 'rolls', row 2, column D (pupils)",
            "whole number",
        ),
        (
            {"rolls": [ROLL_HEAD, ["swinton-brookfield", 2009, 5, 1e40]]},
            "sheet 'rolls', row 2, column D (pupils)",
            "whole number",
        ),
        (
            {"rolls": [ROLL_HEAD, ["swinton-brookfield", 2009, 5, float("inf")]]},
            "sheet 'rolls', row 2, column D (pupils)",
            "whole number",
        ),
        (
            {"rolls": [ROLL_HEAD, ["swinton-brookfield", 1e40, 5, 30]]},
            "sheet 'rolls', row 2, column B (year)",
            "academic year",
        ),
    ],
)
def test_a_schools_workbook_with_a_value_that_cannot_be_stored_changes_nothing(
    officer, sheets, where, message
):
    before = _schools_state()
    html = page(post_file(officer, "surveys:school_import", "bad.xlsx", _workbook(**sheets)))
    assert f"bad.xlsx, {where}: ".replace("'", "&#39;") in html
    assert message in html
    assert _schools_state() == before


def test_a_truncated_schools_workbook_is_refused_as_damaged(officer):
    rows = [ROLL_HEAD, *[["swinton-brookfield", 2009, 5, 30 + n] for n in range(300)]]
    before = _schools_state()
    html = page(post_file(officer, "surveys:school_import", "cut.xlsx", _truncated(_workbook(rolls=rows))))
    assert "cut.xlsx, sheet &#39;rolls&#39;: this sheet is damaged and cannot be read" in html
    assert _schools_state() == before
