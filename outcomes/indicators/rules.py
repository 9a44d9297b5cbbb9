"""The named rules that judge an indicator's figures: on target, RAG with tolerance, direction of
travel, comparison with a benchmark, the target in force, the statistical-neighbour average, rank
and quartile band,
significance against England, SPC signals and the recent trend.

Each rule is written once. The array forms (``*_codes``) work on NumPy arrays so that
``derive.recompute`` can judge every area at once; the scalar forms call them. Judgements are
1 (better / improving), 0 (in line / no change / similar) and -1 (worse / worsening); None or NaN
means "not judged" (no polarity, or a figure missing).
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import numpy as np

from outcomes import stats
from outcomes.indicators.models import Indicator

DOT_ARROWS = {1: "↑", 0: "→", -1: "↓"}
DOT_WORDS = {1: "improving", 0: "no change", -1: "worsening"}
COMPARISON_SYMBOLS = {1: "★", 0: "●", -1: "▲"}
COMPARISON_WORDS = {1: "better", 0: "in line", -1: "worse"}
SIGNIFICANCE_WORDS = {1: "better", 0: "similar", -1: "worse"}
RAG_WORDS = {"G": "Green", "A": "Amber", "R": "Red"}


def _float(value) -> float:
    if value is None:
        return np.nan
    return float(value)


def _code(result) -> int | None:
    value = float(result)
    return None if np.isnan(value) else int(value)


def rounded(values, places: int | None):
    """Round half away from zero to the indicator's published decimal places (None: as held)."""
    values = np.asarray(values, dtype=float)
    if places is None:
        return values
    scale = 10.0**places
    # The small nudge keeps 0.125 (held as 0.12499999...) rounding up, as it is published.
    return np.sign(values) * np.floor(np.abs(values) * scale + 0.5 + 1e-9) / scale


def goodness(values, polarity: str, band: tuple | None = None):
    """Values turned so that larger is better: a low-is-good rate is negated, a value in a target
    band scores 0 and one outside it minus its distance to the band. NaN when not judged."""
    values = np.asarray(values, dtype=float)
    if polarity == Indicator.HIGH:
        return values
    if polarity == Indicator.LOW:
        return -values
    if polarity == Indicator.BAND and band and band[0] is not None and band[1] is not None:
        lower, upper = float(band[0]), float(band[1])
        return -(np.maximum(lower - values, 0) + np.maximum(values - upper, 0))
    return np.full(values.shape, np.nan)


def compare_codes(values, benchmarks, polarity: str, places: int | None = None, band=None):
    """1 where the value is better than the benchmark by polarity, 0 where equal at the published
    decimal places, -1 where worse; NaN where either is missing or there is no polarity. This is
    LAIT's comparison with the neighbours' average, the region and England: values, no intervals."""
    a = goodness(rounded(values, places), polarity, band)
    b = goodness(rounded(benchmarks, places), polarity, band)
    with np.errstate(invalid="ignore"):
        return np.sign(a - b)


def compare(value, benchmark, polarity: str, places: int | None = None, band=None) -> int | None:
    return _code(compare_codes(_float(value), _float(benchmark), polarity, places, band))


def direction_codes(current, previous, polarity: str, places: int | None = None, band=None):
    """Direction of travel in polarity terms: a fall in a low-is-good rate is improving (1)."""
    return compare_codes(current, previous, polarity, places, band)


def direction_of_travel(current, previous, polarity: str, places: int | None = None, band=None) -> int | None:
    return _code(direction_codes(_float(current), _float(previous), polarity, places, band))


def neighbour_average(neighbour_values):
    """The statistical-neighbour figure as LAIT gives it: the simple mean of the neighbours' values
    present (last axis), and how many there were. NaN mean when none has a value."""
    values = np.asarray(neighbour_values, dtype=float)
    present = ~np.isnan(values)
    count = present.sum(axis=-1)
    total = np.where(present, values, 0.0).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(count > 0, total / np.maximum(count, 1), np.nan)
    return mean, count


def _scored(values, polarity: str, band) -> tuple[np.ndarray, stats.Polarity]:
    """What to rank and band: the values by polarity, or for a target band their nearness to it."""
    values = np.asarray(values, dtype=float)
    if polarity == Indicator.BAND:
        return goodness(values, polarity, band), "high"
    return values, stats.parse_polarity(polarity)


def rank_codes(values, polarity: str, band=None) -> np.ndarray:
    """Rank within each row (period) of a periods x areas table: 1 best by polarity, ties sharing the
    best rank, no rank (NaN) without a value or without a polarity (LAIT's rank)."""
    values = np.asarray(values, dtype=float)
    if polarity == Indicator.NONE:
        return np.full(values.shape, np.nan)
    return stats.rank_rows(*_scored(values, polarity, band))


def quartile_band_codes(values, polarity: str, band=None) -> np.ndarray:
    """Quartile band "A" (best) to "D" within each row (period), "" without a value or a polarity;
    LAIT's boundary rule so that bands match DfE's tool (decision 0010)."""
    values = np.asarray(values, dtype=float)
    if polarity == Indicator.NONE:
        return np.full(values.shape, "", dtype=object)
    codes = stats.band_rows(*_scored(values, polarity, band), boundary="lait")
    return np.array(["", "A", "B", "C", "D"], dtype=object)[codes + 1]


def _target_bounds(target_value, polarity: str, upper=None, band=None) -> tuple[float, float] | None:
    if polarity == Indicator.BAND:
        if upper is not None:
            return float(target_value), float(upper)
        if band and band[0] is not None and band[1] is not None:
            return float(band[0]), float(band[1])
        return None
    return None


def shortfall(value, target_value, polarity: str, upper=None, band=None, places: int | None = None):
    """How far the value falls short of its target in the indicator's units (0 when met), or None
    when it cannot be judged."""
    if value is None or target_value is None or polarity == Indicator.NONE:
        return None
    v = float(rounded(float(value), places))
    t = float(target_value)
    if polarity == Indicator.HIGH:
        return max(t - v, 0.0)
    if polarity == Indicator.LOW:
        return max(v - t, 0.0)
    bounds = _target_bounds(t, polarity, upper, band)
    if bounds is None:
        return None
    return max(bounds[0] - v, 0.0) + max(v - bounds[1], 0.0)


def on_target(
    value, target_value, polarity: str, upper=None, band=None, places: int | None = None
) -> bool | None:
    """On target: at or above it (high is good), at or below it (low is good), inside the band
    (target band: between the target and its upper value, or the indicator's band)."""
    gap = shortfall(value, target_value, polarity, upper, band, places)
    return None if gap is None else gap == 0


def rag(
    value,
    target_value,
    polarity: str,
    tolerance=None,
    tolerance_kind: str = "absolute",
    upper=None,
    band=None,
    places: int | None = None,
) -> str | None:
    """Green on target; Amber when missed by no more than the tolerance (in the indicator's units,
    or a per cent of the target value); Red otherwise. No tolerance: missed is Red."""
    gap = shortfall(value, target_value, polarity, upper, band, places)
    if gap is None:
        return None
    if gap == 0:
        return "G"
    if tolerance is None:
        return "R"
    allowed = float(tolerance)
    if tolerance_kind == "percent":
        allowed = abs(float(target_value)) * allowed / 100.0
    return "A" if gap <= allowed + 1e-12 else "R"


def target_in_force(targets: Iterable, period_id: int, period_end: date):
    """The target a value for a period is judged against: one set for that very period; otherwise
    the first milestone due on or after the period ends and less than a year after it (a target
    "by 31 March 2010" is for the year to March 2010, not for 2008-09, its baseline). A milestone
    already past is not carried forward: without a target of its own a period is not judged."""
    targets = list(targets)
    for target in targets:
        if target.period_id == period_id:
            return target
    year_on = _year_after(period_end)
    due = [t for t in targets if t.period_id is None and t.due is not None and period_end <= t.due < year_on]
    return min(due, key=lambda t: (t.due, t.pk or 0)) if due else None


def _year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def significance(lower, upper, benchmark, polarity: str) -> int | None:
    """Fingertips' single-interval test against a benchmark (England): similar when the benchmark
    lies inside the interval, otherwise better or worse by polarity."""
    if lower is None or upper is None or benchmark is None or polarity not in (Indicator.HIGH, Indicator.LOW):
        return None
    if any(np.isnan(float(x)) for x in (lower, upper, benchmark)):
        return None
    word = stats.compare_with_benchmark(
        float(lower), float(upper), float(benchmark), stats.parse_polarity(polarity)
    )
    return {"better": 1, "similar": 0, "worse": -1}.get(word)


def confidence_interval(unit_kind: str, numerator, denominator, multiplier=None, level: float = 0.95):
    """The interval for a value with numerator and denominator: Wilson for a percentage, the exact
    or Byars interval on the count for a rate (scaled by its multiplier). None for other units."""
    if numerator is None or denominator is None or float(denominator) <= 0 or float(numerator) < 0:
        return None
    x, n = float(numerator), float(denominator)
    if unit_kind == Indicator.PERCENTAGE:
        if x > n:
            return None
        lower, upper = stats.wilson_ci(x, n, level)
        return lower * 100.0, upper * 100.0
    if unit_kind == Indicator.RATE:
        return stats.rate_ci(x, n, float(multiplier or 1), level)
    return None


def spc_codes(values: list, polarity: str) -> list[int | None]:
    """Statistical process control for a monthly or quarterly series (XmR, "Making Data Count"):
    1 where a point is a special cause of improvement, -1 of concern, 0 common cause (or special
    cause with no polarity to judge it by); None where there is no value."""
    good = stats.parse_polarity(polarity) if polarity in (Indicator.HIGH, Indicator.LOW) else None
    chart = stats.xmr([_float(v) for v in values])
    words = stats.xmr_variation(chart, good)
    codes = {"improvement": 1, "concern": -1, "neither": 0, "common cause": 0}
    return [None if word is None else codes[word] for word in words]


def recent_trend_code(indicator, values, numerators, denominators, lower, upper) -> int | None:
    """The recent trend of the last five annual points in polarity terms: 1 improving, -1 worsening,
    0 no significant change; None where it cannot be calculated (stats.trend). A percentage with its
    counts is tested as a proportion; any other value by its confidence intervals."""
    if indicator.polarity not in (Indicator.HIGH, Indicator.LOW):
        return None
    counted = not (np.isnan(_floats(numerators)).any() or np.isnan(_floats(denominators)).any())
    if indicator.unit_kind == Indicator.PERCENTAGE and counted:
        found = stats.recent_trend_of_proportions(numerators, denominators)
    else:
        found = stats.recent_trend_of_values(values, lower, upper)
    direction = {"increasing": 1, "decreasing": -1, "no significant change": 0}.get(found.word)
    if direction is None:
        return None
    return direction if indicator.polarity == Indicator.HIGH or direction == 0 else -direction


def _floats(values) -> np.ndarray:
    return np.asarray(values, dtype=float)


def value_from_counts(unit_kind: str, numerator, denominator, multiplier=None) -> Decimal | None:
    """The value a numerator and denominator give: a percentage (x/n x 100) or a rate per N. This is
    also how a year-to-date figure is made from monthly counts, never by averaging percentages."""
    if numerator is None or denominator is None or Decimal(denominator) <= 0:
        return None
    ratio = Decimal(numerator) / Decimal(denominator)
    if unit_kind == Indicator.PERCENTAGE:
        return ratio * 100
    if unit_kind == Indicator.RATE and multiplier:
        return ratio * Decimal(multiplier)
    return None


def counts_match(value, places: int | None, computed) -> bool:
    """Whether a published value agrees with its numerator and denominator, to the precision it was
    published with: 77.8 agrees with 1767/2270 = 77.84...%."""
    tolerance = Decimal(5).scaleb(-(places or 0) - 1) if places is not None else Decimal("1e-9")
    return abs(Decimal(value) - Decimal(computed)) <= tolerance


def as_decimal(value: float | None, places: int | None = None) -> Decimal | None:
    """A computed float as the Decimal a page or export shows."""
    if value is None or np.isnan(value):
        return None
    if places is None:
        return Decimal(repr(float(value)))
    return Decimal(str(float(rounded(value, places)))).quantize(Decimal(1).scaleb(-places))


def dot_arrow(code: int | None) -> str:
    return DOT_ARROWS.get(code, "") if code is not None else ""


def comparison_symbol(code: int | None) -> str:
    return COMPARISON_SYMBOLS.get(code, "") if code is not None else ""


def published_places(values, most: int = 4) -> int | None:
    """How many decimal places a measure's values are published with, for a measure whose definition
    does not say (LAIT's "NA"): the most any value has, up to ``most`` (a value with more is an
    unrounded computation and says nothing). None when there is no value to tell."""
    held = np.asarray([v for v in values if v is not None], dtype=float)
    held = held[np.isfinite(held)]
    needed = np.full(len(held), most + 1)
    for places in range(most, -1, -1):
        needed[np.isclose(np.round(held, places), held, rtol=0, atol=1e-9)] = places
    told = needed[needed <= most]
    return int(told.max()) if len(told) else None


def shown_places(indicator, values) -> int | None:
    """The decimal places a derived figure (a neighbours' average) is shown with: as the measure
    publishes its values."""
    if indicator.decimal_places is not None:
        return indicator.decimal_places
    return published_places(values)
