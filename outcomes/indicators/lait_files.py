"""Reading DfE's Local Authority Interactive Tool files (data/lait/README.md): the data dictionary,
the LA code list, the statistical-neighbour lists and the long data file, into plain Python and
NumPy. Nothing here touches the database: ``lait.import_lait`` writes what these return."""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from openpyxl import load_workbook

from outcomes.indicators.models import Indicator

YEAR_TYPES = {
    "academic year": Indicator.ACADEMIC,
    "financial year": Indicator.FINANCIAL,
    "calendar year": Indicator.CALENDAR,
    "annual (end of sept)": Indicator.YEAR_TO_SEPTEMBER,
    "annual - january": Indicator.YEAR_TO_JANUARY,
    "annual": Indicator.CALENDAR,
}
POLARITIES = {"high": Indicator.HIGH, "low": Indicator.LOW}
# Codes DfE and ONS use for a value that is not there; stored as missing with the code, never zero.
MISSING_CODES = {"-", "c", "x", "z", ":", "..", "u", ""}
_RATE = re.compile(r"rate per ([\d,]+)", re.I)


def unit_of(label: str) -> tuple[str, int | None]:
    """The unit kind (and multiplier for a rate) from the dictionary's axis title."""
    text = (label or "").strip()
    lower = text.lower()
    if m := _RATE.search(text):
        return Indicator.RATE, int(m[1].replace(",", ""))
    if text.startswith("%"):
        return Indicator.PERCENTAGE, None
    if lower in {"spend", "unit cost"}:
        return Indicator.MONEY, None
    if lower.startswith("number") or lower in {"entries", "total cases", "social workers"} or "fte" in lower:
        return Indicator.COUNT, None
    if lower.startswith(("average", "score")) or lower == "case load":
        return Indicator.MEAN, None
    return Indicator.OTHER_UNIT, None


def _text(value) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    return "" if text.upper() == "NA" else text


def read_dictionary(path: Path) -> dict[str, dict]:
    """Indicator fields per LAIT short code. A code listed under two topics keeps its first row;
    fields that row leaves as NA are taken from the later one."""
    with open(path, encoding="latin-1", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found: dict[str, dict] = {}
    for row in rows:
        code = row["Measure_short"].strip()
        unit_kind, multiplier = unit_of(row.get("y_axis_name", ""))
        dps = _text(row.get("dps"))
        fields = {
            "name": _text(row.get("Measure"))[:300] or code,
            "definition": _text(row.get("Description")),
            "methodology": _text(row.get("Methodology")),
            "topic": _text(row.get("Topic"))[:100],
            "unit_kind": unit_kind,
            "multiplier": multiplier,
            "unit_label": _text(row.get("y_axis_name"))[:120],
            "decimal_places": int(dps) if dps.isdigit() else None,
            "polarity": POLARITIES.get(_text(row.get("Polarity")).lower(), Indicator.NONE),
            "period_type": YEAR_TYPES.get(_text(row.get("Year_Type")).lower(), Indicator.FINANCIAL),
            "source": " ".join(_text(row.get("Data Owner (DO) /Supplier and Contact Details")).split())[:300],
            "no_quartile": _text(row.get("No_Quartile")).upper() == "N",
            "lait_measure_code": _text(row.get("Measure_code"))[:20],
            "from_lait": True,
        }
        if code not in found:
            found[code] = fields
            continue
        first = found[code]
        for key, value in fields.items():
            if first[key] in ("", None) and value not in ("", None):
                first[key] = value
    return found


def _sheet_rows(path: Path) -> list[tuple]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return [tuple(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_code_list(path: Path) -> list[dict]:
    rows = _sheet_rows(path)
    header = [str(c).strip().lower() if c is not None else "" for c in rows[0]]
    col = {name: header.index(name) for name in ("la number", "la name", "region", "type")}
    areas = []
    for row in rows[1:]:
        number = row[col["la number"]]
        if number in (None, ""):
            continue
        areas.append(
            {
                "la_number": int(number),
                "name": str(row[col["la name"]]).strip(),
                "region_name": _text(row[col["region"]]),
                "la_type": _text(row[col["type"]]),
            }
        )
    return areas


def read_neighbours(path: Path) -> dict[int, list[tuple[int, str]]]:
    """LA number -> its neighbours in order, with how close each is. The files have two rows of
    column numbers above the real header ("LA num", "LA Name", ..., "SN1", "SNP", ...)."""
    rows = _sheet_rows(path)
    start = next(
        i for i, row in enumerate(rows) if row and isinstance(row[0], str) and row[0].strip() == "LA num"
    )
    header = [str(c).strip() if c is not None else "" for c in rows[start]]
    sn_columns = [(i, int(h[2:])) for i, h in enumerate(header) if re.fullmatch(r"SN\d+", h)]
    found: dict[int, list[tuple[int, str]]] = {}
    for row in rows[start + 1 :]:
        if not row or row[0] in (None, ""):
            continue
        neighbours = []
        for i, _position in sorted(sn_columns, key=lambda c: c[1]):
            number = row[i]
            # "-": no neighbours were computed (an LA created after the list was made).
            if number in (None, "") or not str(number).strip().isdigit():
                continue
            closeness = row[i + 1] if i + 1 < len(row) and header[i + 1] == "SNP" else ""
            neighbours.append((int(number), _text(closeness)))
        found[int(row[0])] = neighbours
    return found


@dataclass
class LongData:
    """The long file as arrays: each row's measure and label as indexes into small lists."""

    codes: list[str]  # distinct measure codes
    labels: list[str]  # distinct period labels
    code_index: np.ndarray
    label_index: np.ndarray
    la_numbers: np.ndarray
    area_names: dict[int, str]
    values: np.ndarray  # NaN where missing or not a number
    texts: np.ndarray  # each row's text where it is not a number ("" where it is), for reasons and reports
    is_number: np.ndarray
    missing_code: np.ndarray  # not a number, but one of the publishers' missing-value codes


_NUMBER = r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$"


def read_long_data(path: Path, measures: set[str] | None) -> LongData:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["Short Desc", "Years", "LA and Regions", "Values", "LA Number"])
    if measures is not None:
        wanted = pa.array(sorted(measures), type=pa.string())
        table = table.filter(pc.is_in(table["Short Desc"], value_set=wanted))
    codes = table["Short Desc"].combine_chunks().dictionary_encode()
    labels = table["Years"].combine_chunks().dictionary_encode()
    texts = pc.utf8_trim_whitespace(pc.fill_null(table["Values"].combine_chunks(), ""))
    is_number = pc.match_substring_regex(texts, _NUMBER)
    numbers = pc.cast(pc.if_else(is_number, texts, pa.scalar(None, pa.string())), pa.float64())
    la_numbers = table["LA Number"].combine_chunks().to_numpy(zero_copy_only=False).astype(float)
    area_names = table["LA and Regions"].combine_chunks()
    known = ~np.isnan(la_numbers)
    numbers_seen, first = np.unique(la_numbers[known], return_index=True)
    rows_seen = np.flatnonzero(known)[first]
    pairs = {
        int(number): area_names[int(row)].as_py()
        for number, row in zip(numbers_seen.tolist(), rows_seen.tolist(), strict=True)
    }
    values = numbers.to_numpy(zero_copy_only=False).astype(float)
    # Published as text such as "7.0000000000000007E-2": the float noise is not part of the figure.
    values = np.round(values, 10)
    return LongData(
        codes=codes.dictionary.to_pylist(),
        labels=labels.dictionary.to_pylist(),
        code_index=codes.indices.to_numpy().astype(np.int64),
        label_index=labels.indices.to_numpy().astype(np.int64),
        la_numbers=la_numbers,
        area_names=pairs,
        values=values,
        # Numbers' texts are not needed again: left empty, they cost no string each.
        texts=pc.if_else(is_number, "", texts).to_numpy(zero_copy_only=False),
        is_number=is_number.to_numpy(zero_copy_only=False),
        missing_code=pc.and_not(
            pc.is_in(texts, value_set=pa.array(sorted(MISSING_CODES), type=pa.string())), is_number
        ).to_numpy(zero_copy_only=False),
    )
