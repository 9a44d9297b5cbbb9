"""The generic CSV/Excel template for a council's own indicator values, and the export of any
table to CSV and Excel.

An import reads the whole file first and reports every problem with its file, sheet, row and
column; nothing is saved unless the whole file is valid.
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from outcomes.core.imports import ImportFailed, Problem
from outcomes.core.models import record_change
from outcomes.indicators import rules
from outcomes.indicators.models import Area, ImportRun, Indicator, Value
from outcomes.indicators.periods import PeriodNotUnderstood, month_label, parse_period, periods_for

SHEET = "Values"
# (heading, key). Headings are matched without regard to case.
TEMPLATE_COLUMNS = [
    ("Indicator code", "indicator"),
    ("Area", "area"),
    ("Period", "period"),
    ("Value", "value"),
    ("Numerator", "numerator"),
    ("Denominator", "denominator"),
    ("Status", "status"),
    ("Missing reason", "missing_reason"),
]
REQUIRED = {"indicator", "period"}
HEADINGS = {key: heading for heading, key in TEMPLATE_COLUMNS}
MISSING_REASONS = dict(Value.MISSING_REASONS)
STATUSES = {s for s, _ in Value.STATUSES}
GUIDANCE = [
    ("Indicator code", "The indicator's code as set up in Outcomes, e.g. NI 59."),
    ("Area", "An area's name or LA number. Leave blank for the partnership's own area."),
    (
        "Period",
        "As the indicator's period type needs: 2010-11 (financial or academic year), 2010 (calendar year), "
        "April 2010 or 2010-04 (month), Q1 2010/11 (financial quarter), 2014-16 (rolling years).",
    ),
    (
        "Value",
        "The figure as published (82, 82.5, 82%). Blank when it is missing: then give a missing reason.",
    ),
    ("Numerator", "Optional: the count the value is made from (1767)."),
    ("Denominator", "Optional: what it is out of (2270). With a numerator, the value may be left blank."),
    ("Status", "provisional, final or revised. Blank means final."),
    (
        "Missing reason",
        "Only when the value is blank: " + ", ".join(f"{k} ({v})" for k, v in Value.MISSING_REASONS),
    ),
]

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def content_type(fmt: str) -> str:
    return CONTENT_TYPES[fmt]


# ---------------------------------------------------------------------------------------------------
# Export


def _cell(value):
    if isinstance(value, Decimal):
        return float(value)
    return value


def export_table(
    headers: Sequence[str], rows: Iterable[Sequence], fmt: str, *, title: str = "Table"
) -> bytes:
    """A table as CSV (UTF-8, for Excel too) or as an .xlsx workbook with one sheet."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(headers)
        for row in rows:
            writer.writerow(["" if v is None else _safe_text(v) for v in row])
        return buffer.getvalue().encode("utf-8")
    if fmt == "xlsx":
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Table"
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_cell(v) for v in row])
            for cell in sheet[sheet.max_row]:
                # Text that starts with "=" is text here, never a formula.
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"
        for index, heading in enumerate(headers, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = min(max(len(str(heading)) + 2, 10), 60)
        sheet.freeze_panes = "A2"
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    raise ValueError(f"unknown export format {fmt!r}: use csv or xlsx")


def _safe_text(value):
    # A spreadsheet would run text beginning with these as a formula.
    if isinstance(value, str) and value[:1] in ("=", "+", "@"):
        return "'" + value
    return value


def export_dicts(keys: Sequence[str], rows: Iterable[dict], fmt: str, *, title: str = "Table") -> bytes:
    """Rows given as dictionaries, with their keys as the headings."""
    return export_table(keys, ([row.get(k) for k in keys] for row in rows), fmt, title=title)


def value_rows(values) -> list[list]:
    """Values (a queryset) in the template's columns, so that an export can be imported again."""
    rows = []
    for v in values.select_related("indicator", "area", "period").order_by(
        "indicator__code", "area__name", "period__sort_key"
    ):
        rows.append(
            [
                v.indicator.code,
                v.area.name,
                v.published_label or v.period.label,
                v.value,
                v.numerator,
                v.denominator,
                v.status,
                v.missing_reason,
            ]
        )
    return rows


def export_values(values, fmt: str) -> bytes:
    return export_table([h for h, _ in TEMPLATE_COLUMNS], value_rows(values), fmt, title=SHEET)


def blank_template(fmt: str = "xlsx") -> bytes:
    """The empty template: the Values sheet to fill in and a Guidance sheet (xlsx), or the header
    row alone (csv)."""
    headers = [h for h, _ in TEMPLATE_COLUMNS]
    if fmt == "csv":
        return export_table(headers, [], "csv")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(headers)
    for index, heading in enumerate(headers, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = max(len(heading) + 4, 14)
    sheet.freeze_panes = "A2"
    guide = workbook.create_sheet("Guidance")
    guide.append(["Column", "What to put in it"])
    guide["A1"].font = guide["B1"].font = Font(bold=True)
    for row in GUIDANCE:
        guide.append(list(row))
    guide.append([])
    guide.append(["Example", "NI 59 | (blank) | April 2010 | 80.17 | 190 | 237 | final |"])
    guide.column_dimensions["A"].width = 18
    guide.column_dimensions["B"].width = 110
    codes = workbook.create_sheet("Indicators")
    codes.append(["Indicator code", "Name", "Period type", "Unit"])
    for cell in codes[1]:
        cell.font = Font(bold=True)
    for indicator in Indicator.objects.filter(from_lait=False).order_by("code"):
        codes.append(
            [
                indicator.code,
                indicator.name,
                indicator.get_period_type_display(),
                indicator.get_unit_kind_display(),
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------------
# Import


@dataclass
class _Row:
    number: int  # row number in the file (header is 1)
    cells: dict  # key -> raw cell value
    columns: dict  # key -> column letter


def _read_rows(data: bytes, filename: str) -> tuple[list[_Row], str, list[Problem]]:
    """The template's rows with where each cell came from; the sheet name ('' for CSV)."""
    lower = filename.lower()
    if lower.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                return [], "", [Problem(filename, "the file is not text in UTF-8 or Windows encoding")]
        table = list(csv.reader(io.StringIO(text)))
        sheet = ""
    elif lower.endswith((".xlsx", ".xlsm")):
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds for a file that is not a workbook
            return [], "", [Problem(filename, "the file is not an Excel workbook (.xlsx) that can be opened")]
        sheet = SHEET if SHEET in workbook.sheetnames else workbook.sheetnames[0]
        table = [list(row) for row in workbook[sheet].iter_rows(values_only=True)]
        workbook.close()
    else:
        return [], "", [Problem(filename, "the file must be a .csv or an .xlsx workbook (the template)")]
    if not table:
        return [], sheet, [Problem(_where(filename, sheet, 1), "the file is empty: start from the template")]
    header = [str(c).strip().lower() if c is not None else "" for c in table[0]]
    problems = []
    columns: dict[str, int] = {}
    for heading, key in TEMPLATE_COLUMNS:
        if heading.lower() in header:
            columns[key] = header.index(heading.lower())
        elif key in REQUIRED or key == "value":
            problems.append(Problem(_where(filename, sheet, 1), f"the column '{heading}' is missing"))
    if problems:
        return [], sheet, problems
    rows = []
    for number, raw in enumerate(table[1:], start=2):
        if all(c is None or str(c).strip() == "" for c in raw):
            continue
        cells = {key: (raw[i] if i < len(raw) else None) for key, i in columns.items()}
        rows.append(_Row(number, cells, {key: get_column_letter(i + 1) for key, i in columns.items()}))
    return rows, sheet, []


def _where(filename: str, sheet: str, row: int, column: str = "", heading: str = "") -> str:
    parts = [filename]
    if sheet:
        parts.append(f"sheet '{sheet}'")
    parts.append(f"row {row}")
    if column:
        parts.append(f"column {column}" + (f" ({heading})" if heading else ""))
    return ", ".join(parts)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _number(value) -> tuple[Decimal | None, int | None]:
    """A number from a cell ("1,406", "82%", 82.5), with its published decimal places."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        text = str(value).strip().replace(",", "").replace("£", "")
        if text.endswith("%"):
            text = text[:-1].strip()
        number = Decimal(text)
    if not number.is_finite():
        raise ValueError
    exponent = number.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return number, places


def _period_label(cell, indicator: Indicator) -> str:
    """A date typed in a cell is read as its month (or its quarter)."""
    if isinstance(cell, datetime | date) and indicator.period_type == Indicator.MONTH:
        return month_label(cell)
    if isinstance(cell, datetime | date) and indicator.period_type == Indicator.QUARTER:
        return f"{cell.year} Q{(cell.month - 1) // 3 + 1}"
    if isinstance(cell, datetime | date):
        return str(cell.year)
    return _text(cell)


def read_template(data: bytes, filename: str) -> list[dict]:
    """Check a whole template file; return its rows ready to save, or raise ImportFailed naming
    the file, sheet, row and column of every problem."""
    from outcomes.indicators.lait import home_area

    rows, sheet, problems = _read_rows(data, filename)
    if problems:
        raise ImportFailed(filename, problems)
    indicators = {i.code.lower(): i for i in Indicator.objects.all()}
    areas_by_name = {a.name.lower(): a for a in Area.objects.all()}
    areas_by_number = {a.la_number: a for a in areas_by_name.values() if a.la_number is not None}
    home = home_area()
    clean: list[dict] = []
    seen: dict[tuple, int] = {}
    for row in rows:

        def fail(key: str, message: str, row=row) -> None:
            heading = HEADINGS[key]
            problems.append(
                Problem(_where(filename, sheet, row.number, row.columns.get(key, ""), heading), message)
            )

        code = _text(row.cells.get("indicator"))
        indicator = indicators.get(code.lower())
        if not code:
            fail("indicator", "the indicator code is missing")
        elif indicator is None:
            fail("indicator", f"there is no indicator with the code '{code}'")

        area_text = _text(row.cells.get("area"))
        if not area_text:
            area = home
            if area is None:
                fail("area", "the area is missing and no home area is set up")
        elif area_text.isdigit():
            area = areas_by_number.get(int(area_text))
            if area is None:
                fail("area", f"there is no area with the LA number {area_text}")
        else:
            area = areas_by_name.get(area_text.lower())
            if area is None:
                fail("area", f"there is no area called '{area_text}'")

        parsed = None
        if indicator is not None:
            label = _period_label(row.cells.get("period"), indicator)
            if not label:
                fail("period", "the period is missing")
            else:
                try:
                    parsed = parse_period(label, indicator.period_type)
                except PeriodNotUnderstood as exc:
                    fail("period", str(exc))

        numbers = {}
        for key in ("value", "numerator", "denominator"):
            raw = row.cells.get(key)
            if isinstance(raw, str) and raw.strip() in MISSING_REASONS and key == "value":
                numbers[key] = (None, None)
                continue
            try:
                numbers[key] = _number(raw)
            except (InvalidOperation, ValueError):
                fail(key, f"'{_text(raw)}' is not a number")
                numbers[key] = (None, None)
        value, places = numbers["value"]
        numerator, _ = numbers["numerator"]
        denominator, _ = numbers["denominator"]
        raw_value = row.cells.get("value")
        reason = _text(row.cells.get("missing_reason"))
        if isinstance(raw_value, str) and raw_value.strip() in MISSING_REASONS:
            reason = reason or raw_value.strip()
        if numerator is not None and numerator < 0:
            fail("numerator", "the numerator cannot be negative")
        if denominator is not None and denominator <= 0:
            fail("denominator", "the denominator must be more than 0")
        if (numerator is None) != (denominator is None):
            fail(
                "numerator" if numerator is None else "denominator",
                "give both the numerator and the denominator",
            )
        if indicator is not None and numerator is not None and denominator is not None and denominator > 0:
            computed = rules.value_from_counts(
                indicator.unit_kind, numerator, denominator, indicator.multiplier
            )
            if computed is not None and value is None and not reason:
                value, places = computed, None
            elif (
                computed is not None and value is not None and not rules.counts_match(value, places, computed)
            ):
                fail(
                    "value",
                    f"{value} does not match the numerator and denominator ({numerator}/{denominator} gives "
                    f"{computed.quantize(Decimal('0.01'))})",
                )
        if value is None and not reason:
            fail("value", "the value is missing: give a number, or a missing reason such as c or -")
        elif value is not None and reason:
            fail("missing_reason", "give a missing reason only when the value is blank")
        elif reason and reason not in MISSING_REASONS:
            fail(
                "missing_reason",
                f"'{reason}' is not a missing reason; use one of {', '.join(MISSING_REASONS)}",
            )
        status = _text(row.cells.get("status")).lower() or Value.FINAL
        if status not in STATUSES:
            fail("status", f"'{status}' is not a status; use provisional, final or revised")

        if indicator is not None and area is not None and parsed is not None:
            key = (indicator.pk, area.pk, parsed.key)
            if key in seen:
                fail("period", f"this indicator, area and period are already given on row {seen[key]}")
            seen[key] = row.number
            clean.append(
                {
                    "indicator": indicator,
                    "area": area,
                    "parsed": parsed,
                    "value": value,
                    "numerator": numerator,
                    "denominator": denominator,
                    "status": status,
                    "missing_reason": "" if value is not None else reason,
                    "label": _period_label(row.cells.get("period"), indicator),
                }
            )
    if problems:
        raise ImportFailed(filename, problems)
    if not clean:
        raise ImportFailed(filename, [Problem(_where(filename, sheet, 2), "there are no values to import")])
    return clean


def import_template(data: bytes, filename: str, *, user=None) -> ImportRun:
    """Check and save a template file, all or nothing; recompute the derived figures it changes."""
    from outcomes.indicators.derive import recompute

    rows = read_template(data, filename)
    with transaction.atomic():
        run = ImportRun.objects.create(kind=ImportRun.TEMPLATE, source=filename[:300], user=user)
        periods = periods_for([r["parsed"] for r in rows])
        existing = {
            (v.indicator_id, v.area_id, v.period_id): v
            for v in Value.objects.filter(
                indicator_id__in={r["indicator"].pk for r in rows}, area_id__in={r["area"].pk for r in rows}
            )
        }
        changes = []
        touched = set()
        for r in rows:
            period = periods[r["parsed"].key]
            fields = {
                "value": r["value"],
                "numerator": r["numerator"],
                "denominator": r["denominator"],
                "status": r["status"],
                "missing_reason": r["missing_reason"],
                "published_label": r["label"][:40],
            }
            held = existing.get((r["indicator"].pk, r["area"].pk, period.pk))
            if held is None:
                Value.objects.create(
                    indicator=r["indicator"], area=r["area"], period=period, source_import=run, **fields
                )
                run.created += 1
            elif any(_differs(getattr(held, k), v) for k, v in fields.items()):
                before = {k: _plain(getattr(held, k)) for k in fields}
                for k, v in fields.items():
                    setattr(held, k, v)
                held.source_import = run
                held.save()
                run.updated += 1
                changes.append(
                    {
                        "indicator": r["indicator"].code,
                        "area": r["area"].name,
                        "period": period.label,
                        "before": before,
                        "after": {k: _plain(v) for k, v in fields.items()},
                    }
                )
            else:
                run.unchanged += 1
                continue
            touched.add(r["indicator"].pk)
        run.save()
        record_change(
            user=user,
            obj=run,
            action="import",
            summary=f"Indicator values from {filename}: {run.created} created, {run.updated} updated",
            after={
                "created": run.created,
                "updated": run.updated,
                "unchanged": run.unchanged,
                "changes": changes[:200],
            },
        )
        if touched:
            recompute(sorted(touched))
    return run


def _differs(held, new) -> bool:
    if isinstance(held, Decimal) or isinstance(new, Decimal):
        if held is None or new is None:
            return held is not new
        return Decimal(held) != Decimal(new)
    return held != new


def _plain(value):
    return str(value) if isinstance(value, Decimal) else value
