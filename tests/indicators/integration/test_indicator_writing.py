"""The one writer of indicator values (issue 13 item 3): counts, history, recompute, and its last
guard against figures no column can hold (issue 12 item 4)."""

from decimal import Decimal

import pytest

from outcomes.core.models import ChangeRecord
from outcomes.indicators.areas import home_area
from outcomes.indicators.models import DerivedFigure, ImportRun, Indicator, Value
from outcomes.indicators.periods import period_for
from outcomes.indicators.writing import FigureNotStorable, ValueBatch, write_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure():
    return Indicator.objects.create(
        code="LOCAL W", name="Written", unit_kind=Indicator.PERCENTAGE, polarity=Indicator.HIGH
    )


def _row(measure, label, value, **more):
    return {
        "indicator_id": measure.pk,
        "area_id": home_area().pk,
        "period_id": period_for(label, "financial").pk,
        "value": value,
        **more,
    }


def _write(rows, **options):
    run = ImportRun.objects.create(kind=ImportRun.MANUAL, source="test")
    result = write_values(ValueBatch.from_rows(rows), run=run, summary="Test values", **options)
    run.refresh_from_db()
    return run, result


def test_values_are_created_updated_or_left_unchanged_and_the_run_counts_them(measure):
    run, result = _write([_row(measure, "2019-20", Decimal("50.5")), _row(measure, "2020-21", 52)])
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    assert (run.created, run.updated, run.unchanged) == (2, 0, 0)
    assert DerivedFigure.objects.filter(indicator=measure).count() == 2

    run, result = _write(
        [
            _row(measure, "2019-20", Decimal("50.5")),
            _row(measure, "2020-21", 53, numerator=53, denominator=100),
            _row(measure, "2021-22", None, missing_reason="c"),
        ]
    )
    assert (run.created, run.updated, run.unchanged) == (1, 1, 1)
    assert result.touched == {measure.pk}
    held = Value.objects.get(indicator=measure, period__start__year=2020)
    assert (held.value, held.numerator, held.denominator, held.source_import_id) == (53, 53, 100, run.pk)
    missing = Value.objects.get(indicator=measure, period__start__year=2021)
    assert (missing.value, missing.missing_reason) == (None, "c")
    history = ChangeRecord.objects.filter(action="import", object_id=str(run.pk)).get()
    assert history.summary == "Test values: values 1 created, 1 updated, 1 unchanged"
    assert history.after["changes"] == [
        {
            "indicator": "LOCAL W",
            "area": home_area().name,
            "period": held.period.label,
            "before": {
                "value": "52",
                "status": "final",
                "missing_reason": "",
                "numerator": None,
                "denominator": None,
            },
            "after": {
                "value": "53",
                "status": "final",
                "missing_reason": "",
                "numerator": "53",
                "denominator": "100",
            },
        }
    ]
    # The derived figures follow: 2020-21 is now compared with 2019-20's 50.5.
    fig = DerivedFigure.objects.get(indicator=measure, period=held.period, area=home_area())
    assert (fig.value, fig.previous_value, fig.dot) == (53, 50.5, 1)


@pytest.mark.parametrize("bad", [float("inf"), float("-inf"), Decimal("1e999999"), 1e40, float("nan")])
def test_a_figure_no_column_can_hold_is_refused_and_nothing_changes(measure, bad):
    _write([_row(measure, "2019-20", 50)])
    before = list(Value.objects.filter(indicator=measure).values_list("value", flat=True))
    with pytest.raises(FigureNotStorable, match=r"nothing was saved: LOCAL W, Rotherham, "):
        _write([_row(measure, "2019-20", 51), _row(measure, "2020-21", bad)])
    assert list(Value.objects.filter(indicator=measure).values_list("value", flat=True)) == before


def test_a_provisional_figure_is_kept_from_replacing_a_final_one_when_asked(measure):
    _write([_row(measure, "2019-20", 50, status=Value.FINAL)])
    _, result = _write([_row(measure, "2019-20", 49, status=Value.PROVISIONAL)], keep_stronger=True)
    assert (result.kept_stronger, result.updated) == (1, 0)
    assert Value.objects.get(indicator=measure).value == 50
    _, result = _write([_row(measure, "2019-20", 49, status=Value.PROVISIONAL)])
    assert result.updated == 1
