"""The progress report's words, shared by every rendering (the document, the workbook): notes,
labels and lines made from the ``ProgressReport``; no figure is computed here."""

from outcomes.core import downloads
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
