"""Inspections, their recommendations as at a date and the two figures (issue 16's recommendation
records, as issue 17 asks). Who may read them is the inspections pages' access helper's answer; the
rows and figures are report.build's, as the recommendations page, its downloads and the command give
them. A recommendation is stamped by every change to it: a revised date, progress, a linked action."""

from datetime import date

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query
from pydantic import Field

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
from outcomes.inspections import access, report
from outcomes.inspections.models import Inspection

router = TableRouter()

INSPECTION_COLUMNS = [
    Column("slug", "text", "The inspection's key in addresses (fostering-2010)"),
    Column("title", "text"),
    Column("inspectorate", "text", "Ofsted, CQC, Ofsted and CQC (joint) …"),
    Column("type", "text"),
    Column("starts_on", "date"),
    Column("ends_on", "date"),
    Column("published_on", "date"),
    Column("judgements", "text", "Each area and its grade as written, separated by semicolons"),
    Column("recommendations", "integer"),
    Column("reconstructed", "boolean", "The seed gives its counts, not its words"),
    Column("updated_at", "datetime"),
]


@router.get("/inspections", response=page_schema("Inspection", INSPECTION_COLUMNS), url_name="inspections")
def inspections(request: HttpRequest, params: Query[PagingSince]):  # type: ignore[type-arg]
    """Every inspection, earliest first, with its judgements."""
    access.require_reader(request.user)
    found = Inspection.objects.prefetch_related("judgements", "recommendations").order_by("starts_on", "id")
    since = since_of(params)
    if since:
        found = found.filter(updated_at__gte=since)

    def row(i: Inspection) -> list:
        return [
            i.slug,
            i.title,
            i.inspectorate,
            i.kind,
            i.starts_on,
            i.ends_on,
            i.published_on,
            "; ".join(f"{j.area}: {j.grade}" for j in i.judgements.all()),
            len(i.recommendations.all()),
            i.reconstructed,
            i.updated_at,
        ]

    return respond(request, Listing("inspections", INSPECTION_COLUMNS, found, row), params)


class AsAtQuery(PagingSince):  # type: ignore[misc,valid-type]
    as_at: date | None = Field(None, description="The date the rows and figures stand at; today if left out")
    inspection: str = Field("", description="One inspection's slug")


class FiguresQuery(Paging):  # type: ignore[misc,valid-type]
    as_at: date | None = Field(None, description="The date the figures stand at; today if left out")
    inspection: str = Field("", description="One inspection's slug")


def _inspection(user, slug: str) -> Inspection | None:
    return access.get_inspection_for_user(user, slug) if slug else None


RECOMMENDATION_COLUMNS = [
    Column("reference", "text"),
    Column("inspection", "text", "The inspection's slug"),
    Column("number", "integer", "Its number within the inspection, as in its page's address"),
    Column("text", "text"),
    Column("priority", "text"),
    Column("owner", "text", "As written"),
    Column("original_due", "date", "Agreed once, never changed: lateness is measured against it"),
    Column("revised_due", "date", "The latest revised date agreed by the date"),
    Column("status", "text", "Open, Complete or Superseded, as at the date"),
    Column("completed_on", "date"),
    Column("late", "boolean", "Its original due date has passed and it was not completed on or before it"),
    Column("at_risk", "boolean", "Open, the original date not passed, due soon or with an action overdue"),
    Column("as_at", "date"),
    Column("updated_at", "datetime"),
]


@router.get(
    "/recommendations",
    response=page_schema("Recommendation", RECOMMENDATION_COLUMNS),
    url_name="recommendations",
)
def recommendations(request: HttpRequest, params: Query[AsAtQuery]):  # type: ignore[type-arg]
    """Every recommendation monitored as at the date, by inspection and number."""
    access.require_reader(request.user)
    day = params.as_at or timezone.localdate()
    built = report.build(day, _inspection(request.user, params.inspection))
    rows = built.rows
    since = since_of(params)
    if since:
        rows = [r for r in rows if r.rec.updated_at >= since]

    def row(r: report.Row) -> list:
        data = r.as_json()
        return [
            data["reference"],
            data["inspection"],
            r.rec.number,
            data["text"],
            data["priority"],
            data["owner"],
            r.rec.original_due,
            r.revised_due,
            data["status"],
            r.facts.completed_on if r.status == "complete" else None,
            r.late,
            r.at_risk,
            day,
            r.rec.updated_at,
        ]

    return respond(
        request, Listing(f"recommendations-{day.isoformat()}", RECOMMENDATION_COLUMNS, rows, row), params
    )


FIGURE_COLUMNS = [
    Column("figure", "text", "within_original_timescale or complete"),
    Column("name", "text"),
    Column("numerator", "integer"),
    Column("denominator", "integer"),
    Column("percent", "number", "To one decimal place; null where the denominator is 0"),
    Column("definition", "text"),
    Column("target", "number", "The target, a percent"),
    Column("meets_target", "boolean", "On the exact figure; null where nothing is counted"),
    Column("as_at", "date"),
]


@router.get(
    "/recommendations/figures",
    response=page_schema("RecommendationFigure", FIGURE_COLUMNS),
    url_name="recommendation_figures",
)
def figures(request: HttpRequest, params: Query[FiguresQuery]):  # type: ignore[type-arg]
    """The two figures, never confused: completed within the original timescale, and complete of all
    monitored, each with its numerator, denominator and definition."""
    access.require_reader(request.user)
    day = params.as_at or timezone.localdate()
    built = report.build(day, _inspection(request.user, params.inspection))
    rows = [
        [
            key,
            f.name,
            f.numerator,
            f.denominator,
            f.percent,
            f.definition,
            built.target,
            f.meets(built.target),
            day,
        ]
        for key, f in (("within_original_timescale", built.within), ("complete", built.complete))
    ]
    return respond(
        request, Listing(f"recommendation-figures-{day.isoformat()}", FIGURE_COLUMNS, rows), params
    )
