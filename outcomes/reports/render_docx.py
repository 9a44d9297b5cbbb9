"""The progress report as the board receives it: a Word document (SPEC §1; notes-003 §6-7, F1).

Every figure comes from the ``ProgressReport``; this module only lays it out.
"""

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt, RGBColor

from outcomes.core import downloads
from outcomes.core.formatting import format_date, format_weight, ordinal
from outcomes.plans.rules import NO_RED_MILESTONES_TEXT
from outcomes.reports.progress import ProgressReport, weights_label

# (fill, text) per RagStatus.style; the text colour keeps the word readable on its fill.
STATUS_COLOURS = {
    "green": ("00703C", "FFFFFF"),
    "amber": ("FFDD00", "0B0C0C"),
    "red": ("D4351C", "FFFFFF"),
    "blue": ("1D70B8", "FFFFFF"),
    "other": ("B1B4B6", "0B0C0C"),
}
NO_UPDATE_TEXT = "No update provided"
EXCLUDED_TEXT = "Excluded from this report"
PAGE_WIDTH_MM = 297 - 2 * 20
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
# Text pasted from Word can carry control characters that neither .docx nor .xlsx may hold: the one
# cleaning rule of the download writer (docs/decisions/0066).
clean = downloads.clean_text


def colours(status) -> tuple[str, str]:
    return STATUS_COLOURS.get(status.style, STATUS_COLOURS["other"])


def signed(value: int) -> str:
    return f"+{value}" if value > 0 else str(value)


def overview_label(report: ProgressReport, row) -> str:
    """The overview names the strategic leads without their job titles (seed 003 line 618)."""
    p = row.priority
    texts = next((s.strategic_leads for s in report.sections if s.priority.number == p.number), None) or [
        lead.text for lead in p.strategic_leads.all()
    ]
    names = "/".join(text.split(",", 1)[0].strip() for text in texts)
    return f"{p.number}: {p.statement}" + (f" Strategic Lead/s: {names}" if names else "")


def excluded_note(priority) -> str:
    return (
        f"Please note: Priority {priority.number} – “{priority.statement}” has been excluded "
        f"from this progress report: {priority.excluded_reason.strip()}"
    )


def awaiting_note(report: ProgressReport) -> str | None:
    n, m = report.awaiting_update, report.awaiting_approval
    no_update = next((s.label for s in report.statuses if s.means_no_update), None)
    counted = f" and {'are' if n != 1 else 'is'} counted as {no_update}" if no_update else ""
    parts = [f"{n} milestone{'s have' if n != 1 else ' has'} no update yet{counted}"] if n else []
    parts += [f"{m} update{'s are' if m != 1 else ' is'} awaiting approval"] if m else []
    if report.round.is_closed or not parts:
        return None
    return f"This round is still open: {'; '.join(parts)}."


def notes(report: ProgressReport) -> list[str]:
    """The notes under the overview: split statuses, excluded priorities, an open round."""
    found = list(report.overview_notes)
    found += [excluded_note(p) for p in report.excluded]
    return found + [n for n in [awaiting_note(report)] if n]


def key_issue_rows(report: ProgressReport) -> list[tuple[int, list | None]]:
    """(number, entries); None marks an excluded priority, kept in number order (seed F6)."""
    rows = [(p.number, entries) for p, entries in report.key_issues]
    return sorted(rows + [(p.number, None) for p in report.excluded], key=lambda r: r[0])


def before_label(report: ProgressReport, change) -> str:
    return weights_label(report, change.before) if change.before else "no update"


def change_line(report: ProgressReport, change) -> str:
    m = change.milestone
    return (
        f"Priority {m.priority.number}, milestone {m.number}: "
        f"{before_label(report, change)} → {weights_label(report, change.after)}"
    )


def table_lines(tables) -> list[str]:
    """Embedded tables as plain lines: enough to read, without nesting tables in a cell."""
    lines: list[str] = []
    for table in tables or []:
        columns = [str(c) for c in table.get("columns") or []]
        if table.get("caption"):
            lines.append(str(table["caption"]))
        if columns:
            lines.append(" | ".join(columns))
        for row in table.get("rows") or []:
            cells = [row.get(c, "") for c in columns] if isinstance(row, dict) else row
            lines.append(" | ".join("" if c is None else str(c) for c in cells))
    return [clean(line) for line in lines]


def update_lines(entry, tables: bool = True) -> list[str]:
    update = entry.update
    text = clean((update.text if update else "") or "")
    lines = [line.strip() for line in text.splitlines()]
    extra = table_lines(update.tables) if tables and update else []
    return [line for line in lines if line] + extra


def _shade(cell, status) -> None:
    fill, text = colours(status)
    shd = parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    cell._tc.get_or_add_tcPr().insert_element_before(shd, *_AFTER_SHD)
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.font.color.rgb = RGBColor.from_string(text)


def _write(cell, lines, bold=False, italic=False) -> None:
    for i, line in enumerate(lines or [""]):
        run = (cell.paragraphs[0] if i == 0 else cell.add_paragraph()).add_run(line)
        run.bold, run.italic = bold or None, italic or None


def _table(doc, headings: list[str], widths_mm: list[float]):
    table = doc.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # Word reads the cell widths, LibreOffice the grid; add_row copies the grid into new cells.
    for column, cell, heading, width in zip(
        table.columns, table.rows[0].cells, headings, widths_mm, strict=True
    ):
        column.width = cell.width = Mm(width)
        _write(cell, [heading], bold=True)
    # A long table repeats its header on every page, as the seed's does.
    for tag in ("cantSplit", "tblHeader"):
        table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:{tag} {nsdecls('w')}/>"))
    return table


def _add_row(table, *cells_lines, bold=False) -> None:
    for cell, lines in zip(table.add_row().cells, cells_lines, strict=True):
        _write(cell, lines, bold=bold)


def _overview(doc, report: ProgressReport) -> None:
    doc.add_heading("Overview", level=1)
    center, numbers = WD_ALIGN_PARAGRAPH.CENTER, len(report.statuses) + 1
    table = _table(
        doc,
        ["Priority", *(s.label for s in report.statuses), "Total"],
        [PAGE_WIDTH_MM - 22 * numbers] + [22] * numbers,
    )
    for cell, status in zip(table.rows[0].cells[1:], report.statuses, strict=False):
        _shade(cell, status)
        cell.paragraphs[0].alignment = center
    for row, cells in zip(report.overview, report.figures.rows, strict=True):
        _add_row(
            table,
            [overview_label(report, row)],
            *([format_weight(cells[k], 1)] for k in report.keys),
            [str(row.total)],
        )
    _add_row(
        table,
        ["Total"],
        *([str(report.figures.totals[k])] for k in report.keys),
        [str(report.grand_total)],
        bold=True,
    )
    _add_row(table, ["%"], *([str(report.percents[k])] for k in report.keys), [""], bold=True)
    for row in table.rows[1:]:
        for cell in row.cells[1:]:
            cell.paragraphs[0].alignment = center


def _changes(doc, report: ProgressReport) -> None:
    changes = report.changes
    doc.add_heading(f"Changes since {changes.previous.title}", level=1)
    table = _table(doc, ["Status", changes.previous.title, report.round.title, "Change"], [50, 45, 45, 30])
    for status in report.statuses:
        key = status.key
        _add_row(
            table,
            [status.label],
            [str(changes.previous_totals[key])],
            [str(changes.current_totals[key])],
            [signed(changes.difference[key])],
        )
    lines = [change_line(report, c) for c in changes.changed] or ["No milestone changed status."]
    for line in lines:
        doc.add_paragraph(line, style="List Bullet")


def _section(doc, report: ProgressReport, section) -> None:
    p = section.priority
    doc.add_heading(f"Priority {p.number}: {p.statement}", level=1).paragraph_format.page_break_before = True
    doc.add_paragraph(f"Strategic Lead/s: {'; '.join(section.strategic_leads)}")
    table = _table(
        doc,
        ["ACTION", "DELIVERY MILESTONES", report.update_heading, "LEAD/S", "RAG status"],
        [45, 62, 90, 38, 22],
    )
    sub_heading = ""
    for block in section.actions:
        for i, entry in enumerate(block.entries):
            m = entry.milestone
            action, milestone, update, leads, rag = table.add_row().cells
            _write(action, [f"({block.label}) {block.text}"] if i == 0 else [""])
            # A sub-theme heads the group of milestones under it once, as in the seed (P6).
            if m.sub_heading and m.sub_heading != sub_heading:
                _write(milestone, [m.sub_heading], bold=True)
                milestone.add_paragraph(f"{m.number}. {m.text}")
            else:
                _write(milestone, [f"{m.number}. {m.text}"])
            sub_heading = m.sub_heading
            for line in table_lines(m.tables):
                milestone.add_paragraph(line)
            lines = update_lines(entry)
            _write(update, lines or [NO_UPDATE_TEXT], italic=not lines)
            _write(leads, [line for line in entry.leads.splitlines() if line.strip()])
            _write(rag, [weights_label(report, entry.weights)], bold=True)
            if len(entry.weights) == 1:
                _shade(rag, report.status(next(iter(entry.weights))))


def _key_issues(doc, report: ProgressReport) -> None:
    doc.add_heading("Key issues", level=1).paragraph_format.page_break_before = True
    table = _table(doc, ["Priority", "Issues"], [40, PAGE_WIDTH_MM - 40])
    for number, entries in key_issue_rows(report):
        priority_cell, issues = table.add_row().cells
        _write(priority_cell, [f"Priority {number}"], bold=True)
        if entries is None:
            _write(issues, [EXCLUDED_TEXT], italic=True)
        elif not entries:
            _write(issues, [NO_RED_MILESTONES_TEXT])
        for i, entry in enumerate(entries or []):
            paragraph = issues.paragraphs[0] if i == 0 else issues.add_paragraph()
            paragraph.add_run(f"Milestone {entry.milestone.number}: ").bold = True
            lines = update_lines(entry, tables=False) or [entry.milestone.text]
            paragraph.add_run("\n".join(lines))  # one paragraph per milestone, lines broken


def progress_report_docx(report: ProgressReport) -> bytes:
    doc = Document()
    page = doc.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Mm(297), Mm(210)
    page.left_margin = page.right_margin = Mm(20)
    page.top_margin = page.bottom_margin = Mm(15)
    doc.styles["Normal"].font.name, doc.styles["Normal"].font.size = "Arial", Pt(10)
    doc.core_properties.title = f"{report.plan.title}: progress report {report.round.title}"
    doc.add_heading(report.plan.title, level=0)
    doc.add_paragraph(f"Progress report: {report.round.title}", style="Subtitle")
    doc.add_paragraph(f"Generated {format_date(report.generated_at)}")

    doc.add_paragraph(
        f"This is the {ordinal(report.round.ordinal)} progress report on the delivery milestones. "
        "Each delivery milestone has been ranked as one of the following:"
    )
    for status in report.statuses:
        paragraph = doc.add_paragraph(style="List Bullet")
        paragraph.add_run(status.label).bold = True
        paragraph.add_run(f" – {status.description}" if status.description else "")

    _overview(doc, report)
    for note in notes(report):
        doc.add_paragraph(note).paragraph_format.space_before = Pt(6)
    if report.changes is not None:
        _changes(doc, report)
    for section in report.sections:
        _section(doc, report, section)
    _key_issues(doc, report)

    return downloads.docx_bytes(doc)
