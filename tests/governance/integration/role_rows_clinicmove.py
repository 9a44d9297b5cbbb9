"""The role-matrix rows of the clinics' move onto the tracker and of the bulk imports (decisions
0142-0143; see tests/home/integration/test_role_matrix.py).

The Performance clinics body (slug clinics) holds the demo clinics' agreed actions: it is read by
those who read clinics (administrators, performance officers, lead officers); a viewer, who reads
the boards but not the clinics, finds no such body (404). The imports are for those who run bodies;
an empty upload shows the page again with the form's error (200)."""

from tests.governance.integration.role_rows_governance import BODY, READERS, RUNNERS
from tests.roles import SIGNED_IN

CLINICS = {"slug": "clinics"}
CLINIC_READERS = {**SIGNED_IN, "viewer": 404, "school": 403}

ROWS: list = [
    ("governance:body", CLINICS, "get", CLINIC_READERS),
    ("governance:action", {**CLINICS, "number": 4}, "get", CLINIC_READERS),
    ("governance:log_download", {**CLINICS, "fmt": "xlsx"}, "get", CLINIC_READERS),
    ("governance:body", BODY, "get", READERS),
    ("governance:members_import", BODY, "get", RUNNERS),
    ("governance:members_import", BODY, "post", RUNNERS),
    ("governance:members_template", {**BODY, "fmt": "xlsx"}, "get", RUNNERS),
    ("governance:members_template", {**BODY, "fmt": "csv"}, "get", RUNNERS),
    ("governance:log_import", BODY, "get", RUNNERS),
    ("governance:log_import", BODY, "post", RUNNERS),
    ("governance:log_template", {**BODY, "fmt": "xlsx"}, "get", RUNNERS),
    ("governance:log_template", {**BODY, "fmt": "csv"}, "get", RUNNERS),
    ("governance:members_import", CLINICS, "get", {**RUNNERS, "viewer": 404}),
]
