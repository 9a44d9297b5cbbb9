"""The surveys_results rows of the role matrix (see test_role_matrix.py): (url name, kwargs, method,
{role: expected status}), a role left out expecting a redirect to sign in.

The demo edition is live, so its borough report is for performance officers and administrators
only (viewers and lead officers read it once the edition is closed: test_survey_results.py). The
``school`` user is the staff of Swinton Brookfield (tests/conftest.py): it reads that school's report
and nothing else."""

from tests.roles import MANAGERS_ONLY, SIGNED_IN

EDITION = {"slug": "primary-2009"}
OWN_SCHOOL = {**EDITION, "code": "swinton-brookfield"}
OTHER_SCHOOL = {**EDITION, "code": "wath-central"}

BOROUGH_READERS = {**MANAGERS_ONLY, "lead_officer": 404}
SCHOOL_READERS = {**BOROUGH_READERS, "school": 200}
NOT_FOR_THIS_SCHOOL = BOROUGH_READERS
MANAGERS_POST = {
    "administrator": 302,
    "performance_officer": 302,
    "lead_officer": 403,
    "other_lead_officer": 403,
    "viewer": 403,
    "school": 403,
}

MANAGERS_GET = {**MANAGERS_POST, "administrator": 200, "performance_officer": 200}
NOT_A_FORM = dict.fromkeys(MANAGERS_POST, 405)

ROWS: list = [
    ("surveys:results", {}, "get", SIGNED_IN),
    ("surveys:borough_report", EDITION, "get", BOROUGH_READERS),
    ("surveys:borough_report_xlsx", EDITION, "get", BOROUGH_READERS),
    ("surveys:borough_report_pdf", EDITION, "get", BOROUGH_READERS),
    ("surveys:borough_report_docx", EDITION, "get", BOROUGH_READERS),
    ("surveys:participation", EDITION, "get", BOROUGH_READERS),
    ("surveys:participation_xlsx", EDITION, "get", BOROUGH_READERS),
    ("surveys:participation_pdf", EDITION, "get", BOROUGH_READERS),
    ("surveys:participation_docx", EDITION, "get", BOROUGH_READERS),
    ("surveys:school_report", OWN_SCHOOL, "get", SCHOOL_READERS),
    ("surveys:school_report_xlsx", OWN_SCHOOL, "get", SCHOOL_READERS),
    ("surveys:school_report_pdf", OWN_SCHOOL, "get", SCHOOL_READERS),
    ("surveys:school_report_docx", OWN_SCHOOL, "get", SCHOOL_READERS),
    ("surveys:school_report", OTHER_SCHOOL, "get", NOT_FOR_THIS_SCHOOL),
    ("surveys:school_report_xlsx", OTHER_SCHOOL, "get", NOT_FOR_THIS_SCHOOL),
    ("surveys:school_report_pdf", OTHER_SCHOOL, "get", NOT_FOR_THIS_SCHOOL),
    ("surveys:school_report_docx", OTHER_SCHOOL, "get", NOT_FOR_THIS_SCHOOL),
    ("surveys:feed_indicators", EDITION, "post", MANAGERS_POST),
    # Every school's report as one .zip: a POST that queues a job and goes to its page (302); only
    # those who read every school's report may start it (test_survey_school_reports_zip.py).
    ("surveys:school_reports_zip", EDITION, "post", MANAGERS_POST),
    ("surveys:school_reports_zip", EDITION, "get", NOT_A_FORM),
    ("surveys:releases", EDITION, "get", MANAGERS_GET),
    ("surveys:releases", EDITION, "post", NOT_A_FORM),
    ("surveys:publish_release", EDITION, "get", MANAGERS_GET),
    # The demo's interim release holds every response: nothing new to publish, so the managers'
    # POST is refused with the reason (409) and nothing changes (test_survey_releases.py).
    (
        "surveys:publish_release",
        EDITION,
        "post",
        {**MANAGERS_POST, "administrator": 409, "performance_officer": 409},
    ),
]
