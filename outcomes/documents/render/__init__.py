"""The three renderings of a ``Document``: HTML (pages), Word and a tagged PDF."""

from outcomes.documents.render.docx import render_docx
from outcomes.documents.render.html import render_html
from outcomes.documents.render.pdf import render_pdf

__all__ = ["render_docx", "render_html", "render_pdf"]
