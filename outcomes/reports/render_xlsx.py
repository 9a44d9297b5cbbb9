"""The progress report as a workbook, for people who filter and sort (SPEC §1).

Same ``ProgressReport`` as the Word document, so the figures agree; cells hold numbers, not text,
wherever a number is meant, and the exact split weights are kept as fractions beside the decimals.
"""

from decimal import Decimal
from fractions import Fraction

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from outcomes.core import downloads
from outcomes.core.formatting import format_date, fraction_text, round_half_up
from outcomes.plans import kinds, rules
from outcomes.plans.rules import NO_RED_MILESTONES_TEXT
from outcomes.reports.progress import ProgressReport, weights_label
from outcomes.reports.wording import (
    EXCLUDED_TEXT,
    before_label,
    colours,
    key_issue_rows,
    notes,
    overview_label,
    update_lines,
)

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def _shown(value: Decimal) -> float | int:
    return int(value) if value == int(value) else float(value)


def _number(value: Fraction, places: int = 2) -> float | int:
    rounded = round_half_up(Fraction(value), places)
    return int(rounded) if places == 0 else float(rounded)


def _paint(cell, status) -> None:
    fill, text = colours(status)
    cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
    cell.font = Font(bold=True, color=text)


def _header(ws, row: int, headings: list[str]) -> None:
    downloads.header_row(ws, headings, row)


def _widths(ws, widths: list[float]) -> None:
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width


def _wrap_all(ws, first_row: int = 1) -> None:
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            cell.alignment = WRAP


def _overview(ws, report: ProgressReport) -> None:
    downloads.put(ws, 1, 1, report.plan.title).font = Font(bold=True, size=14)
    downloads.put(ws, 2, 1, f"Progress report: {report.round.title}").font = Font(bold=True, size=12)
    downloads.put(ws, 3, 1, report.date_line)
    if report.banner or (report.stamp is not None and report.stamp.revision):
        revision = report.stamp.revision if report.stamp else ""
        downloads.put(ws, 4, 1, " ".join(part for part in (report.banner, revision) if part)).font = BOLD

    keys, top = report.keys, 5
    if report.summary is not None:
        on = f" as at {format_date(report.summary_on)}" if report.summary_on else ""
        downloads.put(ws, 5, 1, f"Summary{on}: {report.summary.line}").font = BOLD
        top = 7
    _header(ws, top, ["Priority", *(s.label for s in report.statuses), "Total"])
    for column, status in enumerate(report.statuses, start=2):
        _paint(ws.cell(row=top, column=column), status)
    # The figures as the page shows them (28.5, 4.3, 40), so the workbook adds up as the page does.
    for row, cells in zip(report.overview, report.figures.rows, strict=True):
        downloads.append(ws, [overview_label(report, row), *(_shown(cells[k]) for k in keys), row.total])
    downloads.append(ws, ["Total", *(report.figures.totals[k] for k in keys), report.grand_total])
    # Percentages as fractions with a % format (decision 0067), so they sort and chart as numbers.
    downloads.append(ws, ["%", *(downloads.percent(report.percents[k], 0) for k in keys), None])
    for row in ws.iter_rows(min_row=ws.max_row - 1):
        for cell in row:
            cell.font = BOLD
    _wrap_all(ws, top + 1)
    ws.freeze_panes = ws.cell(row=top + 1, column=1)

    downloads.append(ws, [])
    for note in notes(report):
        downloads.append(ws, [note])
        ws.cell(row=ws.max_row, column=1).alignment = WRAP
    downloads.append(ws, [])
    downloads.append(ws, ["Key"])
    ws.cell(row=ws.max_row, column=1).font = BOLD
    for status in report.statuses:
        downloads.append(ws, [status.description, status.label])
        ws.cell(row=ws.max_row, column=1).alignment = WRAP
        _paint(ws.cell(row=ws.max_row, column=2), status)
    _widths(ws, [80] + [12] * (len(keys) + 1))


def _state(entry) -> str:
    return entry.update.state if entry.update is not None else "missing"


def _milestones(ws, report: ProgressReport) -> None:
    statuses = report.statuses
    _header(
        ws,
        1,
        [
            "Priority",
            "Action",
            "Milestone",
            "Sub-heading",
            "Delivery milestone",
            "Update",
            "Leads",
            "Status",
            *(f"{s.label} (exact)" for s in statuses),
            *(f"{s.label} (decimal)" for s in statuses),
            "State",
            *extra_headings(report),
        ],
    )
    for section in report.sections:
        for block in section.actions:
            for entry in block.entries:
                m, w = entry.milestone, entry.weights
                downloads.append(
                    ws,
                    [
                        section.priority.number,
                        f"({block.label}) {block.text}",
                        m.number,
                        m.sub_heading or None,
                        m.text,
                        "\n".join(update_lines(entry)) or None,
                        entry.leads or None,
                        weights_label(report, w),
                        *(fraction_text(w.get(s.key, 0)) for s in statuses),
                        *(_number(w.get(s.key, 0), 4) for s in statuses),
                        _state(entry),
                        *extra_cells(report, entry),
                    ],
                )
    _wrap_all(ws, 2)
    decimals = range(9 + len(statuses), 9 + 2 * len(statuses))
    for row in ws.iter_rows(min_row=2):
        for column in decimals:
            row[column - 1].number_format = "0.00"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    _widths(ws, [9, 40, 10, 16, 50, 60, 30, 22, *([10] * (2 * len(statuses))), 12])


# The columns the kinds of plan add (decision 0150); a CYPP workbook stays as it was.
EXTRA = [
    "Target date",
    "Target date as written",
    "Overdue",
    "Direction of travel",
    "Current performance",
    "Baselines",
    "Targets",
    "Lead workstream(s)",
]


def extra_headings(report: ProgressReport) -> list[str]:
    return [] if report.kind.key == "cypp" else EXTRA


def extra_cells(report: ProgressReport, entry) -> list:
    if report.kind.key == "cypp":
        return []
    m, update = entry.milestone, entry.update
    return [
        getattr(m, "due", None),
        getattr(m, "due_text", "") or None,
        "Overdue" if entry.overdue else None,
        rules.direction_text(getattr(update, "direction", "") if update else "") or None,
        (getattr(update, "current", "") if update else "") or None,
        "\n".join(kinds.baseline_text(b) for b in getattr(m, "baselines", [])) or None,
        "\n".join(kinds.target_text(t) for t in getattr(m, "targets", [])) or None,
        getattr(m, "workstream", "") or None,
    ]


def _key_issues(ws, report: ProgressReport) -> None:
    _header(ws, 1, ["Priority", "Milestone", "Update"])
    for number, entries in key_issue_rows(report):
        if entries is None:
            downloads.append(ws, [number, None, EXCLUDED_TEXT])
        elif not entries:
            downloads.append(ws, [number, None, NO_RED_MILESTONES_TEXT])
        for entry in entries or []:
            text = "\n".join(update_lines(entry, tables=False)) or entry.milestone.text
            downloads.append(ws, [number, entry.milestone.number, text])
    _wrap_all(ws, 2)
    ws.freeze_panes = "A2"
    _widths(ws, [10, 11, 100])


def _changes(ws, report: ProgressReport) -> None:
    changes = report.changes
    _header(ws, 1, ["Status", changes.previous.title, report.round.title, "Change"])
    for status in report.statuses:
        key = status.key
        downloads.append(
            ws,
            [
                status.label,
                changes.previous_totals[key],
                changes.current_totals[key],
                changes.difference[key],
            ],
        )
        ws.cell(row=ws.max_row, column=4).number_format = "+0;-0;0"
    downloads.append(ws, [])
    start = ws.max_row + 1
    _header(ws, start, ["Priority", "Milestone", "Before", "After"])
    for change in changes.changed:
        m = change.milestone
        downloads.append(
            ws,
            [m.priority.number, m.number, before_label(report, change), weights_label(report, change.after)],
        )
    if not changes.changed:
        downloads.append(ws, ["No milestone changed status."])
    ws.freeze_panes = "A2"
    _widths(ws, [24, 24, 30, 30])


def progress_report_xlsx(report: ProgressReport) -> bytes:
    wb = downloads.new_workbook()
    _overview(downloads.add_sheet(wb, "Overview", first=True), report)
    _milestones(downloads.add_sheet(wb, "Milestones"), report)
    _key_issues(downloads.add_sheet(wb, "Key issues"), report)
    if report.changes is not None:
        _changes(downloads.add_sheet(wb, "Changes"), report)
    wb.properties.title = f"{report.plan.title}: progress report {report.round.title}"
    return downloads.workbook_bytes(wb)
