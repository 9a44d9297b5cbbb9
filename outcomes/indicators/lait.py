"""Import of DfE's Local Authority Interactive Tool files (shared/data/lait/README.md): the LA code
list, both statistical-neighbour lists, the data dictionary and the long data file.

The files are read by ``lait_files``. The import is one transaction, compares before writing (a second
run changes nothing) and writes values through ``writing.write_values``. Period labels that cannot be
read are reported on the run, not guessed; their rows are not imported.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
from django.db import transaction

from outcomes.indicators.derive import recompute as recompute_derived
from outcomes.indicators.derive_progress import Progress, no_progress, part_of
from outcomes.indicators.lait_files import (
    LongData,
    read_code_list,
    read_dictionary,
    read_long_data,
    read_neighbours,
)
from outcomes.indicators.models import (
    Area,
    DerivedFigure,
    ImportRun,
    Indicator,
    StatisticalNeighbour,
    StatisticalNeighbourMember,
    StatisticalNeighbourSet,
    Value,
)
from outcomes.indicators.periods import PeriodNotUnderstood, parse_period, periods_for
from outcomes.indicators.writing import STATUS_CODES, ValueBatch, value_keys, write_values

DATA_FILE = "bds_long_0.parquet"
DICTIONARY_FILE = "lait_data_dictionary.csv"
CODE_LIST_FILE = "la_code_list.xlsx"
# file -> (name, publication date); the latest is the current list.
NEIGHBOUR_FILES = {
    "sn_may_2025.xlsx": ("May 2025", date(2025, 5, 1)),
    "sn_april_2021.xlsx": ("April 2021", date(2021, 4, 1)),
}

# Authorities replaced by reorganisation: kept for their past figures, but no longer ranked or
# banded with the others (DfE's lists still carry their rows). Old number -> (successors, from).
REORGANISED = {
    835: ((838,), date(2019, 4, 1)),  # Dorset (Pre LG) -> Dorset
    836: ((839,), date(2019, 4, 1)),  # Poole (Pre LG) -> Bournemouth, Christchurch and Poole
    837: ((839,), date(2019, 4, 1)),  # Bournemouth (Pre LG) -> Bournemouth, Christchurch and Poole
    928: ((940, 941), date(2021, 4, 1)),  # Northamptonshire -> North and West Northamptonshire
    909: ((942, 943), date(2023, 4, 1)),  # Cumbria -> Cumberland, Westmorland and Furness
}
ENGLAND_NUMBER = 970
REGION_NUMBERS = range(980, 1000)
# How the LA code list names an LA's region -> the area that stands for it. DfE publishes London's
# figures split into Inner and Outer London, and an LA's row names its half.
REGION_ALIASES = {
    "inner london": "London (Inner)",
    "outer london": "London (Outer)",
    "london (inner)": "London (Inner)",
    "london (outer)": "London (Outer)",
}


class LaitFilesMissing(FileNotFoundError):
    pass


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


@dataclass
class LaitImport:
    run: ImportRun
    areas: Counts = field(default_factory=Counts)
    neighbours: Counts = field(default_factory=Counts)
    indicators: Counts = field(default_factory=Counts)
    values: Counts = field(default_factory=Counts)
    kept_stronger: int = 0
    not_understood: list[dict] = field(default_factory=list)
    recomputed: int = 0

    def summary(self) -> str:
        lines = [
            f"Areas: {self.areas}",
            f"Statistical neighbours: {self.neighbours}",
            f"Indicators: {self.indicators}",
            f"Values: {self.values}",
        ]
        if self.kept_stronger:
            lines.append(f"Provisional values not applied over final or revised ones: {self.kept_stronger}")
        for item in self.not_understood:
            lines.append(f"Not understood, not imported: {item['message']} ({item['rows']} rows)")
        lines.append(f"Derived figures recomputed: {self.recomputed}")
        return "\n".join(lines)


def _sync_areas(code_list: list[dict], data_areas: dict[int, str], result: LaitImport) -> dict[int, Area]:
    existing = {a.la_number: a for a in Area.objects.exclude(la_number=None)}
    wanted = {row["la_number"]: row for row in code_list}
    for number, name in data_areas.items():
        wanted.setdefault(number, {"la_number": number, "name": name, "region_name": "", "la_type": ""})
    for number, row in wanted.items():
        if number == ENGLAND_NUMBER:
            kind = Area.ENGLAND
        elif number in REGION_NUMBERS:
            kind = Area.REGION
        elif number >= 1000:
            kind = Area.OTHER
        else:
            kind = Area.LA
        fields = {
            "name": row["name"],
            "kind": kind,
            "region_name": row["region_name"],
            "la_type": row["la_type"],
        }
        area = existing.get(number)
        adopted = False
        if area is None:
            # An area set up by hand before the import (no LA number yet) is the same area.
            area = Area.objects.filter(la_number=None, name__iexact=row["name"]).first()
            if area is not None:
                area.la_number = number
                existing[number] = area
                adopted = True
        if area is None:
            existing[number] = Area.objects.create(la_number=number, **fields)
            result.areas.created += 1
        elif adopted or any(getattr(area, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(area, k, v)
            area.save()
            result.areas.updated += 1
        else:
            result.areas.unchanged += 1
    # Regions after every area exists, since an LA points to its region's area.
    regions = {a.name.lower(): a for a in existing.values() if a.kind == Area.REGION}
    for area in existing.values():
        region = None
        if area.kind == Area.LA and area.region_name:
            key = REGION_ALIASES.get(area.region_name.lower(), area.region_name).lower()
            region = regions.get(key)
        if area.region_id != (region.pk if region else None):
            area.region = region
            area.save(update_fields=["region"])
    return existing


def _sync_neighbour_set(
    name: str, published: date, rows: dict[int, list[tuple[int, str]]], areas: dict[int, Area], result
) -> StatisticalNeighbourSet:
    sn_set, _ = StatisticalNeighbourSet.objects.get_or_create(
        name=name,
        defaults={"published": published, "source": "DfE children's services statistical neighbours"},
    )
    unknown = sorted({n for la, ns in rows.items() for n, _ in ns if n not in areas} | set(rows) - set(areas))
    if unknown:
        result.not_understood.append(
            {
                "message": f"the {name} neighbour list names LA numbers not in the code list: "
                + ", ".join(map(str, unknown)),
                "rows": len(unknown),
            }
        )
    existing = {(r.area_id, r.position): r for r in sn_set.rows.all()}
    wanted = {}
    for la, neighbours in rows.items():
        if la not in areas:
            continue
        for position, (number, closeness) in enumerate(neighbours, start=1):
            if number in areas:
                wanted[(areas[la].pk, position)] = (areas[number].pk, closeness)
    stale, fresh = [], []
    for key, (neighbour, closeness) in wanted.items():
        row = existing.get(key)
        if row is not None and row.neighbour_id == neighbour and row.closeness == closeness:
            result.neighbours.unchanged += 1
            continue
        if row is None:
            result.neighbours.created += 1
        else:
            # Replaced rather than edited: swapping two neighbours would clash on (area, neighbour).
            stale.append(row.pk)
            result.neighbours.updated += 1
        fresh.append(
            StatisticalNeighbour(
                neighbour_set=sn_set,
                area_id=key[0],
                position=key[1],
                neighbour_id=neighbour,
                closeness=closeness,
            )
        )
    gone = [r.pk for key, r in existing.items() if key not in wanted]
    result.neighbours.updated += len(gone)
    StatisticalNeighbour.objects.filter(pk__in=stale + gone).delete()
    StatisticalNeighbour.objects.bulk_create(fresh, batch_size=500)
    members = {areas[la].pk for la in rows if la in areas}
    held = set(sn_set.members.values_list("area_id", flat=True))
    StatisticalNeighbourMember.objects.bulk_create(
        [StatisticalNeighbourMember(neighbour_set=sn_set, area_id=pk) for pk in members - held]
    )
    sn_set.members.filter(area_id__in=held - members).delete()
    return sn_set


def _sync_indicators(
    dictionary: dict[str, dict], result: LaitImport
) -> tuple[dict[str, Indicator], set[int]]:
    existing = {i.code: i for i in Indicator.objects.filter(code__in=list(dictionary))}
    changed: set[int] = set()
    new = []
    for code, fields in dictionary.items():
        indicator = existing.get(code)
        if indicator is None:
            new.append(Indicator(code=code, **fields))
            result.indicators.created += 1
            continue
        differs = [k for k, v in fields.items() if getattr(indicator, k) != v]
        if differs:
            for k in differs:
                setattr(indicator, k, fields[k])
            indicator.save(update_fields=differs)
            changed.add(indicator.pk)
            result.indicators.updated += 1
        else:
            result.indicators.unchanged += 1
    if new:
        Indicator.objects.bulk_create(new, batch_size=500)
        existing = {i.code: i for i in Indicator.objects.filter(code__in=list(dictionary))}
        changed |= {existing[i.code].pk for i in new}
    return existing, changed


def _values_batch(
    data: LongData, indicators: dict[str, Indicator], areas: dict[int, Area], result
) -> ValueBatch:
    """Turn the long file's rows into values (periods read once per label and period type), one per
    (indicator, area, period): of two rows for one, the stronger status (revised, final) is kept."""
    n_labels = len(data.labels)
    pair = data.code_index * n_labels + data.label_index
    pairs = np.unique(pair)
    parsed: dict[int, object] = {}
    for code in pairs.tolist():
        measure, label = data.codes[code // n_labels], data.labels[code % n_labels]
        try:
            parsed[code] = parse_period(label, indicators[measure].period_type)
        except PeriodNotUnderstood as exc:
            parsed[code] = exc
    periods = periods_for([p for p in parsed.values() if not isinstance(p, Exception)])
    pair_period = {c: periods[p.key].pk for c, p in parsed.items() if not isinstance(p, Exception)}
    pair_status = {c: STATUS_CODES[p.status] for c, p in parsed.items() if not isinstance(p, Exception)}

    lookup_pair = np.searchsorted(pairs, pair)
    period_of_pair = np.array([pair_period.get(c, -1) for c in pairs.tolist()], dtype=np.int64)
    status_of_pair = np.array([pair_status.get(c, 0) for c in pairs.tolist()], dtype=np.int64)
    period = period_of_pair[lookup_pair]
    status = status_of_pair[lookup_pair]
    indicator = np.array([indicators[c].pk for c in data.codes], dtype=np.int64)[data.code_index]
    area_lookup = np.full(max(areas) + 1, -1, dtype=np.int64)
    for number, area in areas.items():
        area_lookup[number] = area.pk
    la = np.nan_to_num(data.la_numbers, nan=-1).astype(np.int64)
    area = np.where(la >= 0, area_lookup[np.clip(la, 0, len(area_lookup) - 1)], -1)

    texts = data.texts
    readable_value = data.is_number | data.missing_code
    good = (period >= 0) & (area >= 0) & readable_value
    failures: Counter = Counter()
    for row in np.flatnonzero(~good).tolist():
        code = int(pair[row])
        measure, label = data.codes[code // n_labels], data.labels[code % n_labels]
        if period[row] < 0:
            message = str(parsed[code])
        elif area[row] < 0:
            message = f"LA number {data.la_numbers[row]} is not in the LA code list"
        else:
            message = f"'{data.texts[row]}' is not a number or a known missing-value code"
        failures[(measure, label, message)] += 1
    for (measure, label, message), count in sorted(failures.items()):
        result.not_understood.append(
            {"measure": measure, "label": label, "message": f"{measure}: {message}", "rows": count}
        )

    rows = np.flatnonzero(good)
    key = value_keys(indicator[rows], area[rows], period[rows])
    # One row per key: sorted by key, then by status strength, the strongest (last) wins.
    order = np.lexsort((status[rows], key))
    rows, key = rows[order], key[order]
    last = np.ones(len(key), dtype=bool)
    last[:-1] = key[1:] != key[:-1]
    result.kept_stronger += int(np.count_nonzero(~last))
    rows, key = rows[last], key[last]
    # The publisher's code for a missing figure; "-" where the cell was empty; "" for a number.
    reason = texts[rows]
    reason[(reason == "") & ~data.is_number[rows]] = "-"
    return ValueBatch(
        indicator=indicator[rows],
        area=area[rows],
        period=period[rows],
        value=np.where(data.is_number[rows], data.values[rows], np.nan),
        status=status[rows],
        reason=reason,
        label=np.array(data.labels, dtype=object)[data.label_index[rows]],
    )


def import_lait(
    path: str | Path,
    *,
    measures: list[str] | None = None,
    user=None,
    recompute: bool = True,
    progress: Progress | None = None,
    source: str = "",
) -> LaitImport:
    """Import the LAIT files in ``path``. ``measures`` limits the indicators and values to those
    short codes (areas and neighbour lists are always imported). ``progress(fraction, message)`` is
    told how far it has gone; ``source`` names the release on the import run (default: the folder)."""
    progress = progress or no_progress
    folder = Path(path)
    needed = [DATA_FILE, DICTIONARY_FILE, CODE_LIST_FILE, *NEIGHBOUR_FILES]
    absent = [name for name in needed if not (folder / name).is_file()]
    if absent:
        raise LaitFilesMissing(f"{folder}: these LAIT files are missing: {', '.join(absent)}")
    wanted = set(measures) if measures is not None else None

    progress(0.01, "Reading the files")
    dictionary = read_dictionary(folder / DICTIONARY_FILE)
    if wanted is not None:
        unknown = sorted(wanted - set(dictionary))
        if unknown:
            raise ValueError(f"these measures are not in the LAIT dictionary: {', '.join(unknown)}")
        dictionary = {code: fields for code, fields in dictionary.items() if code in wanted}
    code_list = read_code_list(folder / CODE_LIST_FILE)
    neighbour_lists = {
        name: (label, published, read_neighbours(folder / name))
        for name, (label, published) in NEIGHBOUR_FILES.items()
    }
    data = read_long_data(folder / DATA_FILE, wanted)

    progress(0.12, "Areas and statistical neighbour lists")
    with transaction.atomic():
        run = ImportRun.objects.create(kind=ImportRun.LAIT, source=source or str(folder), user=user)
        result = LaitImport(run=run)
        areas = _sync_areas(code_list, dict(sorted(data.area_names.items())), result)
        sets = []
        for _file, (label, published, rows) in neighbour_lists.items():
            sets.append(_sync_neighbour_set(label, published, rows, areas, result))
        current = max(sets, key=lambda s: s.published)
        if not current.is_current:
            StatisticalNeighbourSet.objects.filter(is_current=True).update(is_current=False)
            current.is_current = True
            current.save(update_fields=["is_current"])
        for number, area in areas.items():
            active = number not in REORGANISED and area.kind != Area.OTHER
            if area.active != active:
                area.active = active
                area.save(update_fields=["active"])
                result.areas.updated += 1

        progress(0.15, "Indicators from the data dictionary")
        indicators, changed_indicators = _sync_indicators(dictionary, result)
        progress(0.18, f"Values: {len(data.code_index):,} rows compared with those held")

        batch = _values_batch(data, indicators, areas, result)
        run.not_understood = result.not_understood
        structural = sum(
            (result.areas.created, result.areas.updated, result.neighbours.created, result.neighbours.updated)
        )
        missing = _indicators_without_figures({i.pk for i in indicators.values()})
        written = write_values(
            batch,
            run=run,
            user=user,
            summary=f"LAIT import from {folder.name} (indicators {result.indicators})",
            keep_stronger=True,
            # New areas or neighbours change every indicator's comparisons: all are recomputed below.
            recompute=recompute and not structural,
            also_recompute=changed_indicators | missing,
            progress=part_of(progress, 0.18, 1.0 if not structural else 0.4),
        )
        result.values = Counts(written.created, written.updated, written.unchanged)
        result.kept_stronger += written.kept_stronger
        result.recomputed = written.recomputed
        if recompute and structural:
            result.recomputed = recompute_derived(progress=part_of(progress, 0.4, 1.0), held=written.held)
    return result


def _indicators_without_figures(indicator_ids: set[int]) -> set[int]:
    figures = DerivedFigure.objects.filter(indicator_id__in=indicator_ids)
    with_figures = set(figures.values_list("indicator_id", flat=True).distinct())
    with_values = set(
        Value.objects.filter(indicator_id__in=indicator_ids).values_list("indicator_id", flat=True).distinct()
    )
    return with_values - with_figures


def parquet_row_count(path: str | Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(Path(path) / DATA_FILE).metadata.num_rows


def measures_in(path: str | Path) -> list[str]:
    import pyarrow.parquet as pq

    column = pq.read_table(Path(path) / DATA_FILE, columns=["Short Desc"])["Short Desc"]
    return sorted(set(column.to_pylist()))
