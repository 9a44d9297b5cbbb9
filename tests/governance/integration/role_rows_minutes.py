"""The minutes rows of the role matrix (see tests/home/integration/test_role_matrix.py): (url name,
kwargs, method, {role: expected status}), a role left out expecting a redirect to sign in.

The demo holds two draft minutes (269, 271) of the partnership's meeting of 21 May 2014
(demo_minutes.py). Performance officers and administrators run the minutes; lead officers and
viewers read the published version only (before publication the page says so, and the downloads
are 404); school accounts read nothing (403). An empty POST answers with the form's errors (400);
a resolution's removal and a publication ask to confirm first (publishing draft minutes is refused
with its problems, 400)."""

from outcomes.governance.models import Resolution
from tests.roles import SIGNED_IN

MEETING = {"slug": "cypfp", "day": "2014-05-21"}
MINUTE = {**MEETING, "number": 269}
ACTION = {"slug": "rlscb", "number": 1}


def resolution_271() -> int:
    return Resolution.objects.filter(minute__meeting__body__slug="cypfp", minute__number=271).first().pk


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
# Draft minutes: the runners download the draft; readers have nothing published yet to download.
DRAFT_DOWNLOAD = {**RUNNERS, "lead_officer": 404, "other_lead_officer": 404, "viewer": 404}

ROWS: list = [
    ("governance:minutes", MEETING, "get", READERS),
    ("governance:minutes_download", {**MEETING, "fmt": "json"}, "get", DRAFT_DOWNLOAD),
    ("governance:minutes_download", {**MEETING, "fmt": "html"}, "get", DRAFT_DOWNLOAD),
    ("governance:minute_new", MEETING, "get", RUNNERS),
    ("governance:minute_new", MEETING, "post", RUNNERS_POST),
    ("governance:minute_edit", MINUTE, "get", RUNNERS),
    ("governance:minute_edit", MINUTE, "post", RUNNERS_POST),
    # Removal asks to confirm first (200) before anything goes.
    ("governance:minute_remove", MINUTE, "post", RUNNERS),
    ("governance:resolution_new", MINUTE, "get", RUNNERS),
    ("governance:resolution_new", MINUTE, "post", RUNNERS_POST),
    ("governance:resolution_remove", {**MEETING, "number": 271, "pk": resolution_271}, "post", RUNNERS),
    ("governance:resolution_edit", {**MEETING, "number": 271, "pk": resolution_271}, "get", RUNNERS),
    ("governance:resolution_edit", {**MEETING, "number": 271, "pk": resolution_271}, "post", RUNNERS_POST),
    ("governance:minutes_circulate", MEETING, "get", RUNNERS),
    ("governance:minutes_circulate", MEETING, "post", RUNNERS_POST),
    ("governance:minutes_approve", MEETING, "get", RUNNERS),
    ("governance:minutes_approve", MEETING, "post", RUNNERS_POST),
    ("governance:minutes_publish", MEETING, "get", RUNNERS),
    ("governance:minutes_publish", MEETING, "post", RUNNERS_POST),
    ("governance:meeting_log", MEETING, "get", READERS),
    ("governance:meeting_log_download", {**MEETING, "fmt": "json"}, "get", READERS),
    ("governance:meeting_log_download", {**MEETING, "fmt": "xlsx"}, "get", READERS),
    ("governance:action_discharge_by_item", ACTION, "get", RUNNERS),
    ("governance:action_discharge_by_item", ACTION, "post", RUNNERS_POST),
]
