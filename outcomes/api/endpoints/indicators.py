"""Indicators, areas, each area's scorecard, every derived figure of a measure per area and period,
exceptions, clinics and their agreed actions. Figures are read from ``DerivedFigure`` (derive's
cache) and put as the downloads put them (``indicators.export_cells``); who may read what is the
indicators' access helpers' answer, as on the pages."""

from django.db.models import Q
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
from outcomes.governance.clinic_tracker import ClinicTracker
from outcomes.governance.clinics import clinic_actions, follow_up_of
from outcomes.governance.models import Action
from outcomes.indicators import access
from outcomes.indicators.export_cells import figure_cell, rank_cells, unit_words
from outcomes.indicators.models import (
    Area,
    Clinic,
    DerivedFigure,
    ExceptionRecord,
    Indicator,
    Value,
)
from outcomes.indicators.views.figures import SCORECARD_HEADERS, scorecard

router = TableRouter()

INDICATOR_COLUMNS = [
    Column("code", "text"),
    Column("key", "text", "The indicator's key in addresses (NI 59: ni-59)"),
    Column("name", "text"),
    Column("topic", "text"),
    Column("unit", "text"),
    Column("polarity", "text", "high, low, band or none: which way is good"),
    Column("period_type", "text"),
    Column("decimal_places", "integer"),
    Column("source", "text"),
    Column("from_lait", "boolean"),
    Column("updated_at", "datetime"),
]


@router.get("/indicators", response=page_schema("Indicator", INDICATOR_COLUMNS), url_name="indicators")
def indicators(request: HttpRequest, params: Query[PagingSince]):  # type: ignore[type-arg]
    """Every indicator, by code."""
    access.require_reader(request.user)
    found = Indicator.objects.order_by("code", "id")
    since = since_of(params)
    if since:
        found = found.filter(updated_at__gte=since)

    def row(i: Indicator) -> list:
        return [
            i.code,
            access.code_slug(i.code),
            i.name,
            i.topic,
            unit_words(i),
            i.polarity,
            i.period_type,
            i.decimal_places,
            i.source,
            i.from_lait,
            i.updated_at,
        ]

    return respond(request, Listing("indicators", INDICATOR_COLUMNS, found, row), params)


AREA_COLUMNS = [
    Column("key", "text", "The area's key in addresses: its LA number, or its name as a slug"),
    Column("name", "text"),
    Column("kind", "text"),
    Column("la_number", "integer"),
    Column("ons_code", "text"),
    Column("region", "text"),
]


@router.get("/areas", response=page_schema("Area", AREA_COLUMNS), url_name="areas")
def areas(request: HttpRequest, params: Query[Paging]):  # type: ignore[type-arg]
    """The areas figures are held for: England, the regions and every local authority."""
    access.require_reader(request.user)
    found = Area.objects.exclude(kind=Area.OTHER).filter(active=True).order_by("name", "id")
    row = lambda a: [access.area_key(a), a.name, a.kind, a.la_number, a.ons_code, a.region_name]  # noqa: E731
    return respond(request, Listing("areas", AREA_COLUMNS, found, row), params)


def _key(heading: str) -> str:
    words = "".join(c if c.isalnum() else " " for c in heading.lower().replace("'", ""))
    return "_".join(words.split())


# The scorecard's own download columns ("Statistical neighbours' average" -> statistical_neighbours_average).
SCORECARD_KINDS = {"Rank": "integer", "Rank of (authorities)": "integer"}
SCORECARD_NUMBERS = {
    "Value",
    "Previous value",
    "Statistical neighbours' average",
    "Region",
    "England",
    "Target",
}
SCORECARD_COLUMNS = [
    Column(_key(h), SCORECARD_KINDS.get(h, "number" if h in SCORECARD_NUMBERS else "text"), h)
    for h in SCORECARD_HEADERS
]


class ScorecardQuery(Paging):  # type: ignore[misc,valid-type]
    topic: str = ""


@router.get(
    "/areas/{area}/scorecard", response=page_schema("ScorecardRow", SCORECARD_COLUMNS), url_name="scorecard"
)
def area_scorecard(request: HttpRequest, area: str, params: Query[ScorecardQuery]):  # type: ignore[type-arg]
    """The area's scorecard: every measure's latest figure with its benchmarks, judgements, rank and
    target, the same rows as the scorecard page's download (``topic`` to keep one topic)."""
    found = access.get_area_for_user(request.user, area)
    rows = [row.export() for rows in scorecard(found, params.topic).values() for row in rows]
    return respond(request, Listing(f"scorecard-{area}", SCORECARD_COLUMNS, rows), params)


FIGURE_COLUMNS = [
    Column("indicator", "text"),
    Column("area_key", "text"),
    Column("area", "text"),
    Column("period", "text"),
    Column("period_start", "date"),
    Column("period_end", "date"),
    Column("unit", "text"),
    Column("value", "number"),
    Column("previous_period", "text"),
    Column("previous_value", "number"),
    Column("direction_of_travel", "text", "Against the previous period, in the measure's terms"),
    Column("year_ago_value", "number"),
    Column("direction_against_year_ago", "text"),
    Column("statistical_neighbours_average", "number"),
    Column("against_statistical_neighbours", "text"),
    Column("region", "number"),
    Column("against_region", "text"),
    Column("england", "number"),
    Column("against_england", "text"),
    Column("significance_95", "text", "Against England at 95%"),
    Column("significance_998", "text", "Against England at 99.8%"),
    Column("interval_lower", "number"),
    Column("interval_upper", "number"),
    Column("rank", "integer"),
    Column("rank_of", "integer"),
    Column("quartile_band", "text"),
    Column("target", "number"),
    Column("on_target", "boolean"),
    Column("rag", "text"),
    Column("spc", "text"),
    Column("trend", "text"),
    Column("computed_at", "datetime", "When the figure was last computed"),
]


class FigureQuery(PagingSince):  # type: ignore[misc,valid-type]
    area: str = ""


@router.get("/indicators/{key}/figures", response=page_schema("Figure", FIGURE_COLUMNS), url_name="figures")
def figures(request: HttpRequest, key: str, params: Query[FigureQuery]):  # type: ignore[type-arg]
    """Every value of the indicator with the figures derived from it, per area and period (``area``
    to keep one area: its key from /api/areas)."""
    indicator = access.get_indicator_for_user(request.user, key)
    found = DerivedFigure.objects.filter(indicator=indicator).select_related(
        "area", "period", "previous_period"
    )
    if params.area:
        found = found.filter(area=access.get_area_for_user(request.user, params.area))
    since = since_of(params)
    if since:
        found = found.filter(computed_at__gte=since)
    found = found.order_by("area__name", "area_id", "period__sort_key", "period_id")

    def cell(value):
        return figure_cell(value, indicator)

    def row(f: DerivedFigure) -> list:
        return [
            indicator.code,
            access.area_key(f.area),
            f.area.name,
            f.period.label,
            f.period.start,
            f.period.end,
            unit_words(indicator),
            cell(f.value),
            f.previous_period.label if f.previous_period_id else None,
            cell(f.previous_value),
            f.dot_word,
            cell(f.year_ago_value),
            f.dot_year_word,
            cell(f.sn_average),
            f.sn_comparison_word,
            cell(f.region_value),
            f.region_comparison_word,
            cell(f.england_value),
            f.england_comparison_word,
            f.significance_95_word,
            f.significance_998_word,
            cell(f.ci_lower),
            cell(f.ci_upper),
            *rank_cells(f.rank, f.rank_of),
            f.quartile_band or None,
            cell(f.target_value),
            f.on_target,
            f.rag_word,
            f.spc_word,
            f.trend_word,
            f.computed_at,
        ]

    return respond(request, Listing(f"figures-{key}", FIGURE_COLUMNS, found, row), params)


VALUE_COLUMNS = [
    Column("indicator", "text"),
    Column("area_key", "text"),
    Column("area", "text"),
    Column("period", "text"),
    Column("period_start", "date"),
    Column("period_end", "date"),
    Column("unit", "text"),
    Column("value", "number", "Null when missing, with the publisher's reason"),
    Column("numerator", "number"),
    Column("denominator", "number"),
    Column("status", "text", "provisional, final or revised"),
    Column("missing_reason", "text", "The publisher's code for a missing value (-, c, x, z…)"),
    Column("published_label", "text", "The period as the value was published"),
    Column("imported_at", "datetime", "When the import that wrote it started; null if typed in"),
]


@router.get("/indicators/{key}/values", response=page_schema("Value", VALUE_COLUMNS), url_name="values")
def values(request: HttpRequest, key: str, params: Query[FigureQuery]):  # type: ignore[type-arg]
    """The indicator's values as held, per area and period, with numerator, denominator and status
    (``area`` to keep one area). ``updated_since`` keeps those written by an import started since,
    and always those typed in one by one (they carry no import)."""
    indicator = access.get_indicator_for_user(request.user, key)
    found = Value.objects.filter(indicator=indicator).select_related("area", "period", "source_import")
    if params.area:
        found = found.filter(area=access.get_area_for_user(request.user, params.area))
    since = since_of(params)
    if since:
        found = found.filter(Q(source_import__started_at__gte=since) | Q(source_import=None))
    found = found.order_by("area__name", "area_id", "period__sort_key", "period_id")

    def row(v: Value) -> list:
        return [
            indicator.code,
            access.area_key(v.area),
            v.area.name,
            v.period.label,
            v.period.start,
            v.period.end,
            unit_words(indicator),
            figure_cell(v.value, indicator),
            v.numerator,
            v.denominator,
            v.status,
            v.missing_reason or None,
            v.published_label or None,
            v.source_import.started_at if v.source_import_id else None,
        ]

    return respond(request, Listing(f"values-{key}", VALUE_COLUMNS, found, row), params)


EXCEPTION_COLUMNS = [
    Column("id", "integer"),
    Column("indicator", "text"),
    Column("name", "text"),
    Column("area", "text"),
    Column("period", "text"),
    Column("kind", "text"),
    Column("exception", "text"),
    Column("detail", "text"),
    Column("opened_at", "datetime"),
    Column("closed_at", "datetime"),
    Column("closed_reason", "text"),
    Column("clinics", "text", "The clinics that took it up (for those who may read clinics)"),
    Column("updated_at", "datetime"),
]


class ExceptionQuery(PagingSince):  # type: ignore[misc,valid-type]
    status: str = "all"


@router.get("/exceptions", response=page_schema("Exception", EXCEPTION_COLUMNS), url_name="exceptions")
def exceptions(request: HttpRequest, params: Query[ExceptionQuery]):  # type: ignore[type-arg]
    """Exceptions, open and closed (``status=open`` or ``closed`` for one of them), oldest first."""
    access.require_reader(request.user)
    found = ExceptionRecord.objects.select_related("indicator", "area", "period").prefetch_related("clinics")
    if params.status == "open":
        found = found.filter(closed_at__isnull=True)
    elif params.status == "closed":
        found = found.filter(closed_at__isnull=False)
    since = since_of(params)
    if since:
        found = found.filter(updated_at__gte=since)
    found = found.order_by("opened_at", "id")
    clinics = access.can_read_clinics(request.user)

    def row(r: ExceptionRecord) -> list:
        return [
            r.pk,
            r.indicator.code,
            r.indicator.name,
            r.area.name,
            r.period.label,
            r.kind,
            r.get_kind_display(),
            r.detail,
            r.opened_at,
            r.closed_at,
            r.closed_reason,
            "; ".join(c.title for c in r.clinics.all()) if clinics else None,
            r.updated_at,
        ]

    return respond(request, Listing("exceptions", EXCEPTION_COLUMNS, found, row), params)


CLINIC_COLUMNS = [
    Column("slug", "text"),
    Column("date", "date"),
    Column("kind", "text"),
    Column("title", "text"),
    Column("forum", "text"),
    Column("indicators", "text", "Codes of the indicators reviewed"),
    Column("findings", "text"),
    Column("agreed_actions", "integer"),
    Column("open_actions", "integer"),
    Column("updated_at", "datetime"),
]


@router.get("/clinics", response=page_schema("Clinic", CLINIC_COLUMNS), url_name="clinics")
def clinics(request: HttpRequest, params: Query[PagingSince]):  # type: ignore[type-arg]
    """Performance clinics and challenge sessions, oldest first."""
    access.require_clinic_reader(request.user)
    found = Clinic.objects.prefetch_related("indicators").order_by("date", "id")
    counts = ClinicTracker().counts()
    since = since_of(params)
    if since:
        found = found.filter(updated_at__gte=since)

    def row(c: Clinic) -> list:
        agreed, still_open = counts.get(c.pk, (0, 0))
        return [
            c.slug,
            c.date,
            c.get_kind_display(),
            c.title,
            c.forum,
            ", ".join(i.code for i in c.indicators.all()),
            c.findings,
            agreed,
            still_open,
            c.updated_at,
        ]

    return respond(request, Listing("clinics", CLINIC_COLUMNS, found, row), params)


ACTION_COLUMNS = [
    Column("clinic", "text", "The clinic's slug"),
    Column("clinic_date", "date"),
    Column("number", "integer"),
    Column("text", "text"),
    Column("owner", "text"),
    Column("due", "date"),
    Column("status", "text"),
    Column("follow_up", "text"),
    Column("followed_up_at", "text", "The clinic that followed it up"),
    Column("updated_at", "datetime"),
]


@router.get("/actions", response=page_schema("AgreedAction", ACTION_COLUMNS), url_name="actions")
def actions(request: HttpRequest, params: Query[PagingSince]):  # type: ignore[type-arg]
    """The actions agreed at clinics, by clinic date and number: actions of the Performance clinics
    on the one tracker (decision 0142), in the clinic's words."""
    access.require_clinic_reader(request.user)
    found = (
        clinic_actions()
        .select_related("clinic", "followed_up_at")
        .prefetch_related("updates")
        .order_by("clinic__date", "clinic_id", "number", "id")
    )
    since = since_of(params)
    if since:
        found = found.filter(updated_at__gte=since)

    def row(a: Action) -> list:
        return [
            a.clinic.slug if a.clinic else None,
            a.clinic.date if a.clinic else None,
            a.number,
            a.details,
            a.owner_text,
            a.due_on,
            a.get_status_display(),
            follow_up_of(a),
            a.followed_up_at.slug if a.followed_up_at_id and a.followed_up_at else None,
            a.updated_at,
        ]

    return respond(request, Listing("actions", ACTION_COLUMNS, found, row), params)
