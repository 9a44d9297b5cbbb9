"""The risk registers and their risks (issue 16, as issue 17's read API covers the records as they
land): each risk with its ratings before and after mitigation and its target (likelihood, impact and
the level read from the matrix version it was rated on), its trend and its latest review. Who may
read them is the register pages' access helper's answer: candidates only for those who decide them.
A rating or a review stamps its risk, so ``updated_since`` takes it."""

from django.db.models import Count, Q
from django.http import HttpRequest
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
from outcomes.risks import access
from outcomes.risks.models import Register, Risk
from outcomes.risks.state import risk_row

router = TableRouter()

REGISTER_COLUMNS = [
    Column("slug", "text", "The register's key in addresses (cyps)"),
    Column("name", "text"),
    Column("kind", "text", "Partnership, directorate or body"),
    Column("owner", "text"),
    Column("reviewed_by", "text", "The body that reviews it"),
    Column("open_risks", "integer"),
    Column("updated_at", "datetime"),
]


@router.get(
    "/risk-registers", response=page_schema("RiskRegister", REGISTER_COLUMNS), url_name="risk_registers"
)
def risk_registers(request: HttpRequest, params: Query[Paging]):
    """Every risk register, by name."""
    access.require_reader(request.user)
    found = (
        Register.objects.select_related("owner", "reviewed_by")
        .annotate(open_count=Count("risks", filter=Q(risks__status=Risk.OPEN)))
        .order_by("name", "id")
    )

    def row(r: Register) -> list:
        return [
            r.slug,
            r.name,
            r.get_kind_display(),
            r.owner.name if r.owner else None,
            r.reviewed_by.name if r.reviewed_by else None,
            r.open_count,  # type: ignore[attr-defined]
            r.updated_at,
        ]

    return respond(request, Listing("risk-registers", REGISTER_COLUMNS, found, row), params)


def _rating_columns(key: str, label: str) -> list[Column]:
    return [
        Column(f"{key}_likelihood", "integer", f"{label}: likelihood step (1 lowest)"),
        Column(f"{key}_impact", "integer", f"{label}: impact step (1 lowest)"),
        Column(f"{key}_level", "text", f"{label}: the level, from the matrix version"),
    ]


RISK_COLUMNS = [
    Column("register_slug", "text", "The register's key in addresses"),
    Column("reference", "text"),
    Column("title", "text"),
    Column("owner", "text"),
    Column("status", "text"),
    Column("treatment", "text"),
    *_rating_columns("before", "Before mitigation"),
    *_rating_columns("after", "After mitigation"),
    *_rating_columns("target", "Target"),
    Column("matrix_version", "integer", "The matrix version of the latest ratings"),
    Column("trend", "text", "The latest review against the one before, in words"),
    Column("latest_review_on", "date"),
    Column("latest_review", "text", "Its comment"),
    Column("next_review", "date"),
    Column("mitigating_actions", "integer"),
    Column("source", "text", "Where a candidate came from"),
    Column("updated_at", "datetime"),
]


@router.get(
    "/risk-registers/{slug}/risks", response=page_schema("Risk", RISK_COLUMNS), url_name="register_risks"
)
def register_risks(request: HttpRequest, slug: str, params: Query[PagingSince]):
    """A register's risks, by reference, with their ratings and latest review."""
    found_register = access.get_register_for_user(request.user, slug)
    found = found_register.risks.select_related("owner", "register").prefetch_related(
        "ratings__matrix", "reviews__rating__matrix", "mitigations__action", "mitigations__milestone"
    )
    if not (access.runs_registers(request.user) or access.owns_register(request.user, found_register)):
        found = found.filter(status__in=[Risk.OPEN, Risk.CLOSED])
    since = since_of(params)
    if since:
        found = found.filter(updated_at__gte=since)
    found = found.order_by("reference", "id")

    def row(risk: Risk) -> list:
        r = risk_row(risk)
        ratings = []
        for rated in (r.before, r.after, r.target):
            ratings += [rated.likelihood, rated.impact, rated.level.name if rated.level else None]
        review = r.latest_review
        return [
            found_register.slug,
            risk.reference,
            risk.title,
            r.owner or None,
            risk.get_status_display(),
            risk.get_treatment_display() or None,
            *ratings,
            r.rating.matrix.version if r.rating else None,
            r.trend,
            review.on if review else None,
            (review.comment or None) if review else None,
            risk.next_review,
            len(r.mitigations),
            risk.source_text or None,
            risk.updated_at,
        ]

    return respond(request, Listing(f"{found_register.slug}-risks", RISK_COLUMNS, found, row), params)
