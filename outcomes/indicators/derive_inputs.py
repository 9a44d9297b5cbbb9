"""What ``derive`` reads before it computes: the geography (every area as a column, the regions,
England, the ten neighbours of each LA, the LAs ranked and banded together) and every value of the
indicators as arrays, read without model instances."""

from dataclasses import dataclass
from itertools import chain

import numpy as np
from django.db import connection

from outcomes.indicators.areas import current_neighbour_set, home_area
from outcomes.indicators.models import (
    Area,
    Indicator,
    StatisticalNeighbour,
    StatisticalNeighbourMember,
    Value,
)

# An area holding a published statistical-neighbour average (seed documents give one, not the
# neighbours' values). It stands in for the home area's neighbour average where none can be taken.
PUBLISHED_NEIGHBOURS_AREA = "Statistical neighbours (published average)"


@dataclass
class Geography:
    area_ids: np.ndarray  # column -> area id
    column_of: dict[int, int]
    england: int  # column, or the NaN column
    region: np.ndarray  # column -> its region's column (or the NaN column)
    neighbours: np.ndarray  # column x 10 -> neighbour columns (or the NaN column)
    members: np.ndarray  # columns of the active LAs of the current neighbour list
    las: np.ndarray  # columns of every LA
    home: int | None
    published_neighbours: int | None


def geography() -> Geography:
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
    return Geography(
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
class Values:
    indicator: np.ndarray
    area: np.ndarray  # column index
    period: np.ndarray
    value: np.ndarray
    numerator: np.ndarray
    denominator: np.ndarray


@dataclass
class Held:
    """Every value of some indicators, already in memory (what ``write_values`` has just written),
    by database ids, so that the recompute after an import need not read them back."""

    indicator_ids: set[int]
    indicator: np.ndarray
    area: np.ndarray  # area id
    period: np.ndarray
    value: np.ndarray
    numerator: np.ndarray
    denominator: np.ndarray


def load_values(indicator_ids: list[int] | None, geo: Geography, held: Held | None = None) -> Values:
    """Every value of the indicators as arrays (None: of every indicator), those of ``held``'s
    indicators taken from it and the rest read from the database."""
    if held is not None and held.indicator_ids:
        if indicator_ids is None:
            others = Indicator.objects.exclude(pk__in=sorted(held.indicator_ids)).values_list("pk", flat=True)
            indicator_ids = sorted(others)
        else:
            indicator_ids = [pk for pk in indicator_ids if pk not in held.indicator_ids]
        read = _read_values(indicator_ids)
        parts = [read, (held.indicator, held.area, held.period, held.value, held.numerator, held.denominator)]
        indicator, area, period, value, numerator, denominator = (
            np.concatenate([part[i] for part in parts]) for i in range(6)
        )
    else:
        indicator, area, period, value, numerator, denominator = _read_values(indicator_ids)
    lookup = np.full(int(geo.area_ids.max(initial=0)) + 1, -1, dtype=np.int64)
    lookup[geo.area_ids] = np.arange(len(geo.area_ids))
    return Values(
        indicator=indicator,
        area=lookup[area],
        period=period,
        value=value,
        numerator=numerator,
        denominator=denominator,
    )


def _read_values(indicator_ids: list[int] | None) -> tuple[np.ndarray, ...]:
    """The stored values of the indicators (None: all) as arrays without model instances. Numerators
    and denominators are rare, so they are read by a second query of the rows that have them."""
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
    # One flat run of numbers read in C, then viewed as columns: far quicker than a record array.
    flat = np.fromiter(chain.from_iterable(rows), dtype=np.float64, count=5 * len(rows)).reshape(-1, 5)
    value = flat[:, 4].copy()
    value[flat[:, 3] == 1] = np.nan
    numerator = np.full(len(rows), np.nan)
    denominator = np.full(len(rows), np.nan)
    if counted:
        position = {(r[0], r[1], r[2]): i for i, r in enumerate(rows)}
        for ind, area, period, num, den in counted:
            i = position[(ind, area, period)]
            numerator[i], denominator[i] = float(num), float(den)
    columns = (flat[:, j].astype(np.int64) for j in range(3))
    return (*columns, value, numerator, denominator)
