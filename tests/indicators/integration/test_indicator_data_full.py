"""The one test of the whole LAIT data (641,070 rows): it imports, every row but the stray "0" is
kept, and Rotherham's neighbours' average matches a computation from the raw file."""

from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from django.conf import settings
from openpyxl import load_workbook

from outcomes.indicators.lait import import_lait
from outcomes.indicators.models import Area, DerivedFigure, Value
from outcomes.indicators.report import find_area, rows_for_area
from tests.indicators.integration.test_indicator_data import _clear

LAIT = Path(settings.OUTCOMES_LAIT_DIR)

pytestmark = pytest.mark.django_db


def test_the_full_lait_import():
    _clear()
    result = import_lait(LAIT)
    table = pq.read_table(LAIT / "bds_long_0.parquet")
    stray = pc.sum(pc.equal(table["Years"], "0")).as_py()
    assert table.num_rows == 641_070
    assert result.values.created == table.num_rows - stray
    assert [(n["label"], n["rows"]) for n in result.not_understood] == [("0", stray)]
    assert DerivedFigure.objects.count() == Value.objects.count() == table.num_rows - stray
    assert Area.objects.filter(kind=Area.LA, active=True).count() == 153

    # Rotherham's neighbours (May 2025) and their latest breastfeeding figures, read from the raw files.
    sheet = load_workbook(LAIT / "sn_may_2025.xlsx", read_only=True).worksheets[0]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == 372)
    neighbours = [row[i] for i in range(5, 25, 2)]
    measure = "6wksBreast"
    rows = table.filter(pc.equal(table["Short Desc"], measure)).to_pylist()
    report = rows_for_area(find_area("Rotherham"), measures=[measure])[0]
    year = report["period"]
    values = {int(r["LA Number"]): r["Values"] for r in rows if r["Years"] == year}
    present = [float(values[n]) for n in neighbours if values.get(n, "-") != "-"]
    assert report["sn_average"] == pytest.approx(sum(present) / len(present), abs=1e-6)
    assert report["value"] == float(values[372])
    assert report["england_value"] == float(values[970])
