"""The one way indicator values are written: the LAIT import, the values template and the survey feed
all call ``write_values``.

It compares before writing (a value that has not changed is counted, not rewritten), inserts and
updates in bulk (641,070 LAIT rows would take minutes as model instances), records what changed on
the import run, and recomputes the derived figures of the indicators it touched. As a last guard it
refuses figures no column can hold: NaN without a missing-value code, infinity, or numbers too large.
The readers give the located message first; this guard keeps a bad figure out whatever the caller.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
from django.db import connection, transaction

from outcomes.core.models import record_change
from outcomes.indicators.bulk import insert_rows
from outcomes.indicators.derive import recompute as recompute_derived
from outcomes.indicators.derive_inputs import Held
from outcomes.indicators.derive_progress import Progress, no_progress, part_of
from outcomes.indicators.models import Area, ImportRun, Indicator, Period, Value

STATUS_CODES = {Value.PROVISIONAL: 1, Value.FINAL: 2, Value.REVISED: 3}
STATUS_NAMES = {code: name for name, code in STATUS_CODES.items()}
# The largest magnitudes the columns hold: value has 14 digits before the point, counts 16.
LARGEST_VALUE = 1e14
LARGEST_COUNT = 1e16
CHANGES_KEPT = 200  # changed values listed on the run's history; the counts cover the rest


class FigureNotStorable(ValueError):
    """A figure that is not a finite number of a size the columns hold."""


@dataclass
class ValueBatch:
    """Values to write, as arrays aligned row by row: one row per (indicator, area, period). A NaN
    value is a missing one and needs its ``reason`` (the publisher's code). Without ``numerator`` and
    ``denominator`` (LAIT publishes none) those columns are neither compared nor written."""

    indicator: np.ndarray
    area: np.ndarray
    period: np.ndarray
    value: np.ndarray
    status: np.ndarray  # STATUS_CODES
    reason: np.ndarray
    label: np.ndarray
    numerator: np.ndarray | None = None
    denominator: np.ndarray | None = None

    @classmethod
    def from_rows(cls, rows: Iterable[dict]) -> "ValueBatch":
        """From dicts with indicator_id, area_id, period_id, value, numerator, denominator (Decimal,
        float or None), status (a Value status), missing_reason and published_label."""
        rows = list(rows)

        def numbers(name):
            return np.array([_float(r.get(name)) for r in rows], dtype=float)

        return cls(
            indicator=np.array([r["indicator_id"] for r in rows], dtype=np.int64),
            area=np.array([r["area_id"] for r in rows], dtype=np.int64),
            period=np.array([r["period_id"] for r in rows], dtype=np.int64),
            value=numbers("value"),
            status=np.array([STATUS_CODES[r.get("status") or Value.FINAL] for r in rows], dtype=np.int64),
            reason=np.array([r.get("missing_reason") or "" for r in rows], dtype=object),
            label=np.array([(r.get("published_label") or "")[:40] for r in rows], dtype=object),
            numerator=numbers("numerator"),
            denominator=numbers("denominator"),
        )

    def __len__(self) -> int:
        return len(self.indicator)

    @property
    def counted(self) -> bool:
        return self.numerator is not None and self.denominator is not None

    def key(self) -> np.ndarray:
        return value_keys(self.indicator, self.area, self.period)

    def take(self, rows: np.ndarray) -> "ValueBatch":
        picked = {name: getattr(self, name) for name in self.__dataclass_fields__}
        return ValueBatch(**{name: None if a is None else a[rows] for name, a in picked.items()})


@dataclass
class WriteResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Provisional figures not applied over final or revised ones (when asked to keep them).
    kept_stronger: int = 0
    touched: set[int] = field(default_factory=set)  # indicator ids
    recomputed: int = 0
    # Every value of the batch's indicators as they now stand, for a recompute without reading them back.
    held: Held | None = None

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def _float(value) -> float:
    if value is None:
        return np.nan
    return float(value)


def value_keys(indicator: np.ndarray, area: np.ndarray, period: np.ndarray) -> np.ndarray:
    """One sortable number per (indicator, area, period), in the order of the unique index."""
    return (indicator.astype(np.int64) << 42) | (area.astype(np.int64) << 21) | period.astype(np.int64)


def check_storable(batch: ValueBatch) -> None:
    """Refuse the whole batch if any figure is not a finite number the columns hold, naming the first
    few (indicator, area, period)."""
    with np.errstate(invalid="ignore"):
        bad = np.isinf(batch.value) | (np.abs(batch.value) >= LARGEST_VALUE)
        bad |= np.isnan(batch.value) & (batch.reason == "")
        if batch.counted:
            for counts in (batch.numerator, batch.denominator):
                bad |= np.isinf(counts) | (np.abs(counts) >= LARGEST_COUNT)
    rows = np.flatnonzero(bad)
    if not len(rows):
        return
    where = []
    for row in rows[:5].tolist():
        indicator = Indicator.objects.filter(pk=int(batch.indicator[row])).first()
        area = Area.objects.filter(pk=int(batch.area[row])).first()
        period = Period.objects.filter(pk=int(batch.period[row])).first()
        figure = batch.value[row]
        shown = "not a number" if np.isnan(figure) else f"{figure:g}"
        where.append(f"{indicator.code if indicator else '?'}, {area}, {period}: {shown}")
    more = f" (and {len(rows) - 5} more)" if len(rows) > 5 else ""
    raise FigureNotStorable(
        "These figures are not finite numbers of a size an indicator value can hold, so nothing was "
        f"saved: {'; '.join(where)}{more}."
    )


def write_values(
    batch: ValueBatch,
    *,
    run: ImportRun,
    user=None,
    summary: str,
    keep_stronger: bool = False,
    recompute: bool = True,
    also_recompute: Iterable[int] = (),
    progress: Progress = no_progress,
) -> WriteResult:
    """Insert new values and update changed ones, all or nothing; count created, updated and unchanged
    on ``run``; record what changed on the run's history; recompute the derived figures of the
    indicators touched (and ``also_recompute``). ``keep_stronger``: a provisional figure never
    replaces a final or revised one (LAIT publishes both). ``progress`` is told how far it has gone."""
    check_storable(batch)
    result = WriteResult()
    with transaction.atomic():
        held = _held(batch)
        position = _align(batch.key(), held)
        is_new = position < 0
        changed, weaker = _compare(batch, held, position, is_new, keep_stronger)
        result.unchanged = int(np.count_nonzero(~is_new & ~changed & ~weaker))
        result.kept_stronger = int(np.count_nonzero(weaker))
        inserts, updates = np.flatnonzero(is_new), np.flatnonzero(changed)
        changes = _changes(batch, held, position, updates[:CHANGES_KEPT])
        progress(0.15, f"Values: writing {len(inserts):,} new and {len(updates):,} changed")
        _insert(batch, inserts, run)
        _update(batch, updates, held["id"][position[updates]], run)
        result.created, result.updated = len(inserts), len(updates)
        result.held = _after_writing(batch, held, position, inserts, updates)
        result.touched = set(np.unique(batch.indicator[np.concatenate([inserts, updates])]).tolist())
        run.created += result.created
        run.updated += result.updated
        run.unchanged += result.unchanged
        run.save()
        record_change(
            user=user,
            obj=run,
            action="import",
            summary=f"{summary}: values {result}",
            after={
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "changes": changes,
            },
        )
        again = result.touched | set(also_recompute)
        if recompute and again:
            result.recomputed = recompute_derived(
                sorted(again), progress=part_of(progress, 0.35, 1.0), held=result.held
            )
    return result


def _held(batch: ValueBatch) -> dict[str, np.ndarray]:
    """The stored values of the batch's indicators, as arrays."""
    table = Value._meta.db_table
    ids = sorted(set(batch.indicator.tolist()))
    rows: list = []
    with connection.cursor() as cursor:
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            cursor.execute(
                f"SELECT id, indicator_id, area_id, period_id, value, numerator, denominator, status, "
                f"missing_reason, published_label FROM {table} "
                f"WHERE indicator_id IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
            rows.extend(cursor.fetchall())
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in range(10)]

    def integers(j):
        return np.array(columns[j], dtype=np.int64)

    def numbers(j):
        return np.array([_float(v) for v in columns[j]], dtype=float)

    return {
        "id": integers(0),
        "key": value_keys(integers(1), integers(2), integers(3)),
        "value": numbers(4),
        "numerator": numbers(5),
        "denominator": numbers(6),
        "status": np.array([STATUS_CODES.get(s, 2) for s in columns[7]], dtype=np.int64),
        "reason": np.array(columns[8], dtype=object),
        "label": np.array(columns[9], dtype=object),
    }


def _after_writing(batch: ValueBatch, held: dict, position: np.ndarray, inserts, updates) -> Held:
    """The values of the batch's indicators as the table now holds them: those held before, changed
    where the batch updated them, and the batch's new ones."""
    value, numerator, denominator = held["value"].copy(), held["numerator"].copy(), held["denominator"].copy()
    at = position[updates]
    value[at] = batch.value[updates]
    if batch.counted:
        numerator[at], denominator[at] = batch.numerator[updates], batch.denominator[updates]
    none = np.full(len(inserts), np.nan)
    keys = np.concatenate([held["key"], batch.key()[inserts]])
    mask = (1 << 21) - 1
    return Held(
        indicator_ids=set(np.unique(batch.indicator).tolist()),
        indicator=keys >> 42,
        area=(keys >> 21) & mask,
        period=keys & mask,
        value=np.concatenate([value, batch.value[inserts]]),
        numerator=np.concatenate([numerator, batch.numerator[inserts] if batch.counted else none]),
        denominator=np.concatenate([denominator, batch.denominator[inserts] if batch.counted else none]),
    )


def _align(keys: np.ndarray, held: dict) -> np.ndarray:
    """For each new row, the index of the stored row with its key, or -1."""
    position = np.full(len(keys), -1, dtype=np.int64)
    if len(held["key"]) and len(keys):
        order = np.argsort(held["key"])
        found = np.minimum(np.searchsorted(held["key"][order], keys), len(order) - 1)
        hit = held["key"][order][found] == keys
        position[hit] = order[found[hit]]
    return position


def _same_numbers(new: np.ndarray, old: np.ndarray) -> np.ndarray:
    return (new == old) | (np.isnan(new) & np.isnan(old))


def _compare(batch, held, position, is_new, keep_stronger) -> tuple[np.ndarray, np.ndarray]:
    """Which stored rows change, and which are left because a weaker status would replace them."""
    n = len(batch)
    changed, weaker = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    existing = np.flatnonzero(~is_new)
    if not len(existing):
        return changed, weaker
    at = position[existing]
    same = _same_numbers(batch.value[existing], held["value"][at])
    same &= batch.status[existing] == held["status"][at]
    same &= batch.reason[existing] == held["reason"][at]
    same &= batch.label[existing] == held["label"][at]
    if batch.counted:
        same &= _same_numbers(batch.numerator[existing], held["numerator"][at])
        same &= _same_numbers(batch.denominator[existing], held["denominator"][at])
    weak = (batch.status[existing] < held["status"][at]) if keep_stronger else np.zeros(len(at), dtype=bool)
    weaker[existing[weak]] = True
    changed[existing[~same & ~weak]] = True
    return changed, weaker


def _columns(batch: ValueBatch, rows: np.ndarray, run: ImportRun) -> tuple[list[str], list]:
    # SQLite stores a bound NaN as NULL, which spares converting each missing figure to None.
    nan_is_null = connection.vendor == "sqlite"

    def nullable(array):
        if nan_is_null:
            return array[rows]
        out = array[rows].astype(object)
        out[np.isnan(array[rows])] = None
        return out

    status_names = np.array(
        [STATUS_NAMES.get(code, "") for code in range(max(STATUS_NAMES) + 1)], dtype=object
    )
    names = ["value", "status", "missing_reason", "published_label", "source_import_id"]
    columns = [
        nullable(batch.value),
        status_names[batch.status[rows]],
        batch.reason[rows],
        batch.label[rows],
        np.full(len(rows), run.pk, dtype=object),
    ]
    if batch.counted:
        names += ["numerator", "denominator"]
        columns += [nullable(batch.numerator), nullable(batch.denominator)]
    return names, columns


def _insert(batch: ValueBatch, rows: np.ndarray, run: ImportRun) -> None:
    if not len(rows):
        return
    names, columns = _columns(batch, rows, run)
    keys = [batch.indicator[rows], batch.area[rows], batch.period[rows]]
    insert_rows(Value._meta.db_table, ["indicator_id", "area_id", "period_id", *names], [*keys, *columns])


def _update(batch: ValueBatch, rows: np.ndarray, ids: np.ndarray, run: ImportRun) -> None:
    if not len(rows):
        return
    names, columns = _columns(batch, rows, run)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {Value._meta.db_table} SET {', '.join(f'{n} = %s' for n in names)} WHERE id = %s",
            list(zip(*(column.tolist() for column in columns), ids.tolist(), strict=True)),
        )


def _changes(batch: ValueBatch, held: dict, position: np.ndarray, rows: np.ndarray) -> list[dict]:
    """The first changed values, before and after, in words a history can show."""
    if not len(rows):
        return []
    codes = Indicator.objects.in_bulk(set(batch.indicator[rows].tolist()))
    areas = Area.objects.in_bulk(set(batch.area[rows].tolist()))
    periods = Period.objects.in_bulk(set(batch.period[rows].tolist()))
    out = []
    for row in rows.tolist():
        at = position[row]
        before = {
            "value": _shown(held["value"][at]),
            "status": STATUS_NAMES.get(int(held["status"][at]), ""),
            "missing_reason": held["reason"][at],
        }
        after = {
            "value": _shown(batch.value[row]),
            "status": STATUS_NAMES[int(batch.status[row])],
            "missing_reason": batch.reason[row],
        }
        if batch.counted:
            for name in ("numerator", "denominator"):
                before[name], after[name] = _shown(held[name][at]), _shown(getattr(batch, name)[row])
        out.append(
            {
                "indicator": codes[int(batch.indicator[row])].code,
                "area": areas[int(batch.area[row])].name,
                "period": periods[int(batch.period[row])].label,
                "before": before,
                "after": after,
            }
        )
    return out


def _shown(value: float) -> str | None:
    """A figure as a history shows it: "80.17", or None for none."""
    return None if np.isnan(value) else f"{Decimal(repr(float(value))).normalize():f}"
