"""The partnership's bodies and each body's action tracker (issue 15's governance records, as they
land). Who may read them is the governance pages' access helper's answer; an action's row gives
its latest dated update, and an update stamps its action, so ``updated_since`` takes it."""

from django.db.models import Count, Prefetch, Q
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
from outcomes.governance import access
from outcomes.governance.models import Action, ActionUpdate, Body

router = TableRouter()

BODY_COLUMNS = [
    Column("slug", "text", "The body's key in addresses (rlscb)"),
    Column("name", "text"),
    Column("short_name", "text"),
    Column("actions", "integer", "Actions on its tracker"),
    Column("open_actions", "integer", "Raised, ongoing or unclear"),
    Column("updated_at", "datetime"),
]


@router.get("/bodies", response=page_schema("Body", BODY_COLUMNS), url_name="bodies")
def bodies(request: HttpRequest, params: Query[Paging]):  # type: ignore[type-arg]
    """Every body, by name."""
    access.require_reader(request.user)
    open_statuses = [status for status, _ in Action.STATUSES if status not in Action.CLOSED]
    found = (
        access.visible_bodies(request.user)
        .annotate(
            action_count=Count("actions"),
            open_count=Count("actions", filter=Q(actions__status__in=open_statuses)),
        )
        .order_by("name", "id")
    )

    def row(b: Body) -> list:
        return [b.slug, b.name, b.short_name, b.action_count, b.open_count, b.updated_at]  # type: ignore[attr-defined]

    return respond(request, Listing("bodies", BODY_COLUMNS, found, row), params)


ACTION_COLUMNS = [
    Column("body", "text"),
    Column("number", "integer", "The action's number on its body's tracker"),
    Column("owner", "text", "As the log writes it"),
    Column("details", "text"),
    Column("status", "text"),
    Column("raised_on", "date"),
    Column("due_on", "date"),
    Column("due_rule", "text", "A due date in words, where there is no date"),
    Column("discharged_on", "date", "Discharged or withdrawn on"),
    Column("parent", "integer", 'The number of the action it came from ("New action:")'),
    Column("evidence", "text", "What shows it done"),
    Column("updates", "integer", "Dated updates"),
    Column("latest_update_on", "date"),
    Column("latest_update", "text"),
    Column("updated_at", "datetime"),
]


@router.get(
    "/bodies/{body}/actions", response=page_schema("BodyAction", ACTION_COLUMNS), url_name="body_actions"
)
def body_actions(request: HttpRequest, body: str, params: Query[PagingSince]):  # type: ignore[type-arg]
    """A body's actions, by number, each with its latest dated update."""
    found_body = access.get_body_for_user(request.user, body)
    updates = ActionUpdate.objects.order_by("-on", "-id")
    found = (
        found_body.actions.select_related("parent")
        .prefetch_related(Prefetch("updates", queryset=updates, to_attr="newest_first"))
        .order_by("number", "id")
    )
    if not access.sees_exempt(request.user):
        found = found.exclude(resolutions__minute__exempt=True)  # exempt business (decision 0135)
    since = since_of(params)
    if since:
        found = found.filter(updated_at__gte=since)

    def row(a: Action) -> list:
        newest = a.newest_first  # type: ignore[attr-defined]
        latest = newest[0] if newest else None
        return [
            found_body.slug,
            a.number,
            a.owner_text,
            a.details,
            a.get_status_display(),
            a.raised_on,
            a.due_on,
            a.due_rule,
            a.discharged_on,
            a.parent.number if a.parent_id else None,
            a.evidence or None,
            len(newest),
            latest.on if latest else None,
            latest.text if latest else None,
            a.updated_at,
        ]

    return respond(request, Listing(f"{found_body.slug}-actions", ACTION_COLUMNS, found, row), params)
