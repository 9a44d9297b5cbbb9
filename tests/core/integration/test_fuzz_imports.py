"""The fuzz suite (issue 12): every importer driven with generated bad values. Each upload is either
refused (no server error, every problem located, nothing changed) or accepted, and then the pages
and downloads that show what it wrote still answer."""

import csv
import functools
import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import assume, given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from outcomes.core.models import ChangeRecord
from tests.fuzz_values import (
    ANY_CELL,
    FUZZ,
    JSON_VALUES,
    NUMBERS,
    TEXTS,
    assert_refused_and_located,
    nested,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, users):
    client.force_login(users["performance_officer"])
    return client


def _post(client, url_name, name, content, **extra):
    return client.post(reverse(url_name), {"file": SimpleUploadedFile(name, content), **extra})


def _changes():
    return ChangeRecord.objects.count()


VALUE_HEADINGS = [
    "Indicator code",
    "Area",
    "Period",
    "Value",
    "Numerator",
    "Denominator",
    "Status",
    "Missing reason",
]


@FUZZ
@given(
    area=st.one_of(st.just(""), st.just("Rotherham"), TEXTS),
    period=st.one_of(st.just("November 2010"), TEXTS),
    value=NUMBERS,
    numerator=st.one_of(st.just(""), NUMBERS),
    denominator=st.one_of(st.just(""), NUMBERS),
    status=st.one_of(st.just(""), st.just("final"), TEXTS),
    reason=st.one_of(st.just(""), TEXTS),
)
def test_values_uploads(officer, area, period, value, numerator, denominator, status, reason):
    from outcomes.indicators.models import Value

    buffer = io.StringIO()
    csv.writer(buffer).writerows(
        [VALUE_HEADINGS, ["NI 59", area, period, value, numerator, denominator, status, reason]]
    )
    before = (_changes(), list(Value.objects.filter(indicator__code="NI 59").order_by("pk").values()))
    response = _post(
        officer, "indicators:upload", "fuzz.csv", buffer.getvalue().encode("utf-8", "surrogatepass")
    )
    if response.status_code == 302:
        for url in (
            reverse("indicators:indicator", args=["ni-59"]),
            reverse("indicators:indicator_export", args=["ni-59", "csv"]),
            reverse("indicators:indicator_export", args=["ni-59", "xlsx"]),
        ):
            assert officer.get(url).status_code == 200, url
        return
    assert_refused_and_located(response, "fuzz.csv")
    assert (_changes(), list(Value.objects.filter(indicator__code="NI 59").order_by("pk").values())) == before


PLAN_PATHS = [
    ["title"],
    ["slug"],
    ["start"],
    ["priorities", 0, "number"],
    ["priorities", 0, "statement"],
    ["priorities", 0, "strategic_leads"],
    ["priorities", 0, "actions", 0, "label"],
    ["priorities", 0, "actions", 0, "milestones", 0, "number"],
    ["priorities", 0, "actions", 0, "milestones", 0, "text"],
    ["priorities", 0, "actions", 0, "milestones", 0, "delivery_lead"],
    ["priorities", 0, "actions", 0, "milestones", 0, "due"],
    ["priorities", 0, "actions", 0, "milestones", 0, "tables"],
    ["priorities", 0, "actions", 0, "milestones", 0, "target", "value"],
    ["priorities", 0, "actions", 0, "milestones", 0, "target", "unit"],
    ["rounds", 0, "slug"],
    ["rounds", 0, "updates", 0, "text"],
    ["rounds", 0, "updates", 0, "rag", "amber"],
    ["rag_statuses"],
]


def _plans():
    from outcomes.plans.models import Milestone, Plan, Update

    return (
        sorted(Plan.objects.values_list("slug", "title")),
        Milestone.objects.count(),
        Update.objects.count(),
    )


def _plan_pages_answer(client, slug):
    for name in ("plans:detail", "plans:export_xlsx", "plans:export_json"):
        assert client.get(reverse(name, kwargs={"slug": slug})).status_code == 200, name


def _confirm_replacing(officer, response):
    """A file good enough to import asks first whether to replace the plan (issue 11 item 9): say yes."""
    held = re.search(r'name="held" value="([^"]+)"', response.content.decode())
    if response.status_code != 200 or held is None:
        return response
    return officer.post(reverse("plans:import"), {"replace": "on", "held": held[1], "confirm": "yes"})


@FUZZ
@given(path=st.sampled_from(PLAN_PATHS), value=st.one_of(JSON_VALUES, NUMBERS), raw_number=NUMBERS)
def test_plan_json_imports(officer, path, value, raw_number):
    from tests.plans.factories import small_plan_data

    data = small_plan_data()
    target = data
    for part in path[:-1]:
        target = target.setdefault(part, {}) if isinstance(part, str) else target[part]
    target[path[-1]] = value
    text = json.dumps(data, ensure_ascii=False)
    # A number written as it stands, as a hand-edited file may hold it (1e999999, 40 digits).
    text = text.replace(
        '"slug": "small-plan"', f'"slug": "small-plan", "number_as_written": {raw_number or 0}'
    )
    before = _plans()
    response = _post(
        officer, "plans:import", "fuzz.json", text.encode("utf-8", "surrogatepass"), replace="on"
    )
    response = _confirm_replacing(officer, response)
    if response.status_code == 302:
        _plan_pages_answer(officer, response.url.rstrip("/").split("/")[-1])
        return
    assert_refused_and_located(response, "fuzz.json")
    assert _plans() == before


@FUZZ
@given(depth=st.integers(min_value=30, max_value=200_000), where=st.sampled_from(["tables", "title", "root"]))
def test_plan_json_nested_deep(officer, depth, where):
    inner = nested(depth)
    raw = {"root": inner, "title": f'{{"title": {inner}}}', "tables": f'{{"slug": "x", "tables": {inner}}}'}[
        where
    ]
    before = _plans()
    response = _post(officer, "plans:import", "deep.json", raw.encode())
    assert_refused_and_located(response, "deep.json")
    assert _plans() == before


@functools.cache
def _plan_template() -> bytes:
    from outcomes.plans.workbook import EXAMPLE_PLAN, plan_workbook_bytes

    return plan_workbook_bytes(EXAMPLE_PLAN)


def _set_cell(workbook_bytes: bytes, sheet: str, address: str, value) -> bytes:
    wb = load_workbook(io.BytesIO(workbook_bytes))
    try:
        wb[sheet][address] = value
        out = io.BytesIO()
        wb.save(out)
    except (IllegalCharacterError, ValueError):
        assume(False)  # openpyxl cannot write it, so no workbook holds it
    return out.getvalue()


PLAN_CELLS = [
    "Plan!B2",
    "Plan!B3",
    "Plan!B4",
    "Priorities!A2",
    "Priorities!B2",
    "Actions!C2",
    "Milestones!C2",
    "Milestones!D2",
    "Milestones!G2",
    "Milestones!I2",
    "Milestones!M2",
    "Rounds!A2",
    "Rounds!C2",
    "Updates!D2",
    "Updates!F2",
]


@FUZZ
@given(
    cell=st.sampled_from(PLAN_CELLS),
    value=st.one_of(ANY_CELL, st.floats(), st.integers(min_value=-(10**20), max_value=10**20)),
)
def test_plan_workbook_imports(officer, cell, value):
    sheet, _, address = cell.partition("!")
    data = _set_cell(_plan_template(), sheet, address, value)
    before = _plans()
    response = _post(officer, "plans:import", "fuzz.xlsx", data, replace="on")
    response = _confirm_replacing(officer, response)
    if response.status_code == 302:
        _plan_pages_answer(officer, response.url.rstrip("/").split("/")[-1])
        return
    assert_refused_and_located(response, "fuzz.xlsx")
    assert _plans() == before


SURVEY_CELLS = [
    "settings!A2",
    "settings!B2",
    "settings!C2",
    "settings!E2",
    "settings!F2",
    "settings!H2",
    "survey!A3",
    "survey!B3",
    "survey!C3",
    "survey!D3",
    "survey!E7",
    "choices!B2",
    "choices!C2",
    "choices!E2",
]


def _editions():
    from outcomes.surveys.models import Edition, Question

    return (sorted(Edition.objects.values_list("slug", "title", "revision")), Question.objects.count())


@FUZZ
@given(
    cell=st.sampled_from(SURVEY_CELLS),
    value=st.one_of(
        ANY_CELL,
        st.floats(),
        st.sampled_from(
            ["(" * 5000 + "${q1} = 'yes'" + ")" * 5000, "not(" * 60 + "${q1} = 'yes'" + ")" * 60]
        ),
    ),
)
def test_edition_workbook_imports(officer, cell, value):
    from tests.surveys.unit.test_survey_workbook import GOOD, workbook

    sheet, _, address = cell.partition("!")
    data = _set_cell(workbook(GOOD), sheet, address, value)
    before = _editions()
    response = _post(officer, "surveys:upload", "fuzz.xlsx", data)
    if response.status_code == 302:
        slug = response.url.rstrip("/").split("/")[-1]
        for name in ("surveys:edition", "surveys:workbook"):
            assert officer.get(reverse(name, args=[slug])).status_code == 200, name
        return
    assert_refused_and_located(response, "fuzz.xlsx")
    assert _editions() == before


def _schools():
    from outcomes.surveys.models import School, SchoolRoll

    return (
        sorted(School.objects.values_list("code", "name")),
        sorted(SchoolRoll.objects.values_list("pk", "pupils")),
    )


@FUZZ
@given(
    school=st.lists(ANY_CELL, min_size=3, max_size=3),
    roll=st.lists(
        st.one_of(ANY_CELL, st.floats(), st.integers(min_value=-(10**20), max_value=10**20)),
        min_size=2,
        max_size=2,
    ),
)
def test_schools_imports(officer, school, roll):
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    rows = {
        "schools": [["code", "name", "phase"], school],
        "rolls": [["school", "year", "year_group", "pupils"], ["swinton-brookfield", roll[0], 5, roll[1]]],
    }
    try:
        for title, sheet_rows in rows.items():
            ws = wb.create_sheet(title)
            for row in sheet_rows:
                ws.append(row)
        out = io.BytesIO()
        wb.save(out)
    except (IllegalCharacterError, ValueError):
        assume(False)
    before = _schools()
    response = _post(officer, "surveys:school_import", "fuzz.xlsx", out.getvalue())
    if response.status_code == 302:
        for name in ("surveys:schools", "surveys:school_export"):
            assert officer.get(reverse(name)).status_code == 200, name
        return
    assert_refused_and_located(response, "fuzz.xlsx")
    assert _schools() == before


def _definitions():
    from outcomes.indicators.models import Indicator, Target

    return (sorted(Indicator.objects.values_list("code", "name", "multiplier")), Target.objects.count())


@FUZZ
@given(
    code=st.one_of(st.just("FZ 1"), TEXTS),
    name=st.one_of(st.just("Fuzzed"), TEXTS),
    unit=st.one_of(st.just("Percentage"), TEXTS),
    multiplier=st.one_of(st.just(""), NUMBERS),
    places=st.one_of(st.just(""), NUMBERS),
    band=st.one_of(st.just(""), NUMBERS),
    target=NUMBERS,
)
def test_definitions_uploads(officer, code, name, unit, multiplier, places, band, target):
    from openpyxl import Workbook

    from outcomes.indicators.definitions import INDICATOR_COLUMNS, TARGET_COLUMNS

    blank = {key: "" for key, _, _, _ in INDICATOR_COLUMNS}
    blank.update(
        code=code,
        name=name,
        unit_kind=unit,
        multiplier=multiplier,
        decimal_places=places,
        band_lower=band,
        polarity="High is good",
        period_type="Financial year",
    )
    wb = Workbook()
    wb.active.title = "Indicators"
    target_row = {key: "" for key, _, _, _ in TARGET_COLUMNS} | {
        "indicator": code,
        "period": "2013-14",
        "value": target,
    }
    try:
        wb.active.append([heading for _, heading, _, _ in INDICATOR_COLUMNS])
        wb.active.append([blank[key] for key, _, _, _ in INDICATOR_COLUMNS])
        targets = wb.create_sheet("Targets")
        targets.append([heading for _, heading, _, _ in TARGET_COLUMNS])
        targets.append([target_row[key] for key, _, _, _ in TARGET_COLUMNS])
        out = io.BytesIO()
        wb.save(out)
    except (IllegalCharacterError, ValueError):
        assume(False)
    before = _definitions()
    response = _post(officer, "indicators:definitions_upload", "fuzz.xlsx", out.getvalue())
    if response.status_code == 302:
        for url in (
            reverse("indicators:list"),
            reverse("indicators:definitions_export", args=["csv"]),
            reverse("indicators:definitions_export", args=["xlsx"]),
        ):
            assert officer.get(url).status_code == 200, url
        return
    assert_refused_and_located(response, "fuzz.xlsx")
    assert _definitions() == before
