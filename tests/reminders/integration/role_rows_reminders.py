"""Rows of the role matrix for the reminders' pages (issue 17; see test_role_matrix.py). Everyone
signed in has their own preferences page; an empty POST shows its errors (200) and changes nothing."""

from tests.roles import SIGNED_IN

# The reminders due to everyone: the performance team's page; its button asks to confirm (200).
TEAM = {
    "administrator": 200,
    "performance_officer": 200,
    "lead_officer": 403,
    "other_lead_officer": 403,
    "viewer": 403,
    "school": 403,
}

ROWS: list = [
    ("reminders:preferences", {}, "get", SIGNED_IN),
    ("reminders:preferences", {}, "post", SIGNED_IN),
    ("reminders:due", {}, "get", TEAM),
    ("reminders:due", {}, "post", TEAM),
]
