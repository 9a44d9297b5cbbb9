"""A ``Document`` as HTML: a fragment for a page (GOV.UK Frontend classes, every table in its own
scrolling region, decision 0080) or a page that stands alone (the PDF is printed from it)."""

import base64
from collections.abc import Iterable
from dataclasses import replace

from markupsafe import Markup, escape

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
    Row,
    Section,
    Table,
    as_row,
    runs,
)

HEADING_CLASSES = {1: "govuk-heading-m", 2: "govuk-heading-s", 3: "govuk-heading-s", 4: "govuk-heading-s"}
PARAGRAPH_CLASSES = {
    "": "govuk-body",
    "small": "govuk-body-s",
    "lead": "govuk-body-l",
    "caption": "govuk-body-s",
}
SCROLL = Markup('<div class="app-table-scroll" role="region" aria-label="{}" tabindex="0">{}</div>')
IMAGE = Markup('<img class="app-figure__image" src="data:image/svg+xml;base64,{}" alt="{}">')


def inline(content: Content) -> Markup:
    """Runs as HTML: emphasis, coloured labels, links within the document, line breaks kept."""
    out = []
    for run in runs(content):
        html = Markup("<br>").join(escape(line) for line in run.text.split("\n"))
        if run.label:
            html = Markup('<span class="app-rag app-rag--{}">{}</span>').format(run.label, html)
        if run.em:
            html = Markup("<em>{}</em>").format(html)
        if run.strong:
            html = Markup("<strong>{}</strong>").format(html)
        if run.target:
            html = Markup('<a class="govuk-link" href="#{}">{}</a>').format(run.target, html)
        elif run.href:
            html = Markup('<a class="govuk-link" href="{}">{}</a>').format(run.href, html)
        out.append(html)
    return Markup("").join(out)


def _attrs(**attributes: str | int | None) -> Markup:
    parts = [
        Markup(' {}="{}"').format(name.rstrip("_").replace("_", "-"), value)
        for name, value in attributes.items()
        if value not in (None, "") and not (name == "colspan" and value == 1)
    ]
    return Markup("").join(parts)


class HtmlWriter:
    """One rendering of blocks. Column widths go inline (the page's CSP allows inline styles)."""

    def blocks(self, blocks: Iterable[Block]) -> Markup:
        return Markup("\n").join(self.block(b) for b in blocks)

    def block(self, block: Block) -> Markup:
        if isinstance(block, Section):
            return self.heading(block.heading) + Markup("\n") + self.blocks(block.blocks)
        if isinstance(block, Heading):
            return self.heading(block)
        if isinstance(block, Paragraph):
            css = PARAGRAPH_CLASSES.get(block.style, "govuk-body")
            return Markup("<p{}>{}</p>").format(_attrs(class_=css), inline(block.content))
        if isinstance(block, BulletList):
            items = Markup("").join(Markup("<li>{}</li>").format(inline(i)) for i in block.items)
            return Markup('<ul class="govuk-list govuk-list--bullet">{}</ul>').format(items)
        if isinstance(block, Note):
            return Markup('<p class="govuk-body app-note">{}</p>').format(inline(block.content))
        if isinstance(block, Table):
            return self.table(block)
        if isinstance(block, Figure):
            return self.figure(block)
        raise TypeError(f"not a block: {block!r}")

    def heading(self, heading: Heading) -> Markup:
        tag = f"h{heading.level + 1}"
        css = HEADING_CLASSES[heading.level] + (" app-new-page" if heading.new_page else "")
        return Markup("<{}{}>{}</{}>").format(
            Markup(tag), _attrs(class_=css, id=heading.anchor), heading.text, Markup(tag)
        )

    def cell(self, cell: Cell, *, scope: str | None) -> Markup:
        kind = "header" if scope else "cell"
        css = [f"govuk-table__{kind}"]
        if cell.numeric:
            css.append(f"govuk-table__{kind}--numeric")
        if cell.fill:
            css.append(f"app-fill app-fill--{cell.fill}")
        content = self.blocks(cell.blocks) if cell.blocks else inline(cell.shown)
        if "strong" in cell.style.split() and not cell.blocks:
            content = Markup("<strong>{}</strong>").format(content)
        tag = Markup("th" if scope else "td")
        return Markup("<{}{}>{}</{}>").format(
            tag, _attrs(scope=scope, class_=" ".join(css), colspan=cell.colspan), content, tag
        )

    def row(self, row: Row, *, head: bool, row_headers: bool) -> Markup:
        cells = []
        for position, cell in enumerate(row.cells):
            if "strong" in row.style.split() and "strong" not in cell.style.split():
                cell = replace(cell, style=f"{cell.style} strong")
            scope = "col" if head else ("row" if (row_headers and position == 0) or cell.is_header else None)
            cells.append(self.cell(cell, scope=scope))
        return Markup('<tr class="govuk-table__row"{}>{}</tr>').format(
            _attrs(id=row.anchor), Markup("").join(cells)
        )

    def table(self, table: Table) -> Markup:
        caption_css = "govuk-table__caption govuk-table__caption--s"
        if table.caption_hidden:
            caption_css += " govuk-visually-hidden"
        parts = [Markup('<caption class="{}">{}</caption>').format(caption_css, table.caption)]
        if table.widths:
            total = sum(table.widths)
            cols = Markup("").join(
                Markup('<col style="width: {:.2f}%">').format(100 * w / total) for w in table.widths
            )
            parts.append(Markup("<colgroup>{}</colgroup>").format(cols))
        sections = (
            ("thead", table.header, True),
            ("tbody", table.rows, False),
            ("tfoot", table.footer, False),
        )
        for tag, rows, head in sections:
            if not rows:
                continue
            body = Markup("").join(
                self.row(as_row(r), head=head, row_headers=table.row_headers) for r in rows
            )
            css = "govuk-table__head" if head else "govuk-table__body"
            parts.append(Markup('<{} class="{}">{}</{}>').format(Markup(tag), css, body, Markup(tag)))
        html = Markup('<table class="{}"{}>{}</table>').format(
            " ".join(["govuk-table", *table.style.split()]), _attrs(id=table.anchor), Markup("").join(parts)
        )
        html = SCROLL.format(" ".join(table.caption.split()), html)
        notes = Markup("").join(
            Markup('<p class="govuk-body-s app-note">{}</p>').format(inline(n)) for n in table.notes
        )
        return html + notes

    def figure(self, figure: Figure) -> Markup:
        parts = [
            Markup('<figcaption class="govuk-body govuk-!-font-weight-bold">{}</figcaption>').format(
                figure.caption
            )
        ]
        if figure.svg:
            data = base64.b64encode(figure.svg.encode()).decode()
            parts.append(IMAGE.format(data, figure.alt))
        else:
            parts.append(Markup('<p class="govuk-body">{}</p>').format(figure.alt))
        if figure.table is not None:
            parts.append(self.table(figure.table))
        return Markup('<figure class="app-figure">{}</figure>').format(Markup("").join(parts))


def title_block(document: Document) -> Markup:
    """The caption (subtitle) and the title, as a page heads itself."""
    caption = (
        Markup('<span class="govuk-caption-l">{}</span>\n').format(document.subtitle)
        if document.subtitle
        else Markup("")
    )
    return caption + Markup('<h1 class="govuk-heading-l">{}</h1>').format(document.title)


def banner_block(document: Document) -> Markup:
    if not document.banner:
        return Markup("")
    return Markup('<div class="govuk-inset-text app-banner"><strong>{}</strong></div>').format(
        document.banner
    )


def render_html(document: Document, *, title: bool = True, standalone: bool = False, css: str = "") -> str:
    """The document as HTML. A fragment for a page (``title=False`` when the page heads it itself), or
    with ``standalone`` a whole page with ``css`` inlined and no link out of it."""
    writer = HtmlWriter()
    body = (title_block(document) + Markup("\n") if title else Markup("")) + banner_block(document)
    body += Markup("\n") + writer.blocks(document.blocks)
    if not standalone:
        return str(body)
    head = Markup('<meta charset="utf-8">\n<title>{}</title>').format(
        f"{document.title}: {document.subtitle}" if document.subtitle else document.title
    )
    for name, value in sorted(document.meta.items()):
        head += Markup('\n<meta name="{}" content="{}">').format(name, value)
    if css:
        head += Markup("\n<style>{}</style>").format(Markup(css.replace("</", "<\\/")))
    return str(
        Markup(
            '<!DOCTYPE html>\n<html lang="{}" class="govuk-template">\n<head>\n{}\n</head>\n'
            '<body class="govuk-template__body">\n<div class="govuk-width-container app-width-container">'
            '<main class="govuk-main-wrapper" id="main-content">\n{}\n</main></div>\n</body>\n</html>\n'
        ).format(document.language, head, body)
    )
