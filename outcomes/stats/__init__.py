"""Numerical methods for indicators: confidence intervals, benchmarking, quartiles, ranks, SPC and
the recent trend.

Pure NumPy/SciPy, no Django: every function takes scalars, lists or arrays, treats None and NaN as missing
and cites its method. Formulas: /work/shared/docs/METHODS.md; choices: docs/decisions/0010 and 0011.
"""

from outcomes.stats._inputs import Polarity, parse_polarity
from outcomes.stats.benchmarks import (
    band_rows,
    benchmark_direction,
    compare_with_benchmark,
    quartile_bands,
    quartile_boundaries,
    rank_rows,
    ranks,
)
from outcomes.stats.intervals import byars_ci, exact_poisson_ci, rate_ci, wilson_ci
from outcomes.stats.spc import Signal, XmRResult, xmr, xmr_variation
from outcomes.stats.trend import POINTS as TREND_POINTS
from outcomes.stats.trend import Trend, recent_trend_of_proportions, recent_trend_of_values

__all__ = [
    "TREND_POINTS",
    "Polarity",
    "Signal",
    "Trend",
    "XmRResult",
    "band_rows",
    "benchmark_direction",
    "byars_ci",
    "compare_with_benchmark",
    "exact_poisson_ci",
    "parse_polarity",
    "quartile_bands",
    "quartile_boundaries",
    "rank_rows",
    "ranks",
    "rate_ci",
    "recent_trend_of_proportions",
    "recent_trend_of_values",
    "wilson_ci",
    "xmr",
    "xmr_variation",
]
