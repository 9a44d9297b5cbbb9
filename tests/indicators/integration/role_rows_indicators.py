"""The indicators app's rows of the role matrix (see test_role_matrix.py): (url name, kwargs, method,
{role: expected status}), a role left out expecting a redirect to sign in.

Every staff role reads indicators, scorecards, the KPI table and exceptions; viewers do not see
clinics; only administrators and performance officers change anything (decision 0016)."""

READERS = {
    "administrator": 200,
    "performance_officer": 200,
    "lead_officer": 200,
    "other_lead_officer": 200,
    "viewer": 200,
    "school": 403,
}
CLINIC_READERS = {**READERS, "viewer": 403}
MANAGERS = {**READERS, "lead_officer": 403, "other_lead_officer": 403, "viewer": 403}

CLINIC = {"slug": "2014-06-30-breastfeeding-performance-clinic"}
NI59 = {"code": "ni-59"}
RR = {"area": "372", "code": "rereferral"}


def bf_target() -> int:
    """The demo's target for breastfeeding initiation in 2013-14 (65.5%)."""
    from outcomes.indicators.models import Target

    return Target.objects.get(indicator__code="BF-INIT", period__label="2013-14").pk


BF = {"code": "bf-init"}
BF_TARGET = {**BF, "pk": bf_target}
# An empty form posted: a manager sees it again with its errors, nothing changes; others are refused.
MANAGERS_POST = MANAGERS
# A page that only shows: a signed-in POST is not allowed (405), whoever sends it.
GET_ONLY = dict.fromkeys(READERS, 405)

ROWS: list = [
    ("indicators:indicator_new", {}, "get", MANAGERS),
    ("indicators:indicator_new", {}, "post", MANAGERS_POST),
    ("indicators:indicator_edit", BF, "get", MANAGERS),
    ("indicators:indicator_edit", BF, "post", MANAGERS_POST),
    ("indicators:indicator_history", BF, "get", READERS),
    ("indicators:indicator_history", BF, "post", GET_ONLY),
    ("indicators:indicator_history_export", {**BF, "fmt": "csv"}, "get", READERS),
    ("indicators:indicator_history_export", {**BF, "fmt": "xlsx"}, "get", READERS),
    ("indicators:indicator_history_export", {**BF, "fmt": "csv"}, "post", GET_ONLY),
    ("indicators:targets", BF, "get", MANAGERS),
    ("indicators:targets", BF, "post", GET_ONLY),
    ("indicators:target_new", BF, "get", MANAGERS),
    ("indicators:target_new", BF, "post", MANAGERS_POST),
    ("indicators:target_edit", BF_TARGET, "get", MANAGERS),
    ("indicators:target_edit", BF_TARGET, "post", MANAGERS_POST),
    ("indicators:target_remove", BF_TARGET, "get", MANAGERS),
    ("indicators:target_remove", BF_TARGET, "post", MANAGERS_POST),
    ("indicators:definitions_upload", {}, "get", MANAGERS),
    ("indicators:definitions_upload", {}, "post", MANAGERS_POST),
    ("indicators:definitions_template", {"fmt": "xlsx"}, "get", MANAGERS),
    ("indicators:definitions_template", {"fmt": "csv"}, "get", MANAGERS),
    ("indicators:definitions_template", {"fmt": "xlsx"}, "post", GET_ONLY),
    ("indicators:definitions_export", {"fmt": "xlsx"}, "get", MANAGERS),
    ("indicators:definitions_export", {"fmt": "csv"}, "get", MANAGERS),
    ("indicators:definitions_export", {"fmt": "xlsx"}, "post", GET_ONLY),
    ("indicators:list", {}, "get", READERS),
    ("indicators:list_export", {"fmt": "csv"}, "get", READERS),
    ("indicators:indicator", NI59, "get", READERS),
    ("indicators:indicator_export", {**NI59, "fmt": "xlsx"}, "get", READERS),
    ("indicators:targets_export", {**NI59, "fmt": "csv"}, "get", READERS),
    ("indicators:milestone_links", {"code": "bf-init"}, "get", MANAGERS),
    ("indicators:milestone_links", {"code": "bf-init"}, "post", MANAGERS_POST),
    ("indicators:milestone_links_export", {"code": "bf-init", "fmt": "xlsx"}, "get", MANAGERS),
    ("indicators:areas", {}, "get", READERS),
    ("indicators:scorecard", {"area": "372"}, "get", READERS),
    ("indicators:scorecard", {"area": "england"}, "get", READERS),
    ("indicators:scorecard_export", {"area": "372", "fmt": "csv"}, "get", READERS),
    ("indicators:neighbours", RR, "get", READERS),
    ("indicators:neighbours_export", {**RR, "fmt": "xlsx"}, "get", READERS),
    ("indicators:kpi_table", {}, "get", READERS),
    ("indicators:kpi_table_export", {"fmt": "csv"}, "get", READERS),
    ("indicators:exceptions", {}, "get", READERS),
    ("indicators:exceptions_export", {"fmt": "xlsx"}, "get", READERS),
    ("indicators:clinics", {}, "get", CLINIC_READERS),
    ("indicators:clinics_export", {"fmt": "csv"}, "get", CLINIC_READERS),
    ("indicators:clinic_new", {}, "get", MANAGERS),
    ("indicators:clinic_new", {}, "post", MANAGERS_POST),
    ("indicators:clinic", CLINIC, "get", CLINIC_READERS),
    ("indicators:clinic_edit", CLINIC, "get", MANAGERS),
    ("indicators:clinic_edit", CLINIC, "post", MANAGERS_POST),
    ("indicators:clinic_export", {**CLINIC, "fmt": "xlsx"}, "get", CLINIC_READERS),
    ("indicators:clinic_history_export", {**CLINIC, "fmt": "csv"}, "get", CLINIC_READERS),
    ("indicators:action_new", CLINIC, "get", MANAGERS),
    ("indicators:action_new", CLINIC, "post", MANAGERS_POST),
    # Its second agreed action: number 5 on the Performance clinics tracker (decision 0142).
    ("indicators:action_edit", {**CLINIC, "number": 5}, "get", MANAGERS),
    ("indicators:action_edit", {**CLINIC, "number": 5}, "post", MANAGERS_POST),
    ("indicators:upload", {}, "get", MANAGERS),
    ("indicators:upload", {}, "post", MANAGERS_POST),
    ("indicators:lait_upload", {}, "get", MANAGERS),
    ("indicators:lait_upload", {}, "post", MANAGERS_POST),
    ("indicators:template", {"fmt": "xlsx"}, "get", MANAGERS),
]
