"""The parts of a progress report that the kinds of plan add (plans/kinds.py; decisions 0150-0152):
the summary line's figures and a row's own fields, as the report's JSON holds them."""

from datetime import date
from fractions import Fraction

from outcomes.core.formatting import fraction_text
from outcomes.plans import rules


def _number(value: Fraction) -> int | float:
    return value.numerator if value.denominator == 1 else float(value)


def summary_json(found: rules.ImprovementSummary | None, on: date | None) -> dict | None:
    """``{"red", "amber", "green", "completed", "total", "percent": {...}, "line"}`` (docs/interchange.md),
    with the exact shares of split rows beside them as text ("1/2")."""
    if found is None:
        return None
    return {
        **{k: _number(v) for k, v in found.counts.items()},
        "completed": _number(found.completed),
        "total": found.total,
        "percent": dict(found.percent),
        "line": found.line,
        "as_at": on.isoformat() if on else None,
        "exact": {
            **{k: fraction_text(v) for k, v in found.counts.items()},
            "completed": fraction_text(found.completed),
        },
    }


def row_json(entry) -> dict:
    """A row's fields for the kinds of plan (plans/kinds.py): its target date, workstream, baselines
    and targets, and its update's direction of travel and current performance."""
    m, update = entry.milestone, entry.update
    due = getattr(m, "due", None)
    return {
        "due": due.isoformat() if due else None,
        "due_text": getattr(m, "due_text", "") or None,
        "workstream": getattr(m, "workstream", "") or None,
        "baselines": getattr(m, "baselines", []),
        "targets": getattr(m, "targets", []),
        "direction": (getattr(update, "direction", "") or None) if update else None,
        "current": (getattr(update, "current", "") or None) if update else None,
        "overdue": entry.overdue,
    }
