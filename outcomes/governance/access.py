"""Who may read and change the bodies and their action trackers (decision 0131).

Performance officers and administrators run bodies: they raise, edit and discharge actions. A lead
officer adds dated updates to the open actions they own (linked as an owner). Lead officers and
viewers (board and scrutiny members) read the bodies and their logs; school accounts read none.
A body or action a reader may not see is 404, an action they may not take on what they see is 403.
The Performance clinics' actions (decision 0142) are read by those who read the clinics.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from outcomes.accounts.roles import Role, is_manager
from outcomes.core import links
from outcomes.governance import rules
from outcomes.governance.clinics import SLUG as CLINICS
from outcomes.governance.models import Action, Body, Meeting
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


def sees_exempt(user) -> bool:
    """Exempt agenda items and minutes (Schedule 12A) are for those who run the bodies and the
    officers; never for viewers (board and scrutiny members reading the public record), nor in any
    public output (decision 0135)."""
    return runs_bodies(user) or bool(
        user.is_authenticated and user.is_active and user.role == Role.LEAD_OFFICER
    )


def sees_agenda(user, meeting: Meeting) -> bool:
    """Those who run the bodies see an agenda being drafted; readers once it is published."""
    if runs_bodies(user):
        return True
    return meeting.state in Meeting.ORDER and Meeting.ORDER.index(meeting.state) >= 1


def sees_minutes(user, meeting: Meeting) -> bool:
    """Draft minutes are for those who run the bodies; readers read them once published."""
    return runs_bodies(user) or meeting.state == Meeting.PUBLISHED


def get_meeting_for_user(user, slug: str, on) -> Meeting:
    body = get_body_for_user(user, slug)
    meeting = body.meetings.filter(date=on).select_related("body").first()
    if meeting is None:
        raise Http404("No such meeting")
    return meeting


def get_meeting_to_run(user, slug: str, on) -> Meeting:
    meeting = get_meeting_for_user(user, slug, on)
    require_runner(user)
    return meeting


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
