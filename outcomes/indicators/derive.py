"""Recompute ``DerivedFigure`` from values, targets, areas and the current neighbour list.

For each indicator the values (``derive_inputs``) become a periods x areas matrix, so that the
neighbours' averages, the region and England figures, comparisons and directions of travel are taken
for every area at once, step by step (``derive_steps``, with the rules of ``rules.py`` working on
arrays); ranks and quartile bands come from ``outcomes.stats`` for each period. The rows are then
written in bulk: the table is rebuilt, never edited.
"""

from collections import defaultdict
from collections.abc import Iterable

import numpy as np
from django.db import connection, transaction

from outcomes.indicators.bulk import insert_rows
from outcomes.indicators.derive_inputs import Held, Values, geography, load_values
from outcomes.indicators.derive_progress import Progress, no_progress, part_of
from outcomes.indicators.derive_steps import indicator_columns
from outcomes.indicators.exceptions import refresh_exceptions as refresh
from outcomes.indicators.models import DerivedFigure, Indicator, Period, Target

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
    "trend",
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


def compute(
    ids: list[int] | None, progress: Progress = no_progress, held: Held | None = None
) -> dict[str, np.ndarray] | None:
    """Every derived column for the indicators ``ids`` (None: all), one entry per value row, by
    indicator (``_write`` puts them in the order of the table's index)."""
    geo = geography()
    data = load_values(ids, geo, held)
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
    groups = np.split(order, bounds)
    for number, group in enumerate(groups):
        progress(number / len(groups), f"Derived figures: {number:,} of {len(groups):,} indicators computed")
        pk = int(data.indicator[group[0]])
        indicator = indicator_map.get(pk)
        if indicator is None:
            continue
        part = Values(*(getattr(data, f)[group] for f in Values.__dataclass_fields__))
        columns = indicator_columns(indicator, part, geo, periods, targets.get(pk, []))
        for name in COLUMNS:
            collected[name].append(columns[name])
    if not collected["indicator_id"]:
        return None
    return {name: np.concatenate(parts) for name, parts in collected.items()}


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
    # Written in the order of the table's index (area, indicator, period), so that each row's
    # entry goes at the end of the index rather than somewhere in its middle.
    order = np.lexsort((arrays["period_id"], arrays["indicator_id"], arrays["area_id"]))
    in_order = pattern[order]
    written = 0
    for code in np.unique(pattern).tolist():
        rows = order[in_order == code]
        names = KEYS + [name for bit, name in enumerate(optional) if code >> bit & 1]
        written += insert_rows(
            table, names, [_column(arrays[name][rows], name, nan_is_null) for name in names]
        )
    return written


def recompute(
    indicators: Iterable | None = None,
    *,
    refresh_exceptions: bool = True,
    progress: Progress = no_progress,
    held: Held | None = None,
) -> int:
    """Rebuild the derived figures of ``indicators`` (Indicator objects or ids; None: every one),
    then the exceptions raised from them. Returns the number of rows written. ``progress`` is told
    how far it has gone; ``held``: values already in memory, not read again."""
    ids = None if indicators is None else sorted({getattr(i, "pk", i) for i in indicators})
    with transaction.atomic():
        progress(0.0, "Derived figures: clearing the old ones")
        _delete(ids)
        written = 0
        if ids != []:
            arrays = compute(ids, part_of(progress, 0.02, 0.6), held)
            progress(0.6, "Derived figures: writing them")
            written = _write(arrays) if arrays is not None else 0
        if refresh_exceptions:
            progress(0.95, "Exceptions: opening and closing them from the new figures")
            refresh(ids)
    return written
