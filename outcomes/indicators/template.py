"""The generic CSV/Excel template for a council's own indicator values, and the export of any
table to CSV and Excel.

An import reads the whole file first and reports every problem with its file, sheet, row and
column; nothing is saved unless the whole file is valid.
"""

from collections.abc import Iterable, Sequence

from django.db import transaction

from outcomes.core import downloads
from outcomes.core.imports.problems import ImportFailed, Problem
from outcomes.indicators.models import ImportRun, Indicator, Value
from outcomes.indicators.periods import periods_for
from outcomes.indicators.template_reader import SHEET, TEMPLATE_COLUMNS, read_template
from outcomes.indicators.writing import FigureNotStorable, ValueBatch, write_values

HEADINGS = {key: heading for heading, key in TEMPLATE_COLUMNS}
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

# ---------------------------------------------------------------------------------------------------
# Export


def export_table(
    headers: Sequence[str], rows: Iterable[Sequence], fmt: str, *, title: str = "Table"
) -> bytes:
    """A table as CSV (UTF-8 with a byte-order mark, for Excel too) or as an .xlsx workbook with one
    sheet, written by the one download writer (docs/decisions/0065)."""
    return downloads.table_bytes(fmt, headers, rows, title)


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
    workbook = downloads.new_workbook()
    sheet = downloads.add_sheet(workbook, SHEET, first=True)
    downloads.header_row(sheet, headers)
    downloads.set_widths(sheet, [max(len(heading) + 4, 14) for heading in headers])
    sheet.freeze_panes = "A2"
    guide = downloads.add_sheet(workbook, "Guidance")
    downloads.header_row(guide, ["Column", "What to put in it"])
    for row in GUIDANCE:
        downloads.append(guide, list(row))
    downloads.append(guide, [])
    downloads.append(guide, ["Example", "NI 59 | (blank) | April 2010 | 80.17 | 190 | 237 | final |"])
    downloads.set_widths(guide, [18, 110])
    codes = downloads.add_sheet(workbook, "Indicators")
    downloads.header_row(codes, ["Indicator code", "Name", "Period type", "Unit"])
    for indicator in Indicator.objects.filter(from_lait=False).order_by("code"):
        downloads.append(
            codes,
            [
                indicator.code,
                indicator.name,
                indicator.get_period_type_display(),
                indicator.get_unit_kind_display(),
            ],
        )
    return downloads.workbook_bytes(workbook)


# ---------------------------------------------------------------------------------------------------
# Import


def import_template(data: bytes, filename: str, *, user=None) -> ImportRun:
    """Check and save a template file, all or nothing; recompute the derived figures it changes."""
    rows = read_template(data, filename)
    with transaction.atomic():
        run = ImportRun.objects.create(kind=ImportRun.TEMPLATE, source=filename[:300], user=user)
        periods = periods_for([r["parsed"] for r in rows])
        batch = ValueBatch.from_rows(
            {
                "indicator_id": r["indicator"].pk,
                "area_id": r["area"].pk,
                "period_id": periods[r["parsed"].key].pk,
                "value": r["value"],
                "numerator": r["numerator"],
                "denominator": r["denominator"],
                "status": r["status"],
                "missing_reason": r["missing_reason"],
                "published_label": r["label"],
            }
            for r in rows
        )
        try:
            write_values(batch, run=run, user=user, summary=f"Indicator values from {filename}")
        except FigureNotStorable as exc:
            raise ImportFailed(filename, [Problem("", str(exc))]) from exc
    return run
