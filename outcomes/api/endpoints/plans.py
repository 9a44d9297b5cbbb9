"""Plans, rounds, each round's overview and its milestones' statuses, and milestones. Every figure
comes from the progress report the reader reads on the report's page (``reports.publishing.
report_for_reader``: a viewer the version published, everyone else the working report); who may
read what is the plans' access helpers' answer, as on the pages."""

from decimal import Decimal
from fractions import Fraction

from django.http import Http404, HttpRequest
from ninja import Query

from outcomes.api.tables import (
    Column,
    Listing,
    Paging,
    PagingSince,
    TableRouter,
    page_schema,
    respond,
    since_of,
)
from outcomes.core.downloads import Number
from outcomes.plans import access
from outcomes.plans.models import Milestone, MilestoneLead, Round
from outcomes.reports.progress import ProgressReport, build_progress_report, weights_label
from outcomes.reports.publishing import report_for_reader

router = TableRouter()

PLAN_COLUMNS = [
    Column("slug", "text", "The plan's key in addresses"),
    Column("title", "text"),
    Column("start", "date"),
    Column("end", "date"),
    Column("approving_body", "text"),
    Column("approved_on", "date"),
    Column("updated_at", "datetime"),
]


@router.get("/plans", response=page_schema("Plan", PLAN_COLUMNS), url_name="plans")
def plans(request: HttpRequest, params: Query[PagingSince]):  # type: ignore[type-arg]
    """The plans you may read: every plan for performance officers, those you lead in for lead
    officers, those with a published report for viewers."""
    found = access.visible_plans(request.user).order_by("slug", "id")
    since = since_of(params)
    if since:
        found = found.filter(updated_at__gte=since)
    row = lambda p: [p.slug, p.title, p.start, p.end, p.approving_body, p.approved_on, p.updated_at]  # noqa: E731
    return respond(request, Listing("plans", PLAN_COLUMNS, found, row), params)


ROUND_COLUMNS = [
    Column("plan", "text"),
    Column("slug", "text", "The round's key in addresses"),
    Column("title", "text"),
    Column("number", "integer", "1 for the plan's first round"),
    Column("opens", "date"),
    Column("closes", "date"),
    Column("closed_at", "datetime"),
    Column("published_at", "datetime"),
    Column("updated_at", "datetime"),
]


def readable_rounds(user, plan_slug: str) -> list[Round]:
    """The plan's rounds whose report the user may open, asked of the report's own access helper
    round by round; 404 when the user may see neither the plan nor any of its reports."""
    rounds = list(Round.objects.filter(plan__slug=plan_slug).select_related("plan").order_by("opens", "id"))
    readable = []
    for round_ in rounds:
        try:
            access.get_round_report_for_user(user, plan_slug, round_.slug)
        except Http404:
            continue
        readable.append(round_)
    if not readable and not access.visible_plans(user).filter(slug=plan_slug).exists():
        raise Http404("No such plan")
    return readable


@router.get("/plans/{slug}/rounds", response=page_schema("Round", ROUND_COLUMNS), url_name="rounds")
def rounds(request: HttpRequest, slug: str, params: Query[PagingSince]):  # type: ignore[type-arg]
    """The plan's rounds whose progress report you may read (viewers: published reports only)."""
    found = readable_rounds(request.user, slug)
    since = since_of(params)
    if since:
        found = [r for r in found if r.updated_at >= since]
    numbers = {
        r.pk: n for n, r in enumerate(Round.objects.filter(plan__slug=slug).order_by("opens", "id"), 1)
    }

    def row(r: Round) -> list:
        return [
            r.plan.slug,
            r.slug,
            r.title,
            numbers[r.pk],
            r.opens,
            r.closes,
            r.closed_at,
            r.published_at,
            r.updated_at,
        ]

    return respond(request, Listing(f"{slug}-rounds", ROUND_COLUMNS, found, row), params)


OVERVIEW_COLUMNS = [
    Column("row", "text", "“Priority 1” … or “Total”, as the report's overview"),
    Column("priority", "integer", "The priority's number; null on the Total row"),
    Column("statement", "text"),
    Column("status_key", "text", "The plan's status key (green, amber…), or total"),
    Column("status", "text"),
    Column("exact", "number", "The exact sum of the milestones' weights, to four places"),
    Column("shown", "number", "The figure as the report shows it (rows to one place, adding up)"),
    Column("percent", "integer", "The Total row's percentage, as the report's % row"),
]


def _report(user, slug: str, round_slug: str) -> ProgressReport:
    return report_for_reader(user, access.get_round_report_for_user(user, slug, round_slug))


def _exact(value: Fraction) -> Number:
    """An exact sum of weights to four places, without trailing zeros (13/3 -> 4.3333, 12 -> 12)."""
    quantized = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.0001"))
    return Number(quantized.normalize() if quantized else Decimal(0))


@router.get(
    "/plans/{slug}/rounds/{round_slug}/overview",
    response=page_schema("Overview", OVERVIEW_COLUMNS),
    url_name="overview",
)
def overview(request: HttpRequest, slug: str, round_slug: str, params: Query[Paging]):  # type: ignore[type-arg]
    """The round's overview (Priority x status) exactly as its progress report shows it, one row a
    cell: each priority's cells and Total, then the Total row with its percentages."""
    report = _report(request.user, slug, round_slug)
    rows: list[list] = []
    for line, shown in zip(report.overview, report.figures.rows, strict=True):
        p = line.priority
        for status in report.statuses:
            rows.append(
                [
                    f"Priority {p.number}",
                    p.number,
                    p.statement,
                    status.key,
                    status.label,
                    _exact(line.counts[status.key]),
                    shown[status.key],
                    None,
                ]
            )
        rows.append(
            [f"Priority {p.number}", p.number, p.statement, "total", "Total", line.total, line.total, None]
        )
    for status in report.statuses:
        rows.append(
            [
                "Total",
                None,
                "",
                status.key,
                status.label,
                _exact(report.totals[status.key]),
                report.figures.totals[status.key],
                report.figures.percents[status.key],
            ]
        )
    rows.append(["Total", None, "", "total", "Total", report.grand_total, report.figures.grand_total, 100])
    return respond(request, Listing(f"{slug}-{round_slug}-overview", OVERVIEW_COLUMNS, rows), params)


STATUS_COLUMNS = [
    Column("priority", "integer"),
    Column("milestone", "integer"),
    Column("reference", "text", "P1 M26"),
    Column("action", "text", "The action's label: i, ii…"),
    Column("milestone_text", "text"),
    Column("status", "text", "In words, as the report: “Green”, “Split: Green 1/2, Amber 1/2”"),
    Column("status_key", "text", "The status's key, or split"),
    Column("update", "text"),
    Column("state", "text", "submitted (awaiting approval), approved or no_update; null without an update"),
    Column("leads", "text"),
    Column(
        "updated_at",
        "datetime",
        "When the update last changed (a viewer: when the version read was published)",
    ),
]


@router.get(
    "/plans/{slug}/rounds/{round_slug}/statuses",
    response=page_schema("MilestoneStatus", STATUS_COLUMNS),
    url_name="statuses",
)
def statuses(request: HttpRequest, slug: str, round_slug: str, params: Query[PagingSince]):  # type: ignore[type-arg]
    """Each reported milestone's status and update in the round, as its progress report shows them;
    ``updated_since`` keeps those whose update changed since."""
    report = _report(request.user, slug, round_slug)
    entries = [(s.priority, b, e) for s in report.sections for b in s.actions for e in b.entries]
    # A published version's rows change only when a new version is published.
    published_at = report.stamp.published_at if report.stamp is not None else None

    def changed_at(entry):
        return getattr(entry.update, "updated_at", None) or published_at

    since = since_of(params)
    if since:
        entries = [x for x in entries if changed_at(x[2]) is not None and changed_at(x[2]) >= since]

    def row(item) -> list:
        priority, block, e = item
        keys = list(e.weights)
        return [
            priority.number,
            e.milestone.number,
            f"P{priority.number} M{e.milestone.number}",
            block.label,
            e.milestone.text,
            weights_label(report, e.weights),
            keys[0] if len(keys) == 1 else ("split" if keys else None),
            e.update.text if e.update else None,
            e.update.state if e.update else None,
            e.leads,
            changed_at(e),
        ]

    return respond(request, Listing(f"{slug}-{round_slug}-statuses", STATUS_COLUMNS, entries, row), params)


MILESTONE_COLUMNS = [
    Column("priority", "integer"),
    Column("number", "integer"),
    Column("reference", "text"),
    Column("action", "text"),
    Column("text", "text"),
    Column("due", "date"),
    Column("delivery_leads", "text"),
    Column("strategy_leads", "text"),
    *[
        Column(f"{kind}_{part}", "number" if part == "value" else "text")
        for kind in ("baseline", "target", "actual")
        for part in ("value", "unit", "period")
    ],
    Column("latest_round", "text", "The plan's latest round"),
    Column("latest_status", "text", "The milestone's status in it, as its report shows it"),
    Column("retired_at", "datetime", "When the milestone was retired from the plan; null while it is in it"),
    Column("updated_at", "datetime", "When the milestone itself last changed"),
]


@router.get(
    "/plans/{slug}/milestones", response=page_schema("Milestone", MILESTONE_COLUMNS), url_name="milestones"
)
def milestones(request: HttpRequest, slug: str, params: Query[PagingSince]):  # type: ignore[type-arg]
    """The plan's delivery milestones with their status in the latest round: for those who may
    open the plan's pages (performance officers, the plan's lead officers)."""
    plan = access.get_plan_for_user(request.user, slug)
    found = (
        Milestone.objects.filter(priority__plan=plan)
        .select_related("priority", "action")
        .prefetch_related("leads")
        .order_by("priority__number", "number", "id")
    )
    since = since_of(params)
    if since:
        found = found.filter(updated_at__gte=since)
    latest = plan.rounds.order_by("-opens", "-id").first()
    report = build_progress_report(latest) if latest else None
    shown = {}
    if report is not None:
        shown = {
            e.milestone.pk: weights_label(report, e.weights)
            for s in report.sections
            for b in s.actions
            for e in b.entries
        }

    def row(m: Milestone) -> list:
        return [
            m.priority.number,
            m.number,
            m.reference,
            m.action.label,
            m.text,
            m.due,
            m.leads_text(MilestoneLead.DELIVERY),
            m.leads_text(MilestoneLead.STRATEGY),
            *[
                getattr(m, f"{kind}_{part}")
                for kind in ("baseline", "target", "actual")
                for part in ("value", "unit", "period")
            ],
            latest.title if latest else None,
            shown.get(m.pk),
            m.retired_at,
            m.updated_at,
        ]

    return respond(request, Listing(f"{slug}-milestones", MILESTONE_COLUMNS, found, row), params)
