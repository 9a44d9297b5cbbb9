"""The only code that turns rows into CSV, Excel, Word, PDF or JSON bytes.

Every value goes through ``cells``: text is cleaned of what XML cannot hold, neutralised when a
spreadsheet could run it, and cut with a note at Excel's limit; numbers stay numbers with their
number formats. Writers that lay out their own sheets (titles, colours) still put every value
with ``put`` or ``append`` and save with ``workbook_bytes``.
"""

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from openpyxl import Workbook
from openpyxl.cell import Cell as XlCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from outcomes.core.downloads.cells import (
    Number,
    csv_cell,
    excel_text,
    is_formula_like,
    sheet_title,
)

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
DATE_FORMAT = "yyyy-mm-dd"


# --- CSV -------------------------------------------------------------------------------------------


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads the accents), CRLF line ends, every cell guarded."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in headers])
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


# --- Excel -----------------------------------------------------------------------------------------


def excel_value(value):
    """(value, number format or None) for one cell; text already guarded by ``excel_text``."""
    if value is None:
        return None, None
    if isinstance(value, Number):
        return value.excel_value(), value.excel_format()
    if isinstance(value, bool):
        return value, None
    if isinstance(value, Decimal | Fraction):
        exact = Number(value)
        return exact.excel_value(), None
    if isinstance(value, int | float):
        return value, None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None), "yyyy-mm-dd hh:mm"
    if isinstance(value, date):
        return value, DATE_FORMAT
    return excel_text(str(value)), None


def put(ws: Worksheet, row: int, column: int, value) -> XlCell:
    """Write one value into a cell through the guard; the cell is returned for styling."""
    written, number_format = excel_value(value)
    cell = ws.cell(row=row, column=column)
    cell.value = written
    if isinstance(written, str):
        _as_text(cell)
    if number_format:
        cell.number_format = number_format
    return cell


def append(ws: Worksheet, values: Sequence) -> int:
    """Write ``values`` as the next row (an empty list leaves a blank row); returns its number."""
    empty = ws.max_row == 1 and all(c.value is None for c in ws[1]) and not ws.cell(1, 1).has_style
    row = 1 if empty else ws.max_row + 1
    for column, value in enumerate(values or [None], start=1):
        put(ws, row, column, value)
    return row


def _as_text(cell: XlCell) -> None:
    # openpyxl stores any string starting with "=" as a formula; a download holds none. The quote
    # prefix is Excel's own "typed as text" mark: it keeps the cell text even when edited.
    if cell.data_type == "f":
        cell.data_type = "s"
    if is_formula_like(cell.value):
        cell.quotePrefix = True


def header_row(ws: Worksheet, headings: Sequence[str], row: int | None = None) -> int:
    """Bold, wrapped headings as the next row (or as ``row``); returns the row's number."""
    if row is None:
        row = append(ws, headings)
    else:
        for column, heading in enumerate(headings, start=1):
            put(ws, row, column, heading)
    for column in range(1, len(headings) + 1):
        cell = ws.cell(row=row, column=column)
        cell.font = BOLD
        cell.alignment = WRAP
    return row


def set_widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def new_workbook() -> Workbook:
    return Workbook()


def add_sheet(workbook: Workbook, title: str, *, first: bool = False) -> Worksheet:
    """A new worksheet (or the workbook's first, renamed) with a title Excel accepts, unique."""
    taken = {ws.title for ws in workbook.worksheets if not (first and ws is workbook.active)}
    ws = workbook.active if first else workbook.create_sheet()
    ws.title = sheet_title(title, taken)
    return ws


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook as .xlsx bytes. Every text cell is checked once more, so a value set without
    ``put`` can still never be saved as a formula."""
    for ws in workbook.worksheets:
        for line in ws.iter_rows():
            for cell in line:
                if isinstance(cell.value, str):
                    _as_text(cell)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@dataclass
class Sheet:
    """A table for a workbook: headings, rows of typed values, and lines of notes beneath."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence]
    widths: Sequence[float] | None = None
    notes: Sequence[str] = field(default_factory=tuple)


def xlsx_bytes(sheets: Sequence[Sheet]) -> bytes:
    """One worksheet per ``Sheet``: bold headings, frozen below them, columns sized to the headings."""
    workbook = new_workbook()
    for position, sheet in enumerate(sheets):
        ws = add_sheet(workbook, sheet.title, first=position == 0)
        header_row(ws, sheet.headers)
        for row in sheet.rows:
            append(ws, list(row))
        widths = sheet.widths or [min(max(len(str(h)) + 2, 10), 60) for h in sheet.headers]
        set_widths(ws, widths)
        ws.freeze_panes = "A2"
        if sheet.notes:
            append(ws, [])
            for note in sheet.notes:
                append(ws, [note])
    return workbook_bytes(workbook)


def table_bytes(fmt: str, headers: Sequence[str], rows: Iterable[Sequence], title: str = "Table") -> bytes:
    """A table as CSV or as a one-sheet workbook."""
    if fmt == "csv":
        return csv_bytes(headers, rows)
    if fmt == "xlsx":
        return xlsx_bytes([Sheet(title or "Table", headers, rows)])
    raise ValueError(f"unknown table format {fmt!r}: use csv or xlsx")


# --- Word, PDF, JSON -------------------------------------------------------------------------------


def docx_bytes(document) -> bytes:
    """A python-docx ``Document`` as bytes (its text must already be ``clean_text``-ed)."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def json_bytes(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode()
