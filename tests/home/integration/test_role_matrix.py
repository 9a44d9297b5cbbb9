"""Every URL against every role (SPEC "Users and what they may do").

A request outside a role's rights is refused with 403 or 404, never half-served. A new URL
without a row here fails ``test_every_url_has_a_row``.
"""

import inspect

import pytest
from django.apps import apps
from django.db.models import Max
from django.urls import get_resolver, resolve, reverse

from outcomes.accounts.roles import Role
from tests.api.integration.role_rows_api import PAGE_ROWS as API_PAGE_ROWS
from tests.api.integration.role_rows_api import ROWS as API_ROWS
from tests.core.integration.role_rows_data_quality import ROWS as DATA_QUALITY_ROWS
from tests.core.integration.role_rows_health import ROWS as HEALTH_ROWS
from tests.governance.integration.role_rows_agendas import ROWS as AGENDA_ROWS
from tests.governance.integration.role_rows_clinicmove import ROWS as CLINICMOVE_ROWS
from tests.governance.integration.role_rows_governance import ROWS as GOVERNANCE_ROWS
from tests.governance.integration.role_rows_meetings import ROWS as MEETING_ROWS
from tests.governance.integration.role_rows_minutes import ROWS as MINUTES_ROWS
from tests.indicators.integration.role_rows_indicators import ROWS as INDICATOR_ROWS
from tests.inspections.integration.role_rows_inspections import ROWS as INSPECTION_ROWS
from tests.jobs.integration.role_rows_jobs import ROWS as JOB_ROWS
from tests.papers.integration.role_rows_papers import ROWS as PAPER_ROWS
from tests.plans.integration.role_rows_plan_editing import ROWS as PLAN_EDITING_ROWS
from tests.plans.integration.role_rows_plans import ROWS as PLAN_ROWS
from tests.reminders.integration.role_rows_reminders import ROWS as REMINDER_ROWS
from tests.reports.integration.role_rows_reports import ROWS as REPORT_ROWS
from tests.risks.integration.role_rows_risks import ROWS as RISK_ROWS
from tests.roles import (
    LED,
    LOGIN,
    MANAGERS_ONLY,
    NOT_LED,
    PLAN,
    PLAN_READERS,
    REPORT_READERS,
    ROLES,
    ROUND,
    SIGNED_IN,
)
from tests.surveys.integration.role_rows_surveys_authoring import ROWS as SURVEY_AUTHORING_ROWS
from tests.surveys.integration.role_rows_surveys_pupils import ROWS as SURVEY_PUPIL_ROWS
from tests.surveys.integration.role_rows_surveys_results import ROWS as SURVEY_RESULT_ROWS

MATRIX = [
    ("home:home", {}, "get", SIGNED_IN),
    ("accounts:login", {}, "get", {**dict.fromkeys(ROLES[1:], 302), "anonymous": 200}),
    # Signing in again while signed in goes home; a stranger's empty form shows its errors.
    ("accounts:login", {}, "post", {**dict.fromkeys(ROLES[1:], 302), "anonymous": 200}),
    ("accounts:logout", {}, "post", dict.fromkeys(ROLES, 302)),
    ("plans:list", {}, "get", {**PLAN_READERS, "other_lead_officer": 200, "viewer": 403, "school": 403}),
    ("plans:import", {}, "get", {**MANAGERS_ONLY, "other_lead_officer": 403, "viewer": 403, "school": 403}),
    ("plans:template", {}, "get", {**MANAGERS_ONLY, "other_lead_officer": 403, "viewer": 403, "school": 403}),
    (
        "plans:my_milestones",
        {},
        "get",
        {
            "administrator": 403,
            "performance_officer": 403,
            "lead_officer": 200,
            "other_lead_officer": 200,
            "viewer": 403,
            "school": 403,
        },
    ),
    ("plans:detail", PLAN, "get", PLAN_READERS),
    ("plans:export_json", PLAN, "get", PLAN_READERS),
    ("plans:export_xlsx", PLAN, "get", PLAN_READERS),
    ("plans:milestone", {**PLAN, **LED}, "get", PLAN_READERS),
    ("plans:milestone_edit", {**PLAN, **LED}, "get", MANAGERS_ONLY),
    ("plans:round_new", PLAN, "get", MANAGERS_ONLY),
    ("plans:round", ROUND, "get", PLAN_READERS),
    ("plans:update", {**ROUND, **LED}, "get", PLAN_READERS),
    ("plans:update", {**ROUND, **NOT_LED}, "get", {**PLAN_READERS, "lead_officer": 403}),
    (
        "plans:approve",
        {**ROUND, **LED},
        "post",
        {**MANAGERS_ONLY, "administrator": 302, "performance_officer": 302},
    ),
    ("plans:approve_all", ROUND, "post", {**MANAGERS_ONLY, "administrator": 302, "performance_officer": 302}),
    ("plans:close", ROUND, "get", MANAGERS_ONLY),
    ("plans:export_csv", ROUND, "get", PLAN_READERS),
    ("reports:progress", ROUND, "get", REPORT_READERS),
    ("reports:progress_docx", ROUND, "get", REPORT_READERS),
    ("reports:progress_pdf", ROUND, "get", REPORT_READERS),
    ("reports:progress_xlsx", ROUND, "get", REPORT_READERS),
    ("reports:progress_json", ROUND, "get", REPORT_READERS),
    *PLAN_ROWS,
    *PLAN_EDITING_ROWS,
    *REPORT_ROWS,
    *INDICATOR_ROWS,
    *SURVEY_AUTHORING_ROWS,
    *SURVEY_PUPIL_ROWS,
    *SURVEY_RESULT_ROWS,
    *DATA_QUALITY_ROWS,
    *PAPER_ROWS,
    *GOVERNANCE_ROWS,
    *CLINICMOVE_ROWS,
    *MEETING_ROWS,
    *MINUTES_ROWS,
    *AGENDA_ROWS,
    *HEALTH_ROWS,
    *JOB_ROWS,
    *REMINDER_ROWS,
    *INSPECTION_ROWS,
    *RISK_ROWS,
    *API_PAGE_ROWS,
]
CASES = [
    pytest.param(
        name,
        kwargs,
        method,
        role,
        expected.get(role, LOGIN),
        id=f"{name}{'-led' if kwargs.get('number') == 26 else ''}"
        f"{'-not-led' if kwargs.get('number') == 1 else ''}{'-post' if method == 'post' else ''}-{role}",
    )
    for name, kwargs, method, expected in MATRIX
    for role in ROLES
]


def database_state() -> dict[str, tuple]:
    """Each model's row count and, where it keeps one, its highest version: a refused POST that
    created, deleted or saved anything (a ChangeRecord included) changes one of them."""
    state = {}
    for model in apps.get_models():
        fields = {field.name for field in model._meta.get_fields()}
        highest = model.objects.aggregate(v=Max("version"))["v"] if "version" in fields else None
        state[model._meta.label] = (model.objects.count(), highest)
    return state


def refused(expected) -> bool:
    return expected == LOGIN or expected >= 400


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs", "method", "role", "expected"), CASES)
def test_url_answers_each_role_as_its_rights_allow(client, users, name, kwargs, method, role, expected):
    if role != "anonymous":
        client.force_login(users[role])
    # A value known only once the demo is loaded (a target's id) is given as a function.
    resolved = {key: value() if callable(value) else value for key, value in kwargs.items()}
    before = database_state() if method == "post" and refused(expected) else None
    response = getattr(client, method)(reverse(name, kwargs=resolved))
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == expected, response.content[:300]
    if before is not None:
        assert database_state() == before, f"a refused POST to {name} changed the database"


def accepts_post(view) -> bool:
    """Whether a view answers POST: its require_http_methods list where it has one (looked for through
    its decorators), a class-based view's post method, otherwise its own code reading POST."""
    if hasattr(view, "view_class"):
        return "post" in view.view_class.http_method_names and hasattr(view.view_class, "post")
    while True:
        methods = inspect.getclosurevars(view).nonlocals.get("request_method_list")
        if methods is not None:
            return "POST" in methods
        if not hasattr(view, "__wrapped__"):
            return "POST" in inspect.getsource(view)
        view = view.__wrapped__


@pytest.mark.django_db
def test_every_form_has_a_post_row():
    """A URL whose view accepts POST has a POST row beside its GET row (decision 0084): a form whose
    refusal is only tested on GET could still take a viewer's POST."""
    posted = {name for name, _, method, _ in MATRIX if method == "post"}
    missing = set()
    for name, kwargs, method, _ in MATRIX:
        if method == "get" and name not in posted:
            resolved = {key: value() if callable(value) else value for key, value in kwargs.items()}
            if accepts_post(resolve(reverse(name, kwargs=resolved)).func):
                missing.add(name)
    assert not missing, f"views that accept POST with no POST row in the role matrix: {sorted(missing)}"
    assert {"plans:update", "surveys:upload", "accounts:login"} <= posted


def test_the_post_guard_tells_a_form_from_a_page():
    assert accepts_post(resolve(reverse("surveys:links", kwargs={"slug": "primary-2009"})).func)
    assert not accepts_post(resolve(reverse("surveys:links_xlsx", kwargs={"slug": "primary-2009"})).func)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_the_admin_site_is_for_administrators_only(client, users, role):
    if role != "anonymous":
        client.force_login(users[role])
    response = client.get(reverse("admin:index"))
    if role == "administrator":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_viewers_cannot_read_an_unpublished_report(client, users, demo_round):
    demo_round.published_at = None
    demo_round.save()
    client.force_login(users["viewer"])
    assert client.get(reverse("reports:progress", kwargs=ROUND)).status_code == 404
    assert client.get(reverse("reports:progress_docx", kwargs=ROUND)).status_code == 404
    assert client.get(reverse("reports:progress_pdf", kwargs=ROUND)).status_code == 404


def test_every_url_has_a_row():
    names = set()
    # Every namespace but Django's admin, so that a new app's URLs are caught without listing it here.
    namespaces = [key for key in get_resolver().namespace_dict if key != "admin"]
    assert {"home", "plans"} <= set(namespaces)
    for namespace in namespaces:
        resolver = get_resolver().namespace_dict[namespace][1]
        names |= {f"{namespace}:{key}" for key in resolver.reverse_dict if isinstance(key, str)}
    # The read API's endpoints have their rows in tests/api (a token per role, not a session).
    assert names == {row[0] for row in MATRIX} | {row[0] for row in API_ROWS}


def test_every_role_is_in_the_matrix():
    assert set(ROLES[1:]) == {r.value for r in Role} | {"other_lead_officer"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/admin/accounts/user/",
        "/admin/accounts/user/add/",
        "/admin/accounts/person/",
        "/admin/accounts/person/add/",
        "/admin/accounts/organisation/",
        "/admin/plans/plan/",
        "/admin/papers/papertemplate/",
    ],
)
def test_administrators_manage_users_people_organisations_and_plans(client, users, path):
    client.force_login(users["administrator"])
    assert client.get(path).status_code == 200
    client.force_login(users["performance_officer"])
    assert client.get(path).status_code == 302  # to the admin's sign-in: not for them
