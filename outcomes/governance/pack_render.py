"""The agenda pack (pack.py) as PDF, Word and HTML, the three with the PDF's page numbers
(decision 0138)."""

import hashlib
from dataclasses import replace

from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from outcomes.core import downloads
from outcomes.documents.model import Heading, Table, moment
from outcomes.documents.render.docx import ZIP_EPOCH, WordWriter, clean, fixed_zip
from outcomes.governance.pack import Pack, pack_html

# Word's type a little smaller than the PDF's (9.5pt) and its margins the PDF's: what fills a PDF
# page then fits a Word page, whose breaks are set where the PDF's fall.
WORD_TYPE = Pt(8.5)
MARGIN = 12


def render_pdf(pack: Pack) -> bytes:
    from weasyprint import HTML

    html = pack_html(pack.document)
    identifier = hashlib.sha256(html.encode()).hexdigest()[:32].encode()
    return HTML(string=html, base_url=None).write_pdf(
        pdf_variant="pdf/ua-1", pdf_tags=True, pdf_identifier=identifier
    )


def render_html(pack: Pack) -> bytes:
    return pack_html(pack.document, pack.pages, pack.total).encode("utf-8")


def _page_field(paragraph, total: int) -> None:
    paragraph.add_run("Page ")
    paragraph._p.append(
        parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )
    paragraph.add_run(f" of {total}")


def _start_at(section, page: int) -> None:
    sect = section._sectPr
    for old in sect.findall(qn("w:pgNumType")):
        sect.remove(old)
    number = parse_xml(f'<w:pgNumType {nsdecls("w")} w:start="{page}"/>')
    # pgNumType comes after the page's size and margins (ECMA-376 order): before w:cols if any.
    cols = sect.find(qn("w:cols"))
    if cols is not None:
        cols.addprevious(number)
    else:
        sect.append(number)


class PackWriter(WordWriter):
    def __init__(self, pack: Pack) -> None:
        super().__init__(pack.document)
        self.pack = pack
        page = self.doc.sections[0]
        page.left_margin = page.right_margin = page.top_margin = page.bottom_margin = Mm(MARGIN)
        self.width_mm = 210 - 2 * MARGIN
        self.doc.styles["Normal"].font.size = WORD_TYPE
        for style in ("Heading 1", "Heading 2", "Heading 3", "Heading 4", "Title", "Subtitle", "List Bullet"):
            self.doc.styles[style].paragraph_format.space_before = Pt(4)
        self.doc.styles["Title"].font.size = Pt(18)
        _page_field(page.footer.paragraphs[0], pack.total)

    def render(self) -> bytes:
        source, pack = self.source, self.pack
        self.doc.add_heading(clean(source.title), level=0)
        if source.subtitle:
            self.doc.add_paragraph(clean(source.subtitle), style="Subtitle")
        if source.banner:
            self.block(replace_banner(source.banner))
        self.shown = 1
        for n, block in enumerate(source.blocks):
            self.turn_to(pack.pages[n])
            if isinstance(block, Heading) and block.new_page:
                block = replace(block, new_page=False)  # the section already begins a page
            if isinstance(block, Table) and n in pack.rows:
                self.table_by_pages(block, pack.rows[n])
            else:
                self.block(block)
        self._properties()
        return fixed_zip(downloads.docx_bytes(self.doc), moment(source.as_at) or ZIP_EPOCH)

    def turn_to(self, page: int) -> None:
        """A new page, numbered as the PDF's, where the PDF begins one."""
        if page > self.shown:
            self.shown = page
            _start_at(self.doc.add_section(WD_SECTION.NEW_PAGE), page)

    def table_by_pages(self, table: Table, rows: list[int]) -> None:
        """A long table broken at the rows where the PDF breaks it, its header rows repeated."""
        chunks: list[tuple[int, list]] = []
        for row, page in zip(table.rows, rows, strict=True):
            if not chunks or page != chunks[-1][0]:
                chunks.append((page, []))
            chunks[-1][1].append(row)
        if chunks and chunks[0][0] > self.shown and not table.caption_hidden:
            # The PDF prints the caption at the foot of a page and the rows from the next.
            self.block(replace_banner(table.caption))
            table = replace(table, caption_hidden=True)
        for position, (page, chunk) in enumerate(chunks):
            self.turn_to(page)
            later = position > 0
            self.block(
                replace(
                    table,
                    rows=chunk,
                    caption_hidden=table.caption_hidden or later,
                    notes=[] if position < len(chunks) - 1 else table.notes,
                )
            )


def replace_banner(text: str):
    from outcomes.documents.model import Paragraph, Run

    return Paragraph([Run(text, strong=True)])


def render_docx(pack: Pack) -> bytes:
    return PackWriter(pack).render()


def render(pack: Pack, fmt: str) -> bytes:
    if fmt == "pdf":
        return render_pdf(pack)
    if fmt == "docx":
        return render_docx(pack)
    if fmt == "html":
        return render_html(pack)
    raise ValueError(f"unknown format {fmt!r}: use pdf, docx or html")
