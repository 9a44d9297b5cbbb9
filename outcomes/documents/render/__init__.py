"""The three renderings of a ``Document``: HTML (pages), Word and a tagged PDF."""

from outcomes.documents.model import Document
from outcomes.documents.render.docx import render_docx
from outcomes.documents.render.html import render_html
from outcomes.documents.render.pdf import page_css, render_pdf

FILE_FORMATS = ("docx", "pdf", "html")


def render_file(document: Document, fmt: str) -> bytes:
    """The document as a file to download: Word, PDF, or HTML as a page standing on its own."""
    if fmt == "docx":
        return render_docx(document)
    if fmt == "pdf":
        return render_pdf(document)
    if fmt == "html":
        return render_html(document, standalone=True, css=page_css(document)).encode("utf-8")
    raise ValueError(f"unknown document format {fmt!r}: use {', '.join(FILE_FORMATS)}")


__all__ = ["FILE_FORMATS", "render_docx", "render_file", "render_html", "render_pdf"]
