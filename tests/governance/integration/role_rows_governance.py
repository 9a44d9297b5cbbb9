"""The governance rows of the role matrix (see tests/home/integration/test_role_matrix.py): (url
name, kwargs, method, {role: expected status}), a role left out expecting a redirect to sign in.

The demo holds the LSCB (rlscb) with its action log as at 05.06.2014. Performance officers and
administrators run bodies (raise, change, discharge actions); lead officers and viewers read; school
accounts read nothing (403). The demo lead officer, Ron Parry, owns no LSCB action, so he may not
update one (403); an owner's update is tested in test_governance_pages.py. An empty POST answers
with the form's errors (400)."""

from outcomes.governance.models import Membership
from tests.roles import SIGNED_IN

BODY = {"slug": "rlscb"}
OPEN = {**BODY, "number": 1}
DISCHARGED = {**BODY, "number": 16}

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
CLOSED = dict.fromkeys(RUNNERS, 403)


def seat() -> int:
    return Membership.objects.filter(body__slug="rlscb").order_by("pk").first().pk


ROWS: list = [
    ("governance:list", {}, "get", READERS),
    ("governance:body_new", {}, "get", RUNNERS),
    ("governance:body_new", {}, "post", RUNNERS_POST),
    ("governance:body_edit", BODY, "get", RUNNERS),
    ("governance:body_edit", BODY, "post", RUNNERS_POST),
    ("governance:members", BODY, "get", READERS),
    ("governance:seat_new", BODY, "get", RUNNERS),
    ("governance:seat_new", BODY, "post", RUNNERS_POST),
    ("governance:seat_edit", {**BODY, "pk": seat}, "get", RUNNERS),
    ("governance:seat_edit", {**BODY, "pk": seat}, "post", RUNNERS_POST),
    ("governance:my_actions", {}, "get", READERS),
    ("governance:body", BODY, "get", READERS),
    ("governance:body_owed", BODY, "get", RUNNERS),
    ("governance:log_download", {**BODY, "fmt": "json"}, "get", READERS),
    ("governance:log_download", {**BODY, "fmt": "xlsx"}, "get", READERS),
    ("governance:action", OPEN, "get", READERS),
    ("governance:action", DISCHARGED, "get", READERS),
    ("governance:action_new", BODY, "get", RUNNERS),
    ("governance:action_new", BODY, "post", RUNNERS_POST),
    ("governance:action_edit", OPEN, "get", RUNNERS),
    ("governance:action_edit", OPEN, "post", RUNNERS_POST),
    ("governance:action_update", OPEN, "get", RUNNERS),
    ("governance:action_update", OPEN, "post", RUNNERS_POST),
    # A discharged action takes no more updates, whoever asks.
    ("governance:action_update", DISCHARGED, "post", CLOSED),
    ("governance:action_discharge", OPEN, "get", RUNNERS),
    ("governance:action_discharge", OPEN, "post", RUNNERS_POST),
]
