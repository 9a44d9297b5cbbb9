"""The progress report of a round (SPEC §1; seed 003 lines 597-951), built once as data.

The HTML page, the Word document, the Excel workbook and the JSON are all renderings of the
``ProgressReport`` built here, so they cannot disagree.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction

from django.urls import reverse
from django.utils import timezone

from outcomes.core.formatting import format_date, fraction_text
from outcomes.plans import kinds, rules
from outcomes.plans.models import Evidence, Milestone, MilestoneLead, Plan, Priority, RagStatus, Round, Update
from outcomes.plans.services import milestones_in_round
from outcomes.reports.kind_rows import row_json, summary_json


@dataclass(frozen=True)
class EvidenceLink:
    """A file attached to an update, with the address that serves it (plans:evidence)."""

    name: str
    size: int
    url: str


@dataclass
class MilestoneEntry:
    milestone: Milestone
    update: Update | None
    weights: dict[str, Fraction]
    leads: str
    evidence: list[EvidenceLink] = field(default_factory=list)
    # Past its target date as at the report's date and not complete (rules.row_overdue).
    overdue: bool = False

    @property
    def is_split(self) -> bool:
        return rules.is_split_status(self.weights)


@dataclass
class ActionBlock:
    label: str
    text: str
    entries: list[MilestoneEntry]


@dataclass
class PrioritySection:
    priority: Priority
    strategic_leads: list[str]
    actions: list[ActionBlock]


@dataclass
class StatusChange:
    milestone: Milestone
    before: dict[str, Fraction] | None
    after: dict[str, Fraction]


@dataclass
class Changes:
    """The Total row of the previous round's report beside this one's, both exactly as each report
    shows them (whole numbers), and the difference between the two as shown."""

    previous: Round
    previous_totals: dict[str, int]
    current_totals: dict[str, int]
    difference: dict[str, int]
    changed: list[StatusChange]


@dataclass
class Stamp:
    """Which publication a report is (decision 0090): its version, who published it and when, whether
    it was interim, and for a revision the line and the list of what changed."""

    version: int
    interim: bool
    published_by: str
    published_at: datetime
    revision: str = ""
    replaces_version: int | None = None
    changes: list[str] = field(default_factory=list)


INTERIM_BANNER = (
    "Interim report: the round was still open when this was published, so its figures may change."
)


@dataclass
class ProgressReport:
    plan: Plan
    round: Round
    generated_at: datetime
    statuses: list[RagStatus]
    overview: list[rules.OverviewRow]
    totals: dict[str, Fraction]
    grand_total: int
    percents: dict[str, int]
    figures: rules.OverviewFigures
    has_split: bool
    excluded: list[Priority]
    sections: list[PrioritySection]
    key_issues: list[tuple[Priority, list[MilestoneEntry]]]
    changes: Changes | None
    awaiting_update: int = 0
    awaiting_approval: int = 0
    notes: list[str] = field(default_factory=list)
    # The moment the report stands at (a publication's, or the one asked for); None for the working report.
    as_at: datetime | None = None
    stamp: Stamp | None = None
    # An improvement or inspection plan's summary line (rules.improvement_summary), as at summary_on.
    summary: rules.ImprovementSummary | None = None
    summary_on: date | None = None

    @property
    def kind(self) -> kinds.PlanKind:
        return kinds.kind_of(self.plan)

    @property
    def banner(self) -> str:
        return INTERIM_BANNER if self.stamp is not None and self.stamp.interim else ""

    @property
    def date_line(self) -> str:
        """The date every rendering carries: the as-at date and the version, never the time it was made,
        so that the same report made twice is the same (decision 0092)."""
        if self.stamp is not None:
            line = (
                f"Version {self.stamp.version}{' (interim)' if self.stamp.interim else ''}, published "
                f"{format_date(self.stamp.published_at)} by {self.stamp.published_by}."
            )
            if self.as_at is not None and format_date(self.as_at) != format_date(self.stamp.published_at):
                line = f"As at {format_date(self.as_at)}: {line[0].lower()}{line[1:]}"
            return line
        if self.as_at is not None:
            return f"As at {format_date(self.as_at)}, from the updates approved by then (not published)."
        return f"Generated {format_date(self.generated_at)}"

    @property
    def keys(self) -> list[str]:
        return [s.key for s in self.statuses]

    def status(self, key: str) -> RagStatus:
        return next(s for s in self.statuses if s.key == key)

    @property
    def rounding_note(self) -> str | None:
        return rules.overview_rounding_note(self.figures.gaps, {s.key: s.label for s in self.statuses})

    @property
    def overview_notes(self) -> list[str]:
        """The notes beside the overview, in every rendering: split statuses and rounding."""
        found = [rules.SPLIT_STATUS_NOTE] if self.has_split else []
        return found + [n for n in [self.rounding_note] if n]

    @property
    def update_heading(self) -> str:
        return (
            self.round.title
            if self.round.title.lower().startswith("update")
            else f"Update {self.round.title}"
        )


def _leads_cell(milestone: Milestone) -> str:
    delivery = milestone.leads_text(MilestoneLead.DELIVERY)
    strategy = milestone.leads_text(MilestoneLead.STRATEGY)
    if delivery and strategy:
        return f"Delivery – {delivery}\nStrategy – {strategy}"
    return delivery or (f"Strategy – {strategy}" if strategy else "")


def _evidence(round_: Round, as_at: datetime | None = None) -> dict[int, list[EvidenceLink]]:
    """Each update's files (as they were at ``as_at``, when given) with their addresses, by update."""
    found: dict[int, list[EvidenceLink]] = {}
    for e in Evidence.objects.filter(update__round=round_).order_by("uploaded_at", "id"):
        held = (
            e.removed_at is None
            if as_at is None
            else e.uploaded_at <= as_at and not (e.removed_at and e.removed_at <= as_at)
        )
        if held:
            url = reverse("plans:evidence", args=[round_.plan.slug, round_.slug, e.pk])
            found.setdefault(e.update_id, []).append(EvidenceLink(e.name, e.size, url))
    return found


def _round_weights(
    round_: Round,
    milestones: list[Milestone],
    no_update: str | None,
    updates: dict[int, Update] | None = None,
):
    if updates is None:
        updates = {u.milestone_id: u for u in round_.updates.all()}
    weights = {}
    for m in milestones:
        update = updates.get(m.pk)
        if update is not None:
            weights[m.pk] = update.exact_weights()
        elif no_update:
            # Not yet updated in an open round: reported as "no update provided".
            weights[m.pk] = {no_update: Fraction(1)}
        else:
            weights[m.pk] = {}
    return updates, weights


def plan_milestones(round_: Round) -> list[Milestone]:
    """The milestones the round reports on: retired ones stay in the rounds that reported them only
    (decision 0100)."""
    return milestones_in_round(
        round_,
        Milestone.objects.filter(priority__plan=round_.plan)
        .select_related("action", "priority")
        .prefetch_related("leads")
        .order_by("priority__number", "number"),
    )


def build_progress_report(
    round_: Round,
    *,
    milestones: list[Milestone] | None = None,
    updates: dict[int, Update] | None = None,
    as_at: datetime | None = None,
    on: date | None = None,
) -> ProgressReport:
    """The report of the round's working state, or, given the milestones and updates as they stood at
    ``as_at`` (reports/as_at.py), the report as it stood then. ``on``: the day its overdue flags and
    summary line stand at, when not ``as_at``'s (a publication's day)."""
    plan = round_.plan
    statuses = list(plan.rag_statuses.all())
    keys = [s.key for s in statuses]
    no_update = next((s.key for s in statuses if s.means_no_update), None)
    key_issue_keys = [s.key for s in statuses if s.is_key_issue]

    kind = kinds.kind_of(plan)
    counts_as = {s.key: s.counts_as for s in statuses if s.counts_as}
    on = on or _report_date(round_, as_at)
    priorities = list(plan.priorities.prefetch_related("strategic_leads", "actions"))
    if milestones is None:
        milestones = plan_milestones(round_)
    updates, weights = _round_weights(round_, milestones, no_update, updates)
    files = _evidence(round_, as_at)
    by_priority = {p.pk: [m for m in milestones if m.priority_id == p.pk] for p in priorities}
    reported = [
        p
        for p in priorities
        if not p.is_excluded
        and rules.retired_stay_where_reported(retired=p.is_retired, reported_in_round=bool(by_priority[p.pk]))
    ]

    overview, totals, grand_total = rules.overview_counts(
        ((p, [weights[m.pk] for m in by_priority[p.pk]]) for p in reported), keys
    )
    figures = rules.overview_rounding(overview, totals, grand_total)
    reported_milestones = [m for p in reported for m in by_priority[p.pk]]

    sections = []
    for p in reported:
        blocks: list[ActionBlock] = []
        for m in by_priority[p.pk]:
            update = updates.get(m.pk)
            entry = MilestoneEntry(
                m, update, weights[m.pk], _leads_cell(m), files.get(getattr(update, "pk", None), [])
            )
            entry.overdue = kind.flags_overdue and rules.row_overdue(
                m.due, on, rules.is_complete(weights[m.pk], counts_as)
            )
            if not blocks or blocks[-1].label != m.action.label:
                blocks.append(ActionBlock(m.action.label, m.action.text, []))
            blocks[-1].entries.append(entry)
        sections.append(PrioritySection(p, [lead.text for lead in p.strategic_leads.all()], blocks))

    entries = {e.milestone.pk: e for s in sections for b in s.actions for e in b.entries}
    key_issues = [
        (
            p,
            [
                entries[m.pk]
                for m in rules.key_issue_milestones(
                    ((m, weights[m.pk]) for m in by_priority[p.pk]), key_issue_keys
                )
            ],
        )
        for p in reported
    ]

    return ProgressReport(
        plan=plan,
        round=round_,
        generated_at=as_at or timezone.now(),
        statuses=statuses,
        overview=overview,
        totals=totals,
        grand_total=grand_total,
        percents=figures.percents,
        figures=figures,
        has_split=any(rules.is_split_status(weights[m.pk]) for m in reported_milestones),
        excluded=[p for p in priorities if p.is_excluded],
        sections=sections,
        key_issues=key_issues,
        changes=_changes(round_, reported, by_priority, weights, figures, keys, no_update),
        awaiting_update=sum(1 for m in reported_milestones if m.pk not in updates),
        awaiting_approval=sum(
            1 for m in reported_milestones if m.pk in updates and updates[m.pk].state == Update.SUBMITTED
        ),
        as_at=as_at,
        summary=rules.improvement_summary(
            (weights[m.pk] for m in reported_milestones),
            [(s.key, s.label, s.style) for s in statuses],
            counts_as,
        )
        if kind.shows_summary
        else None,
        summary_on=on,
    )


def _report_date(round_: Round, as_at: datetime | None) -> date:
    """The day the report stands at, for the overdue flags and the summary line: the moment asked
    for, else the day the round closed, else today (decision 0152)."""
    if as_at is not None:
        return timezone.localdate(as_at)
    if round_.closed_at is not None:
        return timezone.localdate(round_.closed_at)
    return timezone.localdate()


def _changes(round_, reported, by_priority, weights, figures, keys, no_update) -> Changes | None:
    previous = round_.previous()
    if previous is None:
        return None
    milestones = [m for p in reported for m in by_priority[p.pk]]
    _, before = _round_weights(previous, milestones, no_update)
    # The same rule over the same milestones as the previous round's own report: the same figures.
    rows, previous_totals, grand_total = rules.overview_counts(
        ((p, [before[m.pk] for m in by_priority[p.pk]]) for p in reported), keys
    )
    shown_before = rules.overview_rounding(rows, previous_totals, grand_total).totals
    changed = [
        StatusChange(m, before.get(m.pk), weights[m.pk])
        for m in milestones
        if before.get(m.pk) != weights[m.pk]
    ]
    return Changes(
        previous=previous,
        previous_totals=shown_before,
        current_totals=figures.totals,
        difference={k: figures.totals[k] - shown_before[k] for k in keys},
        changed=changed,
    )


def weights_label(report: ProgressReport, weights: dict[str, Fraction]) -> str:
    """The status in words, for every rendering: "Green", or "Split: Green 1/2, Red 1/2"."""
    if not weights:
        return "No status"
    if len(weights) == 1:
        return report.status(next(iter(weights))).label
    # The plan's order of statuses, not the stored order (PostgreSQL's jsonb sorts its keys).
    parts = ", ".join(
        f"{s.label} {fraction_text(weights[s.key])}" for s in report.statuses if s.key in weights
    )
    return f"Split: {parts}"


def report_as_json(report: ProgressReport) -> dict:
    keys = report.keys

    def counts(values: dict[str, Fraction]) -> dict[str, str]:
        return {k: fraction_text(values[k]) for k in keys}

    def shown(values: dict) -> dict[str, int | float]:
        # As the page shows them, as JSON numbers: 28.5, 40.
        return {k: int(values[k]) if values[k] == int(values[k]) else float(values[k]) for k in keys}

    figures = report.figures

    return {
        "plan": {"slug": report.plan.slug, "title": report.plan.title, "kind": report.kind.key},
        "round": {
            "slug": report.round.slug,
            "title": report.round.title,
            "number": report.round.ordinal,
            "opens": report.round.opens.isoformat(),
            "closes": report.round.closes.isoformat(),
            "closed": report.round.is_closed,
        },
        "generated_at": report.generated_at.isoformat(),
        **_stamp_json(report),
        "legend": [
            {
                "key": s.key,
                "label": s.label,
                "description": s.description,
                "style": s.style,
                "means_no_update": s.means_no_update,
                "is_key_issue": s.is_key_issue,
                "counts_as": getattr(s, "counts_as", "") or None,
            }
            for s in report.statuses
        ],
        "summary": summary_json(report.summary, report.summary_on),
        "overview": {
            "rows": [
                {"priority": row.priority.number, **counts(row.counts), "total": str(row.total)}
                for row in report.overview
            ],
            "total": {**counts(report.totals), "total": str(report.grand_total)},
            "percent": report.percents,
            "shown": {
                "rows": [
                    {"priority": row.priority.number, **shown(cells), "total": row.total}
                    for row, cells in zip(report.overview, figures.rows, strict=True)
                ],
                "total": {**shown(figures.totals), "total": figures.grand_total},
                "percent": figures.percents,
                "gaps": [{"key": g.key, "rows_sum": str(g.rows_sum), "total": g.total} for g in figures.gaps],
            },
            "notes": report.overview_notes,
        },
        "split_statuses": report.has_split,
        "excluded": [
            {"priority": p.number, "reason": p.excluded_reason, "statement": p.statement}
            for p in report.excluded
        ],
        "priorities": [
            {
                "number": s.priority.number,
                "statement": s.priority.statement,
                "strategic_leads": s.strategic_leads,
                "recommendations": getattr(s.priority, "recommendations", None) or [],
                "strategic_lead_names": [lead.person.name for lead in s.priority.strategic_leads.all()],
                "actions": [{"label": b.label, "text": b.text} for b in s.actions],
                "milestones": [
                    {
                        "number": e.milestone.number,
                        "action": b.label,
                        "text": e.milestone.text,
                        "update": e.update.text if e.update else None,
                        "state": e.update.state if e.update else None,
                        "rag": {k: fraction_text(v) for k, v in e.weights.items()},
                        "leads": e.leads,
                        "sub_heading": e.milestone.sub_heading,
                        "tables": e.milestone.tables,
                        "update_tables": e.update.tables if e.update else [],
                        "evidence": [{"name": f.name, "size": f.size, "url": f.url} for f in e.evidence],
                        **row_json(e),
                    }
                    for b in s.actions
                    for e in b.entries
                ],
            }
            for s in report.sections
        ],
        "key_issues": [
            {"priority": p.number, "milestones": [e.milestone.number for e in entries]}
            for p, entries in report.key_issues
        ],
        "changes": None
        if report.changes is None
        else {
            "previous_round": report.changes.previous.slug,
            "previous_title": report.changes.previous.title,
            "previous_total": report.changes.previous_totals,
            "current_total": report.changes.current_totals,
            "difference": report.changes.difference,
            "milestones": [
                {
                    "priority": c.milestone.priority.number,
                    "milestone": c.milestone.number,
                    "before": {k: fraction_text(v) for k, v in (c.before or {}).items()},
                    "after": {k: fraction_text(v) for k, v in c.after.items()},
                }
                for c in report.changes.changed
            ],
        },
        "awaiting_update": report.awaiting_update,
        "awaiting_approval": report.awaiting_approval,
    }


def _stamp_json(report: ProgressReport) -> dict:
    """Which publication this is (decision 0090): null for the working report."""
    stamp = report.stamp
    return {
        "as_at": report.as_at.isoformat() if report.as_at else None,
        "version": stamp.version if stamp else None,
        "published": {"by": stamp.published_by, "at": stamp.published_at.isoformat()} if stamp else None,
        "interim": bool(stamp and stamp.interim),
        "banner": report.banner,
        "revision": None
        if stamp is None or stamp.replaces_version is None
        else {"text": stamp.revision, "replaces_version": stamp.replaces_version, "changes": stamp.changes},
    }
