"""Recompute ``DerivedFigure`` from values, targets, areas and the current neighbour list.

For each indicator the values become a periods x areas matrix, so that the neighbours' averages,
the region and England figures, comparisons and directions of travel are taken for every area at
once (the rules in ``rules.py`` work on arrays); ranks and quartile bands come from
``outcomes.stats`` for each period. The rows are then written with one ``executemany``: the table
is rebuilt, never edited.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction

from outcomes import stats
from outcomes.indicators import rules
from outcomes.indicators.areas import current_neighbour_set, home_area
from outcomes.indicators.exceptions import refresh_exceptions as refresh
from outcomes.indicators.models import (
    Area,
    DerivedFigure,
    Indicator,
    Period,
    StatisticalNeighbour,
    StatisticalNeighbourMember,
    Target,
    Value,
)

# An area holding a published statistical-neighbour average (seed documents give one, not the
# neighbours' values). It stands in for the home area's neighbour average where none can be taken.
PUBLISHED_NEIGHBOURS_AREA = "Statistical neighbours (published average)"

KEYS = ["indicator_id", "area_id", "period_id"]
# Written for every row.
COMMON = [
    *KEYS,
    "value",
    "previous_period_id",
    "previous_value",
    "dot",
    "sn_average",
    "sn_count",
    "region_value",
    "england_value",
    "sn_comparison",
    "region_comparison",
    "england_comparison",
    "rank",
    "rank_of",
    "national_rank",
    "national_rank_of",
    "quartile_band",
]
# Empty for most rows (they need sub-annual series, counts or targets); written only where set,
# which keeps the bulk write of the national data fast.
RARE = [
    "year_ago_value",
    "dot_year",
    "significance_95",
    "significance_998",
    "ci_lower",
    "ci_upper",
    "target_id",
    "target_value",
    "on_target",
    "rag",
    "spc",
]
COLUMNS = COMMON + RARE
TEXT_COLUMNS = {"quartile_band", "rag"}
FLOAT_COLUMNS = {
    "value",
    "previous_value",
    "year_ago_value",
    "sn_average",
    "region_value",
    "england_value",
    "ci_lower",
    "ci_upper",
    "target_value",
}


@dataclass
class _Geography:
    area_ids: np.ndarray  # column -> area id
    column_of: dict[int, int]
    england: int  # column, or the NaN column
    region: np.ndarray  # column -> its region's column (or the NaN column)
    neighbours: np.ndarray  # column x 10 -> neighbour columns (or the NaN column)
    members: np.ndarray  # columns of the active LAs of the current neighbour list
    las: np.ndarray  # columns of every LA
    home: int | None
    published_neighbours: int | None


def _geography() -> _Geography:
    areas = list(Area.objects.order_by("pk").values_list("pk", "kind", "region_id", "name"))
    ids = np.array([a[0] for a in areas], dtype=np.int64)
    column_of = {pk: i for i, pk in enumerate(ids.tolist())}
    nan_column = len(ids)
    england = next((column_of[a[0]] for a in areas if a[1] == Area.ENGLAND), nan_column)
    region = np.array(
        [column_of.get(a[2], nan_column) if a[2] else nan_column for a in areas], dtype=np.int64
    )
    neighbours = np.full((len(ids), 10), nan_column, dtype=np.int64)
    members = np.array([], dtype=np.int64)
    sn_set = current_neighbour_set()
    if sn_set is not None:
        for area_id, position, neighbour_id in StatisticalNeighbour.objects.filter(
            neighbour_set=sn_set, position__lte=10
        ).values_list("area_id", "position", "neighbour_id"):
            neighbours[column_of[area_id], position - 1] = column_of[neighbour_id]
        listed = StatisticalNeighbourMember.objects.filter(neighbour_set=sn_set, area__active=True)
        members = np.array(
            sorted(column_of[a] for a in listed.values_list("area_id", flat=True)), dtype=np.int64
        )
    las = np.array([column_of[a[0]] for a in areas if a[1] == Area.LA], dtype=np.int64)
    home = home_area()
    published = next((column_of[a[0]] for a in areas if a[3] == PUBLISHED_NEIGHBOURS_AREA), None)
    return _Geography(
        ids,
        column_of,
        england,
        region,
        neighbours,
        members,
        las,
        column_of.get(home.pk) if home else None,
        published,
    )


@dataclass
class _Values:
    indicator: np.ndarray
    area: np.ndarray  # column index
    period: np.ndarray
    value: np.ndarray
    numerator: np.ndarray
    denominator: np.ndarray


def _load_values(indicator_ids: list[int] | None, geo: _Geography) -> _Values:
    """Every value of the indicators as arrays, read without model instances. Numerators and
    denominators are rare, so they are read by a second query of the rows that have them."""
    table = Value._meta.db_table
    where, chunks = "", [None]
    if indicator_ids is not None:
        chunks = [indicator_ids[i : i + 500] for i in range(0, len(indicator_ids), 500)]
    rows: list = []
    counted: list = []
    with connection.cursor() as cursor:
        for chunk in chunks:
            params: list = []
            if chunk is not None:
                where = f" AND indicator_id IN ({', '.join(['%s'] * len(chunk))})"
                params = list(chunk)
            cursor.execute(
                f"SELECT indicator_id, area_id, period_id, CASE WHEN value IS NULL THEN 1 ELSE 0 END, "
                f"COALESCE(value, 0) FROM {table} WHERE 1 = 1{where}",
                params,
            )
            rows.extend(cursor.fetchall())
            cursor.execute(
                f"SELECT indicator_id, area_id, period_id, numerator, denominator FROM {table} "
                f"WHERE numerator IS NOT NULL AND denominator IS NOT NULL{where}",
                params,
            )
            counted.extend(cursor.fetchall())
    shape = [("indicator", "i8"), ("area", "i8"), ("period", "i8"), ("missing", "i8"), ("value", "f8")]
    table_rows = np.array(rows, dtype=shape) if rows else np.zeros(0, dtype=shape)
    lookup = np.full(int(geo.area_ids.max(initial=0)) + 1, -1, dtype=np.int64)
    lookup[geo.area_ids] = np.arange(len(geo.area_ids))
    value = table_rows["value"].copy()
    value[table_rows["missing"] == 1] = np.nan
    numerator = np.full(len(table_rows), np.nan)
    denominator = np.full(len(table_rows), np.nan)
    if counted:
        position = {(r[0], r[1], r[2]): i for i, r in enumerate(rows)}
        for ind, area, period, num, den in counted:
            i = position[(ind, area, period)]
            numerator[i], denominator[i] = float(num), float(den)
    return _Values(
        indicator=table_rows["indicator"],
        area=lookup[table_rows["area"]],
        period=table_rows["period"],
        value=value,
        numerator=numerator,
        denominator=denominator,
    )


def _scored(values: np.ndarray, polarity: str, band) -> tuple[np.ndarray, str]:
    """What to rank and band: the values by polarity, or for a target band their nearness to it."""
    if polarity == Indicator.BAND:
        return rules.goodness(values, polarity, band), Indicator.HIGH
    return values, polarity


def _ranks(values: np.ndarray, polarity: str, band) -> np.ndarray:
    """Ranks within each row (period) of a periods x areas table."""
    scored, good = _scored(values, polarity, band)
    return stats.rank_rows(scored, good)


def _bands(values: np.ndarray, polarity: str, band) -> np.ndarray:
    """Quartile bands within each row (period), "" where there is none."""
    scored, good = _scored(values, polarity, band)
    # LAIT's own boundary rule, so that bands match DfE's tool (docs/decisions/0010).
    codes = stats.band_rows(scored, good, boundary="lait")
    return np.array(["", "A", "B", "C", "D"], dtype=object)[codes + 1]


def _indicator_columns(
    indicator: Indicator, data: _Values, geo: _Geography, periods: dict, targets: list
) -> dict:
    """Every derived column for one indicator, as arrays over its (period, area) value rows."""
    polarity = indicator.polarity
    places = indicator.decimal_places
    band = (indicator.band_lower, indicator.band_upper)
    judged = polarity != Indicator.NONE

    period_ids = sorted(set(data.period.tolist()), key=lambda pk: (periods[pk].kind, periods[pk].sort_key))
    row_of = {pk: i for i, pk in enumerate(period_ids)}
    n_periods, n_areas = len(period_ids), len(geo.area_ids)
    p_index = np.fromiter((row_of[p] for p in data.period.tolist()), dtype=np.int64, count=len(data.period))
    matrix = np.full((n_periods + 1, n_areas + 1), np.nan)  # the extra row and column stay NaN
    matrix[p_index, data.area] = data.value
    present = np.zeros((n_periods, n_areas), dtype=bool)
    present[p_index, data.area] = True
    values = matrix[:n_periods, :n_areas]

    # The previous period is the one before, of the same kind, in this indicator's series; a year
    # ago is looked up for monthly and quarterly series only.
    previous = np.full(n_periods, n_periods, dtype=np.int64)
    year_ago = np.full(n_periods, n_periods, dtype=np.int64)
    by_start = {(periods[pk].kind, periods[pk].start): i for i, pk in enumerate(period_ids)}
    for i, pk in enumerate(period_ids):
        period = periods[pk]
        if i and periods[period_ids[i - 1]].kind == period.kind:
            previous[i] = i - 1
        if period.kind in Period.SUB_ANNUAL:
            try:
                start = period.start.replace(year=period.start.year - 1)
            except ValueError:  # 29 February
                start = period.start.replace(year=period.start.year - 1, day=28)
            year_ago[i] = by_start.get((period.kind, start), n_periods)
    previous_values = matrix[previous][:, :n_areas]
    year_ago_values = matrix[year_ago][:, :n_areas]
    previous_period = np.array(
        [period_ids[j] if j < n_periods else np.nan for j in previous.tolist()], dtype=float
    )

    sn_average, sn_count = rules.neighbour_average(matrix[:n_periods][:, geo.neighbours])
    sn_count = np.where(sn_count > 0, sn_count, np.nan)
    if geo.home is not None and geo.published_neighbours is not None:
        published = matrix[:n_periods, geo.published_neighbours]
        use = np.isnan(sn_average[:, geo.home]) & ~np.isnan(published)
        sn_average[use, geo.home] = published[use]
    region_values = matrix[:n_periods][:, geo.region]
    england_values = np.broadcast_to(matrix[:n_periods, [geo.england]], (n_periods, n_areas))

    nan = np.full((n_periods, n_areas), np.nan)
    if judged:
        dot = rules.direction_codes(values, previous_values, polarity, places, band)
        dot_year = rules.direction_codes(values, year_ago_values, polarity, places, band)
        sn_comparison = rules.compare_codes(values, sn_average, polarity, places, band)
        region_comparison = rules.compare_codes(values, region_values, polarity, places, band)
        england_comparison = rules.compare_codes(values, england_values, polarity, places, band)
    else:
        dot = dot_year = sn_comparison = region_comparison = england_comparison = nan

    rank, rank_of, national_rank, national_rank_of = nan.copy(), nan.copy(), nan, nan
    quartile = np.full((n_periods, n_areas), "", dtype=object)
    if judged:
        # Every period at once: each row of these tables is ranked and banded on its own. Ranks
        # are among every LA with a value in the period, former ones that still report included,
        # as DfE's tool ranks; bands among the LAs of the current neighbour list (decision 0040).
        if not indicator.no_quartile:
            quartile[:, geo.members] = _bands(values[:, geo.members], polarity, band)
        la_values = values[:, geo.las]
        la_counts = np.count_nonzero(~np.isnan(la_values), axis=1)[:, None].astype(float)
        rank[:, geo.las] = _ranks(la_values, polarity, band)
        rank_of[:, geo.las] = np.where(np.isnan(la_values), np.nan, la_counts)
        national_rank, national_rank_of = rank, rank_of

    significance_95, significance_998 = nan.copy(), nan.copy()
    ci_lower, ci_upper = nan.copy(), nan.copy()
    counted_rows = np.flatnonzero(~np.isnan(data.numerator) & ~np.isnan(data.denominator))
    for r in counted_rows.tolist():
        i, a = p_index[r], data.area[r]
        numerator, denominator = data.numerator[r], data.denominator[r]
        interval = rules.confidence_interval(
            indicator.unit_kind, numerator, denominator, indicator.multiplier
        )
        if interval is None or np.isnan(interval[0]):
            continue
        ci_lower[i, a], ci_upper[i, a] = interval
        benchmark = england_values[i, a]
        if a == geo.england or np.isnan(benchmark) or polarity not in (Indicator.HIGH, Indicator.LOW):
            continue
        significance_95[i, a] = _or_nan(rules.significance(*interval, benchmark, polarity))
        wide = rules.confidence_interval(
            indicator.unit_kind, numerator, denominator, indicator.multiplier, 0.998
        )
        if wide is not None:
            significance_998[i, a] = _or_nan(rules.significance(*wide, benchmark, polarity))

    target_id, target_value, on_target = nan.copy(), nan.copy(), nan.copy()
    rag = np.full((n_periods, n_areas), "", dtype=object)
    if targets:
        by_area = defaultdict(list)
        for target in targets:
            column = geo.column_of.get(target.area_id) if target.area_id else geo.home
            if column is not None:
                by_area[column].append(target)
        for a, area_targets in by_area.items():
            for i, pk in enumerate(period_ids):
                if not present[i, a]:
                    continue
                target = rules.target_in_force(area_targets, pk, periods[pk].end)
                if target is None:
                    continue
                target_id[i, a] = target.pk
                target_value[i, a] = float(target.value)
                value = None if np.isnan(values[i, a]) else float(values[i, a])
                met = rules.on_target(value, target.value, polarity, target.upper_value, band, places)
                on_target[i, a] = np.nan if met is None else float(met)
                judgement = rules.rag(
                    value,
                    target.value,
                    polarity,
                    target.amber_tolerance,
                    target.tolerance_kind,
                    target.upper_value,
                    band,
                    places,
                )
                rag[i, a] = judgement or ""

    spc = nan.copy()
    if judged:
        for kind in Period.SUB_ANNUAL:
            series = [i for i, pk in enumerate(period_ids) if periods[pk].kind == kind]
            if not series:
                continue
            for a in np.flatnonzero(present[series].any(axis=0)).tolist():
                codes = rules.spc_codes(values[series, a].tolist(), polarity)
                spc[series, a] = [np.nan if c is None else c for c in codes]

    arrays = {
        "indicator_id": np.full((n_periods, n_areas), indicator.pk, dtype=np.int64),
        "area_id": np.broadcast_to(geo.area_ids[None, :], (n_periods, n_areas)),
        "period_id": np.broadcast_to(np.array(period_ids, dtype=np.int64)[:, None], (n_periods, n_areas)),
        "value": values,
        "previous_period_id": np.broadcast_to(previous_period[:, None], (n_periods, n_areas)),
        "previous_value": previous_values,
        "dot": dot,
        "year_ago_value": year_ago_values,
        "dot_year": dot_year,
        "sn_average": sn_average,
        "sn_count": sn_count,
        "region_value": region_values,
        "england_value": england_values,
        "sn_comparison": sn_comparison,
        "region_comparison": region_comparison,
        "england_comparison": england_comparison,
        "significance_95": significance_95,
        "significance_998": significance_998,
        "ci_lower": ci_lower,
        "ci_upper": ci_upper,
        "rank": rank,
        "rank_of": rank_of,
        "national_rank": national_rank,
        "national_rank_of": national_rank_of,
        "quartile_band": quartile,
        "target_id": target_id,
        "target_value": target_value,
        "on_target": on_target,
        "rag": rag,
        "spc": spc,
    }
    return {name: array[present] for name, array in arrays.items()}


def _or_nan(code: int | None) -> float:
    return np.nan if code is None else float(code)


def compute(ids: list[int] | None) -> dict[str, np.ndarray] | None:
    """Every derived column for the indicators ``ids`` (None: all), one entry per value row,
    ordered by area, indicator and period (the order of the table's index, so writing is fast)."""
    geo = _geography()
    data = _load_values(ids, geo)
    if not len(data.indicator):
        return None
    periods = {p.pk: p for p in Period.objects.all()}
    chosen = Indicator.objects.all() if ids is None else Indicator.objects.filter(pk__in=ids)
    indicator_map = {i.pk: i for i in chosen}
    targets = defaultdict(list)
    for target in Target.objects.filter(indicator_id__in=list(indicator_map)):
        targets[target.indicator_id].append(target)

    order = np.argsort(data.indicator, kind="stable")
    bounds = np.flatnonzero(np.diff(data.indicator[order])) + 1
    collected: dict[str, list] = {name: [] for name in COLUMNS}
    for group in np.split(order, bounds):
        pk = int(data.indicator[group[0]])
        indicator = indicator_map.get(pk)
        if indicator is None:
            continue
        part = _Values(*(getattr(data, f)[group] for f in _Values.__dataclass_fields__))
        columns = _indicator_columns(indicator, part, geo, periods, targets.get(pk, []))
        for name in COLUMNS:
            collected[name].append(columns[name])
    if not collected["indicator_id"]:
        return None
    arrays = {name: np.concatenate(parts) for name, parts in collected.items()}
    order = np.lexsort((arrays["period_id"], arrays["indicator_id"], arrays["area_id"]))
    return {name: array[order] for name, array in arrays.items()}


def _delete(ids: list[int] | None) -> None:
    table = DerivedFigure._meta.db_table
    with connection.cursor() as cursor:
        if ids is None:
            cursor.execute(f"DELETE FROM {table}")
            return
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            cursor.execute(
                f"DELETE FROM {table} WHERE indicator_id IN ({', '.join(['%s'] * len(chunk))})", chunk
            )


def _column(array: np.ndarray, name: str, nan_is_null: bool) -> list:
    if name in TEXT_COLUMNS:
        return array.tolist()
    if array.dtype.kind == "i":
        return array.tolist()
    if name == "on_target" and not nan_is_null:
        return [None if np.isnan(v) else bool(v) for v in array.tolist()]
    if name not in FLOAT_COLUMNS:
        # Whole numbers and flags: SQLite keeps a whole float in an integer column as an integer.
        if not nan_is_null:
            out = array.astype(object)
            missing = np.isnan(array)
            out[~missing] = array[~missing].astype(np.int64)
            out[missing] = None
            return out.tolist()
        return array.tolist()
    if nan_is_null:
        return array.tolist()
    out = array.astype(object)
    out[np.isnan(array)] = None
    return out.tolist()


def _write(arrays: dict[str, np.ndarray]) -> int:
    """Insert the rows, grouped by which columns they have: a column that is empty for a whole
    group is left out of its INSERT (binding parameters is most of the cost on SQLite)."""
    # SQLite stores a bound NaN as NULL, which spares converting 641,070 rows to None.
    nan_is_null = connection.vendor == "sqlite"
    table = DerivedFigure._meta.db_table
    optional = [name for name in COLUMNS if name not in KEYS]
    pattern = np.zeros(len(arrays["indicator_id"]), dtype=np.int64)
    for bit, name in enumerate(optional):
        array = arrays[name]
        filled = (array != "") if name in TEXT_COLUMNS else ~np.isnan(array)
        pattern |= filled.astype(np.int64) << bit
    written = 0
    limit = _parameter_limit()
    # On SQLite the driver's own cursor takes "?" directly: Django's wrapper rewrites every "%s" of a
    # statement with a regular expression, which on these long statements costs as much as the insert.
    connection.ensure_connection()
    raw = connection.vendor == "sqlite"
    marker = "?" if raw else "%s"
    with connection.cursor() as wrapper:
        cursor = connection.connection.cursor() if raw else wrapper
        for code in np.unique(pattern).tolist():
            rows = pattern == code
            names = KEYS + [name for bit, name in enumerate(optional) if code >> bit & 1]
            count = int(np.count_nonzero(rows))
            block = np.empty((count, len(names)), dtype=object)
            for j, name in enumerate(names):
                block[:, j] = _column(arrays[name][rows], name, nan_is_null)
            flat = block.ravel().tolist()
            # Many rows per INSERT: on SQLite this is about 40% faster than executemany's row at a time.
            per_statement = max(1, limit // len(names))
            one_row = "(" + ", ".join([marker] * len(names)) + ")"
            head = f"INSERT INTO {table} ({', '.join(names)}) VALUES "
            width = len(names)
            for start in range(0, count, per_statement):
                size = min(per_statement, count - start)
                cursor.execute(
                    head + ", ".join([one_row] * size), flat[start * width : (start + size) * width]
                )
            written += count
    return written


def _parameter_limit() -> int:
    """How many parameters one statement may bind: SQLite's compiled limit, PostgreSQL's 65,535."""
    if connection.vendor == "sqlite":
        import sqlite3

        return min(connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER), 32_766)
    return 65_535


def recompute(indicators: Iterable | None = None, *, refresh_exceptions: bool = True) -> int:
    """Rebuild the derived figures of ``indicators`` (Indicator objects or ids; None: every one),
    then the exceptions raised from them. Returns the number of rows written."""
    ids = None if indicators is None else sorted({getattr(i, "pk", i) for i in indicators})
    with transaction.atomic():
        _delete(ids)
        written = 0
        if ids != []:
            arrays = compute(ids)
            written = _write(arrays) if arrays is not None else 0
        if refresh_exceptions:
            refresh(ids)
    return written
