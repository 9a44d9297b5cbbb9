"""Survey results as a PDF, drawn with ReportLab (pure Python: nothing else to install at run time).
The tables are those of the pages (``results_export``), suppressed cells shown as [c]."""

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from outcomes.surveys.results_export import Cell, Table

STYLES = getSampleStyleSheet()
CELL = ParagraphStyle("cell", parent=STYLES["BodyText"], fontSize=7.5, leading=9)
HEAD = ParagraphStyle("head", parent=CELL, fontName="Helvetica-Bold")
CAPTION = ParagraphStyle("caption", parent=STYLES["Heading4"], fontSize=9.5, leading=11, spaceAfter=2)
NOTE = ParagraphStyle("note", parent=CELL, textColor=colors.HexColor("#505a5f"))


def _drawn(cell: Cell, *, first: bool):
    if first or (cell.number is None and not cell.suppressed and len(cell.text) > 3):
        return Paragraph(escape(cell.text), CELL)
    return cell.text


def _table(table: Table, width: float) -> list:
    first = min(70 * mm, width * 0.34)
    rest = (width - first) / max(1, len(table.columns) - 1)
    data = [[Paragraph(escape(c), HEAD) for c in table.columns]]
    # Labels wrap as paragraphs; figures are short plain strings, which draw far faster.
    data += [[_drawn(cell, first=position == 0) for position, cell in enumerate(row)] for row in table.rows]
    pdf = PdfTable(data, colWidths=[first] + [rest] * (len(table.columns) - 1), repeatRows=1)
    pdf.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#b1b4b6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTSIZE", (1, 1), (-1, -1), 7.5),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    parts = [Paragraph(escape(table.caption), CAPTION), pdf]
    if table.note:
        parts.append(Paragraph(escape(table.note), NOTE))
    return [KeepTogether(parts[:2]), *parts[2:], Spacer(1, 4 * mm)]


def report_pdf(title: str, subtitle: str, notes: list[str], tables: list[Table]) -> bytes:
    """A landscape A4 document: title, notes (the legend first), then each table with its caption."""
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=title,
        subject=subtitle,
        author="Outcomes",
    )
    story = [Paragraph(escape(title), STYLES["Title"]), Paragraph(escape(subtitle), STYLES["Heading2"])]
    story += [Paragraph(escape(note), STYLES["BodyText"]) for note in notes]
    story.append(Spacer(1, 4 * mm))
    for table in tables:
        story += _table(table, document.width)
    document.build(story)
    return out.getvalue()
