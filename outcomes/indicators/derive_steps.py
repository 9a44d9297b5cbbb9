"""The derived figures of one indicator, step by step, each step a named function over its periods x
areas table: the previous period and a year ago, the benchmarks (neighbours' average, region,
England), the judgements against them, ranks and bands, confidence intervals and significance,
targets, SPC and the recent trend. Each step returns columns by name; ``indicator_columns`` joins
them and keeps the cells that hold a value. The rules themselves are in ``rules.py``."""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from outcomes import stats
from outcomes.indicators import rules
from outcomes.indicators.derive_inputs import Geography, Values
from outcomes.indicators.models import Indicator, Period


@dataclass
class Table:
    """One indicator's values as a periods x areas matrix. ``matrix`` has one more row and column,
    always NaN, that "no such period" and "no such area" point to."""

    indicator: Indicator
    period_ids: list[int]
    periods: dict  # pk -> Period
    matrix: np.ndarray
    present: np.ndarray  # periods x areas: a value row exists (even a missing value)
    row_of_value: np.ndarray  # each value row's period row

    @property
    def shape(self) -> tuple[int, int]:
        return self.present.shape

    @property
    def values(self) -> np.ndarray:
        n_periods, n_areas = self.shape
        return self.matrix[:n_periods, :n_areas]

    @property
    def band(self) -> tuple:
        return (self.indicator.band_lower, self.indicator.band_upper)

    @property
    def judged(self) -> bool:
        return self.indicator.polarity != Indicator.NONE

    def empty(self) -> np.ndarray:
        return np.full(self.shape, np.nan)

    def kinds(self) -> list[str]:
        return [self.periods[pk].kind for pk in self.period_ids]


def table(indicator: Indicator, data: Values, geo: Geography, periods: dict) -> Table:
    period_ids = sorted(set(data.period.tolist()), key=lambda pk: (periods[pk].kind, periods[pk].sort_key))
    n_periods, n_areas = len(period_ids), len(geo.area_ids)
    # Each value's row in the table, looked up by period id in one step.
    row_of = np.zeros(max(period_ids) + 1, dtype=np.int64)
    row_of[period_ids] = np.arange(n_periods)
    rows = row_of[data.period]
    matrix = np.full((n_periods + 1, n_areas + 1), np.nan)
    matrix[rows, data.area] = data.value
    present = np.zeros((n_periods, n_areas), dtype=bool)
    present[rows, data.area] = True
    return Table(indicator, period_ids, periods, matrix, present, rows)


def previous_periods(t: Table) -> dict:
    """The previous period is the one before, of the same kind, in this indicator's series; a year
    ago is looked up for monthly and quarterly series only."""
    n_periods, n_areas = t.shape
    previous = np.full(n_periods, n_periods, dtype=np.int64)
    year_ago = np.full(n_periods, n_periods, dtype=np.int64)
    periods = [t.periods[pk] for pk in t.period_ids]
    by_start = {(p.kind, p.start): i for i, p in enumerate(periods)}
    for i, period in enumerate(periods):
        if i and periods[i - 1].kind == period.kind:
            previous[i] = i - 1
        if period.kind in Period.SUB_ANNUAL:
            year_ago[i] = by_start.get((period.kind, _year_before(period.start)), n_periods)
    previous_period = np.array(
        [t.period_ids[j] if j < n_periods else np.nan for j in previous.tolist()], dtype=float
    )
    return {
        "previous_period_id": np.broadcast_to(previous_period[:, None], (n_periods, n_areas)),
        "previous_value": t.matrix[previous][:, :n_areas],
        "year_ago_value": t.matrix[year_ago][:, :n_areas],
    }


def _year_before(day):
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def benchmarks(t: Table, geo: Geography) -> dict:
    """The neighbours' average (a published one for the home area where none can be taken), the
    region's and England's figures, for every area."""
    n_periods, n_areas = t.shape
    sn_average, sn_count = rules.neighbour_average(t.matrix[:n_periods][:, geo.neighbours])
    sn_count = np.where(sn_count > 0, sn_count, np.nan)
    if geo.home is not None and geo.published_neighbours is not None:
        published = t.matrix[:n_periods, geo.published_neighbours]
        use = np.isnan(sn_average[:, geo.home]) & ~np.isnan(published)
        sn_average[use, geo.home] = published[use]
    return {
        "sn_average": sn_average,
        "sn_count": sn_count,
        "region_value": t.matrix[:n_periods][:, geo.region],
        "england_value": np.broadcast_to(t.matrix[:n_periods, [geo.england]], (n_periods, n_areas)),
    }


def judgements(t: Table, columns: dict) -> dict:
    """Direction of travel and the comparisons with the benchmarks, by polarity."""
    names = ["dot", "dot_year", "sn_comparison", "region_comparison", "england_comparison"]
    if not t.judged:
        return dict.fromkeys(names, t.empty())
    polarity, places, band = t.indicator.polarity, t.indicator.decimal_places, t.band
    against = {
        "dot": columns["previous_value"],
        "dot_year": columns["year_ago_value"],
        "sn_comparison": columns["sn_average"],
        "region_comparison": columns["region_value"],
        "england_comparison": columns["england_value"],
    }
    return {
        name: (rules.direction_codes if name.startswith("dot") else rules.compare_codes)(
            t.values, other, polarity, places, band
        )
        for name, other in against.items()
    }


def ranks_and_bands(t: Table, geo: Geography) -> dict:
    """Every period at once: each row of these tables is ranked and banded on its own. Ranks are among
    every LA with a value in the period, former ones that still report included, as DfE's tool ranks;
    bands among the LAs of the current neighbour list (decisions 0014 and 0040)."""
    rank, rank_of = t.empty(), t.empty()
    quartile = np.full(t.shape, "", dtype=object)
    if t.judged:
        polarity = t.indicator.polarity
        if not t.indicator.no_quartile:
            quartile[:, geo.members] = rules.quartile_band_codes(t.values[:, geo.members], polarity, t.band)
        las = t.values[:, geo.las]
        counts = np.count_nonzero(~np.isnan(las), axis=1)[:, None].astype(float)
        rank[:, geo.las] = rules.rank_codes(las, polarity, t.band)
        rank_of[:, geo.las] = np.where(np.isnan(las), np.nan, counts)
    return {
        "rank": rank,
        "rank_of": rank_of,
        "national_rank": rank,
        "national_rank_of": rank_of,
        "quartile_band": quartile,
    }


def counts(t: Table, data: Values) -> tuple[np.ndarray, np.ndarray]:
    """Numerators and denominators as periods x areas tables (NaN where not published)."""
    numerators, denominators = t.empty(), t.empty()
    numerators[t.row_of_value, data.area] = data.numerator
    denominators[t.row_of_value, data.area] = data.denominator
    return numerators, denominators


def intervals(t: Table, geo: Geography, numerators, denominators, england) -> dict:
    """Confidence intervals where numerator and denominator exist, and significance against England
    at 95% and 99.8% (Fingertips' single-interval method)."""
    indicator, polarity = t.indicator, t.indicator.polarity
    out = {name: t.empty() for name in ("ci_lower", "ci_upper", "significance_95", "significance_998")}
    for i, a in zip(*np.nonzero(~np.isnan(numerators) & ~np.isnan(denominators)), strict=True):
        x, n = numerators[i, a], denominators[i, a]
        interval = rules.confidence_interval(indicator.unit_kind, x, n, indicator.multiplier)
        if interval is None or np.isnan(interval[0]):
            continue
        out["ci_lower"][i, a], out["ci_upper"][i, a] = interval
        benchmark = england[i, a]
        if a == geo.england or np.isnan(benchmark) or polarity not in (Indicator.HIGH, Indicator.LOW):
            continue
        out["significance_95"][i, a] = _or_nan(rules.significance(*interval, benchmark, polarity))
        wide = rules.confidence_interval(indicator.unit_kind, x, n, indicator.multiplier, 0.998)
        if wide is not None:
            out["significance_998"][i, a] = _or_nan(rules.significance(*wide, benchmark, polarity))
    return out


def _or_nan(code: int | None) -> float:
    return np.nan if code is None else float(code)


def target_figures(t: Table, geo: Geography, targets: list) -> dict:
    """The target in force for each value, whether it is met, and its RAG."""
    out = {name: t.empty() for name in ("target_id", "target_value", "on_target")}
    out["rag"] = np.full(t.shape, "", dtype=object)
    indicator = t.indicator
    by_area = defaultdict(list)
    for target in targets:
        column = geo.column_of.get(target.area_id) if target.area_id else geo.home
        if column is not None:
            by_area[column].append(target)
    for a, area_targets in by_area.items():
        for i, pk in enumerate(t.period_ids):
            if not t.present[i, a]:
                continue
            target = rules.target_in_force(area_targets, pk, t.periods[pk].end)
            if target is None:
                continue
            out["target_id"][i, a] = target.pk
            out["target_value"][i, a] = float(target.value)
            value = None if np.isnan(t.values[i, a]) else float(t.values[i, a])
            args = (value, target.value, indicator.polarity)
            met = rules.on_target(*args, target.upper_value, t.band, indicator.decimal_places)
            out["on_target"][i, a] = np.nan if met is None else float(met)
            judgement = rules.rag(
                *args,
                target.amber_tolerance,
                target.tolerance_kind,
                target.upper_value,
                t.band,
                indicator.decimal_places,
            )
            out["rag"][i, a] = judgement or ""
    return out


def spc(t: Table) -> dict:
    """XmR signals for each area's monthly and quarterly series."""
    out = t.empty()
    if t.judged:
        kinds = t.kinds()
        for kind in Period.SUB_ANNUAL:
            series = [i for i, k in enumerate(kinds) if k == kind]
            if not series:
                continue
            for a in np.flatnonzero(t.present[series].any(axis=0)).tolist():
                codes = rules.spc_codes(t.values[series, a].tolist(), t.indicator.polarity)
                out[series, a] = [np.nan if c is None else c for c in codes]
    return {"spc": out}


def recent_trend(t: Table, numerators, denominators, columns: dict) -> dict:
    """The recent trend of each annual series with counts or intervals, at each of its periods from
    the fifth on: its last five points (stats.trend), judged by polarity."""
    out = t.empty()
    if t.indicator.polarity in (Indicator.HIGH, Indicator.LOW):
        kinds = t.kinds()
        counted = ~np.isnan(numerators) & ~np.isnan(denominators)
        for kind in sorted(set(kinds) - set(Period.SUB_ANNUAL)):
            series = [i for i, k in enumerate(kinds) if k == kind]
            if len(series) < stats.TREND_POINTS:
                continue
            for a in np.flatnonzero(counted[series].any(axis=0)).tolist():
                for end in range(stats.TREND_POINTS, len(series) + 1):
                    rows = series[end - stats.TREND_POINTS : end]
                    out[rows[-1], a] = _or_nan(
                        rules.recent_trend_code(
                            t.indicator,
                            t.values[rows, a],
                            numerators[rows, a],
                            denominators[rows, a],
                            columns["ci_lower"][rows, a],
                            columns["ci_upper"][rows, a],
                        )
                    )
    return {"trend": out}


def indicator_columns(
    indicator: Indicator, data: Values, geo: Geography, periods: dict, targets: list
) -> dict:
    """Every derived column for one indicator, as arrays over its (period, area) value rows."""
    t = table(indicator, data, geo, periods)
    columns = {
        "indicator_id": np.full(t.shape, indicator.pk, dtype=np.int64),
        "area_id": np.broadcast_to(geo.area_ids[None, :], t.shape),
        "period_id": np.broadcast_to(np.array(t.period_ids, dtype=np.int64)[:, None], t.shape),
        "value": t.values,
    }
    columns |= previous_periods(t)
    columns |= benchmarks(t, geo)
    columns |= judgements(t, columns)
    columns |= ranks_and_bands(t, geo)
    numerators, denominators = counts(t, data)
    columns |= intervals(t, geo, numerators, denominators, columns["england_value"])
    columns |= target_figures(t, geo, targets)
    columns |= spc(t)
    columns |= recent_trend(t, numerators, denominators, columns)
    return {name: array[t.present] for name, array in columns.items()}
