"""Rows of the role matrix for plan set-up and round management pages added for issue 11 items 5
and 9 (see test_role_matrix.py): (url name, kwargs, method, {role: expected status}); a role left
out expects a redirect to sign in. A POST with nothing filled in shows the form's errors (200) to
those who may set up plans and rounds, and changes nothing."""

from tests.roles import MANAGERS_ONLY, PLAN

SET_UP_PLANS = {**MANAGERS_ONLY, "lead_officer": 403, "other_lead_officer": 403, "viewer": 403, "school": 403}

ROWS: list = [
    ("plans:plan_new", {}, "get", SET_UP_PLANS),
    ("plans:plan_new", {}, "post", SET_UP_PLANS),
    ("plans:round_new", PLAN, "post", MANAGERS_ONLY),
]
