"""The generic CSV/Excel template for a council's own indicators (seed 002's NI 59 monthly series),
and the exports of tables."""

import csv
import io
import itertools
from datetime import datetime
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from outcomes.core.imports import ImportFailed
from outcomes.core.models import ChangeRecord
from outcomes.indicators.models import Area, DerivedFigure, ImportRun, Indicator, Target, Value
from outcomes.indicators.template import (
    TEMPLATE_COLUMNS,
    blank_template,
    export_table,
    export_values,
    import_template,
)

pytestmark = pytest.mark.django_db

HEADINGS = [h for h, _ in TEMPLATE_COLUMNS]
# Seed 002 (L1337-1348): NI 59, initial assessments within 7 working days, April to October 2010.
NI59 = [
    ("April 2010", "80.17"),
    ("May 2010", "76.01"),
    ("June 2010", "83.78"),
    ("July 2010", "76.92"),
    ("August 2010", "80.08"),
    ("September 2010", "86.17"),
    ("October 2010", "83.46"),
]


@pytest.fixture
def home(db, settings):
    settings.INDICATORS_HOME_AREA = "9372"
    area, _ = Area.objects.get_or_create(
        name="Template Borough", defaults={"la_number": 9372, "kind": Area.LA}
    )
    Area.objects.get_or_create(name="Template England", defaults={"la_number": 9970, "kind": Area.ENGLAND})
    return area


@pytest.fixture
def ni59(home):
    indicator, _ = Indicator.objects.update_or_create(
        code="NI 59 test",
        defaults={
            "name": "Initial assessments within 7 working days",
            "unit_kind": Indicator.PERCENTAGE,
            "polarity": Indicator.HIGH,
            "period_type": Indicator.MONTH,
            "decimal_places": 2,
        },
    )
    return indicator


def _csv(rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADINGS)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _row(period, value="", numerator="", denominator="", status="", reason="", code="NI 59 test", area=""):
    return [code, area, period, value, numerator, denominator, status, reason]


def test_a_monthly_series_is_imported_and_judged(ni59):
    run = import_template(_csv([_row(p, v) for p, v in NI59]), "ni59.csv")
    assert (run.created, run.updated, run.kind) == (7, 0, ImportRun.TEMPLATE)
    values = Value.objects.filter(indicator=ni59).order_by("period__sort_key")
    assert [str(v.value.normalize()) for v in values] == [v for _, v in NI59]
    assert [v.period.start.month for v in values] == list(range(4, 11))
    figures = list(DerivedFigure.objects.filter(indicator=ni59).order_by("period__start"))
    # Direction of travel month on month, by polarity (high is good).
    expected = [None] + [1 if float(b) > float(a) else -1 for (_, a), (_, b) in itertools.pairwise(NI59)]
    assert [f.dot for f in figures] == expected
    # A monthly series gets statistical process control signals.
    assert all(f.spc is not None for f in figures)
    assert ChangeRecord.objects.filter(object_id=str(run.pk), action="import").exists()


def test_the_october_milestone_is_missed_as_the_seed_says(ni59, home):
    import_template(_csv([_row(p, v) for p, v in NI59]), "ni59.csv")
    for value, due in (("80", "2010-03-31"), ("85", "2010-10-31"), ("87", "2011-03-31")):
        Target.objects.create(indicator=ni59, due=due, value=Decimal(value), amber_tolerance=Decimal("2"))
    from outcomes.indicators.derive import recompute

    recompute([ni59])
    by_month = {f.period.start.month: f for f in DerivedFigure.objects.filter(indicator=ni59, area=home)}
    assert (by_month[9].target_value, by_month[9].on_target, by_month[9].rag) == (85.0, True, "G")
    assert (by_month[10].target_value, by_month[10].on_target, by_month[10].rag) == (85.0, False, "A")
    assert (by_month[5].rag) == "R"  # 76.01 against 85 with 2 points of tolerance


def test_a_value_can_come_from_its_numerator_and_denominator(ni59):
    import_template(_csv([_row("April 2009", "", "1767", "2270")]), "counts.csv")
    value = Value.objects.get(indicator=ni59)
    assert round(value.value, 2) == Decimal("77.84")
    assert (value.numerator, value.denominator) == (1767, 2270)


def test_counts_that_do_not_give_the_value_are_flagged(ni59):
    with pytest.raises(ImportFailed) as failed:
        import_template(_csv([_row("April 2009", "80", "1767", "2270")]), "counts.csv")
    assert "counts.csv, row 2, column D (Value)" in str(failed.value)
    assert not Value.objects.filter(indicator=ni59).exists()


def test_nothing_is_saved_when_one_row_is_wrong_and_every_problem_is_located(ni59):
    rows = [
        _row("April 2010", "80.17"),
        _row("Smarch 2010", "76"),
        _row("June 2010", "lots"),
        _row("July 2010", "", reason="q"),
        _row("August 2010", "80", status="guessed"),
        _row("September 2010", code="NI 999"),
        _row("October 2010", "83", area="Atlantis"),
        _row("April 2010", "81"),
    ]
    with pytest.raises(ImportFailed) as failed:
        import_template(_csv(rows), "bad.csv")
    text = str(failed.value)
    assert "nothing was imported" in text
    for where in (
        "bad.csv, row 3, column C (Period)",
        "bad.csv, row 4, column D (Value)",
        "bad.csv, row 5, column H (Missing reason)",
        "bad.csv, row 6, column G (Status)",
        "bad.csv, row 7, column A (Indicator code)",
        "bad.csv, row 8, column B (Area)",
        "bad.csv, row 9, column C (Period)",
    ):
        assert where in text
    assert "already given on row 2" in text
    assert not Value.objects.filter(indicator=ni59).exists()
    assert not ImportRun.objects.filter(source="bad.csv").exists()


def test_a_missing_value_needs_its_reason(ni59):
    import_template(_csv([_row("April 2010", "", reason="c"), _row("May 2010", "x")]), "missing.csv")
    assert sorted(Value.objects.filter(indicator=ni59).values_list("missing_reason", flat=True)) == ["c", "x"]
    assert not Value.objects.filter(indicator=ni59, value__isnull=False).exists()
    with pytest.raises(ImportFailed, match="the value is missing"):
        import_template(_csv([_row("June 2010", "")]), "missing.csv")


def test_an_excel_file_is_read_with_its_sheet_named_in_errors_and_dates_as_months(ni59):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Values"
    sheet.append(HEADINGS)
    sheet.append(["NI 59 test", 9372, datetime(2010, 4, 1), 80.17, None, None, "provisional", None])
    sheet.append(["NI 59 test", None, "May 2010", "76.01%", None, None, None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    run = import_template(buffer.getvalue(), "ni59.xlsx")
    assert run.created == 2
    april = Value.objects.get(indicator=ni59, period__start__month=4)
    assert (april.status, april.published_label, april.value) == (
        "provisional",
        "April 2010",
        Decimal("80.17"),
    )
    sheet.append(["NI 59 test", None, "June 2010", "n/a", None, None, None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(ImportFailed, match=r"ni59\.xlsx, sheet 'Values', row 4, column D \(Value\)"):
        import_template(buffer.getvalue(), "ni59.xlsx")


def test_a_file_of_another_kind_or_without_the_columns_is_refused(ni59):
    with pytest.raises(ImportFailed, match=r"must be a \.csv or an \.xlsx"):
        import_template(b"hello", "values.txt")
    with pytest.raises(ImportFailed, match="the column 'Period' is missing"):
        import_template(b"Indicator code,Value\nNI 59 test,80\n", "values.csv")
    with pytest.raises(ImportFailed, match="not an Excel workbook"):
        import_template(b"not a zip", "values.xlsx")


def test_exported_values_import_again_unchanged(ni59):
    import_template(_csv([_row(p, v) for p, v in NI59]), "ni59.csv")
    for fmt, name in (("csv", "again.csv"), ("xlsx", "again.xlsx")):
        data = export_values(Value.objects.filter(indicator=ni59), fmt)
        run = import_template(data, name)
        assert (run.created, run.updated, run.unchanged) == (0, 0, 7)


def test_a_corrected_value_is_updated_and_recorded(ni59):
    import_template(_csv([_row("April 2010", "80.17")]), "ni59.csv")
    run = import_template(_csv([_row("April 2010", "80.2", status="revised")]), "ni59-corrected.csv")
    assert (run.created, run.updated) == (0, 1)
    value = Value.objects.get(indicator=ni59)
    assert (value.value, value.status) == (Decimal("80.2"), "revised")
    record = ChangeRecord.objects.get(object_id=str(run.pk), action="import")
    change = record.after["changes"][0]
    assert (change["before"]["value"], change["after"]["value"]) == ("80.17", "80.2")
    assert (change["before"]["status"], change["after"]["status"]) == ("final", "revised")
    assert DerivedFigure.objects.get(indicator=ni59).value == 80.2


def test_the_blank_template_has_the_columns_and_the_indicators(ni59):
    workbook = load_workbook(io.BytesIO(blank_template("xlsx")))
    assert [c.value for c in workbook["Values"][1]] == HEADINGS
    assert workbook["Values"].max_row == 1
    codes = [row[0] for row in workbook["Indicators"].iter_rows(min_row=2, values_only=True)]
    assert "NI 59 test" in codes
    assert blank_template("csv").decode("utf-8-sig").strip().split(",") == HEADINGS


def test_export_table_writes_csv_and_excel_and_keeps_text_as_text():
    rows = [["NI 59", Decimal("80.17"), None], ["=HYPERLINK(1)", 3, "x"]]
    text = export_table(["Code", "Value", "Note"], rows, "csv").decode("utf-8-sig")
    assert text.splitlines() == ["Code,Value,Note", "NI 59,80.17,", "'=HYPERLINK(1),3,x"]
    sheet = load_workbook(io.BytesIO(export_table(["Code", "Value", "Note"], rows, "xlsx", title="T"))).active
    assert sheet.title == "T"
    assert [c.value for c in sheet[2]] == ["NI 59", 80.17, None]
    assert sheet["A3"].data_type == "s"
    with pytest.raises(ValueError, match="pdf"):
        export_table(["A"], [], "pdf")


def test_the_command_imports_or_writes_the_blank_template(ni59, tmp_path):
    path = tmp_path / "ni59.csv"
    path.write_bytes(_csv([_row(p, v) for p, v in NI59]))
    out = io.StringIO()
    call_command("import_indicator_values", str(path), stdout=out)
    assert "7 created" in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_csv([_row("Smarch 2010", "1")]))
    with pytest.raises(CommandError, match="row 2, column C"):
        call_command("import_indicator_values", str(bad), stdout=io.StringIO())
    blank = tmp_path / "blank.xlsx"
    call_command("import_indicator_values", "--blank", str(blank), stdout=io.StringIO())
    assert load_workbook(blank)["Values"]["A1"].value == "Indicator code"
