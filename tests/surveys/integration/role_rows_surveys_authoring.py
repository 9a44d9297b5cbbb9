"""The surveys_authoring rows of the role matrix (see test_role_matrix.py): (url name, kwargs, method,
{role: expected status}), a role left out expecting a redirect to sign in.

Authoring is for performance officers and administrators; everyone else signed in is refused (403):
that the survey pages exist is no secret."""

SURVEY_MANAGERS = {
    "administrator": 200,
    "performance_officer": 200,
    "lead_officer": 403,
    "other_lead_officer": 403,
    "viewer": 403,
    "school": 403,
}
REDIRECTS = {**SURVEY_MANAGERS, "administrator": 302, "performance_officer": 302}
EDITION = {"slug": "primary-2009"}
SCHOOL = {"code": "swinton-brookfield"}

ROWS: list = [
    ("surveys:manage", {}, "get", SURVEY_MANAGERS),
    ("surveys:upload", {}, "get", SURVEY_MANAGERS),
    ("surveys:upload", {}, "post", SURVEY_MANAGERS),
    ("surveys:template", {}, "get", SURVEY_MANAGERS),
    ("surveys:schools", {}, "get", SURVEY_MANAGERS),
    ("surveys:school_import", {}, "get", SURVEY_MANAGERS),
    ("surveys:school_import", {}, "post", SURVEY_MANAGERS),
    ("surveys:school_template", {}, "get", SURVEY_MANAGERS),
    ("surveys:school_export", {}, "get", SURVEY_MANAGERS),
    ("surveys:school_staff", SCHOOL, "get", SURVEY_MANAGERS),
    ("surveys:school_staff", SCHOOL, "post", SURVEY_MANAGERS),
    ("surveys:edition", EDITION, "get", SURVEY_MANAGERS),
    ("surveys:workbook", EDITION, "get", SURVEY_MANAGERS),
    ("surveys:copy", EDITION, "get", SURVEY_MANAGERS),
    ("surveys:copy", EDITION, "post", SURVEY_MANAGERS),
    ("surveys:extend", EDITION, "get", SURVEY_MANAGERS),
    ("surveys:extend", EDITION, "post", SURVEY_MANAGERS),
    ("surveys:suppression", EDITION, "get", SURVEY_MANAGERS),
    ("surveys:suppression", EDITION, "post", SURVEY_MANAGERS),
    ("surveys:state", EDITION, "post", REDIRECTS),
    ("surveys:links", EDITION, "get", SURVEY_MANAGERS),
    # An empty POST makes the links that are missing and goes back to the page.
    ("surveys:links", EDITION, "post", {**SURVEY_MANAGERS, "administrator": 302, "performance_officer": 302}),
    ("surveys:links_xlsx", EDITION, "get", SURVEY_MANAGERS),
    ("surveys:link_action", {**EDITION, **SCHOOL}, "post", REDIRECTS),
]
