"""A published progress report read back from its stored JSON (decision 0090).

The publication keeps ``report_as_json`` of the report as published; this turns it back into a
``ProgressReport`` whose plan, round, priorities and milestones are plain records holding what was
published, so every renderer (page, Word, Excel, JSON) shows the publication and never the data as
it is now. ``report_as_json`` of the report read back gives the stored JSON again (tested).
"""

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from types import SimpleNamespace

from outcomes.core.fractions import parse_fraction
from outcomes.plans import rules
from outcomes.reports.progress import (
    ActionBlock,
    Changes,
    EvidenceLink,
    MilestoneEntry,
    PrioritySection,
    ProgressReport,
    StatusChange,
)


class _Related:
    """What a template asks of a relation (``.all()``), over a stored list."""

    def __init__(self, items):
        self._items = list(items)

    def all(self):
        return list(self._items)


def _weights(stored: dict, keys: list[str]) -> dict[str, Fraction]:
    # The plan's order of statuses: jsonb keeps keys sorted, not as written.
    return {k: parse_fraction(stored[k]) for k in keys if k in stored}


def _shown(value) -> Decimal:
    return Decimal(str(value))


def report_from_json(data: dict) -> ProgressReport:
    statuses = [SimpleNamespace(**{"counts_as": None, **s}) for s in data["legend"]]
    keys = [s.key for s in statuses]
    round_data = data["round"]
    # A publication made before kinds is a CYPP report.
    plan = SimpleNamespace(
        slug=data["plan"]["slug"], title=data["plan"]["title"], kind=data["plan"].get("kind", "cypp")
    )
    round_ = SimpleNamespace(
        slug=round_data["slug"],
        title=round_data["title"],
        ordinal=round_data["number"],
        is_closed=round_data["closed"],
        opens=date.fromisoformat(round_data["opens"]),
        closes=date.fromisoformat(round_data["closes"]),
        plan=plan,
    )
    overview_data = data["overview"]
    # The overview's rows are the reported priorities, whose sections hold their wording and leads.
    priorities = {
        p["number"]: SimpleNamespace(
            number=p["number"],
            statement=p["statement"],
            recommendations=p.get("recommendations") or [],
            strategic_leads=_Related(
                SimpleNamespace(person=SimpleNamespace(name=name)) for name in p["strategic_lead_names"]
            ),
        )
        for p in data["priorities"]
    }
    overview = [
        rules.OverviewRow(priorities[row["priority"]], _weights(row, keys), int(row["total"]))
        for row in overview_data["rows"]
    ]
    shown = overview_data["shown"]
    figures = rules.OverviewFigures(
        rows=[{k: _shown(r[k]) for k in keys} for r in shown["rows"]],
        totals={k: shown["total"][k] for k in keys},
        grand_total=shown["total"]["total"],
        percents={k: shown["percent"][k] for k in keys},
        gaps=[rules.ColumnGap(g["key"], Decimal(g["rows_sum"]), g["total"]) for g in shown.get("gaps", [])],
    )
    sections, entries = _sections(data, priorities, keys)
    return ProgressReport(
        plan=plan,
        round=round_,
        generated_at=datetime.fromisoformat(data["generated_at"]),
        statuses=statuses,
        overview=overview,
        totals=_weights(overview_data["total"], keys),
        grand_total=int(overview_data["total"]["total"]),
        percents={k: overview_data["percent"][k] for k in keys},
        figures=figures,
        has_split=data["split_statuses"],
        excluded=[
            SimpleNamespace(number=p["priority"], statement=p["statement"], excluded_reason=p["reason"])
            for p in data["excluded"]
        ],
        sections=sections,
        key_issues=[
            (priorities[k["priority"]], [entries[(k["priority"], n)] for n in k["milestones"]])
            for k in data["key_issues"]
        ],
        changes=_changes(data, keys),
        awaiting_update=data["awaiting_update"],
        awaiting_approval=data["awaiting_approval"],
        summary=_summary(data.get("summary")),
        summary_on=date.fromisoformat(data["summary"]["as_at"])
        if data.get("summary") and data["summary"].get("as_at")
        else None,
    )


def _summary(stored: dict | None) -> rules.ImprovementSummary | None:
    if stored is None:
        return None
    exact = stored["exact"]
    keys = list(stored["percent"])
    return rules.ImprovementSummary(
        counts={k: parse_fraction(exact[k]) for k in keys},
        completed=parse_fraction(exact["completed"]),
        total=stored["total"],
        percent=dict(stored["percent"]),
        line=stored["line"],
    )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _sections(data: dict, priorities: dict, keys: list[str]):
    sections, entries = [], {}
    for p in data["priorities"]:
        priority = priorities[p["number"]]
        texts = {a["label"]: a["text"] for a in p["actions"]}
        blocks: list[ActionBlock] = []
        for m in p["milestones"]:
            milestone = SimpleNamespace(
                number=m["number"],
                text=m["text"],
                sub_heading=m["sub_heading"],
                tables=m["tables"],
                priority=priority,
                reference=f"P{p['number']} M{m['number']}",
                due=_day(m.get("due")),
                due_text=m.get("due_text") or "",
                workstream=m.get("workstream") or "",
                baselines=m.get("baselines") or [],
                targets=m.get("targets") or [],
            )
            update = (
                None
                if m["state"] is None
                else SimpleNamespace(
                    text=m["update"] or "",
                    tables=m["update_tables"],
                    state=m["state"],
                    direction=m.get("direction") or "",
                    current=m.get("current") or "",
                )
            )
            # A publication made before evidence was listed has none.
            files = [EvidenceLink(f["name"], f["size"], f["url"]) for f in m.get("evidence", [])]
            entry = MilestoneEntry(
                milestone, update, _weights(m["rag"], keys), m["leads"], files, m.get("overdue", False)
            )
            entries[(p["number"], m["number"])] = entry
            if not blocks or blocks[-1].label != m["action"]:
                blocks.append(ActionBlock(m["action"], texts.get(m["action"], ""), []))
            blocks[-1].entries.append(entry)
        sections.append(PrioritySection(priority, p["strategic_leads"], blocks))
    return sections, entries


def _changes(data: dict, keys: list[str]) -> Changes | None:
    changes = data["changes"]
    if changes is None:
        return None
    previous = SimpleNamespace(slug=changes["previous_round"], title=changes["previous_title"])
    return Changes(
        previous=previous,
        previous_totals=changes["previous_total"],
        current_totals=changes["current_total"],
        difference=changes["difference"],
        changed=[
            StatusChange(
                SimpleNamespace(number=c["milestone"], priority=SimpleNamespace(number=c["priority"])),
                _weights(c["before"], keys) or None,
                _weights(c["after"], keys),
            )
            for c in changes["milestones"]
        ],
    )
