"""The cells of a report's detail table, one function per column key of plans/kinds.py, and the
summary line of an improvement plan (decision 0150). document.py lays the table out from the kind's
columns; what goes in each cell is here, so a new kind only names columns that exist."""

from outcomes.core.formatting import format_date
from outcomes.documents.model import Block, Cell, Heading, Paragraph, Run, Section
from outcomes.plans import kinds, rules

OVERDUE = "Overdue"


def _lines(texts: list[str]) -> Cell:
    return Cell(blocks=[Paragraph(t) for t in texts if t])


def _first(position: int, text: str) -> Cell:
    # A merged cell of the source (an objective over several rows) is written once, on its first row.
    return Cell(text if position == 0 else "")


def target_date_cell(entry) -> Cell:
    label = kinds.due_label(entry.milestone)
    parts: list[str | Run] = [label]
    if entry.overdue:
        parts += ["\n" if label else "", Run(OVERDUE, strong=True, label="red")]
    return Cell(text=parts)


def rag_direction_cell(report, entry, status_cell) -> Cell:
    cell = status_cell(report, entry.weights)
    direction = rules.direction_text(getattr(entry.update, "direction", "") if entry.update else "")
    if direction:
        cell.text = [*(cell.text if isinstance(cell.text, list) else [cell.text]), f"\n{direction}"]
    return cell


def cell_for(key: str, *, report, block, position: int, entry, milestone: list[Block], written, status_cell):
    """The cell of column ``key`` for one row. ``milestone`` and ``written`` are the row's own text
    and its update's, as the CYPP layout writes them."""
    m, update = entry.milestone, entry.update
    leads = "\n".join(line.strip() for line in entry.leads.splitlines() if line.strip())
    cells = {
        "action": lambda: _first(position, f"({block.label}) {block.text}"),
        "milestone": lambda: Cell(blocks=milestone),
        "update": lambda: Cell(blocks=written),
        "commentary": lambda: Cell(blocks=written),
        "leads": lambda: Cell(leads),
        "lead": lambda: Cell(leads),
        "rag": lambda: status_cell(report, entry.weights),
        "rag_direction": lambda: rag_direction_cell(report, entry, status_cell),
        "objective": lambda: _first(position, block.text),
        "key_actions": lambda: Cell(blocks=milestone),
        "baseline": lambda: _lines([kinds.baseline_text(b) for b in getattr(m, "baselines", [])]),
        "current": lambda: Cell(getattr(update, "current", "") if update else ""),
        "targets": lambda: _lines([kinds.target_text(t) for t in getattr(m, "targets", [])]),
        "target_date": lambda: target_date_cell(entry),
        "by_when": lambda: target_date_cell(entry),
        "workstream": lambda: Cell(getattr(m, "workstream", "")),
        "actions_milestones": lambda: Cell(
            blocks=([Paragraph([Run(f"{block.label}. {block.text}", strong=True)])] if position == 0 else [])
            + milestone
        ),
        "by_whom": lambda: Cell(leads),
    }
    return cells[key]()


def summary_section(report) -> Section:
    """The improvement plan's summary line with the day it stands at, where the CYPP has its overview."""
    on = format_date(report.summary_on) if report.summary_on else ""
    heading = f"Summary as at {on}" if on else "Summary"
    blocks: list[Block] = [Paragraph([Run(report.summary.line, strong=True)])]
    overdue = sum(1 for s in report.sections for b in s.actions for e in b.entries if e.overdue)
    if report.kind.flags_overdue:
        blocks.append(
            Paragraph(
                f"{overdue} {'row is' if overdue == 1 else 'rows are'} past the target date and not complete."
            )
        )
    return Section(Heading(heading, anchor="summary"), blocks)
