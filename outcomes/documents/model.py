"""The document model every board output is built from (docs/decisions/0095).

A report is built once as a ``Document`` of blocks and rendered three ways (``render.html``,
``render.docx``, ``render.pdf``), so the page, the Word file and the PDF cannot disagree. Pure data:
nothing here knows Django, a model or a file format.

Blocks: ``Heading``, ``Paragraph``, ``BulletList``, ``Table``, ``Figure``, ``Note``, ``Section``.
Text inside a paragraph, a list item or a cell is a string or a list of ``Run`` (bold, italic, a
coloured label such as a RAG status, a link to a place in the same document).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction

Number = int | float | Decimal | Fraction


@dataclass(frozen=True)
class Run:
    """A piece of text with its emphasis. ``label`` names a coloured label's style (a RAG status's
    ``style``: green, amber, red, blue, other); ``target`` the ``anchor`` of a block or row of the same
    document it links to; ``href`` an address of the site it links to (an update's evidence file)."""

    text: str
    strong: bool = False
    em: bool = False
    label: str = ""
    target: str = ""
    href: str = ""


Inline = str | Run
Content = str | list[Inline]


def runs(content: Content) -> list[Run]:
    """Any text content as runs."""
    if isinstance(content, str):
        return [Run(content)] if content else []
    return [Run(part) if isinstance(part, str) else part for part in content]


def plain(content: Content) -> str:
    """The words of ``content`` without their emphasis."""
    return "".join(run.text for run in runs(content))


@dataclass
class Heading:
    """A heading of the document: level 1 is a part (h2 on a page, Heading 1 in Word), down to 4."""

    text: str
    level: int = 1
    anchor: str = ""
    new_page: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.level <= 4:
            raise ValueError(f"heading level {self.level}: use 1 to 4")


@dataclass
class Paragraph:
    """``style``: "" (body), "small", "lead", "caption" (a line above a block, shown smaller)."""

    content: Content
    style: str = ""


@dataclass
class BulletList:
    items: list[Content]


@dataclass
class Note:
    """Something the reader must not miss beside the figures (a footnote, a caveat): set apart."""

    content: Content


@dataclass
class Cell:
    """One cell. ``value`` is the figure (a number stays a number for whoever reads it as data),
    ``text`` what is shown (made from ``value`` when empty). ``blocks`` replace ``text`` when a cell
    holds more than a line (paragraphs, a list). ``style``: "numeric" (aligned right; implied by a
    number value, whatever the text), "strong", or "label-<style>" to fill the cell in a status colour."""

    value: str | Number | None = None
    text: Content = ""
    colspan: int = 1
    is_header: bool = False
    style: str = ""
    blocks: list[Block] = field(default_factory=list)

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, int | float | Decimal | Fraction) and not isinstance(self.value, bool)

    @property
    def shown(self) -> Content:
        if self.text or self.blocks:
            return self.text
        if self.value is None:
            return ""
        return number_text(self.value) if self.is_number else str(self.value)

    @property
    def numeric(self) -> bool:
        return "numeric" in self.style.split() or self.is_number

    @property
    def fill(self) -> str:
        """The status style the cell is filled with, or ""."""
        return next((s[6:] for s in self.style.split() if s.startswith("label-")), "")


def number_text(value: Number) -> str:
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, int):
        return f"{value:,}"
    text = f"{value:,f}" if isinstance(value, Decimal) else f"{value:,}"
    return text


def header(*texts: str) -> list[Cell]:
    """A header row of column headings."""
    return [Cell(text=t, is_header=True) for t in texts]


@dataclass
class Row:
    """A row with an ``anchor`` (a place other parts link to) or a ``style`` ("strong")."""

    cells: list[Cell]
    anchor: str = ""
    style: str = ""


@dataclass
class Table:
    """A table with its caption, header rows (column headings, repeated on every page), body rows,
    footer rows (totals) and notes beneath. ``row_headers``: the first cell of each body and footer row
    heads that row. ``widths``: relative column widths, for Word and PDF. ``caption_hidden``: the
    caption is for screen readers only on a page (a heading above already says it)."""

    caption: str
    header: list[list[Cell]] = field(default_factory=list)
    rows: list[list[Cell] | Row] = field(default_factory=list)
    footer: list[list[Cell] | Row] = field(default_factory=list)
    notes: list[Content] = field(default_factory=list)
    row_headers: bool = False
    widths: list[float] = field(default_factory=list)
    caption_hidden: bool = False
    anchor: str = ""
    style: str = ""


def as_row(row: list[Cell] | Row) -> Row:
    return row if isinstance(row, Row) else Row(list(row))


@dataclass
class Figure:
    """A chart (SVG drawn by the server) with the alt text that says what it shows, and the table of
    its data: Word shows the alt text and the table, since it cannot show SVG (decision 0096)."""

    caption: str
    alt: str
    svg: str | None = None
    table: Table | None = None


@dataclass
class Section:
    """A heading and what falls under it."""

    heading: Heading
    blocks: list[Block] = field(default_factory=list)


Block = Heading | Paragraph | BulletList | Table | Figure | Note | Section


@dataclass
class Document:
    """A whole board document. ``as_at`` is the moment its figures stand at: Word's and the PDF's dates
    are set from it (never the time of rendering), so the same as-at gives the same file (decision 0097).
    ``banner`` says something about the whole document on its first page ("Interim report: ...").
    ``meta``: author, subject, keywords for the file's properties. ``landscape``: the page's
    orientation in Word and PDF."""

    title: str
    as_at: date | datetime | None = None
    subtitle: str = ""
    banner: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False
    language: str = "en-GB"


def walk(blocks: list[Block]):
    """Every block, sections opened, in reading order (a section's heading before its blocks)."""
    for block in blocks:
        if isinstance(block, Section):
            yield block.heading
            yield from walk(block.blocks)
        else:
            yield block


def moment(as_at: date | datetime | None) -> datetime | None:
    """``as_at`` as a UTC date-time without time zone (midnight for a date), for file metadata."""
    if as_at is None:
        return None
    if isinstance(as_at, datetime):
        if as_at.tzinfo is not None:
            as_at = as_at.astimezone(UTC)
        return as_at.replace(tzinfo=None, microsecond=0)
    return datetime(as_at.year, as_at.month, as_at.day)
