"""Survey results as board documents (decision 0095): the borough report, each school's report and
participation, built once from a release and rendered as Word and a tagged PDF by
``outcomes.documents.render``. The tables are the pages' (``results_export``, laid out by
``results_summary``), suppressed cells shown as [c]; nothing is computed here."""

from outcomes.core.downloads import Number
from outcomes.documents.model import Block, Cell, Document, Heading, Note, Paragraph, Section, Table, header
from outcomes.documents.render import render_docx, render_pdf
from outcomes.surveys import releases
from outcomes.surveys.results_export import Table as ResultsTable
from outcomes.surveys.results_export import (
    legend,
    participation_tables,
    question_tables,
    release_note,
)
from outcomes.surveys.results_summary import layout

FORMATS = {"docx": render_docx, "pdf": render_pdf}


def table(source: ResultsTable) -> Table:
    """A results table as a document table: labels down the side as row headings, figures as numbers."""
    rows = []
    for cells in source.rows:
        row = []
        for position, cell in enumerate(cells):
            value = cell.number.value if isinstance(cell.number, Number) else cell.number
            row.append(Cell(value, cell.text, style="" if position == 0 else "numeric"))
        rows.append(row)
    heads = header(*source.columns)
    for cell in heads[1:]:
        cell.style = "numeric"
    columns = len(source.columns)
    return Table(
        source.caption,
        header=[heads],
        rows=rows,
        notes=[source.note] if source.note else [],
        row_headers=True,
        widths=[max(2.0, columns / 2)] + [1.0] * (columns - 1),
        anchor=source.anchor,
    )


def _document(release, title: str, subtitle: str, blocks: list[Block]) -> Document:
    note = release_note(release)
    interim = release.kind != "final"
    opening: list[Block] = [] if interim else [Paragraph(note)]
    return Document(
        title=title,
        subtitle=subtitle,
        as_at=release.published_at,
        banner=note if interim else "",
        meta={"author": "Outcomes", "subject": f"{subtitle}: {title}", "keywords": release.edition.slug},
        blocks=[*opening, Paragraph(legend(release.threshold)), *blocks],
        landscape=True,
    )


def _results_blocks(results) -> list[Block]:
    """The report's parts in the page's order: the summary, then each section of questions."""
    parts = layout(results, question_tables(results))
    summary: list[Block] = [table(parts.headline)]
    summary += [table(parts.differences)] if parts.differences else []
    blocks: list[Block] = [Section(Heading("Summary", anchor="summary"), summary)]
    if parts.common_note:
        blocks.append(Paragraph(f"{parts.common_note}."))
    for section in parts.sections:
        inside: list[Block] = []
        if section.suppressed:
            inside.append(
                Note(
                    f"{section.title}: every figure suppressed, not shown as tables: "
                    + "; ".join(section.suppressed)
                )
            )
        inside += [table(t) for t in section.tables]
        blocks.append(Section(Heading(section.title, anchor=section.anchor), inside))
    return blocks


def borough_document(release) -> Document:
    results, _, _ = releases.borough_of(release)
    return _document(release, "Borough report", release.edition.title, _results_blocks(results))


def participation_document(release) -> Document:
    _, taking_part, _ = releases.borough_of(release)
    tables: list[Block] = [table(t) for t in participation_tables(taking_part, None)]
    return _document(release, "Participation by school and by area", release.edition.title, tables)


def school_document(release, school) -> Document | None:
    """A school's report against the borough, or None when the release holds none for it."""
    found = releases.school_of(release, school)
    if found is None:
        return None
    results, own, _ = found
    participation = Section(
        Heading("Participation", anchor="school-participation"), [table(participation_tables(None, own)[0])]
    )
    blocks: list[Block] = [participation, *_results_blocks(results)]
    title = f"School report: {school.name}, against the borough"
    return _document(release, title, release.edition.title, blocks)


def school_report_pdf(release, school) -> bytes | None:
    """A school's report in a release as a tagged PDF (None when it has none): one call per school,
    for whoever sends every school its report."""
    document = school_document(release, school)
    return None if document is None else render_pdf(document)


def rendered(document: Document, fmt: str) -> bytes:
    """``document`` as "docx" or "pdf" bytes."""
    return FORMATS[fmt](document)
