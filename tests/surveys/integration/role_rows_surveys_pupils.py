"""The surveys_pupils rows of the role matrix (see test_role_matrix.py): (url name, kwargs, method,
{role: expected status}), a role left out expecting a redirect to sign in.

Pupils are the anonymous role: their pages answer everyone alike (a member of staff may try a
school's link). Paper entry is for survey managers only."""

from collections.abc import Mapping

from tests.roles import ROLES

EDITION = {"slug": "primary-2009"}
EVERYONE = dict.fromkeys(ROLES, 200)
MANAGERS = {
    "administrator": 200,
    "performance_officer": 200,
    "lead_officer": 403,
    "other_lead_officer": 403,
    "viewer": 403,
    "school": 403,
}


class DemoLink(Mapping):
    """The URL arguments of a demo school's survey link. Tokens are random, so the token is read from
    the database when the test runs, not when the rows are collected."""

    def __init__(self, school: str):
        self.school = school

    def __getitem__(self, key):
        if key != "token":
            raise KeyError(key)
        from outcomes.surveys.models import AccessLink

        return AccessLink.objects.get(edition__slug=EDITION["slug"], school__code=self.school).token

    def __iter__(self):
        return iter(["token"])

    def __len__(self) -> int:
        return 1


ROWS: list = [
    ("surveys:pupil_start", {}, "get", EVERYONE),
    ("surveys:pupil_link", DemoLink("swinton-brookfield"), "get", EVERYONE),
    ("surveys:pupil_link", {"token": "no-such-link"}, "get", dict.fromkeys(ROLES, 404)),
    # Without a questionnaire started through a link, the pages send everyone to the code page.
    ("surveys:pupil_page", {"number": 1}, "get", dict.fromkeys(ROLES, 302)),
    ("surveys:pupil_send", {}, "get", dict.fromkeys(ROLES, 302)),
    ("surveys:pupil_start_again", {}, "get", dict.fromkeys(ROLES, 302)),
    ("surveys:pupil_start_again", {}, "post", dict.fromkeys(ROLES, 302)),
    ("surveys:pupil_done", EDITION, "get", EVERYONE),
    ("surveys:paper_schools", EDITION, "get", MANAGERS),
    ("surveys:paper_entry", {**EDITION, "code": "swinton-brookfield"}, "get", MANAGERS),
    # The same pages posted to (decision 0084): an empty code shows its error, a link starts a
    # questionnaire, the rest send everyone to the code page; paper entry refuses all but managers.
    ("surveys:pupil_start", {}, "post", EVERYONE),
    ("surveys:pupil_link", DemoLink("swinton-brookfield"), "post", dict.fromkeys(ROLES, 302)),
    ("surveys:pupil_link", {"token": "no-such-link"}, "post", dict.fromkeys(ROLES, 404)),
    ("surveys:pupil_page", {"number": 1}, "post", dict.fromkeys(ROLES, 302)),
    ("surveys:pupil_send", {}, "post", dict.fromkeys(ROLES, 302)),
    ("surveys:paper_entry", {**EDITION, "code": "swinton-brookfield"}, "post", MANAGERS),
]
