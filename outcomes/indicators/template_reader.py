"""Reading the values template (a .csv or the .xlsx workbook) through the shared import pipeline:
one function per column kind, every problem with its file, sheet, row and column (name); nothing
is returned unless the whole file is valid. ``template.import_template`` saves what this returns."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from outcomes.core.imports import Column, ImportFailed, Problem, Row, cells, open_table
from outcomes.indicators import rules
from outcomes.indicators.models import Area, Indicator, Value
from outcomes.indicators.periods import PeriodNotUnderstood, month_label, parse_period

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
REQUIRED = {"indicator", "period", "value"}
COLUMNS = [Column(key, heading, required=key in REQUIRED) for heading, key in TEMPLATE_COLUMNS]
MISSING_REASONS = dict(Value.MISSING_REASONS)
STATUSES = [s for s, _ in Value.STATUSES]
# The model fields' sizes (decision 0061): a value of 24 digits with 10 after the point, counts of 20
# digits with 4 after it.
VALUE_DIGITS = {"max_digits": 24, "decimal_places": 10}
COUNT_DIGITS = {"max_digits": 20, "decimal_places": 4}


@dataclass
class _Known:
    """What the rows are checked against, read once for the whole file."""

    indicators: dict[str, Indicator]
    areas_by_name: dict[str, Area]
    areas_by_number: dict[int, Area]
    home: Area | None

    @classmethod
    def load(cls) -> "_Known":
        from outcomes.indicators.areas import home_area

        by_name = {a.name.lower(): a for a in Area.objects.all()}
        return cls(
            indicators={i.code.lower(): i for i in Indicator.objects.all()},
            areas_by_name=by_name,
            areas_by_number={a.la_number: a for a in by_name.values() if a.la_number is not None},
            home=home_area(),
        )


def read_template(data: bytes, filename: str) -> list[dict]:
    """Check a whole template file; return its rows ready to save, or raise ImportFailed naming
    the file, sheet, row and column of every problem."""
    table = open_table(data, filename)
    name = None if not table.names else (SHEET if table.has(SHEET) else table.names[0])
    sheet = table.sheet(name, COLUMNS)
    table.raise_problems()
    known = _Known.load()
    seen: dict[tuple, int] = {}
    clean = [found for row in sheet.rows if (found := _read_row(row, known, seen)) is not None]
    table.raise_problems()
    if not clean:
        raise ImportFailed(filename, [Problem(sheet.where(2), "there are no values to import")])
    return clean


def _read_row(row: Row, known: _Known, seen: dict[tuple, int]) -> dict | None:
    indicator = _indicator(row, known)
    area = _area(row, known)
    parsed, label = _period(row, indicator)
    value, numerator, denominator, reason = _figures(row, indicator)
    status = row.read("status", cells.choice, choices=STATUSES, what="status") or Value.FINAL
    if indicator is None or area is None or parsed is None:
        return None
    key = (indicator.pk, area.pk, parsed.key)
    if key in seen:
        row.fail("period", f"this indicator, area and period are already given on row {seen[key]}")
    seen[key] = row.number
    return {
        "indicator": indicator,
        "area": area,
        "parsed": parsed,
        "value": value,
        "numerator": numerator,
        "denominator": denominator,
        "status": status,
        "missing_reason": "" if value is not None else reason,
        "label": label,
    }


def _indicator(row: Row, known: _Known) -> Indicator | None:
    code = row.text("indicator", Indicator, "code", multiline=False)
    if cells.is_blank(row.get("indicator")):
        row.fail("indicator", "the indicator code is missing")
    if not code:
        return None
    indicator = known.indicators.get(code.lower())
    if indicator is None:
        row.fail("indicator", f"there is no indicator with the code '{cells.short(code)}'")
    return indicator


def _area(row: Row, known: _Known) -> Area | None:
    text = row.text("area", Area, "name", multiline=False)
    if not text:
        if known.home is None and cells.is_blank(row.get("area")):
            row.fail("area", "the area is missing and no home area is set up")
        return known.home if cells.is_blank(row.get("area")) else None
    area = (
        known.areas_by_number.get(int(text)) if text.isdigit() and len(text) < 10 else None
    ) or known.areas_by_name.get(text.lower())
    if area is None:
        what = f"the LA number {text}" if text.isdigit() else f"called '{cells.short(text)}'"
        row.fail("area", f"there is no area {'with ' if text.isdigit() else ''}{what}")
    return area


def _period(row: Row, indicator: Indicator | None):
    """The period a row is for, and its label as published (a date typed in Excel is its month)."""
    cell = row.get("period")
    if indicator is None:
        return None, ""
    if isinstance(cell, datetime | date):
        label = _date_label(cell, indicator)
    else:
        label = row.text("period", Value, "published_label", multiline=False)
        if not label and not cells.is_blank(cell):
            return None, ""
    if not label:
        row.fail("period", "the period is missing")
        return None, ""
    try:
        return parse_period(label, indicator.period_type), label
    except PeriodNotUnderstood as exc:
        row.fail("period", str(exc))
        return None, label


def _date_label(cell, indicator: Indicator) -> str:
    if indicator.period_type == Indicator.MONTH:
        return month_label(cell)
    if indicator.period_type == Indicator.QUARTER:
        return f"{cell.year} Q{(cell.month - 1) // 3 + 1}"
    return str(cell.year)


def _figures(row: Row, indicator: Indicator | None):
    """The value (given, or made from the counts), the counts and the missing reason, checked
    against each other."""
    raw_value = row.get("value")
    reason = row.text("missing_reason", Value, "missing_reason", multiline=False)
    given_reason = isinstance(raw_value, str) and raw_value.strip() in MISSING_REASONS
    value = None if given_reason else row.read("value", cells.decimal, percent=True, **VALUE_DIGITS)
    places = _places(value)
    if given_reason:
        reason = reason or raw_value.strip()
    numerator = row.read("numerator", cells.decimal, minimum=0, **COUNT_DIGITS)
    denominator = row.read("denominator", cells.decimal, **COUNT_DIGITS)
    if denominator is not None and denominator <= 0:
        row.fail("denominator", "the denominator must be more than 0")
    if (numerator is None) != (denominator is None) and not _bad(row, "numerator", "denominator"):
        row.fail(
            "numerator" if numerator is None else "denominator", "give both the numerator and the denominator"
        )
    if indicator is not None and numerator is not None and denominator is not None and denominator > 0:
        value = _value_from_counts(row, indicator, value, places, numerator, denominator, reason)
    _check_reason(row, value, reason)
    return value, numerator, denominator, reason


def _bad(row: Row, *keys: str) -> bool:
    """Whether a problem is already recorded for one of these cells (a value that could not be read)."""
    places = {row.where(key) for key in keys}
    return any(p.where in places for p in row.sheet.problems)


def _places(value: Decimal | None) -> int | None:
    if value is None:
        return None
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _value_from_counts(row, indicator, value, places, numerator, denominator, reason):
    computed = rules.value_from_counts(indicator.unit_kind, numerator, denominator, indicator.multiplier)
    if computed is None:
        return value
    try:
        computed = cells.decimal(computed, **VALUE_DIGITS)
    except cells.BadValue:
        row.fail("numerator", "the numerator and denominator give a value too large to store")
        return value
    if value is None and not reason:
        return computed
    if value is not None and not rules.counts_match(value, places, computed):
        row.fail(
            "value",
            f"{value} does not match the numerator and denominator ({numerator}/{denominator} gives "
            f"{computed.quantize(Decimal('0.01'))})",
        )
    return value


def _check_reason(row: Row, value, reason: str) -> None:
    if _bad(row, "value"):
        return
    if value is None and not reason:
        row.fail("value", "the value is missing: give a number, or a missing reason such as c or -")
    elif value is not None and reason:
        row.fail("missing_reason", "give a missing reason only when the value is blank")
    elif reason and reason not in MISSING_REASONS:
        row.fail(
            "missing_reason",
            f"'{cells.short(reason)}' is not a missing reason; use one of {', '.join(MISSING_REASONS)}",
        )
