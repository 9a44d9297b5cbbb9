"""The API's rows of the role matrix: (url name, kwargs, {role: expected status}) for a token of
each role, the anonymous row being a request with no token. Each row expects what the page that shows
the same records answers that role (tests/roles.py and the apps' role_rows_*.py): the API asks the
pages' own access helpers. ``test_api_matrix.py`` runs them; ``test_role_matrix.py`` counts their
names as rows, so that a new endpoint without one fails there too."""

from tests.roles import MANAGERS_ONLY, PLAN, PLAN_READERS, REPORT_READERS, ROLES, ROUND, SIGNED_IN
from tests.surveys.integration.role_rows_surveys_results import (
    BOROUGH_READERS,
    EDITION,
    NOT_FOR_THIS_SCHOOL,
    OTHER_SCHOOL,
    OWN_SCHOOL,
    SCHOOL_READERS,
)

NO_TOKEN = {"anonymous": 401}
TOKENS = {**SIGNED_IN, **NO_TOKEN}
# Indicators and exceptions are dashboards every staff role reads; clinics are for officers.
INDICATOR_READERS = {**TOKENS, "school": 403}
CLINIC_READERS = {**INDICATOR_READERS, "viewer": 403}
AREA = {"area": "372"}
BODY_READERS = {**TOKENS, "school": 403}
# No such record, or none the reader may know of: 404 for every reader of bodies.
NOT_FOUND_FOR_BODY_READERS = {**dict.fromkeys(ROLES[1:-1], 404), "school": 403, **NO_TOKEN}

ROWS: list = [
    ("api:openapi-json", {}, dict.fromkeys(ROLES, 200)),
    ("api:plans", {}, TOKENS),
    ("api:rounds", PLAN, {**REPORT_READERS, **NO_TOKEN}),
    ("api:overview", ROUND, {**REPORT_READERS, **NO_TOKEN}),
    ("api:statuses", ROUND, {**REPORT_READERS, **NO_TOKEN}),
    ("api:milestones", PLAN, {**PLAN_READERS, **NO_TOKEN}),
    ("api:indicators", {}, INDICATOR_READERS),
    ("api:areas", {}, INDICATOR_READERS),
    ("api:scorecard", AREA, INDICATOR_READERS),
    ("api:scorecard", {"area": "no-such-area"}, {**INDICATOR_READERS, **dict.fromkeys(ROLES[1:-1], 404)}),
    ("api:figures", {"key": "ni-59"}, INDICATOR_READERS),
    ("api:values", {"key": "ni-59"}, INDICATOR_READERS),
    ("api:exceptions", {}, INDICATOR_READERS),
    ("api:clinics", {}, CLINIC_READERS),
    ("api:actions", {}, CLINIC_READERS),
    # The boards' records: every staff role reads them (decision 0131); school accounts none.
    ("api:bodies", {}, BODY_READERS),
    ("api:body_actions", {"body": "rlscb"}, BODY_READERS),
    ("api:body_actions", {"body": "no-such-body"}, NOT_FOUND_FOR_BODY_READERS),
    ("api:body_meetings", {"body": "rlscb"}, BODY_READERS),
    ("api:body_meetings", {"body": "no-such-body"}, NOT_FOUND_FOR_BODY_READERS),
    # The Performance clinics are read by those who read the clinics (decision 0142).
    ("api:body_meetings", {"body": "clinics"}, {**BODY_READERS, "viewer": 404}),
    ("api:meeting_minutes", {"body": "scrutiny", "date": "2010-10-15"}, BODY_READERS),
    # The API gives the minutes as published: a draft is 404 even for those who write it.
    ("api:meeting_minutes", {"body": "rlscb", "date": "2014-06-05"}, NOT_FOUND_FOR_BODY_READERS),
    ("api:meeting_minutes", {"body": "rlscb", "date": "2014-06-06"}, NOT_FOUND_FOR_BODY_READERS),
    ("api:meeting_minutes", {"body": "rlscb", "date": "june-2014"}, NOT_FOUND_FOR_BODY_READERS),
    # The risk registers: every staff role reads them (decision 0161); school accounts none.
    ("api:risk_registers", {}, BODY_READERS),
    ("api:register_risks", {"slug": "cyps"}, BODY_READERS),
    ("api:register_risks", {"slug": "no-such-register"}, NOT_FOUND_FOR_BODY_READERS),
    ("api:surveys", {}, TOKENS),
    # The demo edition is live: its borough results are the survey managers' until it closes.
    ("api:results", EDITION, {**BOROUGH_READERS, **NO_TOKEN}),
    ("api:participation", EDITION, {**BOROUGH_READERS, **NO_TOKEN}),
    ("api:school_results", OWN_SCHOOL, {**SCHOOL_READERS, **NO_TOKEN}),
    ("api:school_results", OTHER_SCHOOL, {**NOT_FOR_THIS_SCHOOL, **NO_TOKEN}),
    # Inspections and their recommendations: every staff role reads them; school accounts none.
    ("api:inspections", {}, BODY_READERS),
    ("api:recommendations", {}, BODY_READERS),
    ("api:recommendation_figures", {}, BODY_READERS),
]

# The API's pages for people, in the session matrix (test_role_matrix.py).
LOGIN_FOR_ANONYMOUS = SIGNED_IN


def _performance_token() -> int:
    """A token of the performance officer's: only they may open its revoke confirmation."""
    from outcomes.accounts.models import User
    from outcomes.api.tokens import create_token

    return create_token(User.objects.get(username="performance"), "Role matrix")[0].pk


PAGE_ROWS: list = [
    ("api:examples", {}, "get", SIGNED_IN),
    ("api:tokens", {}, "get", SIGNED_IN),
    # An empty name: the form again with its error, nothing made.
    ("api:tokens", {}, "post", SIGNED_IN),
    ("api:revoke_token", {"pk": _performance_token}, "get", dict.fromkeys(ROLES[1:], 405)),
    (
        "api:revoke_token",
        {"pk": _performance_token},
        "post",
        {**dict.fromkeys(ROLES[1:], 404), "performance_officer": 200},  # the confirmation page
    ),
]

__all__ = ["MANAGERS_ONLY", "PAGE_ROWS", "ROWS"]
