"""The meetings' rows of the role matrix (tests/home/integration/test_role_matrix.py): (url name,
kwargs, method, {role: expected status}), a role left out expecting a redirect to sign in.

Performance officers and administrators run meetings (schedule, record attendance, move on,
cancel); lead officers and viewers read a body's meetings and a meeting; school accounts read
nothing (403). An empty POST answers with the form's errors (400) and changes nothing."""

from tests.governance.integration.role_rows_governance import READERS, RUNNERS, RUNNERS_POST

BODY = {"slug": "rlscb"}
MEETING = {**BODY, "day": "2014-06-05"}
# The partnership's meeting of 16 July 2014: its agenda is published, so it may move on or be cancelled.
AGENDA = {"slug": "cypfp", "day": "2014-07-16"}

ROWS: list = [
    ("governance:meetings", BODY, "get", READERS),
    ("governance:meeting_new", BODY, "get", RUNNERS),
    ("governance:meeting_new", BODY, "post", RUNNERS_POST),
    ("governance:meeting", MEETING, "get", READERS),
    ("governance:meeting", AGENDA, "get", READERS),
    ("governance:meeting_attendance", MEETING, "get", RUNNERS),
    ("governance:meeting_attendance", MEETING, "post", RUNNERS_POST),
    ("governance:meeting_advance", AGENDA, "get", RUNNERS),
    ("governance:meeting_advance", AGENDA, "post", RUNNERS_POST),
    ("governance:meeting_cancel", AGENDA, "get", RUNNERS),
    ("governance:meeting_cancel", AGENDA, "post", RUNNERS_POST),
]
