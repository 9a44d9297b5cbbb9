"""A ``Document`` as a tagged PDF: the standalone HTML printed by WeasyPrint with its structure kept
as PDF tags (headings, tables with their header cells, lists, figures with their alt text), so a
screen reader can read it (decision 0096). Dates and the file identifier come from the document's
as-at, never from the clock, so the same as-at gives the same bytes (decision 0097)."""

import hashlib
from pathlib import Path

from outcomes.documents.model import Document, moment
from outcomes.documents.render.html import render_html

PRINT_CSS = (Path(__file__).parent / "print.css").read_text(encoding="utf-8")


def page_css(document: Document) -> str:
    size = "A4 landscape" if document.landscape else "A4"
    return f"@page {{ size: {size}; margin: 12mm 12mm 14mm; }}\n{PRINT_CSS}"


def printable_html(document: Document) -> str:
    """The standalone page the PDF is printed from, its dates those of the as-at."""
    meta = {
        "author": document.meta.get("author", "Outcomes"),
        "description": document.meta.get("subject", document.subtitle),
        "keywords": document.meta.get("keywords", ""),
        "generator": "Outcomes",
    }
    when = moment(document.as_at)
    if when is not None:
        meta["dcterms.created"] = meta["dcterms.modified"] = when.isoformat() + "+00:00"
    with_meta = Document(**{**document.__dict__, "meta": {k: v for k, v in meta.items() if v}})
    return render_html(with_meta, standalone=True, css=page_css(document))


def render_pdf(document: Document) -> bytes:
    """The document as the bytes of a tagged PDF (PDF/UA-1 where WeasyPrint can say so)."""
    # Imported here: WeasyPrint loads Pango when imported, which a page that never prints need not.
    from weasyprint import HTML

    html = printable_html(document)
    # The identifier says "this document": the same content gives the same one, as PDF intends.
    identifier = hashlib.sha256(html.encode()).hexdigest()[:32].encode()
    return HTML(string=html, base_url=None).write_pdf(
        pdf_variant="pdf/ua-1", pdf_tags=True, pdf_identifier=identifier
    )
