"""The papers rows of the role matrix (see tests/home/integration/test_role_matrix.py): (url name,
kwargs, method, {role: expected status}), a role left out expecting a redirect to sign in.

The demo holds a published paper (the Lifestyle Survey 2009 report) and a draft (the June 2014
cover paper). Performance officers and administrators write papers and read drafts; lead officers
and viewers read published papers only (a draft is 404 to them); school accounts read none (403)."""

from tests.roles import SIGNED_IN

PUBLISHED = {"slug": "lifestyle-survey-2009"}
DRAFT = {"slug": "cypp-progress-june-2014"}
TEMPLATE = {"slug": "report-to-members"}


def _figure_of_the_draft() -> int:
    from outcomes.papers.models import FigureBlock

    return FigureBlock.objects.filter(section__paper__slug=DRAFT["slug"]).first().pk


READERS = {**SIGNED_IN, "school": 403}
WRITERS = {
    "administrator": 200,
    "performance_officer": 200,
    "lead_officer": 403,
    "other_lead_officer": 403,
    "viewer": 403,
    "school": 403,
}
# A draft does not exist for those who may not read it.
DRAFT_WRITERS = {**WRITERS, "lead_officer": 404, "other_lead_officer": 404, "viewer": 404}
DRAFT_READERS = DRAFT_WRITERS
REDIRECTED = {"administrator": 302, "performance_officer": 302}

ROWS: list = [
    ("papers:list", {}, "get", READERS),
    ("papers:new", {}, "get", WRITERS),
    ("papers:new", {}, "post", WRITERS),  # an empty form: its errors
    ("papers:template", TEMPLATE, "get", WRITERS),
    ("papers:template", TEMPLATE, "post", WRITERS),
    ("papers:detail", PUBLISHED, "get", READERS),
    ("papers:detail", DRAFT, "get", DRAFT_READERS),
    ("papers:edit", DRAFT, "get", DRAFT_WRITERS),
    ("papers:edit", DRAFT, "post", DRAFT_WRITERS),  # no version given: the form's errors
    # A published paper is opened for a new version before it is written in.
    ("papers:edit", PUBLISHED, "get", {**WRITERS, **REDIRECTED}),
    ("papers:edit", PUBLISHED, "post", {**WRITERS, **REDIRECTED}),
    ("papers:figure_add", DRAFT, "get", DRAFT_WRITERS),
    ("papers:figure_add", DRAFT, "post", DRAFT_WRITERS),
    ("papers:figure_remove", {**DRAFT, "pk": _figure_of_the_draft}, "post", DRAFT_WRITERS),  # asks first
    ("papers:publish", DRAFT, "get", DRAFT_WRITERS),
    ("papers:publish", DRAFT, "post", DRAFT_WRITERS),  # the confirmation page
    ("papers:reopen", PUBLISHED, "post", {**WRITERS, **REDIRECTED}),
    ("papers:download", {**PUBLISHED, "fmt": "json"}, "get", READERS),
    ("papers:download", {**DRAFT, "fmt": "json"}, "get", DRAFT_READERS),
    ("papers:version", {**PUBLISHED, "number": 1}, "get", READERS),
    ("papers:version", {**DRAFT, "number": 1}, "get", {**DRAFT_READERS, **dict.fromkeys(REDIRECTED, 404)}),
    ("papers:version_download", {**PUBLISHED, "number": 1, "fmt": "json"}, "get", READERS),
]
