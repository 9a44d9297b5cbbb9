"""Rows of the role matrix for plan set-up and round management pages added for issue 11 items 5
and 9 (see test_role_matrix.py): (url name, kwargs, method, {role: expected status}); a role left
out expects a redirect to sign in. A POST with nothing filled in shows the form's errors (200) to
those who may set up plans and rounds, and changes nothing."""

from tests.roles import LED, MANAGERS_ONLY, NOT_LED, PLAN, PLAN_READERS, ROUND

SET_UP_PLANS = {**MANAGERS_ONLY, "lead_officer": 403, "other_lead_officer": 403, "viewer": 403, "school": 403}

ROWS: list = [
    ("plans:plan_new", {}, "get", SET_UP_PLANS),
    ("plans:plan_new", {}, "post", SET_UP_PLANS),
    ("plans:round_new", PLAN, "post", MANAGERS_ONLY),
    # Beside each form of test_role_matrix.py's MATRIX, its POST (decision 0084).
    ("plans:import", {}, "post", SET_UP_PLANS),
    ("plans:milestone_edit", {**PLAN, **LED}, "post", MANAGERS_ONLY),
    ("plans:update", {**ROUND, **LED}, "post", PLAN_READERS),
    ("plans:update", {**ROUND, **NOT_LED}, "post", {**PLAN_READERS, "lead_officer": 403}),
    # How the plan's rounds run (issue 17): closing by themselves, reminder days.
    ("plans:settings", PLAN, "get", MANAGERS_ONLY),
    ("plans:settings", PLAN, "post", MANAGERS_ONLY),
    ("plans:close", ROUND, "post", {**MANAGERS_ONLY, "administrator": 302, "performance_officer": 302}),
]
