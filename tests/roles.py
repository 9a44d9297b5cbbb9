"""The roles and the expectations shared by every app's rows of the role matrix."""

ROLES = [
    "anonymous",
    "administrator",
    "performance_officer",
    "lead_officer",
    "other_lead_officer",
    "viewer",
    "school",
]
PLAN = {"slug": "cypp-2013-16"}
ROUND = {**PLAN, "round_slug": "june-2014"}
# Ron Parry, the demo lead officer, leads priority 1 milestones 26-28 (school meals).
LED = {"priority": 1, "number": 26}
NOT_LED = {"priority": 2, "number": 1}

LOGIN = "login"  # a redirect to the sign-in page

MANAGERS_ONLY = {
    "administrator": 200,
    "performance_officer": 200,
    "lead_officer": 403,
    "other_lead_officer": 404,
    "viewer": 404,
    "school": 404,
}
PLAN_READERS = {
    "administrator": 200,
    "performance_officer": 200,
    "lead_officer": 200,
    "other_lead_officer": 404,
    "viewer": 404,
    "school": 404,
}
REPORT_READERS = {**PLAN_READERS, "viewer": 200}  # the demo round's report is published
SIGNED_IN = dict.fromkeys(ROLES[1:], 200)
