"""Statistical process control for a monthly or quarterly series: the XmR chart of NHS "Making Data Count".

Method: NHS England and NHS Improvement (2019), Making Data Count: Getting started / Strengthening your
decisions; Wheeler's XmR chart. Process limits are mean ± 2.66 × mean moving range; special cause is read
from four rules: a point outside the limits, a shift (7 or more points in a row on one side of the mean), a
trend (7 or more points in a row each higher, or each lower, than the one before) and two out of three points
in a row beyond two-thirds of the way to a limit on the same side. The choices at the edges are in
docs/decisions/0011.
"""

from dataclasses import dataclass

import numpy as np

from outcomes.stats._inputs import Polarity, as_floats, parse_polarity

SCALING = 2.66  # 3 / d2, d2 = 1.128 for moving ranges of two points
RUN_LENGTH = 7
NEAR_FRACTION = 2 / 3

OUTSIDE_LIMITS = "outside limits"
SHIFT = "shift"
TREND = "trend"
TWO_OF_THREE = "two of three near a limit"
RULES = (OUTSIDE_LIMITS, SHIFT, TREND, TWO_OF_THREE)
UP, DOWN = "up", "down"

IMPROVEMENT, CONCERN, NEITHER, COMMON_CAUSE = "improvement", "concern", "neither", "common cause"


@dataclass(frozen=True)
class Signal:
    """One rule firing at one point. direction: "up" (above the mean, or rising) or "down"."""

    rule: str
    direction: str


@dataclass(frozen=True)
class XmRResult:
    """An XmR chart: the values (NaN where missing), their limits and the special-cause signals of each point.

    moving_ranges[i] is |x[i] − previous present value| (NaN for the first and for missing points);
    baseline is how many leading points fixed the mean and limits; signals[i] is empty for common cause.
    """

    values: tuple[float, ...]
    moving_ranges: tuple[float, ...]
    mean: float
    mean_moving_range: float
    lower: float
    upper: float
    baseline: int
    signals: tuple[tuple[Signal, ...], ...]

    @property
    def special_cause(self) -> tuple[bool, ...]:
        return tuple(bool(point) for point in self.signals)


def xmr(values, baseline: int | None = None) -> XmRResult:
    """The XmR chart of a series; missing values (None, NaN) are skipped, not treated as breaks.

    baseline: compute the mean and limits from the first `baseline` points only (Making Data Count fixes
    limits after a baseline of 15 to 20 points) and judge every point against them; all points by default.
    The mean and limits are NaN, and nothing is signalled, with fewer than two present baseline values.
    """
    x = as_floats(values).ravel()
    if baseline is None:
        baseline = x.size
    elif isinstance(baseline, bool) or not isinstance(baseline, int | np.integer) or baseline < 1:
        raise ValueError(f"baseline must be a positive whole number of points, not {baseline!r}")
    where = np.flatnonzero(~np.isnan(x))
    present = x[where]
    moving = np.abs(np.diff(present))
    moving_ranges = np.full(x.size, np.nan)
    moving_ranges[where[1:]] = moving

    in_baseline = where < baseline
    base_values = present[in_baseline]
    base_ranges = moving[in_baseline[1:]]
    signals: list[tuple[Signal, ...]] = [() for _ in range(x.size)]
    if base_values.size < 2:
        mean = mean_range = lower = upper = np.nan
    else:
        mean = float(base_values.mean())
        mean_range = float(base_ranges.mean())
        lower, upper = mean - SCALING * mean_range, mean + SCALING * mean_range
        for position, point_signals in enumerate(_signals(present, mean, lower, upper)):
            signals[where[position]] = point_signals
    return XmRResult(
        values=tuple(float(value) for value in x),
        moving_ranges=tuple(float(value) for value in moving_ranges),
        mean=mean,
        mean_moving_range=mean_range,
        lower=lower,
        upper=upper,
        baseline=int(min(baseline, x.size)),
        signals=tuple(signals),
    )


def xmr_variation(result: XmRResult, polarity: Polarity) -> list[str | None]:
    """For each point: "improvement", "concern", "neither" (special cause, no polarity) or "common cause";
    None where the value is missing.

    A signal is an improvement when it points the good way ("up" when high is good). A point carrying signals
    both ways is a concern, so that no deterioration is hidden from exception reports.
    """
    good = parse_polarity(polarity)
    improving = {"high": UP, "low": DOWN, None: None}[good]
    labels: list[str | None] = []
    for value, point in zip(result.values, result.signals, strict=True):
        if np.isnan(value):
            labels.append(None)
        elif not point:
            labels.append(COMMON_CAUSE)
        elif improving is None:
            labels.append(NEITHER)
        elif all(signal.direction == improving for signal in point):
            labels.append(IMPROVEMENT)
        else:
            labels.append(CONCERN)
    return labels


def _signals(x: np.ndarray, mean: float, lower: float, upper: float) -> list[tuple[Signal, ...]]:
    """The signals of each present point, in rule order, up before down."""
    flags = {
        (OUTSIDE_LIMITS, UP): x > upper,
        (OUTSIDE_LIMITS, DOWN): x < lower,
        **_shifts(x, mean),
        **_trends(x),
        **_two_of_three(x, mean, lower, upper),
    }
    ordered = [(rule, direction) for rule in RULES for direction in (UP, DOWN)]
    return [
        tuple(Signal(rule, direction) for rule, direction in ordered if flags[rule, direction][i])
        for i in range(x.size)
    ]


def _runs(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Start, length and code of each run of equal consecutive codes."""
    if codes.size == 0:
        return np.array([], dtype=int), np.array([], dtype=int), codes
    breaks = np.flatnonzero(np.diff(codes) != 0) + 1
    starts = np.concatenate(([0], breaks))
    ends = np.concatenate((breaks, [codes.size]))
    return starts, ends - starts, codes[starts]


def _shifts(x: np.ndarray, mean: float) -> dict:
    # A point exactly on the mean is on neither side, so it ends a run.
    side = np.sign(x - mean)
    up, down = np.zeros(x.size, bool), np.zeros(x.size, bool)
    for start, length, code in zip(*_runs(side), strict=True):
        if code != 0 and length >= RUN_LENGTH:
            (up if code > 0 else down)[start : start + length] = True
    return {(SHIFT, UP): up, (SHIFT, DOWN): down}


def _trends(x: np.ndarray) -> dict:
    # Seven points make six steps; an unchanged value is no step and ends a trend.
    step = np.sign(np.diff(x))
    up, down = np.zeros(x.size, bool), np.zeros(x.size, bool)
    for start, length, code in zip(*_runs(step), strict=True):
        if code != 0 and length >= RUN_LENGTH - 1:
            (up if code > 0 else down)[start : start + length + 1] = True
    return {(TREND, UP): up, (TREND, DOWN): down}


def _two_of_three(x: np.ndarray, mean: float, lower: float, upper: float) -> dict:
    # Points beyond the limits count as near too (Western Electric's zone A test).
    near_up = x > mean + NEAR_FRACTION * (upper - mean)
    near_down = x < mean - NEAR_FRACTION * (mean - lower)
    return {
        (TWO_OF_THREE, UP): _part_of_two_in_three(near_up),
        (TWO_OF_THREE, DOWN): _part_of_two_in_three(near_down),
    }


def _part_of_two_in_three(near: np.ndarray) -> np.ndarray:
    """Near points that share a window of three consecutive points with another near point."""
    counts = np.convolve(near.astype(int), np.ones(3, int))  # counts[k] covers points k-2..k
    window_has_two = counts >= 2
    covered = np.convolve(window_has_two.astype(int), np.ones(3, int), mode="valid")  # windows k..k+2 hold i
    return near & (covered[: near.size] > 0)
