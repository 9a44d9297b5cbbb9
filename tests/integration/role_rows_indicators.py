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

ROWS: list = [
    ("indicators:list", {}, "get", READERS),
    ("indicators:list_export", {"fmt": "csv"}, "get", READERS),
    ("indicators:indicator", NI59, "get", READERS),
    ("indicators:indicator_export", {**NI59, "fmt": "xlsx"}, "get", READERS),
    ("indicators:targets_export", {**NI59, "fmt": "csv"}, "get", READERS),
    ("indicators:milestone_links", {"code": "bf-init"}, "get", MANAGERS),
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
    ("indicators:clinic", CLINIC, "get", CLINIC_READERS),
    ("indicators:clinic_edit", CLINIC, "get", MANAGERS),
    ("indicators:clinic_export", {**CLINIC, "fmt": "xlsx"}, "get", CLINIC_READERS),
    ("indicators:clinic_history_export", {**CLINIC, "fmt": "csv"}, "get", CLINIC_READERS),
    ("indicators:action_new", CLINIC, "get", MANAGERS),
    ("indicators:action_edit", {**CLINIC, "number": 2}, "get", MANAGERS),
    ("indicators:upload", {}, "get", MANAGERS),
    ("indicators:template", {"fmt": "xlsx"}, "get", MANAGERS),
]
