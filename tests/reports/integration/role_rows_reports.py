"""Rows of the role matrix for publishing a round's report and reading its versions (issue 14; see
test_role_matrix.py): (url name, kwargs, method, {role: expected status}); a role left out expects a
redirect to sign in. The demo's June 2014 round arrives published: version 1 is its interim report."""

from tests.roles import MANAGERS_ONLY, REPORT_READERS, ROLES, ROUND

VERSION = {**ROUND, "version": 1}
NO_SUCH_VERSION = {**ROUND, "version": 9}
# A publish posted with nothing new to publish goes back to the round page and publishes nothing.
PUBLISH = {**MANAGERS_ONLY, "administrator": 302, "performance_officer": 302}

ROWS: list = [
    ("reports:publish", ROUND, "post", PUBLISH),
    # Publishing is a form's POST only: its address answers a GET with 405 to whoever is signed in.
    ("reports:publish", ROUND, "get", dict.fromkeys(ROLES[1:], 405)),
    ("reports:version", VERSION, "get", REPORT_READERS),
    ("reports:version_docx", VERSION, "get", REPORT_READERS),
    ("reports:version_pdf", VERSION, "get", REPORT_READERS),
    ("reports:version_xlsx", VERSION, "get", REPORT_READERS),
    ("reports:version_json", VERSION, "get", REPORT_READERS),
    ("reports:version", NO_SUCH_VERSION, "get", {**dict.fromkeys(ROLES[1:], 404)}),
]
