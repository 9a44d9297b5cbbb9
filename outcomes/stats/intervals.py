"""Confidence intervals for proportions, counts and rates, as Fingertips and PHEindicatormethods compute them.

Every function takes scalars, lists or arrays (broadcast together) and returns a pair of floats for scalar
input or a pair of arrays otherwise. A missing input (None or NaN) or an impossible one gives NaN, never an
exception; only a confidence that is not a proportion raises ValueError.
"""

import numpy as np
from scipy.stats import chi2

from outcomes.stats._inputs import alpha, as_floats, is_scalar, shaped, z_value

# PHE/Fingertips switch from the exact method to Byar's approximation at this many events.
BYARS_FROM = 10


def wilson_ci(numerator, denominator, confidence: float = 0.95):
    """Wilson score interval for the proportion numerator/denominator, as proportions of 1.

    Method: Wilson (1927), doi:10.1080/01621459.1927.10502953, in the form of Newcombe & Altman (2000)
    used by the Fingertips technical guide and PHEindicatormethods::wilson_lower/upper:
    (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)), z = Φ⁻¹(1 − α/2) exactly.
    NaN when a value is missing, the numerator is negative, the denominator is not positive or the
    numerator exceeds the denominator.
    """
    x, n = np.broadcast_arrays(as_floats(numerator), as_floats(denominator))
    z = z_value(confidence)
    valid = (x >= 0) & (n > 0) & (x <= n)
    with np.errstate(invalid="ignore", divide="ignore"):
        centre = 2 * x + z * z
        spread = z * np.sqrt(z * z + 4 * x * (1 - x / n))
        scale = 2 * (n + z * z)
        lower = (centre - spread) / scale
        upper = (centre + spread) / scale
    # At 0 and n the limits are exactly 0 and 1; rounding in the square root must not move them.
    lower = np.where(x == 0, 0.0, np.clip(lower, 0.0, 1.0))
    upper = np.where(x == n, 1.0, np.clip(upper, 0.0, 1.0))
    scalar = is_scalar(numerator, denominator)
    return shaped(np.where(valid, lower, np.nan), scalar), shaped(np.where(valid, upper, np.nan), scalar)


def byars_ci(count, confidence: float = 0.95):
    """Byar's approximation to the Poisson interval for an observed count O.

    Method: Breslow & Day (1987), Statistical methods in cancer research vol. II, as in the Fingertips
    technical guide: L = O(1 − 1/(9O) − z/(3√O))³, U = (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³.
    The lower limit is 0 when O is 0 and never below 0 (the approximation can dip below zero for tiny
    counts at 99.8%). NaN for a missing or negative count. Prefer rate_ci, which is exact below 10 events.
    """
    o = as_floats(count)
    z = z_value(confidence)
    valid = o >= 0
    with np.errstate(invalid="ignore", divide="ignore"):
        lower = o * (1 - 1 / (9 * o) - z / (3 * np.sqrt(o))) ** 3
        upper = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * np.sqrt(o + 1))) ** 3
    lower = np.where(o == 0, 0.0, np.maximum(lower, 0.0))
    scalar = is_scalar(count)
    return shaped(np.where(valid, lower, np.nan), scalar), shaped(np.where(valid, upper, np.nan), scalar)


def exact_poisson_ci(count, confidence: float = 0.95):
    """Exact Poisson interval for an observed count O through the chi-squared distribution.

    Method: Armitage & Berry (2002), as in the Fingertips technical guide and PHEindicatormethods:
    L = χ²(α/2; 2O)/2 (0 when O is 0), U = χ²(1 − α/2; 2O + 2)/2, quantiles from scipy.stats.chi2.
    NaN for a missing or negative count.
    """
    o = as_floats(count)
    a = alpha(confidence)
    valid = o >= 0
    with np.errstate(invalid="ignore"):
        lower = np.where(o > 0, chi2.ppf(a / 2, 2 * np.where(o > 0, o, 1)) / 2, 0.0)
        upper = chi2.isf(a / 2, 2 * np.where(valid, o, 0) + 2) / 2
    scalar = is_scalar(count)
    return shaped(np.where(valid, lower, np.nan), scalar), shaped(np.where(valid, upper, np.nan), scalar)


def rate_ci(count, denominator, multiplier=100_000, confidence: float = 0.95):
    """Interval for the crude rate count/denominator × multiplier, in the rate's units.

    Method: Fingertips technical guide, "Rates": the exact chi-squared limits (Armitage & Berry 2002) below
    10 events and Byar's limits (Breslow & Day 1987) from 10, each divided by the denominator and
    multiplied by the multiplier. NaN for a missing or negative count or a denominator that is not positive.
    """
    if isinstance(multiplier, bool) or not isinstance(multiplier, int | float) or not multiplier > 0:
        raise ValueError(f"multiplier must be a positive number, not {multiplier!r}")
    o, n = np.broadcast_arrays(as_floats(count), as_floats(denominator))
    exact_lower, exact_upper = exact_poisson_ci(o, confidence)
    byars_lower, byars_upper = byars_ci(o, confidence)
    small = o < BYARS_FROM
    with np.errstate(invalid="ignore", divide="ignore"):
        per_unit = np.where(n > 0, multiplier / n, np.nan)
    lower = np.where(small, exact_lower, byars_lower) * per_unit
    upper = np.where(small, exact_upper, byars_upper) * per_unit
    scalar = is_scalar(count, denominator)
    return shaped(lower, scalar), shaped(upper, scalar)
