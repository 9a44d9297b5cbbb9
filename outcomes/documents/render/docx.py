"""A ``Document`` as Word (python-docx): headings in Word's heading styles (its navigation pane and
a PDF made from it know them), header rows repeated on every page and marked as such, each table's
caption also given as its alt text, and the same bytes for the same as-at (decision 0097)."""

import io
import zipfile
from datetime import datetime
from xml.sax.saxutils import quoteattr

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from outcomes.core import downloads
from outcomes.documents.model import (
    Block,
    BulletList,
    Cell,
    Content,
    Document,
    Figure,
    Heading,
    Note,
    Paragraph,
    Section,
    Table,
    as_row,
    moment,
    plain,
    runs,
)

# (fill, text) per label style; the text colour keeps the word readable on its fill.
FILLS = {
    "green": ("00703C", "FFFFFF"),
    "amber": ("FFDD00", "0B0C0C"),
    "red": ("D4351C", "FFFFFF"),
    "blue": ("1D70B8", "FFFFFF"),
    "other": ("B1B4B6", "0B0C0C"),
}
MARGIN_MM = 20
# Elements that must follow w:shd inside w:tcPr (ECMA-376 order), or Word calls the file corrupt.
_AFTER_SHD = (
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
)
# Zip entries carry no earlier time than this (the zip format starts in 1980).
ZIP_EPOCH = datetime(1980, 1, 1)
clean = downloads.clean_text


def write_runs(
    paragraph: WordParagraph, content: Content, *, bold: bool = False, italic: bool = False
) -> None:
    for run in runs(content):
        for i, line in enumerate(clean(run.text).split("\n")):
            if i:
                paragraph.add_run().add_break()
            word = paragraph.add_run(line)
            word.bold = (bold or run.strong or bool(run.label)) or None
            word.italic = (italic or run.em) or None


def shade(cell, fill_style: str) -> None:
    fill, text = FILLS.get(fill_style, FILLS["other"])
    shd = parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    cell._tc.get_or_add_tcPr().insert_element_before(shd, *_AFTER_SHD)
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.font.color.rgb = RGBColor.from_string(text)


def table_lines(table: Table) -> list[str]:
    """A table inside a cell, as lines: Word's nested tables read badly aloud and print worse."""
    lines = [table.caption] if table.caption else []
    for row in [*table.header, *table.rows, *table.footer]:
        lines.append(" | ".join(plain(c.shown) for c in as_row(row).cells))
    return lines


class WordWriter:
    def __init__(self, document: Document) -> None:
        self.source = document
        self.doc = WordDocument()
        page = self.doc.sections[0]
        if document.landscape:
            page.orientation = WD_ORIENT.LANDSCAPE
            page.page_width, page.page_height = Mm(297), Mm(210)
        else:
            page.page_width, page.page_height = Mm(210), Mm(297)
        page.left_margin = page.right_margin = Mm(MARGIN_MM)
        page.top_margin = page.bottom_margin = Mm(15)
        self.width_mm = (297 if document.landscape else 210) - 2 * MARGIN_MM
        self.doc.styles["Normal"].font.name, self.doc.styles["Normal"].font.size = "Arial", Pt(10)

    # --- blocks ------------------------------------------------------------------------------------

    def blocks(self, blocks: list[Block], container=None) -> None:
        for block in blocks:
            self.block(block, container)

    def paragraph(self, container, style: str | None = None) -> WordParagraph:
        """A new paragraph in the body or in a cell (a cell's first, empty paragraph is used first)."""
        if container is None:
            return self.doc.add_paragraph(style=style)
        first = container.paragraphs[0]
        if len(container.paragraphs) == 1 and not first.text and not first.runs:
            if style:
                first.style = self.doc.styles[style]
            return first
        return container.add_paragraph(style=style)

    def block(self, block: Block, container=None) -> None:
        if isinstance(block, Section):
            self.block(block.heading, container)
            self.blocks(block.blocks, container)
        elif isinstance(block, Heading):
            if container is not None:
                write_runs(self.paragraph(container), block.text, bold=True)
                return
            heading = self.doc.add_heading(clean(block.text), level=block.level)
            heading.paragraph_format.page_break_before = block.new_page or None
        elif isinstance(block, Paragraph):
            paragraph = self.paragraph(container)
            write_runs(paragraph, block.content)
            if block.style in ("small", "caption"):
                for run in paragraph.runs:
                    run.font.size = Pt(9)
        elif isinstance(block, BulletList):
            for item in block.items:
                write_runs(self.paragraph(container, "List Bullet"), item)
        elif isinstance(block, Note):
            paragraph = self.paragraph(container)
            paragraph.paragraph_format.space_before = Pt(6)
            write_runs(paragraph, block.content)
        elif isinstance(block, Table):
            if container is not None:
                for line in table_lines(block):
                    write_runs(self.paragraph(container), line)
            else:
                self.table(block)
        elif isinstance(block, Figure):
            self.figure(block, container)
        else:
            raise TypeError(f"not a block: {block!r}")

    def figure(self, figure: Figure, container) -> None:
        write_runs(self.paragraph(container), figure.caption, bold=True)
        # Word cannot show the SVG chart: its alt text says what it shows, and its table follows.
        write_runs(self.paragraph(container), f"Chart: {figure.alt}", italic=True)
        if figure.table is not None:
            self.block(figure.table, container)

    # --- tables ------------------------------------------------------------------------------------

    def table(self, table: Table) -> None:
        if not table.caption_hidden:
            caption = self.doc.add_paragraph()
            write_runs(caption, table.caption, bold=True)
            caption.paragraph_format.keep_with_next = True
        rows = [as_row(r) for r in [*table.header, *table.rows, *table.footer]]
        columns = max((sum(c.colspan for c in r.cells) for r in rows), default=1)
        word = self.doc.add_table(rows=len(rows), cols=columns)
        word.style = "Table Grid"
        word.alignment = WD_TABLE_ALIGNMENT.CENTER
        word.autofit = False
        self._describe(word, table)
        widths = table.widths if len(table.widths) == columns else [1.0] * columns
        sizes = [Mm(self.width_mm * share / sum(widths)) for share in widths]
        # Word reads the cell widths, LibreOffice the grid.
        for column, size in zip(word.columns, sizes, strict=True):
            column.width = size
        for index, (row, word_row) in enumerate(zip(rows, word.rows, strict=True)):
            head = index < len(table.header)
            strong = head or "strong" in row.style.split()
            # The row's own cells, read from its XML: python-docx's row.cells reads the whole table
            # each time, which makes a long table take minutes.
            targets = [_Cell(tc, word) for tc in word_row._tr.tc_lst]
            for target, size in zip(targets, sizes, strict=True):
                target.width = size
            position = 0
            for cell in row.cells:
                target = targets[position]
                if cell.colspan > 1:
                    target = target.merge(targets[position + cell.colspan - 1])
                self.cell(target, cell, strong=strong or "strong" in cell.style.split())
                position += cell.colspan
            if head:
                # A header row repeats on every page and is never split: Word's mark of a header row.
                for tag in ("cantSplit", "tblHeader"):
                    word_row._tr.get_or_add_trPr().append(parse_xml(f"<w:{tag} {nsdecls('w')}/>"))
        for note in table.notes:
            paragraph = self.doc.add_paragraph()
            write_runs(paragraph, note)
            for run in paragraph.runs:
                run.font.size = Pt(9)

    def _describe(self, word, table: Table) -> None:
        """The caption as the table's alt text (Word's Table Properties, Alt Text)."""
        properties = word._tbl.tblPr
        # tblCaption is the last child tblPr may have (ECMA-376 order), so appending keeps the order.
        properties.append(
            parse_xml(f"<w:tblCaption {nsdecls('w')} w:val={quoteattr(clean(table.caption))}/>")
        )

    def cell(self, target, cell: Cell, *, strong: bool) -> None:
        if cell.blocks:
            self.blocks(cell.blocks, target)
        else:
            write_runs(target.paragraphs[0], cell.shown, bold=strong)
        if cell.numeric:
            for paragraph in target.paragraphs:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if cell.fill:
            shade(target, cell.fill)

    # --- the whole -----------------------------------------------------------------------------------

    def render(self) -> bytes:
        source = self.source
        self.doc.add_heading(clean(source.title), level=0)
        if source.subtitle:
            self.doc.add_paragraph(clean(source.subtitle), style="Subtitle")
        if source.banner:
            banner = self.doc.add_paragraph()
            write_runs(banner, source.banner, bold=True)
            banner.paragraph_format.space_after = Pt(12)
        self.blocks(source.blocks)
        self._properties()
        return fixed_zip(downloads.docx_bytes(self.doc), moment(source.as_at) or ZIP_EPOCH)

    def _properties(self) -> None:
        source, properties = self.source, self.doc.core_properties
        properties.title = clean(f"{source.title}: {source.subtitle}" if source.subtitle else source.title)
        properties.author = properties.last_modified_by = clean(source.meta.get("author", "Outcomes"))
        properties.subject = clean(source.meta.get("subject", ""))
        properties.keywords = clean(source.meta.get("keywords", ""))
        properties.comments = ""
        properties.language = source.language
        properties.revision = 1
        when = moment(source.as_at)
        if when is not None:
            properties.created = properties.modified = properties.last_printed = when


def fixed_zip(content: bytes, when: datetime) -> bytes:
    """The same zip with every entry dated ``when``: a .docx otherwise carries the time it was saved."""
    stamp = max(when, ZIP_EPOCH).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()


def render_docx(document: Document) -> bytes:
    """The document as a Word file's bytes."""
    return WordWriter(document).render()
