"""The inspections rows of the role matrix (see tests/home/integration/test_role_matrix.py): (url
name, kwargs, method, {role: expected status}), a role left out expecting a redirect to sign in.

The demo holds the fostering inspection (fostering-2010: recommendation 1 complete, 7 open with a
revised date) and the CRA inspection (its recommendation 1 superseded, no original date agreed).
Performance officers and administrators manage; lead officers and viewers read; school accounts read
nothing (403). The demo lead officer, Ron Parry, owns no recommendation, so he records no progress
(403); an owner's progress is tested in test_recommendation_pages.py. An empty POST answers with the
form's errors (400)."""

from outcomes.governance.models import Action
from tests.roles import SIGNED_IN

INSPECTION = {"slug": "fostering-2010"}
OPEN = {**INSPECTION, "number": 7}
NOT_AGREED = {"slug": "contact-referral-assessment-2009", "number": 1}

READERS = {**SIGNED_IN, "school": 403}
MANAGERS = {
    "administrator": 200,
    "performance_officer": 200,
    "lead_officer": 403,
    "other_lead_officer": 403,
    "viewer": 403,
    "school": 403,
}
MANAGERS_POST = {**MANAGERS, "administrator": 400, "performance_officer": 400}
# Word and PDF are made as a job by a POST (decision 0168): an empty one names no format.
READERS_POST = {**dict.fromkeys(MANAGERS, 400), "school": 403}
POST_ONLY = dict.fromkeys(MANAGERS, 405)


def an_action() -> int:
    """An action on a tracker that no recommendation links: unlinking it is 404 for those who manage."""
    return Action.objects.order_by("pk").first().pk


ROWS: list = [
    ("inspections:list", {}, "get", READERS),
    ("inspections:inspection_new", {}, "get", MANAGERS),
    ("inspections:inspection_new", {}, "post", MANAGERS_POST),
    ("inspections:inspection", INSPECTION, "get", READERS),
    ("inspections:inspection_edit", INSPECTION, "get", MANAGERS),
    ("inspections:inspection_edit", INSPECTION, "post", MANAGERS_POST),
    ("inspections:recommendations", {}, "get", READERS),
    ("inspections:download", {"fmt": "json"}, "get", READERS),
    ("inspections:download", {"fmt": "xlsx"}, "get", READERS),
    ("inspections:download", {"fmt": "pdf"}, "get", READERS),
    ("inspections:document", {}, "get", POST_ONLY),
    ("inspections:document", {}, "post", READERS_POST),
    ("inspections:snapshots", {}, "get", READERS),
    # An empty month is refused with a message, back to the list: nothing taken.
    ("inspections:snapshot_take", {}, "post", {**MANAGERS, "administrator": 302, "performance_officer": 302}),
    ("inspections:snapshot", {"month": "2010-10"}, "get", READERS),
    ("inspections:recommendation_new", INSPECTION, "get", MANAGERS),
    ("inspections:recommendation_new", INSPECTION, "post", MANAGERS_POST),
    ("inspections:recommendation", OPEN, "get", READERS),
    ("inspections:recommendation_edit", OPEN, "get", MANAGERS),
    ("inspections:recommendation_edit", OPEN, "post", MANAGERS_POST),
    ("inspections:original_due", NOT_AGREED, "get", MANAGERS),
    ("inspections:original_due", NOT_AGREED, "post", MANAGERS_POST),
    # Agreed already: the step is gone.
    ("inspections:original_due", OPEN, "get", {**MANAGERS, "administrator": 404, "performance_officer": 404}),
    ("inspections:revise", OPEN, "get", MANAGERS),
    ("inspections:revise", OPEN, "post", MANAGERS_POST),
    ("inspections:progress", OPEN, "get", MANAGERS),
    ("inspections:progress", OPEN, "post", MANAGERS_POST),
    ("inspections:complete", OPEN, "get", MANAGERS),
    ("inspections:complete", OPEN, "post", MANAGERS_POST),
    ("inspections:supersede", OPEN, "get", MANAGERS),
    ("inspections:supersede", OPEN, "post", MANAGERS_POST),
    ("inspections:link_action", OPEN, "get", MANAGERS),
    ("inspections:link_action", OPEN, "post", MANAGERS_POST),
    ("inspections:raise_action", OPEN, "get", MANAGERS),
    ("inspections:raise_action", OPEN, "post", MANAGERS_POST),
    (
        "inspections:unlink_action",
        {**OPEN, "pk": an_action},
        "post",
        {**MANAGERS, "administrator": 404, "performance_officer": 404},
    ),
]
