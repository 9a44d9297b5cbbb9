"""The LAIT import, the derived figures and indicator_report, on a cut of the real files
(tests/fixtures/lait_small). Figures are checked against an independent computation from the raw
files, not against numbers copied from the code's own output."""

import io
import json
import shutil
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from outcomes.indicators.derive import recompute
from outcomes.indicators.lait import LaitFilesMissing, import_lait
from outcomes.indicators.models import (
    Area,
    DerivedFigure,
    ImportRun,
    Indicator,
    Period,
    StatisticalNeighbourSet,
    Target,
    Value,
)
from outcomes.indicators.report import REPORT_COLUMNS, find_area, rows_for_area

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "lait_small"
ROTHERHAM = 372
# Authorities replaced by reorganisation (DfE still lists them): ranked while they report (as DfE's
# tool ranks), but not banded with the others.
FORMER = {"Cumbria", "Northamptonshire", "Dorset (Pre LG)", "Poole (Pre LG)", "Bournemouth (Pre LG)"}

pytestmark = pytest.mark.django_db


def _clear():
    """Start from no indicator data at all (the session's demo may hold some)."""
    DerivedFigure.objects.all().delete()
    Indicator.objects.all().delete()
    Period.objects.all().delete()
    StatisticalNeighbourSet.objects.all().delete()
    Area.objects.all().delete()
    ImportRun.objects.all().delete()


@pytest.fixture
def small(db):
    _clear()
    return import_lait(FIXTURE)


# --- independent readings of the raw files --------------------------------------------------------


def _raw_rows(folder: Path = FIXTURE) -> list[dict]:
    return pq.read_table(folder / "bds_long_0.parquet").to_pylist()


def _may_2025(folder: Path = FIXTURE) -> dict[int, list[int]]:
    sheet = load_workbook(folder / "sn_may_2025.xlsx", read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    found = {}
    for row in rows[3:]:
        if isinstance(row[0], int):
            found[row[0]] = [row[i] for i in range(5, 25, 2) if isinstance(row[i], int)]
    return found


def _values(measure: str, year: str, folder: Path = FIXTURE) -> dict[int, float | None]:
    out = {}
    for row in _raw_rows(folder):
        if row["Short Desc"] == measure and row["Years"] == year:
            text = row["Values"].strip()
            out[int(row["LA Number"])] = None if text == "-" else float(text)
    return out


def _names() -> dict[int, str]:
    return {int(r["LA Number"]): r["LA and Regions"] for r in _raw_rows()}


# --- the import -------------------------------------------------------------------------------------


def test_the_import_reads_every_file(small):
    raw = _raw_rows()
    stray = sum(1 for r in raw if r["Years"] == "0")
    assert stray == 170
    assert small.values.created == len(raw) - stray
    assert Value.objects.count() == len(raw) - stray
    assert Indicator.objects.filter(from_lait=True).count() == len({r["Short Desc"] for r in raw})
    assert [(item["label"], item["rows"]) for item in small.not_understood] == [("0", 170)]
    assert StatisticalNeighbourSet.objects.get(is_current=True).name == "May 2025"
    rotherham = Area.objects.get(la_number=ROTHERHAM)
    listed = list(
        rotherham.neighbour_rows.filter(neighbour_set__is_current=True)
        .order_by("position")
        .values_list("neighbour__la_number", flat=True)
    )
    assert listed == _may_2025()[ROTHERHAM]
    assert rotherham.region.name == "Yorkshire and the Humber"
    assert Area.objects.get(name="Camden").region.name == "London (Inner)"
    assert set(Area.objects.filter(kind=Area.LA, active=False).values_list("name", flat=True)) == FORMER
    assert DerivedFigure.objects.count() == Value.objects.count()


def test_the_dictionary_gives_polarity_decimals_and_year_type(small):
    breast = Indicator.objects.get(code="6wksBreast")
    assert (breast.polarity, breast.decimal_places, breast.period_type) == ("high", 2, "financial")
    assert Indicator.objects.get(code="ReReferral").polarity == "low"
    assert Indicator.objects.get(code="CPP_Total_NumRef").polarity == "none"
    assert Indicator.objects.get(code="Vacancies_cover").no_quartile is True
    assert Indicator.objects.get(code="Work_Force_Vac_Rate").period_type == "september"
    # Listed twice in the dictionary: the first row wins, its NA decimals filled from the second.
    assert Indicator.objects.get(code="CINPermExclusion").decimal_places == 2


def test_missing_values_are_kept_with_their_reason_never_as_zero(small):
    raw = [r for r in _raw_rows() if r["Years"] != "0"]
    dashes = sum(1 for r in raw if r["Values"].strip() == "-")
    assert Value.objects.filter(value__isnull=True, missing_reason="-").count() == dashes
    assert Value.objects.filter(value__isnull=True).exclude(missing_reason="-").count() == 0
    zeros = sum(1 for r in raw if r["Values"].strip() not in ("-",) and float(r["Values"]) == 0)
    assert Value.objects.filter(value=0).count() == zeros


def test_a_second_run_changes_nothing(small):
    figures = DerivedFigure.objects.count()
    again = import_lait(FIXTURE)
    assert (again.values.created, again.values.updated) == (0, 0)
    assert again.values.unchanged == small.values.created
    assert (again.indicators.created, again.indicators.updated) == (0, 0)
    assert (again.areas.created, again.areas.updated, again.neighbours.created, again.neighbours.updated) == (
        0,
        0,
        0,
        0,
    )
    assert again.recomputed == 0
    assert DerivedFigure.objects.count() == figures


def _copy_with(tmp_path: Path, change) -> Path:
    folder = tmp_path / "lait"
    shutil.copytree(FIXTURE, folder)
    rows = change(_raw_rows())
    pq.write_table(
        pa.Table.from_pylist(rows, schema=pq.read_schema(FIXTURE / "bds_long_0.parquet")),
        folder / "bds_long_0.parquet",
    )
    return folder


def test_a_corrected_file_updates_what_changed_and_the_figures_follow(small, tmp_path):
    def correct(rows):
        for row in rows:
            if row["Short Desc"] == "6wksBreast" and row["Years"] == "2024" and row["LA Number"] == ROTHERHAM:
                row["Values"] = "55.5"
        return rows

    result = import_lait(_copy_with(tmp_path, correct))
    assert (result.values.created, result.values.updated) == (0, 1)
    rotherham = Area.objects.get(la_number=ROTHERHAM)
    figure = DerivedFigure.objects.get(
        indicator__code="6wksBreast", area=rotherham, period__end__year=2024, period__kind="financial_year"
    )
    assert figure.value == 55.5
    england = _values("6wksBreast", "2024")[970]
    assert figure.england_comparison == (1 if england < 55.5 else -1)
    assert Value.objects.get(
        indicator__code="6wksBreast", area=rotherham, period=figure.period
    ).source_import_id == (result.run.pk)


def test_a_final_figure_replaces_a_provisional_one_and_never_the_other_way(small, tmp_path):
    def finalise(rows):
        for row in rows:
            if row["Short Desc"] == "KS1P_all" and row["Years"] == "2025 (prov)":
                row["Years"] = "2025"
                if row["LA Number"] == ROTHERHAM:
                    row["Values"] = "91.5"
        return rows

    final = import_lait(_copy_with(tmp_path, finalise))
    assert final.values.created == 0
    assert final.values.updated == 170
    rotherham = Area.objects.get(la_number=ROTHERHAM)
    value = Value.objects.get(indicator__code="KS1P_all", area=rotherham, period__end__year=2025)
    assert (value.status, value.published_label, value.value) == ("final", "2025", 91.5)

    older = import_lait(FIXTURE)
    assert older.values.updated == 0
    assert older.kept_stronger == 170
    value.refresh_from_db()
    assert (value.status, value.value) == ("final", 91.5)


def test_only_some_measures_can_be_imported(db):
    _clear()
    result = import_lait(FIXTURE, measures=["6wksBreast"])
    assert list(Indicator.objects.values_list("code", flat=True)) == ["6wksBreast"]
    assert result.values.created == sum(1 for r in _raw_rows() if r["Short Desc"] == "6wksBreast")
    with pytest.raises(ValueError, match="NoSuchMeasure"):
        import_lait(FIXTURE, measures=["NoSuchMeasure"])


def test_missing_files_are_named(tmp_path):
    (tmp_path / "bds_long_0.parquet").write_bytes(b"")
    with pytest.raises(LaitFilesMissing, match=r"lait_data_dictionary\.csv"):
        import_lait(tmp_path)


def test_the_command_reports_what_it_did(db, capsys):
    _clear()
    out = io.StringIO()
    call_command("import_lait", str(FIXTURE), "--measures", "6wksBreast,RTA", stdout=out)
    assert "Values: " in out.getvalue()
    out = io.StringIO()
    call_command("import_lait", str(FIXTURE), "--measures", "6wksBreast,RTA", stdout=out)
    assert "Values: 0 created, 0 updated" in out.getvalue()
    with pytest.raises(CommandError, match="missing"):
        call_command("import_lait", "/nonexistent/folder", stdout=io.StringIO())


# --- the report, checked by hand from the raw files --------------------------------------------------


def _by_hand(measure: str, year: str, previous_year: str, high_is_good: bool) -> dict:
    """Rotherham's figures computed here from the parquet and the May 2025 list with NumPy."""
    values = _values(measure, year)
    names = _names()
    neighbours = _may_2025()[ROTHERHAM]
    present = [values[n] for n in neighbours if values.get(n) is not None]
    listed = [n for n in _may_2025() if names.get(n) not in FORMER]
    banded = np.array([values[n] for n in listed if values.get(n) is not None])
    # Ranked among every LA with a value (England is 970, regions above), former ones included.
    ranked = np.array([v for n, v in values.items() if n < 970 and v is not None])
    mine = values[ROTHERHAM]
    better = ranked > mine if high_is_good else ranked < mine
    q1, q2, q3 = np.quantile(banded, [0.25, 0.5, 0.75])
    if high_is_good:
        band = "A" if mine > q3 else "B" if mine > q2 else "C" if mine > q1 else "D"
    else:
        band = "A" if mine <= q1 else "B" if mine <= q2 else "C" if mine <= q3 else "D"
    return {
        "value": mine,
        "previous_value": _values(measure, previous_year)[ROTHERHAM],
        "sn_average": sum(present) / len(present),
        "england_value": values[970],
        "region_value": values[982],
        "rank": int(better.sum()) + 1,
        "rank_of": len(ranked),
        "quartile_band": band,
    }


def test_rotherham_matches_a_computation_from_the_raw_files(small):
    rows = rows_for_area(find_area("Rotherham"), measures=["6wksBreast"])
    assert len(rows) == 1
    row = rows[0]
    hand = _by_hand("6wksBreast", "2024", "2023", high_is_good=True)
    assert row["period"] == "2024"
    assert row["value"] == hand["value"]
    assert row["previous_value"] == hand["previous_value"]
    assert row["sn_average"] == pytest.approx(hand["sn_average"], abs=1e-6)
    assert row["england_value"] == hand["england_value"]
    assert row["region_value"] == hand["region_value"]
    assert (row["rank"], row["rank_of"], row["quartile_band"]) == (
        hand["rank"],
        hand["rank_of"],
        hand["quartile_band"],
    )
    assert row["dot"] == ("improving" if hand["value"] > hand["previous_value"] else "worsening")
    assert row["sn_comparison"] == ("better" if hand["value"] > hand["sn_average"] else "worse")
    assert row["england_comparison"] == ("better" if hand["value"] > hand["england_value"] else "worse")


def test_a_low_is_good_measure_ranks_the_lowest_first(small):
    row = rows_for_area(find_area("372"), measures=["ReReferral"])[0]
    year = row["period"]
    years = sorted({r["Years"] for r in _raw_rows() if r["Short Desc"] == "ReReferral"})
    hand = _by_hand("ReReferral", year, years[years.index(year) - 1], high_is_good=False)
    assert (row["rank"], row["rank_of"], row["quartile_band"]) == (
        hand["rank"],
        hand["rank_of"],
        hand["quartile_band"],
    )
    fell = hand["value"] < hand["previous_value"]
    assert row["dot"] == (
        "improving" if fell else "worsening" if hand["value"] != hand["previous_value"] else "no change"
    )


def test_a_measure_without_polarity_is_not_judged(small):
    row = rows_for_area(find_area("Rotherham"), measures=["CPP_Total_NumRef"])[0]
    assert row["value"] is not None
    assert row["sn_average"] is not None
    assert (row["dot"], row["sn_comparison"], row["rank"], row["quartile_band"]) == (None, None, None, None)


def test_a_measure_without_quartiles_is_ranked_but_not_banded(small):
    row = rows_for_area(find_area("Rotherham"), measures=["Vacancies_cover"])[0]
    assert row["rank"] is not None
    assert row["quartile_band"] is None


def test_latest_is_each_measures_latest_period_with_a_value_for_the_area(small):
    rows = {r["measure"]: r for r in rows_for_area(find_area("Rotherham"))}
    for measure in ("6wksBreast", "RTA", "KS1P_all", "SWFinance", "Hosp_Adm_Alc_<18yrs"):
        raw = [r for r in _raw_rows() if r["Short Desc"] == measure and r["LA Number"] == ROTHERHAM]
        with_value = [r["Years"] for r in raw if r["Values"].strip() != "-"]
        rotherham_values = Value.objects.filter(
            indicator__code=measure, area__la_number=ROTHERHAM, value__isnull=False
        )
        latest = rotherham_values.order_by("-period__sort_key").first()
        assert rows[measure]["period"] == latest.published_label
        assert latest.published_label in with_value
    assert rows["KS1P_all"]["period"] == "2025 (prov)"


def test_a_named_period_can_be_asked_for(small):
    row = rows_for_area(find_area("Rotherham"), period="2022", measures=["6wksBreast"])[0]
    assert row["period"] == "2022"
    assert row["value"] == _values("6wksBreast", "2022")[ROTHERHAM]


def test_the_command_gives_the_same_columns_in_json_csv_and_excel(small, tmp_path):
    out = io.StringIO()
    call_command("indicator_report", "--area", "Rotherham", "--measures", "6wksBreast,ReReferral", stdout=out)
    rows = json.loads(out.getvalue())
    assert [list(r) for r in rows] == [REPORT_COLUMNS, REPORT_COLUMNS]
    csv_out = io.StringIO()
    call_command(
        "indicator_report",
        "--area",
        "372",
        "--measures",
        "6wksBreast,ReReferral",
        "--format",
        "csv",
        stdout=csv_out,
    )
    lines = csv_out.getvalue().splitlines()
    assert lines[0].split(",") == REPORT_COLUMNS
    assert lines[1].startswith("6wksBreast,")
    target = tmp_path / "report.xlsx"
    call_command(
        "indicator_report",
        "--area",
        "372",
        "--measures",
        "6wksBreast",
        "--format",
        "xlsx",
        "--output",
        str(target),
    )
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[1]] == REPORT_COLUMNS
    assert sheet.cell(row=2, column=REPORT_COLUMNS.index("value") + 1).value == rows[0]["value"]
    with pytest.raises(CommandError, match="Nowhere"):
        call_command("indicator_report", "--area", "Nowhere", stdout=io.StringIO())
    with pytest.raises(CommandError, match="nosuch"):
        call_command("indicator_report", "--area", "372", "--measures", "NoSuch", stdout=io.StringIO())


# --- targets and recomputation ------------------------------------------------------------------------


def test_a_target_judges_the_home_areas_value_and_recompute_follows_changes(small):
    breast = Indicator.objects.get(code="6wksBreast")
    rotherham = Area.objects.get(la_number=ROTHERHAM)
    period = Value.objects.get(indicator=breast, area=rotherham, published_label="2024").period
    value = _values("6wksBreast", "2024")[ROTHERHAM]
    Target.objects.create(indicator=breast, due=period.end, value=value + 0.5, amber_tolerance=1)
    recompute([breast])
    figure = DerivedFigure.objects.get(indicator=breast, area=rotherham, period=period)
    assert (figure.target_value, figure.on_target, figure.rag) == (value + 0.5, False, "A")
    # Other areas are not judged against the partnership's own target.
    assert (
        not DerivedFigure.objects.filter(indicator=breast, period=period, target__isnull=False)
        .exclude(area=rotherham)
        .exists()
    )
    row = rows_for_area(rotherham, measures=["6wksBreast"])[0]
    assert (row["target"], row["on_target"]) == (value + 0.5, False)

    Value.objects.filter(indicator=breast, area=rotherham, period=period).update(value=value + 2)
    recompute([breast])
    figure = DerivedFigure.objects.get(indicator=breast, area=rotherham, period=period)
    assert (figure.on_target, figure.rag) == (True, "G")


def test_recompute_of_one_indicator_leaves_the_others(small):
    before = DerivedFigure.objects.exclude(indicator__code="RTA").count()
    written = recompute(Indicator.objects.filter(code="RTA"))
    assert written == Value.objects.filter(indicator__code="RTA").count()
    assert DerivedFigure.objects.exclude(indicator__code="RTA").count() == before


def test_rolling_and_sub_period_series_take_the_previous_period_of_their_own_kind(small):
    rotherham = Area.objects.get(la_number=ROTHERHAM)
    for figure in DerivedFigure.objects.filter(
        area=rotherham, indicator__code__in=["RTA", "Hosp_Adm_Alc_<18yrs"]
    ):
        if figure.previous_period_id:
            assert figure.previous_period.kind == figure.period.kind
            assert figure.previous_period.end < figure.period.end


def test_pyarrow_reads_the_same_rows_the_import_counted():
    table = pq.read_table(FIXTURE / "bds_long_0.parquet")
    assert pc.sum(pc.equal(table["Years"], "0")).as_py() == 170


def test_an_area_set_up_by_hand_before_the_import_is_the_same_area(db):
    _clear()
    made = Area.objects.create(name="ROTHERHAM", kind=Area.LA)
    import_lait(FIXTURE, measures=["RTA"])
    made.refresh_from_db()
    assert (made.la_number, made.name) == (ROTHERHAM, "Rotherham")
    assert Area.objects.filter(name__iexact="rotherham").count() == 1
