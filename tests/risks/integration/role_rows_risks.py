"""The risk register's rows of the role matrix (tests/home/integration/test_role_matrix.py).

The demo holds the CYPS register (cyps) with one open risk, R1, owned by Gani Martins, who has no
sign-in: the demo lead officer (Ron Parry) owns nothing here, so he reads but may not rate, review or
mitigate (403); an owner's own updates are tested in test_risk_workflows.py. Performance officers
and administrators run the registers; lead officers and viewers read; schools nothing (403). An
open risk is no candidate: accepting or rejecting it is refused to everyone (403). An empty POST
answers with the form's errors (400), the register's file form too (it names no format);
dismissing a notice first asks to confirm (200)."""

from tests.roles import SIGNED_IN

REGISTER = {"slug": "cyps"}
RISK = {**REGISTER, "reference": "R1"}

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
NOBODY = dict.fromkeys(RUNNERS, 403)
# The register as Word or PDF is made as a job by a POST (decision 0168): an empty one names no format.
READERS_POST = {**dict.fromkeys(RUNNERS, 400), "school": 403}
POST_ONLY = dict.fromkeys(RUNNERS, 405)

ROWS: list = [
    ("risks:list", {}, "get", READERS),
    ("risks:register_new", {}, "get", RUNNERS),
    ("risks:register_new", {}, "post", RUNNERS_POST),
    ("risks:matrix", {}, "get", READERS),
    ("risks:matrix_new", {}, "get", RUNNERS),
    ("risks:matrix_new", {}, "post", RUNNERS_POST),
    ("risks:register", REGISTER, "get", READERS),
    ("risks:register_edit", REGISTER, "get", RUNNERS),
    ("risks:register_edit", REGISTER, "post", RUNNERS_POST),
    ("risks:register_file", REGISTER, "get", POST_ONLY),
    ("risks:register_file", REGISTER, "post", READERS_POST),
    ("risks:register_download", {**REGISTER, "fmt": "json"}, "get", READERS),
    ("risks:register_download", {**REGISTER, "fmt": "xlsx"}, "get", READERS),
    ("risks:register_download", {**REGISTER, "fmt": "docx"}, "get", READERS),
    ("risks:register_download", {**REGISTER, "fmt": "pdf"}, "get", READERS),
    ("risks:cell", {**REGISTER, "which": "after", "likelihood": 5, "impact": 4}, "get", READERS),
    ("risks:risk_new", REGISTER, "get", RUNNERS),
    ("risks:risk_new", REGISTER, "post", RUNNERS_POST),
    ("risks:risk", RISK, "get", READERS),
    ("risks:risk_edit", RISK, "get", RUNNERS),
    ("risks:risk_edit", RISK, "post", RUNNERS_POST),
    ("risks:rate", RISK, "get", RUNNERS),
    ("risks:rate", RISK, "post", RUNNERS_POST),
    ("risks:review", RISK, "get", RUNNERS),
    ("risks:review", RISK, "post", RUNNERS_POST),
    ("risks:link_action", RISK, "get", RUNNERS),
    ("risks:link_action", RISK, "post", RUNNERS_POST),
    ("risks:raise_action", RISK, "get", RUNNERS),
    ("risks:raise_action", RISK, "post", RUNNERS_POST),
    ("risks:accept", RISK, "get", NOBODY),
    ("risks:accept", RISK, "post", NOBODY),
    ("risks:reject", RISK, "get", NOBODY),
    ("risks:reject", RISK, "post", NOBODY),
    ("risks:dismiss", RISK, "post", RUNNERS),
]
