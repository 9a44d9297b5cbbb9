"""Survey results, from published releases only (``surveys.releases``: the results every page,
workbook and PDF shows, suppressed and frozen when published). Nothing here reads a response: a
figure suppressed on the page is null here with the same reason. Who may read which release is the
surveys' access helpers' answer, as on the pages (decisions 0032, 0055)."""

from django.http import Http404, HttpRequest
from ninja import Query

from outcomes.api.tables import Column, Listing, Paging, TableRouter, page_schema, respond
from outcomes.core.downloads import number
from outcomes.surveys import access, releases

router = TableRouter()

EDITION_COLUMNS = [
    Column("edition", "text", "The edition's key in addresses"),
    Column("title", "text"),
    Column("year", "integer"),
    Column("phase", "text"),
    Column("state", "text"),
    Column("release", "integer", "The latest release you may read; null before any"),
    Column("release_kind", "text", "interim or final"),
    Column("published_at", "datetime"),
    Column("respondents", "integer", "Responses in the release"),
    Column("threshold", "integer", "Figures based on fewer pupils than this are suppressed"),
    Column("borough_results", "boolean", "Whether you may read the borough's results"),
    Column("schools", "text", "The schools whose reports you may read, by code"),
]


@router.get("/surveys", response=page_schema("SurveyEdition", EDITION_COLUMNS), url_name="surveys")
def surveys(request: HttpRequest, params: Query[Paging]):  # type: ignore[type-arg]
    """The survey editions whose results you may read, with the release you read."""
    user = request.user
    rows = []
    for edition in sorted(access.result_editions_for(user), key=lambda e: (e.year, e.slug)):
        release = access.release_for_user(user, edition)
        schools: list[str] = []
        if release is not None and access.is_school_account(user):
            schools = sorted(s.code for s in access.schools_of(user))
        elif release is not None and access.manages_surveys(user):
            schools = sorted(
                r.school.code for r in release.reports.exclude(school=None).select_related("school")
            )
        rows.append(
            [
                edition.slug,
                edition.title,
                edition.year,
                edition.phase,
                edition.state,
                release.number if release else None,
                release.kind if release else None,
                release.published_at if release else None,
                release.respondents if release else None,
                release.threshold if release else None,
                release is not None and access.can_read_borough_results(user, edition),
                ", ".join(schools),
            ]
        )
    return respond(request, Listing("surveys", EDITION_COLUMNS, rows), params)


RESULT_COLUMNS = [
    Column("release", "integer"),
    Column("scope", "text", "borough, or the school's code"),
    Column("question_number", "integer"),
    Column("question", "text", "The question's name"),
    Column("question_label", "text"),
    Column("row", "text", "A grid's row; null otherwise"),
    Column("row_label", "text"),
    Column("breakdown", "text", "all, gender or ethnicity"),
    Column("group", "text"),
    Column("group_label", "text"),
    Column("option", "text"),
    Column("option_label", "text"),
    Column("count", "integer", "Null when suppressed"),
    Column("base", "integer", "Pupils who answered; null when suppressed"),
    Column("percentage", "number", "Of those who answered, to one place; null when suppressed"),
    Column("reason", "text", "Why a figure is not shown"),
    Column("borough_percentage", "number", "School reports: the borough's figure beside it"),
    Column("borough_reason", "text"),
]


class ReleaseQuery(Paging):  # type: ignore[misc,valid-type]
    release: int | None = None


def _release(user, edition, number_: int | None):
    release = access.release_for_user(user, edition, number=number_)
    if release is None:
        raise Http404("No results of this edition have been released to you")
    return release


def _result_rows(release, results, scope: str) -> list[list]:
    return [
        [
            release.number,
            scope,
            question.number,
            question.name,
            question.label,
            row.name,
            row.label if row.name else None,
            group.group.kind,
            group.group.name,
            group.group.label,
            option.name,
            option.label,
            option.count.value,
            group.answered.value,
            number(option.percentage, 1),
            option.reason,
            number(option.borough, 1),
            option.borough_reason,
        ]
        for question in results.questions
        for row in question.rows
        for group in row.groups
        for option in group.options
    ]


@router.get(
    "/surveys/{slug}/results", response=page_schema("SurveyResult", RESULT_COLUMNS), url_name="results"
)
def borough_results(request: HttpRequest, slug: str, params: Query[ReleaseQuery]):  # type: ignore[type-arg]
    """The borough's results of the release (the latest you may read, or ``release``): per question,
    grid row, group and option, as the borough report shows them."""
    found = access.get_borough_results_for_user(request.user, slug)
    release = _release(request.user, found, params.release)
    results, _, _ = releases.borough_of(release)
    rows = _result_rows(release, results, "borough")
    return respond(request, Listing(f"{slug}-results", RESULT_COLUMNS, rows), params)


PARTICIPATION_COLUMNS = [
    Column("release", "integer"),
    Column("school", "text", "The school's code"),
    Column("name", "text"),
    Column("area", "text"),
    Column("status", "text"),
    Column("respondents", "integer", "Null when suppressed"),
    Column("roll", "integer"),
    Column("rate", "number", "Respondents as a percentage of the roll"),
    Column("reason", "text"),
]


@router.get(
    "/surveys/{slug}/participation",
    response=page_schema("Participation", PARTICIPATION_COLUMNS),
    url_name="participation",
)
def participation(request: HttpRequest, slug: str, params: Query[ReleaseQuery]):  # type: ignore[type-arg]
    """Participation by school in the release, as the participation page shows it."""
    found = access.get_borough_results_for_user(request.user, slug)
    release = _release(request.user, found, params.release)
    _, taking_part, _ = releases.borough_of(release)
    rows = [
        [
            release.number,
            r.code,
            r.name,
            r.area,
            r.status,
            r.respondents.value,
            r.roll,
            number(r.rate, 1),
            r.reason,
        ]
        for r in taking_part.schools
    ]
    return respond(request, Listing(f"{slug}-participation", PARTICIPATION_COLUMNS, rows), params)


@router.get(
    "/surveys/{slug}/schools/{code}/results",
    response=page_schema("SchoolResult", RESULT_COLUMNS),
    url_name="school_results",
)
def school_results(request: HttpRequest, slug: str, code: str, params: Query[ReleaseQuery]):  # type: ignore[type-arg]
    """A school's report in the release, beside the borough's figures: for that school's staff and
    for performance officers."""
    found, school = access.get_school_report_for_user(request.user, slug, code)
    release = _release(request.user, found, params.release)
    report = releases.school_of(release, school)
    if report is None:
        raise Http404("The school has no report of its own in this release")
    results, _, _ = report
    rows = _result_rows(release, results, school.code)
    return respond(request, Listing(f"{slug}-{code}-results", RESULT_COLUMNS, rows), params)
