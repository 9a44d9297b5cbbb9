"""The recommendations as at a date: both figures, each with its numerator, denominator and
definition, against the target, and every row (late, at risk) - what the page, the downloads, the
command, the API and the monthly snapshots all show, computed once here from rules.py."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings

from outcomes.inspections import rules
from outcomes.inspections.models import Inspection, Recommendation

STATUS_WORDS = {
    "open": "Open",
    "complete": "Complete",
    "superseded": "Superseded",
    "not_yet": "Not yet monitored",
}


def target() -> Decimal:
    return Decimal(str(getattr(settings, "INSPECTIONS_TARGET_PERCENT", rules.DEFAULT_TARGET)))


def at_risk_days() -> int:
    return int(getattr(settings, "INSPECTIONS_AT_RISK_DAYS", rules.DEFAULT_AT_RISK_DAYS))


def facts_of(rec: Recommendation) -> rules.Facts:
    return rules.Facts(
        monitored_from=rec.monitored_from,
        original_due=rec.original_due,
        completed_on=rec.completed_on,
        superseded_on=rec.superseded_on,
        revisions=tuple(rules.Revision(r.due_on, r.agreed_on) for r in rec.revisions.all()),
        open_action_dues=tuple(a.due_on for a in rec.actions.all() if a.is_open and a.due_on),
    )


def status_as_at(facts: rules.Facts, day: date) -> str:
    if facts.monitored_from > day:
        return "not_yet"
    if facts.superseded_on is not None and facts.superseded_on <= day:
        return "superseded"
    return "complete" if rules.is_complete(facts, day) else "open"


@dataclass
class Row:
    rec: Recommendation
    facts: rules.Facts
    status: str
    revised_due: date | None
    late: bool
    at_risk: bool

    def as_json(self) -> dict:
        rec = self.rec
        return {
            "reference": rec.reference,
            "inspection": rec.inspection.slug,
            "text": rec.text,
            "priority": rec.priority_words,
            "owner": rec.owner_text,
            "original_due": rec.original_due.isoformat() if rec.original_due else None,
            "revised_due": self.revised_due.isoformat() if self.revised_due else None,
            "status": STATUS_WORDS[self.status],
            "completed_on": self.facts.completed_on.isoformat()
            if self.status == "complete" and self.facts.completed_on
            else None,
            "late": self.late,
            "at_risk": self.at_risk,
        }


@dataclass
class Report:
    as_at: date
    within: rules.Figure
    complete: rules.Figure
    target: Decimal
    rows: list[Row]
    inspection: Inspection | None = None

    def figure_json(self, figure: rules.Figure) -> dict:
        shown = figure.percent
        return {
            "numerator": figure.numerator,
            "denominator": figure.denominator,
            "percent": float(shown) if shown is not None else None,
            "definition": figure.definition,
        }

    def as_json(self) -> dict:
        data = {
            "as_at": self.as_at.isoformat(),
            "within_original_timescale": self.figure_json(self.within),
            "complete": self.figure_json(self.complete),
            "target": float(self.target),
            "rows": [row.as_json() for row in self.rows],
        }
        if self.inspection is not None:
            data["inspection"] = self.inspection.slug
        return data

    @property
    def reconstructed(self) -> bool:
        return any(row.rec.reconstructed for row in self.rows)


def recommendations(inspection: Inspection | None = None):
    found = Recommendation.objects.select_related("inspection", "owner").prefetch_related(
        "revisions", "actions"
    )
    if inspection is not None:
        found = found.filter(inspection=inspection)
    return found.order_by("inspection__starts_on", "inspection__slug", "number")


def build(
    day: date, inspection: Inspection | None = None, status: str = "", at_risk_only: bool = False
) -> Report:
    """The figures count every recommendation monitored (of the inspection, when one is given); the
    filters by status and at risk choose the rows shown, never what the figures count."""
    within_days = at_risk_days()
    rows = []
    for rec in recommendations(inspection):
        facts = facts_of(rec)
        rows.append(
            Row(
                rec=rec,
                facts=facts,
                status=status_as_at(facts, day),
                revised_due=rules.revised_due(facts, day),
                late=rules.is_late(facts, day),
                at_risk=rules.is_at_risk(facts, day, within_days),
            )
        )
    every = [row.facts for row in rows]
    shown = [
        row
        for row in rows
        if row.status != "not_yet"
        and (not status or row.status == status)
        and (not at_risk_only or row.at_risk)
    ]
    return Report(
        as_at=day,
        within=rules.within_original_timescale(every, day),
        complete=rules.complete_of_all_monitored(every, day),
        target=target(),
        rows=shown,
        inspection=inspection,
    )
