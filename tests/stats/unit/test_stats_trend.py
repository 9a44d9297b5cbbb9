"""The recent-trend test (METHODS.md 10c), against published values and by hand."""

import numpy as np
import pytest

from outcomes.stats import trend


def test_the_chi_squared_for_trend_is_armitages_as_r_publishes_it():
    # R's documentation of prop.trend.test (smokers among patients in four groups):
    # "X-squared = 8.2249, df = 1, p-value = 0.004132".
    chi2, slope = trend.chi_squared_for_trend([83, 90, 129, 70], [86, 93, 136, 82])
    assert round(chi2, 4) == 8.2249
    assert slope < 0  # the proportions fall: 0.965, 0.968, 0.949, 0.854


def test_the_threshold_is_fingertips_chi_squared_at_99_8_per_cent():
    # Fingertips' TrendMarkerCalculator: ChiSquareConfidence = 9.54953570608324 (3.0902 squared).
    assert pytest.approx(9.54953570608324, abs=1e-12) == trend.THRESHOLD


def test_a_steadily_rising_proportion_is_increasing_and_a_flat_one_no_change():
    denominators = [1000] * 5
    rising = trend.recent_trend_of_proportions([500, 540, 580, 620, 660], denominators)
    assert rising.word == trend.INCREASING
    assert rising.chi_squared > trend.THRESHOLD
    falling = trend.recent_trend_of_proportions([660, 620, 580, 540, 500], denominators)
    assert falling.word == trend.DECREASING
    flat = trend.recent_trend_of_proportions([500, 505, 498, 502, 501], denominators)
    assert flat.word == trend.NO_CHANGE


def test_only_the_last_five_points_count():
    early_rise = [100, 300, 500, 500, 500, 500, 500]
    assert trend.recent_trend_of_proportions(early_rise, [1000] * 7).word == trend.NO_CHANGE


def test_one_point_alone_does_not_make_a_trend():
    # Significant on all five, but the slope turns over when the last point is left out.
    numerators, denominators = [520, 510, 500, 490, 700], [1000] * 5
    chi2, slope = trend.chi_squared_for_trend(numerators, denominators)
    assert chi2 > trend.THRESHOLD
    assert slope > 0
    assert trend.recent_trend_of_proportions(numerators, denominators).word == trend.NO_CHANGE


def test_fewer_than_five_points_or_a_missing_one_cannot_be_calculated():
    assert trend.recent_trend_of_proportions([1, 2, 3, 4], [10] * 4).word == trend.NOT_CALCULATED
    assert trend.recent_trend_of_proportions([1, 2, None, 4, 5], [10] * 5).word == trend.NOT_CALCULATED
    assert trend.recent_trend_of_proportions([0] * 5, [10] * 5).word == trend.NOT_CALCULATED


def test_the_weighted_regression_with_equal_intervals_is_least_squares():
    values = np.array([10.0, 12.5, 13.0, 15.5, 17.0])
    half_width = 1.959963984540054  # so that each standard error is 1
    chi2, slope = trend.weighted_trend(values, values - half_width, values + half_width)
    expected = np.polyfit(np.arange(1, 6), values, 1)[0]
    assert slope == pytest.approx(expected)
    # With SE 1 for every point, var(slope) = 1 / Σ(t − t̄)² = 1/10.
    assert chi2 == pytest.approx(expected**2 * 10)


def test_a_rate_with_narrow_intervals_rising_is_increasing():
    values = [40.0, 42.0, 44.0, 46.0, 48.0]
    lower = [v - 1.0 for v in values]
    upper = [v + 1.0 for v in values]
    assert trend.recent_trend_of_values(values, lower, upper).word == trend.INCREASING
    wide = trend.recent_trend_of_values(values, [v - 20 for v in values], [v + 20 for v in values])
    assert wide.word == trend.NO_CHANGE
