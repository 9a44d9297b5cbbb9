"""Bad values in every importer (issue 12 items 4, 5 and 7): each is refused with the file, sheet,
row and column it is in, and nothing changes. Run on PostgreSQL too, where 1e999999 and NUL
differ (DATABASE_URL=postgres://...)."""

import io
import json

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


@pytest.mark.parametrize(
    "url_name",
    [
        "indicators:upload",
        "indicators:definitions_upload",
        "plans:import",
        "surveys:upload",
        "surveys:school_import",
    ],
)
def test_every_upload_page_says_what_a_file_may_hold(officer, url_name):
    html = page(officer.get(reverse(url_name)))
    assert "Files may be up to 10 MB and 20,000 rows a sheet" in html
    assert "the first 100 problems are listed" in html


def test_a_csv_over_the_row_limit_is_refused_before_its_rows_are_checked(officer, settings):
    settings.IMPORT_LIMITS = {"ROWS": 51}
    before = _values_state()
    lines = "".join(f"NI 59,,Smarch {n},88,,,,\n" for n in range(51))
    html = page(post_file(officer, "indicators:upload", "long.csv", (VALUES_HEADER + lines).encode()))
    assert "long.csv: there are more than 50 rows: split the file" in html
    assert "Smarch" not in html
    assert _values_state() == before


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


def _plans_state():
    from outcomes.plans.models import Milestone, Plan, Update

    return (
        list(Plan.objects.values_list("slug", flat=True)),
        Milestone.objects.count(),
        Update.objects.count(),
    )


def _plan_json(change) -> bytes:
    from tests.plans.factories import small_plan_data

    data = small_plan_data()
    change(data)
    return json.dumps(data).encode()


def _set(path, value):
    def change(data):
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return change


M0 = ["priorities", 0, "actions", 0, "milestones", 0]


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (_set(["priorities", 0, "number"], 10**40), "$.priorities[0].number", "from 1 to 32,767"),
        (
            _set([*M0, "target"], {"value": 10**40, "unit": "%", "period": ""}),
            "$.priorities[0].actions[0].milestones[0].target.value",
            "is too large",
        ),
        (
            _set([*M0, "target"], {"value": 1e40, "unit": "%", "period": ""}),
            "$.priorities[0].actions[0].milestones[0].target.value",
            "is too large",
        ),
        (
            _set([*M0, "tables"], [{"rows": [[1e308 * 10]]}]),
            "$.priorities[0].actions[0].milestones[0].tables[0].rows[0][0]",
            "not a number that can be stored",
        ),
        (
            _set([*M0, "tables"], [0]),
            "$.priorities[0].actions[0].milestones[0].tables[0]",
            "each table must be an object",
        ),
        (_set(["title"], "T" * 301), "$.title", "at most 300 fit"),
        (_set(["title"], "Plan\x00"), "$.title", "U+0000"),
        (
            _set([*M0, "delivery_lead"], "L" * 250),
            "$.priorities[0].actions[0].milestones[0].delivery_lead",
            "at most 200 fit",
        ),
        (
            _set(["rounds", 0, "updates", 0, "rag"], {"amber": "1e999999"}),
            "$.rounds[0].updates[0].rag",
            "not a number or a fraction",
        ),
        (_set(["rounds", 0, "slug"], "june 2014!"), "$.rounds[0].slug", "lower-case letters"),
    ],
)
def test_a_plan_file_with_a_value_that_cannot_be_stored_changes_nothing(officer, change, where, message):
    before = _plans_state()
    html = page(post_file(officer, "plans:import", "plan.json", _plan_json(change)))
    assert f"plan.json, {where}: " in html
    assert message in html
    assert _plans_state() == before


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"slug": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested more than 32 deep"),
        (b'{"slug": "x", "priorities": [{"number": ' + b"9" * 5000 + b"}]}", "from 1 to 32,767"),
        (b'{"slug": "x", "title": 1e999999}', "must be text"),
        (b'{"slug": "\xc3\x28"}', "not UTF-8"),
    ],
)
def test_a_plan_json_that_cannot_be_read_is_refused_with_a_message(officer, raw, message):
    before = _plans_state()
    html = page(post_file(officer, "plans:import", "plan.json", raw))
    assert message in html
    assert _plans_state() == before


def test_a_soft_line_break_in_an_imported_update_is_a_line_break_and_the_exports_work(officer):
    raw = _plan_json(_set(["rounds", 0, "updates", 0, "text"], "Work started\x0bmore to do"))
    assert post_file(officer, "plans:import", "plan.json", raw).status_code == 302
    from outcomes.plans.models import Update

    assert Update.objects.filter(text="Work started\nmore to do").count() == 1
    assert officer.get(reverse("plans:export_xlsx", kwargs={"slug": "small-plan"})).status_code == 200


def _plan_workbook(cell: str, value) -> bytes:
    from openpyxl import load_workbook

    from outcomes.plans.workbook import EXAMPLE_PLAN, plan_workbook_bytes

    wb = load_workbook(io.BytesIO(plan_workbook_bytes(EXAMPLE_PLAN)))
    sheet, _, address = cell.partition("!")
    wb[sheet][address] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("cell", "value", "where", "message"),
    [
        ("Milestones!M2", 1e40, "sheet 'Milestones', row 2, column M (Target)", "is too large"),
        ("Milestones!C2", 1e40, "sheet 'Milestones', row 2, column C (Milestone)", "from 1 to 32,767"),
        ("Milestones!C2", "9" * 5000, "sheet 'Milestones', row 2, column C (Milestone)", "from 1 to 32,767"),
        ("Milestones!H2", "H" * 201, "sheet 'Milestones', row 2, column H (Sub-heading)", "at most 200 fit"),
        ("Rounds!B2", "R" * 201, "sheet 'Rounds', row 2, column B (Title)", "at most 200 fit"),
    ],
)
def test_a_plan_workbook_with_a_value_that_cannot_be_stored_changes_nothing(
    officer, cell, value, where, message
):
    before = _plans_state()
    html = page(post_file(officer, "plans:import", "plan.xlsx", _plan_workbook(cell, value)))
    assert f"plan.xlsx, {where}: ".replace("'", "&#39;") in html
    assert message in html
    assert _plans_state() == before


def test_a_truncated_plan_workbook_is_refused_as_damaged(officer):
    from outcomes.plans.workbook import EXAMPLE_PLAN, plan_workbook_bytes

    before = _plans_state()
    html = page(
        post_file(
            officer,
            "plans:import",
            "cut.xlsx",
            _truncated(plan_workbook_bytes(EXAMPLE_PLAN), "xl/worksheets/sheet6.xml"),
        )
    )
    assert "this sheet is damaged and cannot be read" in html
    assert _plans_state() == before


def _editions_state():
    from outcomes.surveys.models import Edition, Question

    return (list(Edition.objects.values_list("slug", "title", "revision")), Question.objects.count())


def _edition_workbook(survey=None, settings_change=None) -> bytes:
    from tests.surveys.unit.test_survey_workbook import SETTINGS, workbook

    settings = [list(SETTINGS[0]), list(SETTINGS[1])]
    if settings_change:
        column, value = settings_change
        settings[1][settings[0].index(column)] = value
    return workbook(survey or GOOD_ROWS, settings=settings)


GOOD_ROWS = [
    ["begin section", "about", "About you"],
    ["select_one yes_no", "q1", "Do you?", "yes"],
    ["grid often", "q2", "How often?"],
    ["row", "fruit", "Fruit"],
    ["row", "veg", "Vegetables"],
    ["select_multiple who", "q3", "Who?", None, "${q1} = 'yes'"],
    ["note", "thanks", "Thank you"],
    ["end section"],
]
DEEP = "(" * 5000 + "${q1} = 'yes'" + ")" * 5000


@pytest.mark.parametrize(
    ("data", "where", "message"),
    [
        (
            lambda: _edition_workbook(
                [*GOOD_ROWS[:5], ["select_multiple who", "q3", "Who?", None, DEEP], *GOOD_ROWS[6:]]
            ),
            "sheet 'survey', row 7, column E (relevant)",
            "nested more than 50 deep",
        ),
        (
            lambda: _edition_workbook(settings_change=("title", "T" * 301)),
            "sheet 'settings', row 2, column A (title)",
            "at most 300 fit",
        ),
        (
            lambda: _edition_workbook(settings_change=("year", 1e40)),
            "sheet 'settings', row 2, column C (year)",
            "is not a year",
        ),
        (
            lambda: _edition_workbook(settings_change=("year", "9" * 5000)),
            "sheet 'settings', row 2, column C (year)",
            "is not a year",
        ),
        (lambda: _edition_workbook(settings_change=("confidentiality", "C" * 32_767 + "")), None, None),
    ],
)
def test_an_edition_workbook_with_a_value_that_cannot_be_stored_changes_nothing(
    officer, data, where, message
):
    before = _editions_state()
    response = post_file(officer, "surveys:upload", "survey.xlsx", data())
    if where is None:  # the longest text a cell holds is accepted
        assert response.status_code == 302
        return
    html = page(response)
    assert f"survey.xlsx, {where}: ".replace("'", "&#39;") in html
    assert message in html
    assert _editions_state() == before


def test_a_truncated_edition_workbook_is_refused_as_damaged(officer):
    before = _editions_state()
    html = page(
        post_file(officer, "surveys:upload", "cut.xlsx", _truncated(_edition_workbook(GOOD_ROWS * 20)))
    )
    assert "this sheet is damaged and cannot be read" in html
    assert _editions_state() == before
