"""The kinds of action plan (SPEC §1, the action-plan variants; decision 0150).

One engine serves them all: the same priorities, actions and milestones, rounds, updates, approval,
publication and exports. A kind only decides the columns of its detail table, the RAG statuses a
new plan of it starts with, whether its report opens with the overview table (the CYPP) or with the
summary line (the improvement plan), and whether its rows are flagged overdue.

How each kind's levels map onto the engine's:
- cypp: priority > action > delivery milestone (seed 003).
- improvement: group ("Staying Safe - Performance") > objective ("Improvement Notice") > row
  (its key actions, baselines, targets, target date, lead, workstream).
- grid: objective (citing recommendation numbers) > action > milestone (by when, by whom).
- inspection: recommendation > action (by when, lead).
"""

from dataclasses import dataclass

from outcomes.plans import rules
from outcomes.plans.models import Plan


@dataclass(frozen=True)
class Column:
    key: str  # what the renderers put in it (reports/document.py's CELLS)
    heading: str
    width: int  # millimetres on a landscape A4 page


@dataclass(frozen=True)
class PlanKind:
    key: str
    label: str
    columns: tuple[Column, ...]
    rag: tuple[rules.RagDefinition, ...]
    shows_summary: bool  # the summary line instead of the overview table
    flags_overdue: bool
    group_word: str  # what the plan calls a priority
    row_word: str  # what it calls a milestone


_BLUE = rules.RagDefinition(
    "blue", "Blue", "No update provided when the round closed", "blue", means_no_update=True
)
# Seed 002's NTI statuses: Complete is shown as itself and counted as Green (L1312).
IMPROVEMENT_RAG = (
    rules.RagDefinition(
        "red", "Red", "At risk of not being achieved by the target date", "red", is_key_issue=True
    ),
    rules.RagDefinition("amber", "Amber", "Progressing, with some concerns or not yet on target", "amber"),
    rules.RagDefinition("green", "Green", "On track or achieved", "green"),
    rules.RagDefinition("complete", "Complete", "Complete: counted as Green", "green", counts_as="green"),
    _BLUE,
)

CYPP = PlanKind(
    Plan.CYPP,
    "Children and young people's plan",
    (
        Column("action", "Action", 45),
        Column("milestone", "Delivery milestones", 62),
        Column("update", "Update", 90),
        Column("leads", "Lead/s", 38),
        Column("rag", "RAG status", 22),
    ),
    rules.DEFAULT_RAG,
    shows_summary=False,
    flags_overdue=False,
    group_word="Priority",
    row_word="Delivery milestone",
)

IMPROVEMENT = PlanKind(
    Plan.IMPROVEMENT,
    "Improvement plan (Notice to Improve)",
    (
        Column("objective", "Objective", 22),
        Column("key_actions", "Key Actions", 34),
        Column("baseline", "Baseline", 26),
        Column("current", "Current Performance", 20),
        Column("targets", "Targets", 24),
        Column("target_date", "Target Date", 17),
        Column("lead", "Lead", 20),
        Column("rag_direction", "RAG", 18),
        Column("commentary", "Performance Commentary", 54),
        Column("workstream", "Lead Workstream(s)", 22),
    ),
    IMPROVEMENT_RAG,
    shows_summary=True,
    flags_overdue=True,
    group_word="Group",
    row_word="Row",
)

GRID = PlanKind(
    Plan.GRID,
    "Planning grid",
    (
        Column("actions_milestones", "Actions and Milestones", 95),
        Column("by_when", "By When", 25),
        Column("by_whom", "By Whom", 35),
        # The same rounds serve every kind: a grid's row is updated and rated like any other.
        Column("update", "Update", 80),
        Column("rag", "RAG", 22),
    ),
    rules.DEFAULT_RAG,
    shows_summary=False,
    flags_overdue=False,
    group_word="Objective",
    row_word="Milestone",
)

INSPECTION = PlanKind(
    Plan.INSPECTION,
    "Inspection action plan",
    (
        Column("objective", "Recommendation", 55),
        Column("key_actions", "Action", 60),
        Column("target_date", "By when", 20),
        Column("lead", "Lead", 30),
        Column("rag_direction", "RAG", 20),
        Column("commentary", "Commentary", 72),
    ),
    IMPROVEMENT_RAG,
    shows_summary=True,
    flags_overdue=True,
    group_word="Area",
    row_word="Action",
)

KINDS = {k.key: k for k in (CYPP, IMPROVEMENT, GRID, INSPECTION)}


def kind_of(plan) -> PlanKind:
    """The plan's kind; a plan read back from a publication made before kinds is a CYPP."""
    return KINDS.get(getattr(plan, "kind", "") or Plan.CYPP, CYPP)


def asks_direction(plan) -> bool:
    """Whether a lead's update asks a direction of travel and current performance."""
    return any(c.key == "rag_direction" for c in kind_of(plan).columns)


def _amount(value, unit: str, upper=None) -> str:
    if value is None:
        return ""
    text = str(value)
    if unit == "£" and text.isdigit():
        text = f"{int(text):,}"
    if upper is not None:
        text = f"{text}–{upper}"
    # "82%", "£440,000", a count bare: "126"; any other unit after a space: "12 days".
    if not unit or unit == "count":
        return text
    if unit in ("%", "pp"):
        return f"{text}{unit}"
    if unit in ("£", "$"):
        return f"{unit}{text}"
    return f"{text} {unit}"


def baseline_text(b: dict) -> str:
    """ "77.8% (2008/09 outturn) (1767/2270)", "37.2% vacancy rate (16th December 2009)",
    "2/4 SCRs judged inadequate"."""
    period, kind = b.get("period"), b.get("type")
    when = f"{period} {kind}" if period and kind in ("outturn", "position") else (period or "")
    fraction = (
        f"{b['numerator']}/{b['denominator']}"
        if b.get("numerator") is not None and b.get("denominator") is not None
        else ""
    )
    amount = _amount(b.get("value"), b.get("unit") or "")
    parts = [amount or fraction, b.get("label") or ""]
    text = " ".join(str(p) for p in parts if p)
    if when:
        text += f" ({when})"
    if amount and fraction:
        text += f" ({fraction})"
    return text


def target_text(t: dict) -> str:
    """ "80% March 2010"; a target written out in words ("Reduce by £440,000 in 2010/11 on agency
    staff") as written."""
    written = str(t.get("text") or "")
    amount = _amount(t.get("value"), t.get("unit") or "", t.get("value_max"))
    if written and (not amount or str(t.get("value")) in written.replace(",", "")):
        return written
    return " ".join(p for p in (amount, written or str(t.get("date") or "")) if p)


def due_label(milestone) -> str:
    """The target date as written ("Sept 2010", "Ongoing"), else the day."""
    written = getattr(milestone, "due_text", "")
    if written:
        return written
    due = getattr(milestone, "due", None)
    return f"{due.day} {due:%B %Y}" if due else ""
