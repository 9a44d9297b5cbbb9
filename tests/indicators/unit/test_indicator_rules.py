"""The named indicator rules, one by one (outcomes/indicators/rules.py)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import numpy as np
import pytest

from outcomes.indicators import rules
from outcomes.indicators.models import Indicator

HIGH, LOW, BAND, NONE = Indicator.HIGH, Indicator.LOW, Indicator.BAND, Indicator.NONE


def test_rounded_rounds_half_away_from_zero_at_the_published_places():
    assert rules.rounded(0.125, 2) == pytest.approx(0.13)
    assert rules.rounded(-0.125, 2) == pytest.approx(-0.13)
    assert rules.rounded(2.5, 0) == 3
    assert rules.rounded(0.1234, None) == 0.1234


def test_goodness_turns_values_so_that_larger_is_better():
    values = np.array([1.0, 5.0])
    assert list(rules.goodness(values, HIGH)) == [1.0, 5.0]
    assert list(rules.goodness(values, LOW)) == [-1.0, -5.0]
    # Inside the band scores 0, outside minus the distance to it.
    assert list(rules.goodness(np.array([60.0, 70.0, 80.0]), BAND, (65, 75))) == [-5.0, 0.0, -5.0]
    assert np.isnan(rules.goodness(values, NONE)).all()


@pytest.mark.parametrize(
    ("value", "benchmark", "polarity", "places", "expected"),
    [
        (0.28, 1.1, LOW, 2, 1),  # seed 004 NI 19: re-offending below the neighbours is better
        (7.1, 4.4, LOW, 1, -1),  # NI 43: custody above the neighbours is worse
        (71.0, 75.6, HIGH, 1, -1),  # NI 45
        (25.0, 16.2, HIGH, 1, 1),  # NI 113a coverage
        (52.704, 52.7, HIGH, 1, 0),  # equal at the published decimal place: in line
        (52.76, 52.7, HIGH, 1, 1),
        (70.0, 65.0, BAND, 1, 0),  # both inside the band
        (80.0, 74.0, BAND, 1, -1),
        (None, 50.0, HIGH, 1, None),
        (50.0, None, HIGH, 1, None),
        (50.0, 40.0, NONE, 1, None),
    ],
)
def test_compare_with_a_benchmark_by_polarity(value, benchmark, polarity, places, expected):
    assert rules.compare(value, benchmark, polarity, places, band=(65, 75)) == expected


def test_compare_codes_judges_whole_arrays_like_the_scalar_rule():
    values = np.array([[1.0, 2.0, np.nan], [3.0, 3.0, 1.0]])
    benchmarks = np.array([[2.0, 2.0, 1.0], [1.0, np.nan, 3.0]])
    codes = rules.compare_codes(values, benchmarks, LOW, 1)
    for (i, j), code in np.ndenumerate(codes):
        scalar = rules.compare(
            None if np.isnan(values[i, j]) else values[i, j],
            None if np.isnan(benchmarks[i, j]) else benchmarks[i, j],
            LOW,
            1,
        )
        assert (scalar is None and np.isnan(code)) or scalar == code


def test_direction_of_travel_is_in_polarity_terms():
    # A fall in a low-is-good rate is an improvement.
    assert rules.direction_of_travel(0.28, 0.69, LOW, 2) == 1
    assert rules.direction_of_travel(71.0, 72.6, HIGH, 1) == -1
    assert rules.direction_of_travel(60.0, 60.04, HIGH, 1) == 0
    assert rules.direction_of_travel(60.0, None, HIGH, 1) is None
    assert rules.direction_of_travel(60.0, 50.0, NONE, 1) is None
    assert rules.direction_of_travel(72.0, 80.0, BAND, 1, band=(65, 75)) == 1


def test_neighbour_average_is_the_simple_mean_of_the_values_present():
    mean, count = rules.neighbour_average(np.array([[10.0, 20.0, np.nan, 30.0], [np.nan] * 4]))
    assert mean[0] == 20.0
    assert count[0] == 3
    assert np.isnan(mean[1])
    assert count[1] == 0


@pytest.mark.parametrize(
    ("value", "target", "polarity", "upper", "expected"),
    [
        (83.15, 68, HIGH, None, True),  # seed 002 NI 68 against its October 2010 milestone
        (82, 85, HIGH, None, False),  # NI 59
        (85, 85, HIGH, None, True),
        (0.28, 0.48, LOW, None, True),  # seed 004 NI 19
        (9.7, 7.5, LOW, None, False),
        (70, 65, BAND, 75, True),
        (80, 65, BAND, 75, False),
        (70, 65, NONE, None, None),
        (None, 65, HIGH, None, None),
    ],
)
def test_on_target_by_polarity(value, target, polarity, upper, expected):
    assert rules.on_target(value, target, polarity, upper) == expected


def test_on_target_compares_the_value_as_published():
    assert rules.on_target(84.96, 85, HIGH, places=1) is True
    assert rules.on_target(84.94, 85, HIGH, places=1) is False


def test_on_target_for_a_band_indicator_uses_its_band_when_the_target_gives_none():
    assert rules.on_target(70, 68, BAND, band=(65, 75)) is True
    assert rules.on_target(76, 68, BAND, band=(65, 75)) is False


@pytest.mark.parametrize(
    ("value", "target", "polarity", "tolerance", "kind", "expected"),
    [
        (86, 85, HIGH, 2, "absolute", "G"),
        (83.5, 85, HIGH, 2, "absolute", "A"),
        (83, 85, HIGH, 2, "absolute", "A"),  # exactly at the tolerance
        (82.9, 85, HIGH, 2, "absolute", "R"),
        (16.7, 16, LOW, 5, "percent", "A"),  # 5% of 16 = 0.8
        (16.9, 16, LOW, 5, "percent", "R"),
        (82, 85, HIGH, None, "absolute", "R"),  # no tolerance: a miss is Red
        (82, 85, NONE, 2, "absolute", None),
    ],
)
def test_rag_against_target_with_tolerance(value, target, polarity, tolerance, kind, expected):
    assert rules.rag(value, target, polarity, tolerance, kind) == expected


@dataclass
class T:
    pk: int
    period_id: int | None
    due: date | None


def test_target_in_force_prefers_the_target_for_that_period_then_the_next_milestone():
    # Seed 002 NI 59: 80% March 2010, 85% October 2010, 87% March 2011.
    march_10, october_10, march_11 = (
        T(1, None, date(2010, 3, 31)),
        T(2, None, date(2010, 10, 31)),
        T(3, None, date(2011, 3, 31)),
    )
    targets = [march_11, october_10, march_10]
    assert rules.target_in_force(targets, 99, date(2010, 9, 30)) is october_10
    assert rules.target_in_force(targets, 99, date(2010, 10, 31)) is october_10
    assert rules.target_in_force(targets, 99, date(2010, 11, 30)) is march_11
    # After the last milestone nothing is carried forward.
    assert rules.target_in_force(targets, 99, date(2011, 4, 30)) is None
    for_the_year = T(4, 7, None)
    assert rules.target_in_force([*targets, for_the_year], 7, date(2011, 3, 31)) is for_the_year


def test_significance_against_england_follows_the_interval():
    assert rules.significance(60.0, 70.0, 65.0, HIGH) == 0
    assert rules.significance(60.0, 70.0, 55.0, HIGH) == 1
    assert rules.significance(60.0, 70.0, 55.0, LOW) == -1
    assert rules.significance(60.0, 70.0, 75.0, HIGH) == -1
    assert rules.significance(60.0, 70.0, 55.0, NONE) is None


def test_confidence_interval_for_a_percentage_is_wilson_in_percent():
    lower, upper = rules.confidence_interval(Indicator.PERCENTAGE, 1767, 2270)
    # Wilson by hand for 1767/2270 at 95%.
    z, x, n = 1.959963984540054, 1767, 2270
    centre, spread = 2 * x + z * z, z * np.sqrt(z * z + 4 * x * (1 - x / n))
    assert lower == pytest.approx((centre - spread) / (2 * (n + z * z)) * 100)
    assert upper == pytest.approx((centre + spread) / (2 * (n + z * z)) * 100)
    assert lower < 1767 / 2270 * 100 < upper


def test_confidence_interval_for_a_rate_is_scaled_by_its_multiplier():
    lower, upper = rules.confidence_interval(Indicator.RATE, 212, 27000, 100_000)
    assert lower < 212 / 27000 * 100_000 < upper
    assert rules.confidence_interval(Indicator.COUNT, 5, 10) is None
    assert rules.confidence_interval(Indicator.PERCENTAGE, 5, 0) is None


def test_spc_codes_mark_special_causes_by_polarity():
    series = [50.0] * 6 + [51.0, 49.0] * 3 + [80.0]
    high = rules.spc_codes(series, HIGH)
    low = rules.spc_codes(series, LOW)
    assert high[-1] == 1
    assert low[-1] == -1
    assert high[0] in (0, 1, -1)
    assert rules.spc_codes([1.0, None, 2.0], HIGH)[1] is None


def test_value_from_counts_makes_a_percentage_or_a_rate():
    # Seed 002: 1767/2270 = 77.8%, 276/325 = 84.9%.
    assert rules.value_from_counts(Indicator.PERCENTAGE, 1767, 2270).quantize(Decimal("0.1")) == Decimal(
        "77.8"
    )
    assert rules.value_from_counts(Indicator.PERCENTAGE, 276, 325).quantize(Decimal("0.1")) == Decimal("84.9")
    assert rules.value_from_counts(Indicator.RATE, 212, 27000, 100000).quantize(Decimal("1")) == Decimal(
        "785"
    )
    assert rules.value_from_counts(Indicator.COUNT, 1, 2) is None
    assert rules.value_from_counts(Indicator.PERCENTAGE, 1, 0) is None


def test_counts_match_to_the_precision_published():
    computed = rules.value_from_counts(Indicator.PERCENTAGE, 1767, 2270)
    assert rules.counts_match(Decimal("77.8"), 1, computed)
    assert rules.counts_match(Decimal("78"), 0, computed)
    assert not rules.counts_match(Decimal("77.9"), 1, computed)
    assert not rules.counts_match(Decimal("77.80"), 2, computed)


def test_symbols():
    assert [rules.dot_arrow(c) for c in (1, 0, -1, None)] == ["↑", "→", "↓", ""]
    assert [rules.comparison_symbol(c) for c in (1, 0, -1, None)] == ["★", "●", "▲", ""]


def test_a_target_is_not_applied_to_a_year_before_its_own():
    # NI 59's 2008-09 baseline (to 31 March 2009) against "by 31 March 2010": not its target.
    march_10 = T(1, None, date(2010, 3, 31))
    assert rules.target_in_force([march_10], 5, date(2009, 3, 31)) is None
    assert rules.target_in_force([march_10], 6, date(2010, 3, 31)) is march_10
    assert rules.target_in_force([march_10], 7, date(2009, 4, 30)) is march_10


def test_published_places_are_the_most_a_value_has():
    assert rules.published_places([50, 51, None]) == 0
    assert rules.published_places([50.5, 0.07, 1 / 3]) == 2  # 1/3 is unrounded: not counted
    assert rules.published_places([1 / 3]) is None
    assert rules.published_places([]) is None


def test_shown_places_take_the_definitions_places_first():
    class Measure:
        decimal_places = 1

    assert rules.shown_places(Measure, [50.25]) == 1
    Measure.decimal_places = None
    assert rules.shown_places(Measure, [50.25]) == 2


def test_the_recent_trend_is_judged_by_polarity():
    class Measure:
        polarity = Indicator.HIGH
        unit_kind = Indicator.PERCENTAGE

    rising = ([50, 54, 58, 62, 66], [500, 540, 580, 620, 660], [1000] * 5, [np.nan] * 5, [np.nan] * 5)
    assert rules.recent_trend_code(Measure, *rising) == 1
    Measure.polarity = Indicator.LOW
    assert rules.recent_trend_code(Measure, *rising) == -1
    Measure.polarity = Indicator.NONE
    assert rules.recent_trend_code(Measure, *rising) is None
    # A rate has no proportion to test: its intervals are used, and without them nothing is said.
    Measure.polarity, Measure.unit_kind = Indicator.HIGH, Indicator.RATE
    assert rules.recent_trend_code(Measure, *rising) is None
    values = [40.0, 42.0, 44.0, 46.0, 48.0]
    lower, upper = [v - 1 for v in values], [v + 1 for v in values]
    assert rules.recent_trend_code(Measure, values, *[[np.nan] * 5] * 2, lower, upper) == 1


def test_ranks_are_by_polarity_with_ties_sharing_the_best_rank_and_none_without_a_value():
    values = np.array([[10.0, 30.0, 20.0, 30.0, np.nan]])
    assert rules.rank_codes(values, HIGH).tolist()[0][:4] == [4, 1, 3, 1]
    assert np.isnan(rules.rank_codes(values, HIGH)[0][4])
    assert rules.rank_codes(values, LOW).tolist()[0][:4] == [1, 3, 2, 3]
    assert np.isnan(rules.rank_codes(values, NONE)).all()
    # A target band of 15 to 25: inside is best, then by distance to the band.
    assert rules.rank_codes(values, Indicator.BAND, (15, 25)).tolist()[0][:4] == [2, 2, 1, 2]


def test_quartile_bands_run_from_a_best_to_d_worst_by_polarity():
    values = np.array([[float(v) for v in range(1, 9)]])
    assert rules.quartile_band_codes(values, HIGH).tolist()[0] == list("DDCCBBAA")
    assert rules.quartile_band_codes(values, LOW).tolist()[0] == list("AABBCCDD")
    assert rules.quartile_band_codes(values, NONE).tolist()[0] == [""] * 8
