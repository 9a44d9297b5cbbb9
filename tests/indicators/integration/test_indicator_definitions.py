"""The indicator definitions template: many indicators and their targets set up at once, all or
nothing, each row checked by the same rules as the pages, every problem named by sheet, row and column."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from outcomes.core.models import ChangeRecord
from outcomes.indicators import setup
from outcomes.indicators.definitions import INDICATOR_COLUMNS, TARGET_COLUMNS
from outcomes.indicators.models import Indicator, Target

pytestmark = pytest.mark.django_db

HEADINGS = [heading for _, heading, _, _ in INDICATOR_COLUMNS]
TARGET_HEADINGS = [heading for _, heading, _, _ in TARGET_COLUMNS]
PARENT = ["LOC-1", "Young people in learning", "", "", "Achieve", "Percentage", "", "% of 16-18s", "", "", 1]
PARENT += ["High is good", "", "", "Academic year", "Local tracking", "", "", "", ""]
CHILD = ["LOC-1a", "Young people in learning: girls", "", "", "Achieve", "percentage", "", "", "", "", 1]
CHILD += ["high", "", "", "academic", "", "", "LOC-1", "a", "yes"]
TARGET = ["LOC-1", "", "2015/16", "", "92%", "", 2, "units", "Plan target"]
MILESTONE = ["LOC-1a", "England", "", "31/03/2016", 90, "", 5, "per cent", ""]


def workbook(indicators, targets=()) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Indicators"
    sheet.append(HEADINGS)
    for row in indicators:
        sheet.append(row)
    other = book.create_sheet("Targets")
    other.append(TARGET_HEADINGS)
    for row in targets:
        other.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, data: bytes, name="definitions.xlsx"):
    return client.post(reverse("indicators:definitions_upload"), {"file": SimpleUploadedFile(name, data)})


def page(response) -> str:
    return " ".join(response.content.decode().split())


def test_a_workbook_sets_up_indicators_sub_indicators_and_targets(client, users):
    client.force_login(users["performance_officer"])
    response = upload(client, workbook([CHILD, PARENT], [TARGET, MILESTONE]))
    assert response.status_code == 302, page(response)[:3000]
    parent = Indicator.objects.get(code="LOC-1")
    child = Indicator.objects.get(code="LOC-1a")
    assert (parent.unit_kind, parent.polarity, parent.period_type, parent.decimal_places) == (
        "percentage",
        "high",
        "academic",
        1,
    )
    assert (child.parent, child.sub_label, child.no_quartile) == (parent, "a", True)
    plan = Target.objects.get(indicator=parent)
    assert (plan.area, str(plan.value), str(plan.amber_tolerance), plan.tolerance_kind) == (
        None,
        "92.000000",
        "2.000000",
        "absolute",
    )
    assert (plan.period.kind, str(plan.period.start)) == ("academic_year", "2015-09-01")
    milestone = Target.objects.get(indicator=child)
    assert (milestone.area.name, str(milestone.due), milestone.tolerance_kind) == (
        "England",
        "2016-03-31",
        "percent",
    )
    actions = ChangeRecord.objects.filter(subject_key=setup.indicator_key(parent)).values_list(
        "action", flat=True
    )
    assert sorted(actions) == ["created", "target added"]


def test_uploading_the_same_file_again_changes_nothing_and_a_changed_row_updates(client, users):
    client.force_login(users["performance_officer"])
    data = workbook([PARENT], [TARGET])
    assert upload(client, data).status_code == 302
    records = ChangeRecord.objects.count()
    assert upload(client, data).status_code == 302
    assert ChangeRecord.objects.count() == records
    changed = list(PARENT)
    changed[1] = "Young people in education or training"
    assert upload(client, workbook([changed], [[*TARGET[:4], "93", *TARGET[5:]]])).status_code == 302
    assert Indicator.objects.get(code="LOC-1").name == "Young people in education or training"
    assert [str(t.value) for t in Target.objects.filter(indicator__code="LOC-1")] == ["93.000000"]


def test_one_bad_row_saves_nothing_and_every_problem_is_named_where_it_is(client, users):
    client.force_login(users["performance_officer"])
    bad_unit = [*PARENT[:5], "Furlongs", *PARENT[6:]]
    bad_unit[0] = "LOC-2"
    lait = Indicator.objects.filter(from_lait=True).first()
    lait_row = [lait.code, *PARENT[1:]]
    rate = ["LOC-3", "Rate", *PARENT[2:5], "Rate per N", "", *PARENT[7:]]
    orphan = ["LOC-4", *CHILD[1:17], "NOPE", "a", ""]
    bad_target = ["LOC-1", "Atlantis", "Smarch", "", "lots", "", "", "", ""]
    response = upload(client, workbook([PARENT, bad_unit, lait_row, rate, orphan], [bad_target]))
    html = page(response)
    assert response.status_code == 200
    assert "definitions.xlsx was not imported" in html
    assert "Nothing has been changed" in html
    assert "sheet &#39;Indicators&#39;, row 3, column F (Unit): &#39;Furlongs&#39; is not a unit" in html
    assert f"row 4, column A (Code): {lait.code} is a DfE LAIT measure" in html
    assert "row 5, column G (Rate per): enter what the rate is per" in html
    assert "row 6, column R (Sub-indicator of): there is no indicator with the code &#39;NOPE&#39;" in html
    assert "sheet &#39;Targets&#39;, row 2, column B (Area): there is no area &#39;Atlantis&#39;" in html
    assert "sheet &#39;Targets&#39;, row 2, column E (Target): &#39;lots&#39; is not a number" in html
    assert not Indicator.objects.filter(code__startswith="LOC-").exists()


def test_a_csv_file_sets_up_indicators_alone(client, users):
    client.force_login(users["administrator"])
    text = ",".join(HEADINGS) + "\n" + ",".join(str(c) for c in PARENT) + "\n"
    response = upload(client, text.encode(), "definitions.csv")
    assert response.status_code == 302, page(response)[:3000]
    assert Indicator.objects.get(code="LOC-1").period_type == "academic"


def test_the_blank_template_has_both_sheets_and_guidance(client, users):
    client.force_login(users["performance_officer"])
    response = client.get(reverse("indicators:definitions_template", args=["xlsx"]))
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Indicators", "Targets", "Guidance"]
    assert [c.value for c in book["Indicators"][1]] == HEADINGS
    assert [c.value for c in book["Targets"][1]] == TARGET_HEADINGS
    # The blank template, filled in, is what the upload reads.
    sheet = book["Indicators"]
    sheet.append(PARENT)
    out = io.BytesIO()
    book.save(out)
    assert upload(client, out.getvalue()).status_code == 302
    assert Indicator.objects.filter(code="LOC-1").exists()


def test_the_own_indicators_exported_and_uploaded_again_change_nothing(client, users):
    client.force_login(users["performance_officer"])
    assert upload(client, workbook([PARENT, CHILD], [TARGET, MILESTONE])).status_code == 302
    response = client.get(reverse("indicators:definitions_export", args=["xlsx"]))
    book = load_workbook(io.BytesIO(response.content))
    codes = [row[0].value for row in book["Indicators"].iter_rows(min_row=2)]
    assert {"LOC-1", "LOC-1a", "NI 59", "BF-INIT"} <= set(codes)
    assert not Indicator.objects.filter(code__in=codes, from_lait=True).exists()
    loc = next(row for row in book["Indicators"].iter_rows(min_row=2) if row[0].value == "LOC-1")
    assert loc[10].value == 1  # decimal places, a number
    targets = [[c.value for c in row] for row in book["Targets"].iter_rows(min_row=2)]
    assert targets[[t[0] for t in targets].index("LOC-1a")][:3] == ["LOC-1a", "England", None]
    records = ChangeRecord.objects.count()
    again = upload(client, response.content, "indicator-definitions.xlsx")
    assert again.status_code == 302, page(again)[:3000]
    assert ChangeRecord.objects.count() == records
