"""The data-quality page's rows of the role matrix (see test_role_matrix.py): for the performance
team only (decision 0075), every role, GET and POST."""

REVIEWERS = {
    "administrator": 200,
    "performance_officer": 200,
    "lead_officer": 403,
    "other_lead_officer": 403,
    "viewer": 403,
    "school": 403,
}
# The demo's school-meals sum (seed 003 P1 M27): a finding the demo always has.
SCHOOL_MEALS = {"rule": "arithmetic-in-update", "key": "plans/cypp-2013-16/p1/m27/june-2014"}

ROWS: list = [
    ("core:data_quality", {}, "get", REVIEWERS),
    ("core:data_quality", {}, "post", {**REVIEWERS, "administrator": 405, "performance_officer": 405}),
    ("core:data_quality_explain", SCHOOL_MEALS, "get", REVIEWERS),
    # An empty form is shown again with its error: nothing is explained.
    ("core:data_quality_explain", SCHOOL_MEALS, "post", REVIEWERS),
]
