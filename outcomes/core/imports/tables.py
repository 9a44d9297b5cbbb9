"""One reader for every imported table: an Excel workbook's sheets or a CSV file, read row by row
with its header checked, within the upload limits, each cell's place known for the messages."""

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from outcomes.core.imports import cells
from outcomes.core.imports.limits import bytes_words, limits
from outcomes.core.imports.problems import ImportFailed, Problem, where


@dataclass(frozen=True)
class Column:
    key: str  # the importer's name for it
    heading: str  # as written in row 1 (matched without regard to case, spaces or underscores)
    required: bool = False


def _normal(heading) -> str:
    return re.sub(r"[\s_]+", " ", cells.plain(heading).strip().lower())


@dataclass
class Row:
    sheet: "Sheet"
    number: int  # as numbered in the file (the header is row 1)
    cells: dict  # key -> raw value

    def get(self, key: str):
        return self.cells.get(key)

    def where(self, key: str | None = None) -> str:
        return self.sheet.where(self.number, key)

    def fail(self, key: str | None, message: str) -> None:
        self.sheet.problems.append(Problem(self.where(key), message))

    def read(self, key: str, reader: Callable, **options):
        """The cell read by one of ``cells``' readers; on a bad value the problem is recorded with
        the cell's place and None is returned."""
        try:
            return reader(self.cells.get(key), **options)
        except cells.BadValue as exc:
            self.fail(key, str(exc))
            return None

    def text(self, key: str, model=None, field_name: str | None = None, **options) -> str:
        """Text for a model field, no longer than the field holds; '' on a bad value."""
        if model is not None:
            options.setdefault("max_length", cells.max_length(model, field_name or key))
        return self.read(key, cells.text, **options) or ""

    def blank(self) -> bool:
        return all(cells.is_blank(v) for v in self.cells.values())


@dataclass
class Sheet:
    name: str | None  # None for a CSV file
    columns: list[Column]
    problems: list[Problem]
    positions: dict[str, int] = field(default_factory=dict)  # key -> column number from 1
    rows: list[Row] = field(default_factory=list)

    def where(self, row: int | None = None, key: str | None = None) -> str:
        if key is None:
            return where(self.name, row)
        position = self.positions.get(key)
        heading = next((c.heading for c in self.columns if c.key == key), key)
        if position is None:
            return where(self.name, row) + f", column '{heading}'"
        return where(self.name, row, get_column_letter(position), heading)

    def fail(self, message: str, row: int | None = None, key: str | None = None) -> None:
        self.problems.append(Problem(self.where(row, key), message))


class Table:
    """An opened upload: a workbook's sheets, or a CSV file's one table."""

    def __init__(self, source: str, values: Callable[[str | None], Iterator[tuple]], names: list[str]):
        self.source = source
        self.problems: list[Problem] = []
        self._values = values
        self.names = names  # sheet names as written ([] for CSV)

    def has(self, name: str) -> bool:
        return self._find(name) is not None

    def _find(self, name: str) -> str | None:
        return next((n for n in self.names if n.strip().lower() == name.lower()), None)

    def sheet(
        self,
        name: str | None,
        columns: list[Column],
        *,
        strict: bool = False,
        missing: str = "this sheet is missing: start from the template",
    ) -> Sheet | None:
        """Read a sheet (``name``: None for a CSV file, or a workbook's only or first sheet):
        its header checked against ``columns`` (``strict``: any other heading is a problem) and its
        non-blank rows. Returns None when the sheet is missing or its header is wrong."""
        actual = None if name is not None or not self.names else self.names[0]
        if name is not None:
            actual = self._find(name)
            if actual is None:
                self.problems.append(Problem(where(name), missing))
                return None
        sheet = Sheet(actual or name, columns, self.problems)
        stream = self._values(actual)
        header = next(stream, None)
        if header is None:
            self.problems.append(Problem(where(sheet.name, 1), "the sheet is empty: start from the template"))
            return None
        if not self._header(sheet, header, strict):
            return None
        self._rows(sheet, stream)
        return sheet

    def _header(self, sheet: Sheet, header: tuple, strict: bool) -> bool:
        before = len(self.problems)
        known = {_normal(c.key): c for c in sheet.columns}  # the survey and schools sheets are headed by keys
        known.update({_normal(c.heading): c for c in sheet.columns})
        for index, heading in enumerate(header, start=1):
            normal = _normal(heading)
            if not normal:
                continue
            column = known.get(normal)
            if column is None:
                if strict:
                    expected = ", ".join(c.heading for c in sheet.columns)
                    sheet.problems.append(
                        Problem(
                            where(sheet.name, 1, get_column_letter(index)),
                            f"'{cells.plain(heading).strip()[:60]}' is not a column of this sheet "
                            f"(expected {expected})",
                        )
                    )
            elif column.key in sheet.positions:
                sheet.problems.append(
                    Problem(
                        where(sheet.name, 1, get_column_letter(index)), f"'{column.heading}' appears twice"
                    )
                )
            else:
                sheet.positions[column.key] = index
        for column in sheet.columns:
            if column.required and column.key not in sheet.positions:
                sheet.problems.append(
                    Problem(where(sheet.name, 1), f"the column '{column.heading}' is missing")
                )
        return len(self.problems) == before

    def _rows(self, sheet: Sheet, stream: Iterator[tuple]) -> None:
        most = limits().rows
        for number, values in enumerate(stream, start=2):
            if number > most:
                raise ImportFailed(self.source, [Problem(where(sheet.name), _too_many_rows(most))])
            row = Row(
                sheet,
                number,
                {
                    key: values[index - 1] if index - 1 < len(values) else None
                    for key, index in sheet.positions.items()
                },
            )
            if not row.blank():
                sheet.rows.append(row)

    def raise_problems(self) -> None:
        if self.problems:
            raise ImportFailed(self.source, self.problems)


def _too_many_rows(most: int, what: str = "there are") -> str:
    return (
        f"{what} more than {most - 1:,} rows: split the file, or delete the empty rows below "
        "the last one that is filled in"
    )


def check_size(data: bytes, source: str) -> None:
    if len(data) > limits().file_bytes:
        raise ImportFailed(source, [too_large(len(data))])


def too_large(size: int) -> Problem:
    return Problem("", f"the file is {bytes_words(size)}: at most {limits().file_words} can be imported")


def open_workbook(data: bytes, source: str) -> Table:
    """An .xlsx workbook, refused whole when it is not one, is damaged, or unzips to more than the
    limit (a small file can hold a million rows); its sheets are then streamed, never loaded."""
    check_size(data, source)
    not_workbook = [Problem("", "this is not an Excel workbook (.xlsx)")]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
            if expanded <= limits().expanded_bytes:
                _check_rows(archive, source)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error):
        raise ImportFailed(source, not_workbook) from None
    if expanded > limits().expanded_bytes:
        raise ImportFailed(
            source,
            [
                Problem(
                    "",
                    f"the workbook holds {expanded / 1024 / 1024:,.0f} MB of data once unpacked: at most "
                    f"{limits().expanded_bytes / 1024 / 1024:,.0f} MB can be imported. Split it, or delete "
                    "the empty rows and columns around the data",
                )
            ],
        )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise ImportFailed(source, not_workbook) from None

    def values(name: str | None) -> Iterator[tuple]:
        sheet = workbook[name] if name is not None else workbook.worksheets[0]
        most = limits().rows
        declared = getattr(sheet, "max_row", None)
        # The size the sheet states is checked first, so that a million rows are refused unread.
        if isinstance(declared, int) and declared > most:
            raise ImportFailed(source, [Problem(where(sheet.title), _too_many_rows(most))])
        try:
            yield from sheet.iter_rows(values_only=True, max_col=limits().columns, max_row=most + 1)
        except ImportFailed:
            raise
        except Exception:  # a damaged sheet fails part-way through, as whatever its XML parser raises
            raise ImportFailed(
                source,
                [Problem(where(sheet.title), "this sheet is damaged and cannot be read: save it again")],
            ) from None

    return Table(source, values, [ws.title for ws in workbook.worksheets])


_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]+\d+(?::[A-Z]+(\d+))?\"")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData[\s>/]")


def _check_rows(archive: zipfile.ZipFile, source: str) -> None:
    """Refuse a sheet of more rows than the limit before openpyxl opens it: openpyxl reads a whole
    sheet to learn its size when the sheet does not state it, which for a million rows takes a minute.
    The stated size is read from the sheet's start; otherwise its rows are counted, stopping at the limit."""
    most = limits().rows
    for info in archive.infolist():
        if not re.fullmatch(r"xl/worksheets/[^/]+\.xml", info.filename):
            continue
        with archive.open(info) as part:
            head = part.read(64 * 1024)
            stated = _DIMENSION.search(head)
            data_at = _SHEET_DATA.search(head)
            if stated and (data_at is None or stated.start() < data_at.start()):
                if int(stated.group(1) or 1) > most:
                    raise ImportFailed(source, [Problem("", _too_many_rows(most, "a sheet has"))])
                continue
            if _counted_rows(head, part, most) > most:
                raise ImportFailed(source, [Problem("", _too_many_rows(most, "a sheet has"))])


def _counted_rows(head: bytes, part, most: int) -> int:
    count, tail, chunk = 0, b"", head
    while chunk:
        buffer = tail + chunk
        # A row tag cut by the chunk's edge is counted once, when it is whole.
        count += sum(1 for m in _ROW.finditer(buffer) if m.end() > len(tail))
        if count > most:
            break
        tail, chunk = buffer[-32:], part.read(1024 * 1024)
    return count


def read_csv(data: bytes, source: str) -> Table:
    """A CSV file in UTF-8 (with or without the mark Excel writes) or Windows encoding."""
    check_size(data, source)
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            decoded = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ImportFailed(
                source, [Problem("", "the file is not text in UTF-8 or Windows encoding")]
            ) from None

    def values(_name: str | None) -> Iterator[tuple]:
        reader = csv.reader(io.StringIO(decoded, newline=""))
        try:
            for row in reader:
                yield tuple(row[: limits().columns])
        except csv.Error as exc:
            raise ImportFailed(
                source, [Problem(where(None, reader.line_num), f"this line cannot be read as CSV ({exc})")]
            ) from None

    return Table(source, values, [])


def open_table(data: bytes, source: str) -> Table:
    """A .csv or .xlsx file, by its name."""
    lower = source.lower()
    if lower.endswith(".csv"):
        return read_csv(data, source)
    if lower.endswith((".xlsx", ".xlsm")):
        return open_workbook(data, source)
    raise ImportFailed(source, [Problem("", "the file must be a .csv or an .xlsx workbook (the template)")])
