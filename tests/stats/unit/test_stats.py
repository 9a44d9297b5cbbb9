"""outcomes.stats against published figures (Fingertips, PHEindicatormethods' Python port, LAIT) and against
independent 50-digit evaluations (tests/stats/unit/stats_reference.py)."""

import dataclasses
import itertools
from fractions import Fraction

import numpy as np
import pytest

from outcomes.stats import (
    XmRResult,
    band_rows,
    benchmark_direction,
    byars_ci,
    compare_with_benchmark,
    exact_poisson_ci,
    quartile_bands,
    quartile_boundaries,
    rank_rows,
    ranks,
    rate_ci,
    wilson_ci,
    xmr,
    xmr_variation,
)
from outcomes.stats._inputs import z_value
from outcomes.stats.spc import OUTSIDE_LIMITS, SHIFT, TREND, TWO_OF_THREE, Signal
from tests.stats.unit import stats_reference as reference

CONFIDENCES = ["0.95", "0.998"]


def close(actual, expected, rel):
    return actual == pytest.approx(float(expected), rel=rel, abs=0)


class TestZ:
    def test_the_quantiles_are_exact_not_rounded(self):
        # Fingertips' SPC comparers hard-code 3.0902; the intervals use the exact quantile (decision 0010).
        assert z_value(0.95) == 1.959963984540054
        assert z_value(0.998) == 3.090232306167813

    @pytest.mark.parametrize("confidence", CONFIDENCES)
    def test_they_agree_with_a_50_digit_quantile(self, confidence):
        assert close(z_value(float(confidence)), reference.z_value(confidence), 1e-15)

    @pytest.mark.parametrize("confidence", [95, 99.8, 0, 1, -0.5, True, "0.95", None])
    def test_a_confidence_that_is_not_a_proportion_is_refused(self, confidence):
        with pytest.raises(ValueError, match="confidence"):
            wilson_ci(1, 2, confidence)


class TestWilson:
    # ukhsa-collaboration/fingertips-open, PholioVisualisationWS/AnalysisTest/SpcForProportionsComparerTest.cs
    # (commit 286a466b): Fingertips' stored values and 95% CIs, per cent, for indicators 1 and 514 in 2010.
    # The numerator is value × denominator / 100 (checked in the first test).
    FINGERTIPS = [
        # area, numerator, denominator, value %, lower %, upper %
        ("5PP", 457, 5930, 7.7065767284991562, 7.0548320523366375, 8.4130813590727076),
        ("5PN", 225, 2273, 9.8988121425428961, 8.7379055891773572, 11.195035154784872),
        ("5PR", 246, 1972, 12.474645030425965, 11.088798553603118, 14.006406155616993),
        ("5PY", 147, 1339, 10.9783420463032, 9.41418865607498, 12.7657535004819),
        ("5GC", 143, 899, 15.9065628476085, 13.6615426206213, 18.4417082867185),
    ]

    @pytest.mark.parametrize(("area", "x", "n", "value", "lower", "upper"), FINGERTIPS)
    def test_fingertips_published_intervals(self, area, x, n, value, lower, upper):
        assert close(100 * x / n, value, 1e-12)
        low, high = wilson_ci(x, n)
        assert close(100 * low, lower, 1e-12)
        assert close(100 * high, upper, 1e-12)

    # DataS-DHSC/PHStatsMethods (the DHSC Python port of PHEindicatormethods):
    # ph_statistical_methods/tests/test.wilsons.py and ph_statistical_methods/archive/tests_old.py
    # (wilson(100, 10000) and phe_proportion(100, 1000) are in per cent there).
    PHSTATSMETHODS = [
        # numerator, denominator, confidence, lower, upper (None: not published)
        (20, 360, 0.95, 0.036248204600072345, None),
        (550, 2400, 0.998, 0.20375892211705743, None),
        (30, 400, 0.95, None, 0.10504770626130437),
        (76, 238, 0.998, None, 0.418131030603369),
        (100, 10000, 0.95, 0.008229336148148417, 0.012146982255114647),
        (100, 1000, 0.95, 0.0829094435930957, 0.1201519631953484),
    ]

    @pytest.mark.parametrize(("x", "n", "confidence", "lower", "upper"), PHSTATSMETHODS)
    def test_phstatsmethods_published_limits(self, x, n, confidence, lower, upper):
        low, high = wilson_ci(x, n, confidence)
        if lower is not None:
            assert close(low, lower, 1e-12)
        if upper is not None:
            assert close(high, upper, 1e-12)

    @pytest.mark.parametrize("confidence", CONFIDENCES)
    @pytest.mark.parametrize(("x", "n"), [(1, 3), (65, 100), (457, 5930), (9999, 10000), (3, 1_000_000)])
    def test_against_50_digit_evaluation(self, x, n, confidence):
        low, high = wilson_ci(x, n, float(confidence))
        exact_low, exact_high = reference.wilson(x, n, confidence)
        assert close(low, exact_low, 1e-12)
        assert close(high, exact_high, 1e-12)

    def test_none_and_all_are_exactly_zero_and_one(self):
        assert wilson_ci(0, 10)[0] == 0.0
        assert wilson_ci(10, 10)[1] == 1.0
        assert 0 < wilson_ci(0, 10)[1] < 1
        assert 0 < wilson_ci(10, 10)[0] < 1

    def test_it_takes_arrays_and_broadcasts(self):
        lower, upper = wilson_ci(np.array([[457, 225], [246, 147]]), np.array([[5930, 2273], [1972, 1339]]))
        assert lower.shape == upper.shape == (2, 2)
        assert close(100 * lower[1, 1], 9.41418865607498, 1e-12)
        lower, upper = wilson_ci([0, 5, 10], 10)
        assert isinstance(lower, np.ndarray)
        assert lower.shape == (3,)
        assert upper[2] == 1.0

    def test_scalar_in_scalar_out(self):
        lower, upper = wilson_ci(457, 5930)
        assert type(lower) is float
        assert type(upper) is float

    def test_missing_and_impossible_inputs_give_nan(self):
        lower, upper = wilson_ci([None, np.nan, 5, 11, -1, 5, 5], [10, 10, None, 10, 10, 0, -4])
        assert np.isnan(lower).all()
        assert np.isnan(upper).all()
        assert all(np.isnan(limit) for limit in wilson_ci(None, 10))


class TestByars:
    # DataS-DHSC/PHStatsMethods, ph_statistical_methods/archive/tests_old.py: byars_lower(100) and the lower
    # limit of phe_rate(100, 10000, 100000). Its byars_upper(100) = 121.62458755509265 is not used: it
    # evaluates 1/(9x + 1) where the method has 1/(9(x + 1)) (121.62793757920648 at 50 digits).
    def test_phstatsmethods_published_lower_limit(self):
        assert close(byars_ci(100)[0], 81.36210549052788, 1e-14)
        assert close(rate_ci(100, 10_000)[0], 813.6210549052789, 1e-14)

    @pytest.mark.parametrize("confidence", CONFIDENCES)
    @pytest.mark.parametrize("count", [10, 17, 65, 100, 1045, 123_456])
    def test_against_50_digit_evaluation(self, count, confidence):
        lower, upper = byars_ci(count, float(confidence))
        exact_lower, exact_upper = reference.byars(count, confidence)
        assert close(lower, exact_lower, 1e-12)
        assert close(upper, exact_upper, 1e-12)

    @pytest.mark.parametrize("count", [10, 25, 65, 389, 1045])
    def test_within_two_tenths_of_a_percent_of_exact_from_ten_events(self, count):
        # Fingertips technical guide, Confidence Intervals: Byar's method is within 0.2% of the exact
        # limits for numerators of 10 or more at 95%.
        for approximate, exact in zip(byars_ci(count), exact_poisson_ci(count), strict=True):
            assert abs(approximate - exact) / exact < 0.002

    def test_zero_events_and_small_counts_at_99_8_percent(self):
        assert byars_ci(0)[0] == 0.0
        assert byars_ci(0)[1] > 0
        # The cube goes negative for one event at 99.8%; a count's limit cannot.
        assert byars_ci(1, 0.998)[0] == 0.0

    def test_vectorised_with_missing_and_negative_counts(self):
        lower, upper = byars_ci([100, None, -1, np.nan, 65])
        assert close(lower[0], 81.36210549052788, 1e-14)
        assert np.isnan(lower[1:4]).all()
        assert np.isnan(upper[1:4]).all()
        assert close(upper[4], reference.byars(65, "0.95")[1], 1e-12)
        assert all(np.isnan(limit) for limit in byars_ci(None))


class TestExactPoisson:
    # ukhsa-collaboration/fingertips-open, PholioVisualisationWS/AnalysisTest/SpcForDsrComparerTest.cs
    # (commit 286a466b): MRSA per 100,000, 2011, 95% limits that Fingertips computed with the exact method.
    # Count = value × population / 100,000. The published digits carry the error of Fingertips' own
    # chi-squared inverse (about 1e-8), so they are compared at 5e-8 and the 50-digit limits at 1e-12.
    FINGERTIPS = [
        # area, count, population, value, lower, upper
        ("5PP", 7, 616282, 1.1358436559886544, 0.4566680649368694, 2.34027204390037),
        ("5PT", 16, 601976, 2.657913272289925, 1.5192270945178816, 4.3162846329446163),
        ("5PG", 17, 409489, 4.1515156695295845, 2.4184108857503652, 6.6469787446568454),
    ]

    @pytest.mark.parametrize(("area", "count", "population", "value", "lower", "upper"), FINGERTIPS)
    def test_fingertips_published_limits(self, area, count, population, value, lower, upper):
        assert close(count / population * 100_000, value, 1e-12)
        low, high = (limit / population * 100_000 for limit in exact_poisson_ci(count))
        assert close(low, lower, 5e-8)
        assert close(high, upper, 5e-8)
        exact_low, exact_high = reference.exact_poisson(count, "0.95")
        assert close(low, exact_low / population * 100_000, 1e-12)
        assert close(high, exact_high / population * 100_000, 1e-12)

    @pytest.mark.parametrize("confidence", CONFIDENCES)
    @pytest.mark.parametrize("count", [0, 1, 2, 5, 9, 10, 65])
    def test_limits_leave_alpha_over_two_in_each_poisson_tail(self, count, confidence):
        lower, upper = exact_poisson_ci(count, float(confidence))
        exact_lower, exact_upper = reference.exact_poisson(count, confidence)
        assert close(upper, exact_upper, 1e-12)
        if count == 0:
            assert lower == 0.0
        else:
            assert close(lower, exact_lower, 1e-12)

    def test_vectorised_with_missing_and_negative_counts(self):
        lower, upper = exact_poisson_ci(np.array([0, 7, -3, np.nan]))
        assert lower[0] == 0.0
        assert close(upper[0], reference.exact_poisson(0, "0.95")[1], 1e-12)
        assert close(lower[1], reference.exact_poisson(7, "0.95")[0], 1e-12)
        assert np.isnan(lower[2:]).all()
        assert np.isnan(upper[2:]).all()
        assert all(np.isnan(limit) for limit in exact_poisson_ci(None))
        assert type(exact_poisson_ci(7)[0]) is float


class TestRate:
    def test_fingertips_published_rate_below_ten_events(self):
        # SpcForDsrComparerTest, 5PP: 7 MRSA cases among 616,282 people.
        lower, upper = rate_ci(7, 616282)
        assert close(lower, 0.4566680649368694, 5e-8)
        assert close(upper, 2.34027204390037, 5e-8)

    def test_exact_below_ten_events_and_byars_from_ten(self):
        nine = rate_ci(9, 1000, 1000)
        assert nine == pytest.approx(exact_poisson_ci(9), rel=1e-15)
        assert nine != pytest.approx(byars_ci(9), rel=1e-6)
        ten = rate_ci(10, 1000, 1000)
        assert ten == pytest.approx(byars_ci(10), rel=1e-15)
        assert ten != pytest.approx(exact_poisson_ci(10), rel=1e-6)

    def test_the_multiplier_and_denominator_scale_the_count_limits(self):
        lower, upper = byars_ci(65)
        assert rate_ci(65, 250_000, 100_000) == pytest.approx((lower * 0.4, upper * 0.4), rel=1e-15)
        assert rate_ci(65, 250_000, 1000, 0.998) == pytest.approx(
            tuple(limit * 0.004 for limit in byars_ci(65, 0.998)), rel=1e-15
        )

    def test_vectorised_with_missing_and_impossible_inputs(self):
        lower, upper = rate_ci([7, 16, None, 5, -1, 5], [616282, 601976, 100, 0, 100, None])
        assert close(lower[0], 0.4566680649368694, 5e-8)
        assert close(upper[1], byars_ci(16)[1] / 601976 * 100_000, 1e-14)
        assert np.isnan(lower[2:]).all()
        assert np.isnan(upper[2:]).all()

    @pytest.mark.parametrize("multiplier", [0, -100, None, "100000"])
    def test_a_multiplier_that_is_not_positive_is_refused(self, multiplier):
        with pytest.raises(ValueError, match="multiplier"):
            rate_ci(5, 100, multiplier)


class TestCompareWithBenchmark:
    # ukhsa-collaboration/fingertips-open, PholioVisualisationWS/AnalysisTest/
    # SingleOverlappingCIsComparatorTest.cs (commit 286a466b): polarity 0 is low-is-good, 1 high-is-good.
    FINGERTIPS = [
        # lower, upper, benchmark, low is good, high is good
        (10, 12, 11, "similar", "similar"),
        (2.7, 3.1, 3.0, "similar", "similar"),
        (3.2, 3.5, 3.0, "worse", "better"),
        (2.2, 2.8, 3.0, "better", "worse"),
    ]

    @pytest.mark.parametrize(("lower", "upper", "benchmark", "low_good", "high_good"), FINGERTIPS)
    def test_fingertips_published_significance(self, lower, upper, benchmark, low_good, high_good):
        assert compare_with_benchmark(lower, upper, benchmark, "low") == low_good
        assert compare_with_benchmark(lower, upper, benchmark, "high") == high_good

    # SingleOverlappingCIsForTwoCILevelsComparerTest.cs: 99.8% 2.3–2.9 and 95% 2.5–2.7 around 2.6; low is
    # good. Best/Worst there are "better"/"worse" at both levels here.
    @pytest.mark.parametrize(
        ("benchmark", "at_95", "at_99_8"),
        [
            (3.0, "better", "better"),
            (2.8, "better", "similar"),
            (2.6, "similar", "similar"),
            (2.4, "worse", "similar"),
            (2.2, "worse", "worse"),
        ],
    )
    def test_fingertips_two_levels(self, benchmark, at_95, at_99_8):
        assert compare_with_benchmark(2.5, 2.7, benchmark, "low") == at_95
        assert compare_with_benchmark(2.3, 2.9, benchmark, "low") == at_99_8

    def test_the_benchmark_on_a_limit_is_similar(self):
        assert compare_with_benchmark(2.5, 2.7, 2.5, "high") == "similar"
        assert compare_with_benchmark(2.5, 2.7, 2.7, "high") == "similar"
        assert compare_with_benchmark(2.5, 2.7, np.nextafter(2.7, 3), "high") == "worse"
        assert compare_with_benchmark(2.5, 2.7, np.nextafter(2.5, 2), "high") == "better"

    def test_with_wilson_limits_fingertips_published_significance(self):
        # SpcForProportionsComparerTest.cs, indicator 514 (low is good), England 12.8379546895717%.
        england = 0.128379546895717
        assert compare_with_benchmark(*wilson_ci(147, 1339), england, "low") == "better"
        assert compare_with_benchmark(*wilson_ci(147, 1339, 0.998), england, "low") == "similar"
        assert compare_with_benchmark(*wilson_ci(143, 899), england, "low") == "worse"
        assert compare_with_benchmark(*wilson_ci(143, 899, 0.998), england, "low") == "similar"

    def test_no_polarity_judges_only_similarity(self):
        assert compare_with_benchmark(3.2, 3.5, 3.0, None) == "not compared"
        assert compare_with_benchmark(2.2, 2.8, 3.0, None) == "not compared"
        assert compare_with_benchmark(2.7, 3.1, 3.0, None) == "similar"
        assert benchmark_direction(3.2, 3.5, 3.0) == "higher"
        assert benchmark_direction(2.2, 2.8, 3.0) == "lower"
        assert benchmark_direction(2.7, 3.1, 3.0) == "similar"

    def test_missing_or_reversed_limits_are_not_compared(self):
        for lower, upper, benchmark in [(None, 3, 2), (1, np.nan, 2), (1, 3, None), (3, 1, 2)]:
            assert compare_with_benchmark(lower, upper, benchmark, "high") == "not compared"
            assert benchmark_direction(lower, upper, benchmark) == "not compared"

    def test_vectorised(self):
        result = compare_with_benchmark([3.2, 2.2, 2.7, None], [3.5, 2.8, 3.1, 1], 3.0, "high")
        assert isinstance(result, np.ndarray)
        assert list(result) == ["better", "worse", "similar", "not compared"]
        assert list(benchmark_direction([3.2, 2.2], [3.5, 2.8], [3.0, 3.0])) == ["higher", "lower"]
        assert type(compare_with_benchmark(3.2, 3.5, 3.0, "high")) is str

    def test_polarity_is_checked(self):
        with pytest.raises(ValueError, match="polarity"):
            compare_with_benchmark(1, 2, 3, "up")
        assert compare_with_benchmark(3.2, 3.5, 3.0, "High") == "better"


class TestQuartiles:
    def test_fingertips_published_boundaries(self):
        # fingertips-open, PholioVisualisationWS/AnalysisTest/QuartilesCalculatorTest.cs: values 1 to 50.
        assert quartile_boundaries(range(1, 51)) == (13.25, 25.5, 37.75)

    def test_type_7_interpolation_over_the_values_present(self):
        values = [9, None, 2, 7, np.nan, 4, 1, 12]  # present, sorted: 1 2 4 7 9 12
        # h = (m − 1)p + 1 with m = 6: 2.25, 3.5, 4.75
        expected = (2 + 0.25 * (4 - 2), 4 + 0.5 * (7 - 4), 7 + 0.75 * (9 - 7))
        assert quartile_boundaries(values) == pytest.approx(expected, rel=1e-15)
        assert all(np.isnan(q) for q in quartile_boundaries([None, np.nan]))

    # LAIT (dfe-analytical-services/local-authority-interactive-tool), tests/testthat/test-fn_analysis.R,
    # calculate_quartile_band with bands 0/25/50/75/100: 10 A, 30 B, 60 C, 80 D and, on the boundaries,
    # 0 A, 25 A, 50 B, 75 C, 100 D. These nine values have exactly those quartiles (h = 3, 5, 7).
    LAIT_VALUES = [0, 10, 25, 30, 50, 60, 75, 80, 100]

    def test_lait_published_bands_when_low_is_good(self):
        assert quartile_boundaries(self.LAIT_VALUES) == (25, 50, 75)
        assert quartile_bands(self.LAIT_VALUES, "low") == ["A", "A", "A", "B", "B", "C", "C", "D", "D"]

    def test_a_boundary_value_takes_the_better_band_when_high_is_good(self):
        # LAIT itself puts 75, 50 and 25 in B, C and D here (R/fn_analysis.R); decision 0010 explains.
        assert quartile_bands(self.LAIT_VALUES, "high") == ["D", "D", "C", "C", "B", "B", "A", "A", "A"]

    def test_lait_boundaries_reproduce_dfe_tool_when_high_is_good(self):
        # What LAIT shows for a high-is-good measure: 25, 50 and 75 close the worse band.
        assert quartile_bands(self.LAIT_VALUES, "high", boundary="lait") == [
            "D",
            "D",
            "D",
            "C",
            "C",
            "B",
            "B",
            "A",
            "A",
        ]
        low = quartile_bands(self.LAIT_VALUES, "low")
        assert quartile_bands(self.LAIT_VALUES, "low", boundary="lait") == low

    def test_an_unknown_boundary_rule_is_refused(self):
        with pytest.raises(ValueError, match="boundary"):
            quartile_bands([1, 2], "high", boundary="worse")

    @pytest.mark.parametrize("polarity", ["high", "low"])
    def test_153_authorities_fall_39_38_38_38_either_way(self, polarity):
        # h = 152p + 1 puts each quartile exactly on a value (the 39th, 77th, 115th).
        bands = quartile_bands(np.random.default_rng(7).permutation(153) * 0.37, polarity)
        assert [bands.count(band) for band in "ABCD"] == [39, 38, 38, 38]

    def test_polarity_reverses_the_bands_of_distinct_values(self):
        values = [3.5, 1.25, 8, 6, 2, 9.75, 4, 7]
        flip = dict(zip("ABCD", "DCBA", strict=True))
        assert quartile_bands(values, "high") == [flip[band] for band in quartile_bands(values, "low")]

    def test_ties_share_a_band(self):
        assert quartile_bands([5, 5, 5, 5, 1], "high") == ["A", "A", "A", "A", "D"]
        assert quartile_bands([5, 5, 5, 5, 1], "low") == ["A", "A", "A", "A", "A"]

    def test_missing_values_and_no_polarity(self):
        assert quartile_bands([1, None, 2, 3, np.nan, 4, 5], "low") == ["A", None, "A", "B", None, "C", "D"]
        assert quartile_bands([1, 2, 3], None) == [None, None, None]
        assert quartile_bands(np.array([]), "low") == []
        assert quartile_bands([None, None], "high") == [None, None]


class TestRanks:
    # LAIT, tests/testthat/test-fn_analysis.R, calculate_rank (ascending, ties.method "min").
    @pytest.mark.parametrize(
        ("values", "expected"),
        [
            ([10, 20, 30, 40, 50], [1, 2, 3, 4, 5]),
            ([10, 20, 20, 30, 40], [1, 2, 2, 4, 5]),
            ([10, None, 30, 20, None], [1, None, 3, 2, None]),
            ([None, None, None], [None, None, None]),
        ],
    )
    def test_lait_published_ranks_when_low_is_good(self, values, expected):
        assert ranks(values, "low") == expected

    def test_high_is_good_ranks_the_highest_first(self):
        assert ranks([10, 20, 20, 30, 40], "high") == [5, 3, 3, 2, 1]
        assert ranks([np.nan, 7.5, 7.5, 7.5, -1], "high") == [None, 1, 1, 1, 4]

    def test_ranks_are_ints_and_no_polarity_gives_none(self):
        assert all(type(rank) is int for rank in ranks(np.array([3.0, 1.0, 2.0]), "low"))
        assert ranks([3, 1, 2], None) == [None, None, None]
        assert ranks([], "low") == []


# A stable baseline: mean 0.5, mean moving range 1, limits 0.5 ± 2.66, two-thirds lines 0.5 ± 1.7733.
ENDS_LOW = [1.0, 0.0] * 6
ENDS_HIGH = [0.0, 1.0] * 6
BASE = len(ENDS_LOW)


def rules_at(result: XmRResult, index: int) -> set[tuple[str, str]]:
    return {(signal.rule, signal.direction) for signal in result.signals[index]}


def flagged(result: XmRResult, rule: str) -> list[int]:
    return [i for i, point in enumerate(result.signals) if any(signal.rule == rule for signal in point)]


class TestRowWise:
    """rank_rows and band_rows rank and band each row of a table on its own, as ranks and quartile_bands
    do for one list (the derived figures rank every period of an indicator at once)."""

    ROWS = np.array(
        [
            [3.0, 1.0, np.nan, 2.0, 2.0, 9.0],
            [np.nan, np.nan, np.nan, np.nan, np.nan, np.nan],
            [5.0, 4.0, 3.0, 2.0, 1.0, 0.0],
            [7.0, 7.0, 7.0, np.nan, 1.0, 4.0],
        ]
    )

    @pytest.mark.parametrize("polarity", ["high", "low"])
    def test_each_row_is_ranked_as_ranks_ranks_it(self, polarity):
        table = rank_rows(self.ROWS, polarity)
        for row, ranked in zip(self.ROWS, table, strict=True):
            expected = [np.nan if r is None else r for r in ranks(row, polarity)]
            np.testing.assert_array_equal(ranked, expected)

    CASES = list(itertools.product(["high", "low"], ["better", "lait"]))

    @pytest.mark.parametrize(("polarity", "boundary"), CASES)
    def test_each_row_is_banded_as_quartile_bands_bands_it(self, polarity, boundary):
        table = band_rows(self.ROWS, polarity, boundary)
        for row, banded in zip(self.ROWS, table, strict=True):
            expected = [-1 if b is None else "ABCD".index(b) for b in quartile_bands(row, polarity, boundary)]
            assert banded.tolist() == expected

    def test_ties_in_a_row_share_the_lowest_rank(self):
        assert rank_rows(self.ROWS[3:], "high").tolist()[0][:3] == [1.0, 1.0, 1.0]
        assert rank_rows(self.ROWS[3:], "high").tolist()[0][5] == 4.0

    def test_no_polarity_ranks_and_bands_nothing(self):
        assert np.isnan(rank_rows(self.ROWS, None)).all()
        assert (band_rows(self.ROWS, None) == -1).all()


class TestXmRLimits:
    def test_mean_moving_range_and_limits(self):
        values = [10, 12, 11, 13, 12, 15, 9]
        mean = Fraction(sum(values), len(values))
        moving = [abs(b - a) for a, b in itertools.pairwise(values)]
        mean_range = Fraction(sum(moving), len(moving))
        result = xmr(values)
        assert close(result.mean, mean, 1e-15)
        assert close(result.mean_moving_range, mean_range, 1e-15)
        assert close(result.upper, mean + Fraction("2.66") * mean_range, 1e-15)
        assert close(result.lower, mean - Fraction("2.66") * mean_range, 1e-15)
        assert np.isnan(result.moving_ranges[0])
        assert result.moving_ranges[1:] == tuple(float(m) for m in moving)

    def test_the_baseline_fixes_the_limits(self):
        result = xmr([*ENDS_LOW, 40, 50, 60], baseline=BASE)
        assert (result.mean, result.mean_moving_range) == (0.5, 1.0)
        assert result.baseline == BASE
        assert flagged(result, OUTSIDE_LIMITS) == [12, 13, 14]
        assert xmr([*ENDS_LOW, 40, 50, 60]).mean > 0.5

    def test_missing_values_are_skipped(self):
        result = xmr([1, None, 3, np.nan, 2])
        assert (result.mean, result.mean_moving_range) == (2.0, 1.5)
        assert np.isnan(result.values[1])
        assert np.isnan(result.moving_ranges[1])
        assert result.moving_ranges[2] == 2.0
        assert result.moving_ranges[4] == 1.0
        assert result.signals[1] == ()

    def test_too_few_values(self):
        for values in ([], [5], [None, 5, None]):
            result = xmr(values)
            assert np.isnan(result.mean)
            assert np.isnan(result.upper)
            assert not any(result.special_cause)

    def test_the_result_is_frozen(self):
        with pytest.raises(dataclasses.FrozenInstanceError):
            xmr([1, 2, 3]).mean = 0

    @pytest.mark.parametrize("baseline", [0, -3, 2.5, True])
    def test_a_baseline_that_is_not_a_count_is_refused(self, baseline):
        with pytest.raises(ValueError, match="baseline"):
            xmr([1, 2, 3], baseline=baseline)


class TestXmRRules:
    def test_stable_series_is_common_cause(self):
        result = xmr(ENDS_LOW)
        assert not any(result.special_cause)
        assert xmr_variation(result, "high") == ["common cause"] * BASE

    def test_a_point_beyond_a_limit_fires_and_one_on_it_does_not(self):
        upper = xmr(ENDS_LOW).upper
        lower = xmr(ENDS_LOW).lower
        assert rules_at(xmr([*ENDS_LOW, upper], baseline=BASE), BASE) == set()
        assert (OUTSIDE_LIMITS, "up") in rules_at(
            xmr([*ENDS_LOW, np.nextafter(upper, 9)], baseline=BASE), BASE
        )
        assert rules_at(xmr([*ENDS_LOW, lower], baseline=BASE), BASE) == set()
        assert (OUTSIDE_LIMITS, "down") in rules_at(
            xmr([*ENDS_LOW, np.nextafter(lower, -9)], baseline=BASE), BASE
        )

    def test_seven_points_on_one_side_is_a_shift(self):
        result = xmr([*ENDS_LOW, *[0.8] * 7], baseline=BASE)
        assert flagged(result, SHIFT) == list(range(BASE, BASE + 7))
        assert all(rules_at(result, i) == {(SHIFT, "up")} for i in range(BASE, BASE + 7))
        below = xmr([*ENDS_HIGH, *[0.2] * 7], baseline=BASE)
        assert all(rules_at(below, i) == {(SHIFT, "down")} for i in range(BASE, BASE + 7))

    def test_six_points_or_a_point_on_the_mean_is_no_shift(self):
        assert flagged(xmr([*ENDS_LOW, *[0.8] * 6], baseline=BASE), SHIFT) == []
        assert flagged(xmr([*ENDS_LOW, *[0.8] * 3, 0.5, *[0.8] * 4], baseline=BASE), SHIFT) == []

    def test_a_gap_does_not_break_a_shift(self):
        result = xmr([*ENDS_LOW, *[0.8] * 3, None, *[0.8] * 4], baseline=BASE)
        assert flagged(result, SHIFT) == [12, 13, 14, 16, 17, 18, 19]
        assert xmr_variation(result, "high")[15] is None

    def test_seven_rising_or_falling_points_are_a_trend(self):
        rising = xmr([*ENDS_LOW, 0.0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2], baseline=BASE)
        assert flagged(rising, TREND) == list(range(BASE, BASE + 7))
        assert flagged(rising, SHIFT) == []
        assert all(rules_at(rising, i) == {(TREND, "up")} for i in range(BASE, BASE + 7))
        falling = xmr([*ENDS_HIGH, 1.0, 0.8, 0.6, 0.4, 0.2, 0.0, -0.2], baseline=BASE)
        assert all(rules_at(falling, i) == {(TREND, "down")} for i in range(BASE, BASE + 7))

    def test_six_points_or_a_repeated_value_is_no_trend(self):
        assert flagged(xmr([*ENDS_LOW, 0.0, 0.2, 0.4, 0.6, 0.8, 1.0], baseline=BASE), TREND) == []
        assert flagged(xmr([*ENDS_LOW, 0.0, 0.2, 0.4, 0.4, 0.6, 0.8, 1.0, 1.2], baseline=BASE), TREND) == []

    def test_two_of_three_near_a_limit_on_one_side(self):
        result = xmr([*ENDS_LOW, 2.5, 0.5, 2.5], baseline=BASE)
        assert flagged(result, TWO_OF_THREE) == [BASE, BASE + 2]
        assert rules_at(result, BASE) == {(TWO_OF_THREE, "up")}
        low = xmr([*ENDS_LOW, -1.5, -1.5], baseline=BASE)
        assert rules_at(low, BASE + 1) == {(TWO_OF_THREE, "down")}

    def test_a_point_beyond_the_limit_counts_as_near(self):
        result = xmr([*ENDS_LOW, 3.5, 2.5], baseline=BASE)
        assert rules_at(result, BASE) == {(OUTSIDE_LIMITS, "up"), (TWO_OF_THREE, "up")}
        assert rules_at(result, BASE + 1) == {(TWO_OF_THREE, "up")}

    def test_near_points_apart_or_on_opposite_sides_do_not_fire(self):
        assert flagged(xmr([*ENDS_LOW, 2.5, 0.5, 0.5, 2.5], baseline=BASE), TWO_OF_THREE) == []
        assert flagged(xmr([*ENDS_LOW, 2.5, -1.5], baseline=BASE), TWO_OF_THREE) == []
        assert flagged(xmr([*ENDS_LOW, 2.2, 2.2], baseline=BASE), TWO_OF_THREE) == []  # inside 2/3 (2.2733)


class TestXmRVariation:
    def test_polarity_says_improvement_or_concern(self):
        result = xmr([*ENDS_LOW, *[0.8] * 7], baseline=BASE)
        high = xmr_variation(result, "high")
        low = xmr_variation(result, "low")
        assert high[:BASE] == ["common cause"] * BASE
        assert high[BASE:] == ["improvement"] * 7
        assert low[BASE:] == ["concern"] * 7
        assert xmr_variation(result, None)[BASE:] == ["neither"] * 7

    def test_a_falling_trend_is_an_improvement_when_low_is_good(self):
        result = xmr([*ENDS_HIGH, 1.0, 0.8, 0.6, 0.4, 0.2, 0.0, -0.2], baseline=BASE)
        assert xmr_variation(result, "low")[BASE:] == ["improvement"] * 7
        assert xmr_variation(result, "high")[BASE:] == ["concern"] * 7

    def test_signals_both_ways_are_a_concern(self):
        # Above the mean (shift up) and falling (trend down) at once.
        result = xmr([*ENDS_LOW, 1.6, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0], baseline=BASE)
        assert rules_at(result, BASE + 3) == {(SHIFT, "up"), (TREND, "down")}
        assert xmr_variation(result, "high")[BASE:] == ["concern"] * 7
        assert xmr_variation(result, "low")[BASE:] == ["concern"] * 7

    def test_signals_are_small_frozen_records(self):
        result = xmr([*ENDS_LOW, 3.5], baseline=BASE)
        assert result.signals[BASE][0] == Signal(OUTSIDE_LIMITS, "up")
        assert result.special_cause[BASE] is True
        assert result.special_cause[0] is False
