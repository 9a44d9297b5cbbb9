"""The agenda pack: the agenda and each item's paper as one ``Document``, rendered as HTML, Word and
PDF with ONE page numbering shared by the three (decision 0138).

The PDF's pages decide. The pack is laid out by WeasyPrint with every top-level block in its own
marked box, which says on which page each block starts; the agenda's "pages 3-12" are filled in from
that and the pack laid out again until the numbers stand (they are written at a fixed width, so one
more pass settles them). Word is then given the same pages: a new section, numbered from the PDF's
page, before every block that starts a page in the PDF, and a smaller type so that what fills a PDF
page fits a Word page. The HTML marks where each page begins ("Page 3 of 14").
"""

from dataclasses import dataclass, replace
from datetime import date

from markupsafe import Markup

from outcomes.core.formatting import format_date
from outcomes.documents.model import (
    Block,
    Cell,
    Document,
    Heading,
    Note,
    Paragraph,
    Row,
    Table,
    as_row,
    header,
    walk,
)
from outcomes.documents.render.html import HtmlWriter, banner_block, title_block
from outcomes.documents.render.pdf import page_css
from outcomes.governance.agenda import every_item
from outcomes.papers.document import DRAFT_BANNER, paper_document

FORMATS = ("pdf", "docx", "html")
PLACEHOLDER = "pages 000-000"
FOOTER_CSS = (
    '@page { @bottom-right { content: "Page " counter(page) " of " counter(pages); '
    "font-family: Arial, sans-serif; font-size: 8pt; color: #505a5f; } }\n"
    ".app-page-marker { color: #505a5f; font-size: 8pt; border-top: 1px solid #b1b4b6; margin-top: 6mm; }\n"
)


@dataclass
class Pack:
    """The pack's document, the page each of its blocks starts on, its length in pages, and each
    paper's pages ({item id: (first, last)})."""

    document: Document
    pages: list[int]
    total: int
    ranges: dict[int, tuple[int, int]]
    # For each top-level table (by its block's position), the page each of its body rows begins on.
    rows: dict[int, list[int]]


def pages_text(first: int, last: int) -> str:
    return f"page {first}" if first == last else f"pages {first}-{last}"


def meeting_line(meeting: dict) -> str:
    when = format_date(date.fromisoformat(meeting["date"]))
    parts = [when]
    if meeting["starts_at"]:
        parts.append(f"at {meeting['starts_at']}")
    if meeting["venue"]:
        parts.append(meeting["venue"])
    return ", ".join(parts)


def item_words(item: dict) -> str:
    title = item["title"]
    if item["kind"] == "other_minutes" and item["other_meeting_date"]:
        held = format_date(date.fromisoformat(item["other_meeting_date"]))
        title = f"{title} (minutes of the {item['other_body']} meeting held on {held})"
    if item["exempt"]:
        title = f"{title} (exempt: {item['exempt_reason']})"
    return title


def agenda_blocks(content: dict, ranges: dict[int, str]) -> list[Block]:
    """The agenda as the pack's first pages: a table per heading, item numbers as computed."""
    blocks: list[Block] = [Paragraph(meeting_line(content["meeting"]), style="lead")]
    for section in content["sections"]:
        if not section["items"]:
            continue
        rows: list[list[Cell] | Row] = []
        for item in every_item({"sections": [section]}):
            paper = ranges.get(item["id"], "")
            rows.append(
                [
                    Cell(text=item["number"], is_header=True),
                    Cell(text=item_words(item)),
                    Cell(text=item["presenter"]),
                    Cell(text=paper),
                ]
            )
        blocks.append(
            Table(
                caption=section["title"] or "Items",
                header=[header("Item", "Title", "Presented by", "Paper")],
                rows=rows,
                row_headers=True,
                widths=[0.7, 5, 2.3, 1.6],
            )
        )
    return blocks


def paper_blocks(item: dict) -> list[Block]:
    """An item's paper from a new page: its heading names the item, then the paper as written."""
    paper = item["paper"]
    document = paper_document(paper["content"])
    if paper["version"]:
        on = format_date(date.fromisoformat(paper["published_on"]))
        status = f"Version {paper['version']} of the paper, published on {on}."
    else:
        status = DRAFT_BANNER
    blocks: list[Block] = [
        Heading(
            f"Item {item['number']}: {item['title']}", level=1, new_page=True, anchor=f"item-{item['id']}"
        ),
        Paragraph(f"{document.subtitle}: {document.title}", style="lead"),
        Note(status),
    ]
    for block in walk(document.blocks):
        if isinstance(block, Heading):
            block = replace(block, level=min(block.level + 1, 4), new_page=False)
        blocks.append(block)
    return blocks


def pack_document(content: dict, ranges: dict[int, str], *, exempt: bool) -> Document:
    meeting = content["meeting"]
    blocks = agenda_blocks(content, ranges)
    for item in every_item(content):
        if item["paper"]:
            blocks += paper_blocks(item)
    return Document(
        title=f"Agenda: {meeting['body']}",
        subtitle=meeting_line(meeting),
        as_at=date.fromisoformat(meeting["date"]),
        banner="Includes exempt items: not for publication." if exempt else "",
        meta={"author": meeting["body"], "subject": f"Agenda pack, {meeting_line(meeting)}"},
        blocks=blocks,
    )


# --- one page numbering ----------------------------------------------------------------------------


def pack_html(document: Document, pages: list[int] | None = None, total: int = 0) -> str:
    """The pack as a standalone page: every top-level block in a box marked ``u<n>`` (WeasyPrint
    reports the page each begins on); with ``pages``, a "Page N of M" marker where each page begins."""
    writer = HtmlWriter()
    parts = [title_block(document), banner_block(document)]
    if pages:
        parts.insert(
            0, Markup('<p class="govuk-body-s app-page-marker" id="page-1">Page 1 of {}</p>').format(total)
        )
    shown = 1
    for n, block in enumerate(document.blocks):
        if pages and pages[n] > shown:
            shown = pages[n]
            parts.append(
                Markup('<p class="govuk-body-s app-page-marker" id="page-{}">Page {} of {}</p>').format(
                    shown, shown, total
                )
            )
        parts.append(Markup('<div id="u{}">{}</div>').format(n, writer.block(block)))
    css = page_css(document) + FOOTER_CSS
    head = Markup('<meta charset="utf-8">\n<title>{}: {}</title>\n<style>{}</style>').format(
        document.title, document.subtitle, Markup(css.replace("</", "<\\/"))
    )
    return str(
        Markup(
            '<!DOCTYPE html>\n<html lang="{}" class="govuk-template">\n<head>\n{}\n</head>\n'
            '<body class="govuk-template__body"><main class="govuk-main-wrapper" id="main-content">\n'
            "{}\n</main>\n</body>\n</html>\n"
        ).format(document.language, head, Markup("\n").join(parts))
    )


def laid_out(document: Document):
    from weasyprint import HTML

    return HTML(string=pack_html(document), base_url=None).render()


def mark_rows(document: Document) -> None:
    """Every body row of a top-level table marked ``u<n>r<k>``: a long table's page breaks are then
    known row by row, and Word breaks it at the same rows."""
    for n, block in enumerate(document.blocks):
        if isinstance(block, Table):
            block.rows = [replace(as_row(row), anchor=f"u{n}r{k}") for k, row in enumerate(block.rows)]


def first_pages(rendered) -> dict[str, int]:
    first: dict[str, int] = {}
    for number, page in enumerate(rendered.pages, start=1):
        for anchor in page.anchors:
            first.setdefault(anchor, number)
    return first


def block_pages(first: dict[str, int], count: int) -> list[int]:
    """The page (from 1) on which each of the ``count`` blocks begins."""
    pages, last = [], 1
    for n in range(count):
        last = first.get(f"u{n}", last)
        pages.append(last)
    return pages


def row_pages(first: dict[str, int], document: Document, pages: list[int]) -> dict[int, list[int]]:
    found = {}
    for n, block in enumerate(document.blocks):
        if isinstance(block, Table):
            last, rows = pages[n], []
            for k in range(len(block.rows)):
                last = first.get(f"u{n}r{k}", last)
                rows.append(last)
            found[n] = rows
    return found


def paper_ranges(document: Document, pages: list[int], total: int) -> dict[int, tuple[int, int]]:
    starts = [
        (int(block.anchor.split("-")[1]), pages[n])
        for n, block in enumerate(document.blocks)
        if isinstance(block, Heading) and block.anchor.startswith("item-")
    ]
    ranges = {}
    for position, (item_id, first) in enumerate(starts):
        last = starts[position + 1][1] - 1 if position + 1 < len(starts) else total
        ranges[item_id] = (first, max(first, last))
    return ranges


def build_pack(content: dict, *, exempt: bool) -> Pack:
    """``content`` as its reader may hold it (agenda.shown_content) laid out with its page numbers."""
    with_papers = [i["id"] for i in every_item(content) if i["paper"]]
    shown = dict.fromkeys(with_papers, PLACEHOLDER)
    for _ in range(4):
        document = pack_document(content, shown, exempt=exempt)
        mark_rows(document)
        rendered = laid_out(document)
        total = len(rendered.pages)
        first = first_pages(rendered)
        pages = block_pages(first, len(document.blocks))
        ranges = paper_ranges(document, pages, total)
        wanted = {key: pages_text(*ranges[key]) for key in with_papers}
        if wanted == shown:
            return Pack(document, pages, total, ranges, row_pages(first, document, pages))
        shown = wanted
    raise RuntimeError("the pack's page numbers did not settle")
