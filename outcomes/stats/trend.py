"""The recent trend of an annual series (SPEC §2, METHODS.md 10c): is the latest run of five points
rising or falling beyond chance?

Method, as the Fingertips technical guide describes its recent-trend marker:

- the **last five points**, all needed (fewer, or one missing, and the trend "cannot be calculated");
- for a **proportion** with its numerators and denominators, the chi-squared test for trend (Armitage
  1955; Armitage & Berry 2002), scores 1 to 5: with p = ΣO/Σn and t̄ = Σn·t/Σn,
  χ² = [Σ O·(t − t̄)]² / (p(1 − p) · Σ n·(t − t̄)²), R's ``prop.trend.test``;
- for **any other value with a confidence interval** (rates, means), weighted least squares of the value
  on time with weights 1/SE², SE = (upper − lower) / (2·z): χ² = slope² / var(slope),
  var(slope) = 1 / Σ w·(t − t̄_w)²;
- significant when χ² exceeds **9.5495**, chi-squared with one degree of freedom at 99.8% (3.0902²);
- then the **leave-one-out sign check**: the slope keeps its sign with each of the five points left out in
  turn, so that one point alone cannot make the trend. A significant test that fails it is "no
  significant change".

Pure NumPy/SciPy: no Django. The choices are in docs/decisions/0041.
"""

from dataclasses import dataclass

import numpy as np
from scipy.stats import norm

from outcomes.stats._inputs import as_floats

POINTS = 5
THRESHOLD = float(norm.ppf(1 - 0.002 / 2) ** 2)  # 9.5495: chi-squared, 1 df, at 99.8%

INCREASING, DECREASING, NO_CHANGE, NOT_CALCULATED = (
    "increasing",
    "decreasing",
    "no significant change",
    "cannot be calculated",
)


@dataclass(frozen=True)
class Trend:
    """The recent trend: its word, the test statistic and the slope (per period) it was read from."""

    word: str
    chi_squared: float = float("nan")
    slope: float = float("nan")


def chi_squared_for_trend(numerators, denominators, scores=None) -> tuple[float, float]:
    """Armitage's chi-squared test for trend in proportions: (χ², slope of the proportion per score).
    NaN when it cannot be taken (a missing or impossible count, every proportion 0 or 1)."""
    x, n = as_floats(numerators), as_floats(denominators)
    t = np.arange(1.0, len(x) + 1) if scores is None else as_floats(scores)
    if (
        len(x) < 2
        or np.isnan(x).any()
        or np.isnan(n).any()
        or (n <= 0).any()
        or (x < 0).any()
        or (x > n).any()
    ):
        return float("nan"), float("nan")
    p = x.sum() / n.sum()
    centre = (n * t).sum() / n.sum()
    spread = (n * (t - centre) ** 2).sum()
    if p <= 0 or p >= 1 or spread <= 0:
        return float("nan"), float("nan")
    score = (x * (t - centre)).sum()
    return float(score**2 / (p * (1 - p) * spread)), float(score / spread)


def weighted_trend(values, lower, upper, confidence: float = 0.95, times=None) -> tuple[float, float]:
    """Weighted least squares of the values on time, weights from their confidence intervals:
    (χ² = slope² / its variance, slope per period). NaN when an interval is missing or has no width."""
    y, low, high = as_floats(values), as_floats(lower), as_floats(upper)
    t = np.arange(1.0, len(y) + 1) if times is None else as_floats(times)
    z = float(norm.ppf(1 - (1 - confidence) / 2))
    se = (high - low) / (2 * z)
    if len(y) < 2 or np.isnan(y).any() or np.isnan(se).any() or (se <= 0).any():
        return float("nan"), float("nan")
    w = 1 / se**2
    centre = (w * t).sum() / w.sum()
    spread = (w * (t - centre) ** 2).sum()
    if spread <= 0:
        return float("nan"), float("nan")
    slope = (w * (t - centre) * (y - (w * y).sum() / w.sum())).sum() / spread
    return float(slope**2 * spread), float(slope)


def _judge(test, columns: list[np.ndarray]) -> Trend:
    if any(len(c) < POINTS for c in columns):
        return Trend(NOT_CALCULATED)
    last = [c[-POINTS:] for c in columns]
    chi2, slope = test(*last)
    if np.isnan(chi2):
        return Trend(NOT_CALCULATED)
    if chi2 <= THRESHOLD or slope == 0:
        return Trend(NO_CHANGE, chi2, slope)
    for left_out in range(POINTS):
        keep = [i for i in range(POINTS) if i != left_out]
        times = np.arange(1.0, POINTS + 1)[keep]
        _, part = test(*(c[keep] for c in last), times)
        if np.isnan(part) or np.sign(part) != np.sign(slope):
            return Trend(NO_CHANGE, chi2, slope)
    return Trend(INCREASING if slope > 0 else DECREASING, chi2, slope)


def recent_trend_of_proportions(numerators, denominators) -> Trend:
    """The recent trend of a proportion from the numerators and denominators of its series, oldest
    first (only the last five are used)."""
    return _judge(chi_squared_for_trend, [as_floats(numerators), as_floats(denominators)])


def recent_trend_of_values(values, lower, upper, confidence: float = 0.95) -> Trend:
    """The recent trend of a rate, mean or other value from its series and confidence intervals,
    oldest first (only the last five are used)."""

    def test(y, lo, hi, times=None):
        return weighted_trend(y, lo, hi, confidence, times)

    return _judge(test, [as_floats(values), as_floats(lower), as_floats(upper)])
