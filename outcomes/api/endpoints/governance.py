"""The partnership's bodies, each body's action tracker, its meetings and their published minutes
(issue 15's governance records, as they land). Who may read them is the governance pages' access
helper's answer; an action's row gives its latest dated update, and an update stamps its action, so
``updated_since`` takes it. A meeting is stamped by what changes its row: its state, its approval,
each publication of its agenda or minutes."""

from django.db.models import Count, Prefetch, Q
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
from outcomes.governance import access, agenda_services, minuting
from outcomes.governance.meetings import STATE_WORDS, named
from outcomes.governance.minutes_document import public_content
from outcomes.governance.models import Action, ActionUpdate, Body, Meeting, Resolution

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


MEETING_COLUMNS = [
    Column("body", "text"),
    Column("date", "date"),
    Column("weekday", "text", "The date's weekday (Thursday)"),
    Column("starts_at", "text", "The time it starts, HH:MM (UK time)"),
    Column("venue", "text"),
    Column("state", "text", "As the pages say it: Scheduled, Agenda published, ... Minutes published"),
    Column("cancelled_reason", "text", "Why it was cancelled, if it was"),
    Column("agenda_version", "integer", "The agenda's version published last; null before the first"),
    Column("minutes_version", "integer", "The minutes' version published last; null before the first"),
    Column("approved_at", "date", "The date of the meeting that approved its minutes"),
    Column("updated_at", "datetime"),
]


@router.get(
    "/bodies/{body}/meetings", response=page_schema("BodyMeeting", MEETING_COLUMNS), url_name="body_meetings"
)
def body_meetings(request: HttpRequest, body: str, params: Query[PagingSince]):  # type: ignore[type-arg]
    """A body's meetings, by date, with the versions of their agenda and minutes published."""
    found_body = access.get_body_for_user(request.user, body)
    found = found_body.meetings.select_related("approved_at").order_by("date", "id")
    since = since_of(params)
    if since:
        found = found.filter(updated_at__gte=since)

    def row(m: Meeting) -> list:
        agenda = agenda_services.current(m)
        minutes = minuting.current_minutes(m)
        return [
            found_body.slug,
            m.date,
            f"{m.date:%A}",
            m.starts_at.strftime("%H:%M") if m.starts_at else None,
            m.venue or None,
            STATE_WORDS[m.state],
            m.cancelled_reason or None,
            agenda.version if agenda else None,
            minutes.version if minutes else None,
            m.approved_at.date if m.approved_at_id else None,
            m.updated_at,
        ]

    return respond(request, Listing(f"{found_body.slug}-meetings", MEETING_COLUMNS, found, row), params)


MINUTE_COLUMNS = [
    Column("version", "integer", "The version of the minutes published last, which these rows are"),
    Column("number", "text", "As the minutes print it, with the body's prefix (269, D24)"),
    Column("title", "text"),
    Column("exempt", "boolean", "Closed to the public; only those who see exempt business read these"),
    Column("resolutions", "text", 'Each resolution on one line of its own, "Kind: text"'),
    Column("resolution_count", "integer"),
]
KIND_WORDS = dict(Resolution.KINDS)


def _resolution_line(resolution: dict) -> str:
    text = resolution["text"]
    if resolution["kind"] == Resolution.APPROVED_AMENDED and resolution.get("amendment"):
        text += f" Amendment: {resolution['amendment']}"  # as the minutes print it
    # One line is one resolution, so a resolution's own line breaks become spaces.
    return f"{KIND_WORDS.get(resolution['kind'], resolution['kind'])}: {' '.join(text.split())}"


@router.get(
    "/bodies/{body}/meetings/{date}/minutes",
    response=page_schema("MeetingMinute", MINUTE_COLUMNS),
    url_name="meeting_minutes",
)
def meeting_minutes(request: HttpRequest, body: str, date: str, params: Query[Paging]):  # type: ignore[type-arg]
    """A meeting's minutes as published (the version in force), minute by minute; date as YYYY-MM-DD."""
    meeting = access.get_meeting_for_user(request.user, body, date)
    # The API gives the board's record: a draft is never served, even to those who write it.
    publication = minuting.current_minutes(meeting)
    if publication is None:
        raise Http404(f"The minutes of {named(meeting)} are not published yet")  # service.not_found
    content = publication.content
    if not access.sees_exempt(request.user):
        content = public_content(content)  # exempt business left out, as on the pages (decision 0135)

    def row(minute: dict) -> list:
        resolutions = minute["resolutions"]
        return [
            publication.version,
            minute["label"],
            minute["title"],
            minute["exempt"],
            "\n".join(_resolution_line(r) for r in resolutions) or None,
            len(resolutions),
        ]

    name = f"{meeting.body.slug}-minutes-{meeting.date.isoformat()}-version-{publication.version}"
    return respond(request, Listing(name, MINUTE_COLUMNS, content["minutes"], row), params)
