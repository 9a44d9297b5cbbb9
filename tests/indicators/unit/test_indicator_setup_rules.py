"""The rules an indicator's definition and targets must meet (indicators/setup.py), each on its own."""

from decimal import Decimal

import pytest

from outcomes.indicators import setup
from outcomes.indicators.models import Indicator, Target


def test_a_rate_says_what_it_is_per_and_nothing_else_has_a_multiplier():
    assert setup.unit_problems(Indicator.RATE, 10000) == []
    assert setup.unit_problems(Indicator.RATE, None) == [
        ("multiplier", "Enter what the rate is per, for example 10000")
    ]
    assert [f for f, _ in setup.unit_problems(Indicator.PERCENTAGE, 100)] == ["multiplier"]
    assert setup.unit_problems(Indicator.COUNT, None) == []


@pytest.mark.parametrize(
    ("polarity", "lower", "upper", "fields"),
    [
        (Indicator.BAND, Decimal(5), Decimal(9), []),
        (Indicator.BAND, None, Decimal(9), ["band_lower"]),
        (Indicator.BAND, None, None, ["band_lower", "band_upper"]),
        (Indicator.BAND, Decimal(9), Decimal(9), ["band_upper"]),
        (Indicator.HIGH, None, None, []),
        (Indicator.HIGH, None, Decimal(9), ["band_upper"]),
        (Indicator.NONE, Decimal(1), None, ["band_lower"]),
    ],
)
def test_only_a_band_polarity_has_a_band_lowest_first(polarity, lower, upper, fields):
    assert [f for f, _ in setup.band_problems(polarity, lower, upper)] == fields


def test_sub_indicators_are_one_level_deep():
    parent = Indicator(pk=1, code="NI 111")
    sub = Indicator(pk=2, code="NI 111a", parent_id=1)
    assert setup.parent_problems(None, parent, "a") == []
    assert setup.parent_problems(None, None, "") == []
    assert [f for f, _ in setup.parent_problems(None, None, "a")] == ["sub_label"]
    assert setup.parent_problems(None, sub, "") == [
        ("parent", "NI 111a is itself a sub-indicator: choose the indicator it belongs to")
    ]
    assert setup.parent_problems(parent, parent, "") == [
        ("parent", "An indicator cannot be a sub-indicator of itself")
    ]


def test_a_target_is_for_a_period_or_a_date_with_a_sensible_tolerance():
    new = Indicator(polarity=Indicator.HIGH)  # not yet saved: nothing to clash with
    due = {"due": "2011-03-31", "value": Decimal(87)}
    assert setup.target_problems(new, due) == []
    assert [f for f, _ in setup.target_problems(new, {"value": Decimal(87)})] == ["period"]
    assert [f for f, _ in setup.target_problems(new, {**due, "period": object()})] == ["due"]
    assert [f for f, _ in setup.target_problems(new, {**due, "upper_value": Decimal(90)})] == ["upper_value"]
    assert [f for f, _ in setup.target_problems(new, {**due, "amber_tolerance": Decimal(-1)})] == [
        "amber_tolerance"
    ]
    percent = {**due, "amber_tolerance": Decimal(101), "tolerance_kind": Target.PERCENT}
    assert [f for f, _ in setup.target_problems(new, percent)] == ["amber_tolerance"]
    band = Indicator(polarity=Indicator.BAND)
    assert setup.target_problems(band, {**due, "upper_value": Decimal(90)}) == []
    assert [f for f, _ in setup.target_problems(band, {**due, "upper_value": Decimal(80)})] == ["upper_value"]
