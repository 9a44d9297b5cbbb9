"""Where a value stands among others: against a benchmark, in quartile bands, in rank order."""

import numpy as np

from outcomes.stats._inputs import Polarity, as_floats, is_scalar, parse_polarity

HIGHER, SIMILAR, LOWER = "higher", "similar", "lower"
BETTER, WORSE, NOT_COMPARED = "better", "worse", "not compared"
BANDS = ("A", "B", "C", "D")


def benchmark_direction(lower, upper, benchmark):
    """Whether a value is "higher", "similar" or "lower" than the benchmark, or "not compared": the words
    Fingertips uses for an indicator with no polarity.

    Method: Fingertips single-interval comparison (technical guide; fingertips-open
    SingleOverlappingCIsComparer): similar when lower ≤ benchmark ≤ upper, otherwise the value is higher
    (benchmark below the interval) or lower. "not compared" when a limit or the benchmark is missing or the
    limits are the wrong way round. Returns a str for scalar input, an object array of str otherwise.
    """
    lo, hi, bench = np.broadcast_arrays(as_floats(lower), as_floats(upper), as_floats(benchmark))
    result = np.full(lo.shape, NOT_COMPARED, dtype=object)
    usable = ~(np.isnan(lo) | np.isnan(hi) | np.isnan(bench)) & (lo <= hi)
    result[usable & (bench < lo)] = HIGHER
    result[usable & (bench > hi)] = LOWER
    result[usable & (lo <= bench) & (bench <= hi)] = SIMILAR
    return str(result[()]) if is_scalar(lower, upper, benchmark) else result


def compare_with_benchmark(lower, upper, benchmark, polarity: Polarity):
    """A value's confidence interval against a benchmark: "better", "similar", "worse" or "not compared".

    Method: Fingertips single-interval comparison (technical guide; fingertips-open
    SingleOverlappingCIsComparer): "similar" when the benchmark lies inside [lower, upper], ends included;
    otherwise higher or lower, which is "better" or "worse" by polarity ("high" or "low" is good). With no
    polarity a difference cannot be judged, so it is "not compared" ("similar" still holds); use
    benchmark_direction for Fingertips' "higher"/"lower" wording. Pass 95% limits for the usual test and 99.8%
    limits for the stricter one. See docs/decisions/0010.
    """
    direction = benchmark_direction(lower, upper, benchmark)
    good = parse_polarity(polarity)
    words = {
        HIGHER: {"high": BETTER, "low": WORSE, None: NOT_COMPARED}[good],
        LOWER: {"high": WORSE, "low": BETTER, None: NOT_COMPARED}[good],
        SIMILAR: SIMILAR,
        NOT_COMPARED: NOT_COMPARED,
    }
    if isinstance(direction, str):
        return words[direction]
    return np.vectorize(words.__getitem__, otypes=[object])(direction) if direction.size else direction


def quartile_boundaries(values) -> tuple[float, float, float]:
    """The 25th, 50th and 75th percentiles of the values present (None and NaN are left out).

    Method: linear interpolation between order statistics, h = (m − 1)p + 1 (Hyndman & Fan type 7, R's
    default quantile, numpy's "linear"), as LAIT and legacy Fingertips quartiles use. NaNs when no value
    is present.
    """
    x = as_floats(values).ravel()
    lower, median, upper = (float(q[0, 0]) for q in _row_quartiles(x[None, :]))
    return lower, median, upper


def quartile_bands(values, polarity: Polarity, boundary: str = "better") -> list[str | None]:
    """Band "A" (best quarter) to "D" (worst) for each value among the values present.

    Method: LAIT quartile banding over quartile_boundaries (type 7). With ``boundary="better"`` a value
    exactly on a boundary takes the better of the two bands, whichever way polarity runs (see
    docs/decisions/0010). ``boundary="lait"`` reproduces DfE's tool exactly: LAIT bands the values in
    ascending order with each boundary closing the lower band, so on a high-is-good measure a value on a
    boundary takes the worse band. None for a missing value, and for every value when the polarity is None
    (no judgement, as LAIT shows "-").
    """
    x = as_floats(values).ravel()
    codes = band_rows(x[None, :], polarity, boundary)[0]
    return [None if code < 0 else BANDS[code] for code in codes.tolist()]


def band_rows(matrix, polarity: Polarity, boundary: str = "better") -> np.ndarray:
    """quartile_bands for every row of a 2-D array at once (each row banded among its own values), as
    integer codes: 0 for "A" to 3 for "D", -1 where the value is missing or there is no polarity. The one
    banding computation: quartile_bands is this for one row."""
    if boundary not in ("better", "lait"):
        raise ValueError(f"boundary must be 'better' or 'lait', not {boundary!r}")
    good = parse_polarity(polarity)
    x = np.atleast_2d(as_floats(matrix))
    codes = np.full(x.shape, -1, dtype=np.int64)
    if good is None or x.size == 0:
        return codes
    q1, q2, q3 = _row_quartiles(x)
    if good == "low":
        index = np.select([x <= q1, x <= q2, x <= q3], [0, 1, 2], default=3)
    elif boundary == "lait":
        index = np.select([x > q3, x > q2, x > q1], [0, 1, 2], default=3)
    else:
        index = np.select([x >= q3, x >= q2, x >= q1], [0, 1, 2], default=3)
    present = ~np.isnan(x)
    codes[present] = index[present]
    return codes


def _row_quartiles(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Type-7 quartiles of the values present in each row, as columns (NaN for an empty row): h = (m − 1)p
    between order statistics (type 7, numpy's "linear"), for all rows at once (np.nanquantile loops over
    rows in Python)."""
    ordered = np.sort(x, axis=1)  # NaNs sort last
    present = np.count_nonzero(~np.isnan(x), axis=1)
    last = np.maximum(present - 1, 0)[:, None]
    quartiles = []
    for p in (0.25, 0.5, 0.75):
        h = last * p
        low = np.floor(h).astype(np.int64)
        high = np.minimum(low + 1, last)
        below = np.take_along_axis(ordered, low, axis=1)
        above = np.take_along_axis(ordered, high, axis=1)
        q = below + (h - low) * (above - below)
        q[present == 0] = np.nan
        quartiles.append(q)
    return tuple(quartiles)


def ranks(values, polarity: Polarity) -> list[int | None]:
    """Rank 1 for the best value: highest first when high is good, lowest first when low is good.

    Method: LAIT's rank(−x) for "High" and rank(x) for "Low" with ties.method = "min" (tied values share the
    best rank, the next rank is skipped) and missing values left out and ranked None. None for every value
    when the polarity is None.
    """
    x = as_floats(values).ravel()
    result = rank_rows(x[None, :], polarity)[0]
    return [None if np.isnan(rank) else int(rank) for rank in result.tolist()]


def rank_rows(matrix, polarity: Polarity) -> np.ndarray:
    """ranks for every row of a 2-D array at once (each row ranked among its own values), as floats with
    NaN where the value is missing or there is no polarity. The one ranking computation: ranks is this for
    one row."""
    good = parse_polarity(polarity)
    x = np.atleast_2d(as_floats(matrix))
    result = np.full(x.shape, np.nan)
    if good is None or x.size == 0:
        return result
    keys = np.where(np.isnan(x), np.inf, -x if good == "high" else x)
    order = np.argsort(keys, axis=1, kind="stable")
    ordered = np.take_along_axis(keys, order, axis=1)
    position = np.broadcast_to(np.arange(x.shape[1]), x.shape)
    # Ties take the lowest rank: each value takes the position where its run of equal values starts.
    starts = np.ones(x.shape, dtype=bool)
    starts[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    run_start = np.maximum.accumulate(np.where(starts, position, 0), axis=1)
    np.put_along_axis(result, order, run_start + 1.0, axis=1)
    result[np.isnan(x)] = np.nan
    return result
