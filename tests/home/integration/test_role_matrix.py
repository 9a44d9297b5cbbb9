"""Every URL against every role (SPEC "Users and what they may do").

A request outside a role's rights is refused with 403 or 404, never half-served. A new URL
without a row here fails ``test_every_url_has_a_row``.
"""

import pytest
from django.urls import get_resolver, reverse

from outcomes.accounts.roles import Role
from tests.core.integration.role_rows_data_quality import ROWS as DATA_QUALITY_ROWS
from tests.indicators.integration.role_rows_indicators import ROWS as INDICATOR_ROWS
from tests.plans.integration.role_rows_plans import ROWS as PLAN_ROWS
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
    ("plans:publish", ROUND, "post", MANAGERS_ONLY),  # the confirmation page
    ("plans:export_csv", ROUND, "get", PLAN_READERS),
    ("reports:progress", ROUND, "get", REPORT_READERS),
    ("reports:progress_docx", ROUND, "get", REPORT_READERS),
    ("reports:progress_xlsx", ROUND, "get", REPORT_READERS),
    ("reports:progress_json", ROUND, "get", REPORT_READERS),
    *PLAN_ROWS,
    *INDICATOR_ROWS,
    *SURVEY_AUTHORING_ROWS,
    *SURVEY_PUPIL_ROWS,
    *SURVEY_RESULT_ROWS,
    *DATA_QUALITY_ROWS,
]
CASES = [
    pytest.param(
        name,
        kwargs,
        method,
        role,
        expected.get(role, LOGIN),
        id=f"{name}{'-led' if kwargs.get('number') == 26 else ''}"
        f"{'-not-led' if kwargs.get('number') == 1 else ''}-{role}",
    )
    for name, kwargs, method, expected in MATRIX
    for role in ROLES
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs", "method", "role", "expected"), CASES)
def test_url_answers_each_role_as_its_rights_allow(client, users, name, kwargs, method, role, expected):
    if role != "anonymous":
        client.force_login(users[role])
    # A value known only once the demo is loaded (a target's id) is given as a function.
    resolved = {key: value() if callable(value) else value for key, value in kwargs.items()}
    response = getattr(client, method)(reverse(name, kwargs=resolved))
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == expected, response.content[:300]


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


def test_every_url_has_a_row():
    names = set()
    # Every namespace but Django's admin, so that a new app's URLs are caught without listing it here.
    namespaces = [key for key in get_resolver().namespace_dict if key != "admin"]
    assert {"home", "plans"} <= set(namespaces)
    for namespace in namespaces:
        resolver = get_resolver().namespace_dict[namespace][1]
        names |= {f"{namespace}:{key}" for key in resolver.reverse_dict if isinstance(key, str)}
    assert names == {row[0] for row in MATRIX}


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
    ],
)
def test_administrators_manage_users_people_organisations_and_plans(client, users, path):
    client.force_login(users["administrator"])
    assert client.get(path).status_code == 200
    client.force_login(users["performance_officer"])
    assert client.get(path).status_code == 302  # to the admin's sign-in: not for them
