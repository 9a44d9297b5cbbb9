"""The progress report as a board document (SPEC §1; seed 003 lines 597-951; decision 0095).

Built once from the ``ProgressReport`` and rendered as the page, the Word document and the PDF by
``outcomes.documents.render``; every figure comes from the report, nothing is computed here.
"""

from datetime import date, datetime

from outcomes.core.formatting import format_date, format_share, format_weight, ordinal
from outcomes.documents.model import (
    Block,
    BulletList,
    Cell,
    Document,
    Heading,
    Note,
    Paragraph,
    Row,
    Run,
    Section,
    Table,
    header,
)
from outcomes.documents.render import render_docx, render_html, render_pdf
from outcomes.plans.rules import NO_RED_MILESTONES_TEXT
from outcomes.reports.kind_cells import cell_for, summary_section
from outcomes.reports.progress import ProgressReport
from outcomes.reports.wording import (
    EXCLUDED_TEXT,
    NO_UPDATE_TEXT,
    awaiting_note,
    change_line,
    excluded_note,
    key_issue_rows,
    overview_label,
    signed,
    update_lines,
)

WIDTH_MM = 297 - 2 * 20


def status_runs(report: ProgressReport, weights) -> list[str | Run]:
    """A status as coloured labels with their words: "Green", or "Green ½" "Amber ½" for a split."""
    if not weights:
        return [Run("No status", label="other")]
    shown = [s for s in report.statuses if s.key in weights]
    parts: list[str | Run] = []
    for status in shown:
        share = f" {format_share(weights[status.key])}" if len(weights) > 1 else ""
        parts += [" "] if parts else []
        parts.append(Run(f"{status.label}{share}", label=status.style))
    return parts


def status_cell(report: ProgressReport, weights) -> Cell:
    fill = f"label-{report.status(next(iter(weights))).style}" if len(weights) == 1 else ""
    return Cell(text=status_runs(report, weights), style=fill)


def text_blocks(text: str) -> list[Block]:
    """Lines of an update as paragraphs, and lines starting "•" or "- " as bulleted lists."""
    blocks: list[Block] = []
    for line in (text or "").splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        bullet = stripped.startswith("•") or stripped.startswith("- ")
        if bullet:
            item = stripped[1:].strip() if stripped.startswith("•") else stripped[2:].strip()
            if blocks and isinstance(blocks[-1], BulletList):
                blocks[-1].items.append(item)
            else:
                blocks.append(BulletList([item]))
        else:
            blocks.append(Paragraph(stripped))
    return blocks


def data_tables(tables) -> list[Block]:
    """Tables typed into an update or a milestone (rows of columns), as tables."""
    found: list[Block] = []
    for number, table in enumerate(tables or [], start=1):
        columns = [str(c) for c in table.get("columns") or []]
        rows = []
        for row in table.get("rows") or []:
            values = [row.get(c, "") for c in columns] if isinstance(row, dict) else list(row)
            rows.append([Cell("" if v is None else v) for v in values])
        found.append(
            Table(str(table.get("caption") or f"Table {number}"), header=[header(*columns)], rows=rows)
        )
    return found


def introduction(report: ProgressReport, as_at) -> Section:
    legend = [
        [Run(s.label, label=s.style), f" – {s.description}" if s.description else ""] for s in report.statuses
    ]
    row = "delivery milestone" if report.kind.key == "cypp" else report.kind.row_word.lower()
    rows = f"{row}s"
    return Section(
        Heading("Introduction", anchor="introduction"),
        [
            Paragraph(
                f"This is the {ordinal(report.round.ordinal)} progress report on the {rows} of "
                f"the plan, as at {format_date(as_at)}. Each {row} has been ranked as one of "
                "the following:"
            ),
            BulletList(legend),
        ],
    )


def overview_table(report: ProgressReport) -> Table:
    statuses = report.statuses
    heads = [Cell(text="Priority", is_header=True)]
    heads += [
        Cell(text=[Run(s.label, label=s.style)], is_header=True, style=f"numeric label-{s.style}")
        for s in statuses
    ]
    heads.append(Cell(text="Total", is_header=True, style="numeric"))
    rows: list[list[Cell] | Row] = []
    for row, cells in zip(report.overview, report.figures.rows, strict=True):
        name, _, leads = overview_label(report, row).partition(" Strategic Lead/s: ")
        label: list[str | Run] = [name] + ([Run(f"\nStrategic Lead/s: {leads}")] if leads else [])
        rows.append(
            Row(
                [Cell(text=label)]
                + [Cell(cells[k], format_weight(cells[k], 1)) for k in report.keys]
                + [Cell(row.total)]
            )
        )
    figures = report.figures
    total = Row(
        [Cell("Total")] + [Cell(figures.totals[k]) for k in report.keys] + [Cell(report.grand_total)],
        style="strong",
    )
    percent = Row([Cell("%")] + [Cell(report.percents[k]) for k in report.keys] + [Cell("")])
    numbers = len(statuses) + 1
    return Table(
        "Delivery milestones by priority and RAG status",
        header=[heads],
        rows=rows,
        footer=[total, percent],
        row_headers=True,
        widths=[WIDTH_MM - 22 * numbers] + [22] * numbers,
        caption_hidden=True,
        style="app-table--report",
    )


def overview(report: ProgressReport) -> Section:
    notes: list[Block] = [Note(n) for n in report.overview_notes]
    notes += [Note(excluded_note(p)) for p in report.excluded]
    return Section(Heading("Overview", anchor="overview"), [overview_table(report), *notes])


def changes(report: ProgressReport) -> Section | None:
    found = report.changes
    if found is None:
        return None
    table = Table(
        "Milestones by RAG status, this round against the previous round",
        header=[header("Status", found.previous.title, report.round.title, "Change")],
        rows=[
            [
                Cell(text=[Run(s.label, label=s.style)]),
                Cell(found.previous_totals[s.key]),
                Cell(found.current_totals[s.key]),
                Cell(found.difference[s.key], signed(found.difference[s.key])),
            ]
            for s in report.statuses
        ],
        row_headers=True,
        widths=[50, 45, 45, 30],
        caption_hidden=True,
    )
    for cell in table.header[0][1:]:
        cell.style = "numeric"
    lines = [change_line(report, c) for c in found.changed]
    after: Block = BulletList(list(lines)) if lines else Paragraph("No milestone changed status.")
    return Section(Heading(f"Changes since {found.previous.title}", anchor="changes"), [table, after])


def milestone_row(report: ProgressReport, block, position: int, entry, sub_heading: str) -> Row:
    m = entry.milestone
    milestone: list[Block] = []
    # A sub-theme heads the group of milestones under it once, as in the seed (P6).
    if m.sub_heading and m.sub_heading != sub_heading:
        milestone.append(Paragraph([Run(m.sub_heading, strong=True)]))
    milestone.append(Paragraph(f"{m.number}. {m.text}"))
    milestone += data_tables(m.tables)
    update = entry.update
    if update is not None and (update.text or "").strip():
        written = text_blocks(update.text) + data_tables(update.tables)
        if update.state == "submitted":
            written.append(Paragraph([Run("Awaiting approval", strong=True)], style="small"))
    else:
        written = [Paragraph([Run(NO_UPDATE_TEXT, em=True)])]
    if entry.evidence:
        # Each file named, and linked where the report is read online (decision 0103).
        written.append(
            Paragraph(
                ["Evidence: "]
                + [
                    part
                    for number, f in enumerate(entry.evidence)
                    for part in ([", "] if number else []) + [Run(f.name, href=f.url)]
                ],
                style="small",
            )
        )
    return Row(
        [
            cell_for(
                column.key,
                report=report,
                block=block,
                position=position,
                entry=entry,
                milestone=milestone,
                written=written,
                status_cell=status_cell,
            )
            for column in report.kind.columns
        ],
        anchor=f"p{m.priority.number}-m{m.number}",
    )


def priority(report: ProgressReport, section) -> Section:
    p = section.priority
    rows: list[list[Cell] | Row] = []
    sub_heading = ""
    for block in section.actions:
        for position, entry in enumerate(block.entries):
            rows.append(milestone_row(report, block, position, entry, sub_heading))
            sub_heading = entry.milestone.sub_heading
    kind = report.kind
    # The CYPP's update column is headed with the round ("Update June 2014").
    headings = [report.update_heading if c.key == "update" else c.heading for c in kind.columns]
    table = Table(
        f"{kind.row_word}s of {kind.group_word.lower()} {p.number}",
        header=[header(*headings)],
        rows=rows,
        widths=[c.width for c in kind.columns],
        caption_hidden=True,
        style="app-table--report app-table--detail",
    )
    title = p.statement if kind.shows_summary else f"{kind.group_word} {p.number}: {p.statement}"
    cited = getattr(p, "recommendations", None)
    blocks: list[Block] = []
    if cited:
        blocks.append(
            Paragraph(f"Recommendation{'s' if len(cited) > 1 else ''} {', '.join(map(str, cited))}")
        )
    if section.strategic_leads or kind.key == "cypp":
        blocks.append(Paragraph(f"Strategic Lead/s: {'; '.join(section.strategic_leads)}"))
    return Section(
        Heading(title, anchor=f"priority-{p.number}", new_page=True),
        [*blocks, table],
    )


def key_issue(report: ProgressReport, number: int, entry) -> list[str | Run]:
    m = entry.milestone
    split = f" ({' '.join(r.text for r in status_runs(report, entry.weights) if isinstance(r, Run))})"
    lines = [line.lstrip("•").strip() for line in update_lines(entry, tables=False)] or [m.text]
    return [
        Run(f"Milestone {m.number}", strong=True, target=f"p{number}-m{m.number}"),
        split if entry.is_split else "",
        ": " + "\n".join(line for line in lines if line),
    ]


def key_issues(report: ProgressReport) -> Section:
    rows: list[list[Cell] | Row] = []
    for number, entries in key_issue_rows(report):
        if entries is None:
            issues = Cell(blocks=[Paragraph([Run(EXCLUDED_TEXT, em=True)])])
        elif not entries:
            issues = Cell(NO_RED_MILESTONES_TEXT)
        else:
            issues = Cell(blocks=[BulletList([key_issue(report, number, e) for e in entries])])
        rows.append([Cell(f"Priority {number}"), issues])
    table = Table(
        "Milestones with a red status, by priority",
        header=[header("Priority", "Issues")],
        rows=rows,
        row_headers=True,
        widths=[40, WIDTH_MM - 40],
        caption_hidden=True,
        style="app-table--report",
    )
    return Section(Heading("Key issues", anchor="key-issues", new_page=True), [table])


def publication(report: ProgressReport) -> list[Block]:
    """Which publication this is, and for a revision what changed (decision 0090); nothing for the
    working report, whose date the document carries."""
    if report.stamp is None and report.as_at is None:
        return []
    blocks: list[Block] = [Paragraph(report.date_line)]
    if report.stamp is not None and report.stamp.revision:
        blocks.append(
            Section(
                Heading("What changed in this version", anchor="revision"),
                [Paragraph(report.stamp.revision), BulletList(list(report.stamp.changes))],
            )
        )
    return blocks


def progress_document(
    report: ProgressReport, *, as_at: date | datetime | None = None, banner: str | None = None
) -> Document:
    """The report as a document. ``as_at`` (the moment its figures stand at) defaults to the report's
    own (a publication's, or the one asked for), else when it was built; ``banner`` to an interim
    publication's warning, else the open round's note ("This round is still open: ...")."""
    as_at = as_at or report.as_at or report.generated_at
    plan, round_ = report.plan, report.round
    if banner is None:
        banner = report.banner or (awaiting_note(report) if report.stamp is None else "") or ""
    summary = summary_section(report) if report.summary is not None else overview(report)
    blocks: list[Block] = [*publication(report), introduction(report, as_at), summary]
    blocks += [s for s in [changes(report)] if s is not None]
    blocks += [priority(report, s) for s in report.sections]
    blocks.append(key_issues(report))
    return Document(
        title=plan.title,
        subtitle=f"Progress report: {round_.title}",
        as_at=as_at,
        banner=banner,
        meta={"author": "Outcomes", "subject": f"Progress report: {round_.title}", "keywords": plan.slug},
        blocks=blocks,
        landscape=True,
    )


def progress_report_docx(report: ProgressReport, **options) -> bytes:
    return render_docx(progress_document(report, **options))


def progress_report_pdf(report: ProgressReport, **options) -> bytes:
    return render_pdf(progress_document(report, **options))


def progress_report_html(
    report: ProgressReport, *, standalone: bool = False, css: str = "", **options
) -> str:
    """The report's body for its page (the page heads it), or a whole page that stands alone."""
    document = progress_document(report, **options)
    return render_html(document, title=standalone, standalone=standalone, css=css)
