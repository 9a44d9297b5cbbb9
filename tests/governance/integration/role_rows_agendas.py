"""The agenda rows of the role matrix (see tests/home/integration/test_role_matrix.py): (url name,
kwargs, method, {role: expected status}), a role left out expecting a redirect to sign in.

The demo holds no agenda of its own here, so the rows make one, once, when their kwargs are read:
the partnership's (cypfp) meeting of 24 September 2014 with a heading, an item, a standing item, a
forward-plan item, and its agenda published (viewers read only a published agenda). Performance
officers and administrators run agendas; lead officers and viewers read them and make the pack;
school accounts read nothing (403). An empty POST answers with the form's errors (400), a remove or
publish with its confirmation page (200)."""

from datetime import date

from tests.roles import SIGNED_IN

ON = date(2014, 9, 24)

READERS = {**SIGNED_IN, "school": 403}
RUNNERS = {
    "administrator": 200,
    "performance_officer": 200,
    "lead_officer": 403,
    "other_lead_officer": 403,
    "viewer": 403,
    "school": 403,
}
RUNNERS_POST = {**RUNNERS, "administrator": 400, "performance_officer": 400}
READERS_POST = {
    **READERS,
    **dict.fromkeys(
        ["administrator", "performance_officer", "lead_officer", "other_lead_officer", "viewer"], 400
    ),
}


def the_meeting():
    """The meeting the rows address, made with its agenda the first time it is asked for."""
    from outcomes.accounts.models import User
    from outcomes.governance import agenda_services
    from outcomes.governance.models import Body, ForwardPlanItem, Meeting, StandingItem

    body = Body.objects.get(slug="cypfp")
    meeting, _ = Meeting.objects.get_or_create(body=body, date=ON)
    user = User.objects.filter(username="performance").first()
    if not meeting.agenda_sections.exists():
        agenda_services.add_section(user=user, meeting=meeting, title="For Decision")
    if not meeting.agenda_items.exists():
        agenda_services.add_item(user=user, meeting=meeting, title="Apologies for absence", kind="apologies")
    if not body.standing_items.exists():
        StandingItem.objects.create(body=body, order=1, title="Apologies for absence", kind="apologies")
    if not body.forward_plan.filter(agenda_item=None).exists():
        ForwardPlanItem.objects.create(body=body, title="Report back on the neglect strategy")
    if agenda_services.current(meeting) is None:
        agenda_services.publish_agenda(user=user, meeting=meeting)
    return meeting


def on() -> str:
    return the_meeting().date.isoformat()


def item() -> int:
    return the_meeting().agenda_items.order_by("pk").first().pk


def heading() -> int:
    return the_meeting().agenda_sections.order_by("pk").first().pk


def standing() -> int:
    return the_meeting().body.standing_items.order_by("pk").first().pk


BODY = {"slug": "cypfp"}
AGENDA = {**BODY, "on": on}
ITEM = {**AGENDA, "pk": item}
HEADING = {**AGENDA, "pk": heading}
STANDING = {**BODY, "pk": standing}

ROWS: list = [
    ("governance:agenda", AGENDA, "get", READERS),
    ("governance:agenda_item_new", AGENDA, "get", RUNNERS),
    ("governance:agenda_item_new", AGENDA, "post", RUNNERS_POST),
    ("governance:agenda_item_edit", ITEM, "get", RUNNERS),
    ("governance:agenda_item_edit", ITEM, "post", RUNNERS_POST),
    ("governance:agenda_item_move", ITEM, "post", RUNNERS_POST),
    ("governance:agenda_item_remove", ITEM, "post", RUNNERS),
    ("governance:agenda_section_new", AGENDA, "get", RUNNERS),
    ("governance:agenda_section_new", AGENDA, "post", RUNNERS_POST),
    ("governance:agenda_section_edit", HEADING, "get", RUNNERS),
    ("governance:agenda_section_edit", HEADING, "post", RUNNERS_POST),
    ("governance:agenda_section_move", HEADING, "post", RUNNERS_POST),
    ("governance:agenda_section_remove", HEADING, "post", RUNNERS),
    (
        "governance:agenda_add_standing",
        AGENDA,
        "post",
        {**RUNNERS, "administrator": 302, "performance_officer": 302},
    ),
    ("governance:agenda_place", AGENDA, "get", RUNNERS),
    ("governance:agenda_place", AGENDA, "post", RUNNERS_POST),
    ("governance:agenda_publish", AGENDA, "post", RUNNERS),
    ("governance:agenda_pack", AGENDA, "post", READERS_POST),
    ("governance:agenda_versions", AGENDA, "get", READERS),
    ("governance:agenda_version", {**AGENDA, "number": 1}, "get", READERS),
    ("governance:forward_plan", BODY, "get", READERS),
    ("governance:standing_items", BODY, "get", READERS),
    ("governance:standing_items", BODY, "post", {**RUNNERS_POST, "lead_officer": 403, "viewer": 403}),
    ("governance:standing_edit", STANDING, "get", RUNNERS),
    ("governance:standing_edit", STANDING, "post", RUNNERS_POST),
    ("governance:standing_move", STANDING, "post", RUNNERS_POST),
    ("governance:standing_remove", STANDING, "post", RUNNERS),
]
