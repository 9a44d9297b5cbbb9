"""Who may read and change the bodies and their action trackers (decision 0131).

Performance officers and administrators run bodies: they raise, edit and discharge actions. A lead
officer adds dated updates to the open actions they own (linked as an owner). Lead officers and
viewers (board and scrutiny members) read the bodies and their logs; school accounts read none.
A body or action a reader may not see is 404, an action they may not take on what they see is 403.
The Performance clinics' actions (decision 0142) are read by those who read the clinics.
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from outcomes.accounts.roles import Role, is_manager
from outcomes.core import links
from outcomes.documents.publications import register_kind
from outcomes.governance import agenda_services, rules
from outcomes.governance.clinics import SLUG as CLINICS
from outcomes.governance.models import Action, Body, Meeting, Minute, Resolution
from outcomes.indicators import access as indicator_access

READERS = {Role.LEAD_OFFICER, Role.VIEWER}


def runs_bodies(user) -> bool:
    return is_manager(user)


def reads_bodies(user) -> bool:
    return runs_bodies(user) or bool(user.is_authenticated and user.is_active and user.role in READERS)


def may_read_body(user, body: Body) -> bool:
    if not reads_bodies(user):
        return False
    return body.slug != CLINICS or indicator_access.can_read_clinics(user)


def visible_bodies(user):
    """The bodies ``user`` may read (none for those who read no body)."""
    bodies = Body.objects.all() if reads_bodies(user) else Body.objects.none()
    return bodies if indicator_access.can_read_clinics(user) else bodies.exclude(slug=CLINICS)


def person_of(user):
    return getattr(user, "person", None) if user.is_authenticated else None


def may_update(user, action: Action) -> bool:
    """Whether the person may add an update: those who run bodies, or an owner while it is open."""
    if runs_bodies(user):
        return action.is_open
    return user.role == Role.LEAD_OFFICER and rules.may_update(action, person_of(user))


def sees_exempt(user) -> bool:
    """Exempt items and minutes (closed to the public): performance officers, administrators and
    lead officers see them; viewers never."""
    return runs_bodies(user) or bool(
        user.is_authenticated and user.is_active and user.role == Role.LEAD_OFFICER
    )


def require_reader(user) -> None:
    if not reads_bodies(user):
        raise PermissionDenied("Governance records are for the partnership's officers and members.")


def require_runner(user) -> None:
    if not runs_bodies(user):
        raise PermissionDenied("Only performance officers and administrators run the bodies' records.")


def get_body_for_user(user, slug: str) -> Body:
    require_reader(user)
    body = Body.objects.filter(slug=slug).first()
    if body is None or not may_read_body(user, body):
        raise Http404("No such body")
    return body


def get_body_to_run(user, slug: str) -> Body:
    body = get_body_for_user(user, slug)
    require_runner(user)
    return body


def get_action_for_user(user, slug: str, number: int) -> Action:
    body = get_body_for_user(user, slug)
    action = body.actions.filter(number=number).select_related("body", "parent").first()
    if action is None:
        raise Http404("No such action")
    if not sees_exempt(user) and action.resolutions.filter(minute__exempt=True).exists():
        raise Http404("No such action")  # raised by an exempt minute (decision 0135)
    return action


def get_action_to_update(user, slug: str, number: int) -> Action:
    action = get_action_for_user(user, slug, number)
    if not may_update(user, action):
        raise PermissionDenied("Only the action's owners, while it is open, add updates to it.")
    return action


def get_action_to_run(user, slug: str, number: int) -> Action:
    action = get_action_for_user(user, slug, number)
    require_runner(user)
    return action


def sees_agenda(user, meeting: Meeting) -> bool:
    """Those who run the bodies see an agenda being drafted; readers once it is published."""
    if runs_bodies(user):
        return True
    return meeting.state in Meeting.ORDER and Meeting.ORDER.index(meeting.state) >= 1


def sees_minutes(user, meeting: Meeting) -> bool:
    """Draft minutes are for those who run the bodies; readers read them once published."""
    return runs_bodies(user) or meeting.state == Meeting.PUBLISHED


def get_meeting_for_user(user, slug: str, day: str) -> Meeting:
    return meeting_of(get_body_for_user(user, slug), day)


def get_meeting_to_run(user, slug: str, day: str) -> Meeting:
    meeting = get_meeting_for_user(user, slug, day)
    require_runner(user)
    return meeting


def get_minute_to_run(user, slug: str, day: str, number: int) -> Minute:
    meeting = get_meeting_to_run(user, slug, day)
    minute = meeting.minutes.filter(number=number).select_related("meeting__body").first()
    if minute is None:
        raise Http404("No such minute")
    return minute


def get_resolution_to_run(user, slug: str, day: str, number: int, pk: int) -> Resolution:
    minute = get_minute_to_run(user, slug, day, number)
    resolution = minute.resolutions.filter(pk=pk).select_related("action").first()
    if resolution is None:
        raise Http404("No such resolution")
    return resolution


def register_pages() -> None:
    links.register(
        Body,
        lambda user, body: (
            reverse("governance:body", args=[body.slug]) if may_read_body(user, body) else None
        ),
    )
    links.register(
        Action,
        lambda user, action: (
            reverse("governance:action", args=[action.body.slug, action.number])
            if may_read_body(user, action.body)
            else None
        ),
    )
    links.register(
        Meeting,
        lambda user, meeting: (
            reverse("governance:meeting", args=[meeting.body.slug, meeting.date.isoformat()])
            if reads_bodies(user)
            else None
        ),
    )


def register_minutes_kinds() -> None:
    """The publications of meetings (minutes, the action log as at the meeting), linked for readers."""
    from outcomes.documents.publications import register_kind

    def meeting_url(name: str):
        def url(user, publication) -> str | None:
            pk = publication.subject.split(":", 1)[1]
            meeting = Meeting.objects.filter(pk=int(pk)).select_related("body").first()
            if meeting is None or not reads_bodies(user):
                return None
            address = reverse(name, args=[meeting.body.slug, meeting.date.isoformat()])
            return f"{address}?version={publication.version}" if name == "governance:minutes" else address

        return url

    register_kind("minutes", name="minutes", url=meeting_url("governance:minutes"))
    register_kind("action_log", name="action log as at a meeting", url=meeting_url("governance:meeting_log"))


# --- agendas (decision 0136) -------------------------------------------------------------------------


def meeting_of(body: Body, on: str) -> Meeting:
    try:
        day = date.fromisoformat(on)
    except ValueError:
        raise Http404("No such meeting") from None
    meeting = Meeting.objects.filter(body=body, date=day).select_related("body").first()
    if meeting is None:
        raise Http404("No such meeting")
    return meeting


def get_agenda_for_user(user, slug: str, on: str) -> Meeting:
    """The meeting whose agenda is read: those who run the bodies read the working agenda; other
    readers only a published one (404 before)."""
    meeting = meeting_of(get_body_for_user(user, slug), on)
    if not runs_bodies(user) and agenda_services.current(meeting) is None:
        raise Http404("The agenda has not been published")
    return meeting


def get_agenda_to_run(user, slug: str, on: str) -> Meeting:
    meeting = meeting_of(get_body_for_user(user, slug), on)
    require_runner(user)
    return meeting


def register_agenda_pages() -> None:
    def version_url(user, publication):
        meeting = (
            Meeting.objects.filter(pk=int(publication.subject.split(":")[1])).select_related("body").first()
        )
        if meeting is None or not reads_bodies(user):
            return None
        return reverse(
            "governance:agenda_version",
            args=[meeting.body.slug, meeting.date.isoformat(), publication.version],
        )

    register_kind("agenda", name="agenda", url=version_url)
