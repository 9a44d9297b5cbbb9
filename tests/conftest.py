import pytest
from django.core.management import call_command

from outcomes.accounts.demo import ensure_demo_users
from outcomes.accounts.models import Person, User
from outcomes.accounts.roles import Role
from tests.accounts.factories import UserFactory


@pytest.fixture(scope="session", autouse=True)
def lait_sample_in_the_demo():
    """The demo loads a handful of LAIT measures in tests, not all 448: browser tests reload it for
    every test (decision 0019)."""
    from django.test import override_settings

    from outcomes.indicators.demo import SAMPLE_LAIT_MEASURES

    with override_settings(OUTCOMES_DEMO_LAIT_MEASURES=SAMPLE_LAIT_MEASURES):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the demo data, loaded once (each test's changes roll back)."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture(autouse=True)
def demo_data_present(request):
    """A transactional test (the browser tests, a few service tests) leaves the database empty when it
    ends. Run alone, pytest-django puts those tests last; in a parallel run a process may meet another
    file's tests after one, so the demo is loaded again before a test that expects it."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or (
        marker is not None and marker.kwargs.get("transaction", False)
    )
    if not transactional and ("db" in request.fixturenames or marker is not None):
        # Asked for here only: pytest-django sets up no database for a run whose tests use none.
        request.getfixturevalue("django_db_setup")
        with request.getfixturevalue("django_db_blocker").unblock():
            ensure_demo()
    return


def ensure_demo() -> None:
    """The demo loaded again if a transactional test emptied the database. A module-scoped fixture
    that builds on the demo calls it first: it is set up before any test's own fixtures."""
    from outcomes.accounts.models import User

    if not User.objects.filter(username="performance").exists():
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def demo_plan(db):
    from outcomes.plans.models import Plan

    return Plan.objects.get(slug="cypp-2013-16")


@pytest.fixture
def demo_round(demo_plan):
    return demo_plan.rounds.get(slug="june-2014")


def make_user(username: str, role: str, person: str | None = None) -> User:
    user = UserFactory(username=username, role=role)
    user.save()
    if person:
        Person.objects.update_or_create(name=person, defaults={"user": user})
    return user


@pytest.fixture
def users(db):
    """One user per role, plus a lead officer who leads nothing in the demo plan."""
    demo = {user.username: user for user in ensure_demo_users()}
    return {
        "administrator": demo["admin"],
        "performance_officer": demo["performance"],
        "lead_officer": demo["lead"],
        "other_lead_officer": make_user("stranger", Role.LEAD_OFFICER, "Nobody Leads-Anything"),
        "viewer": demo["viewer"],
        "school": school_account(),
    }


def school_account() -> User:
    """The school role's user, signed in as the staff of one demo school (Swinton Brookfield)."""
    from outcomes.surveys.models import School

    user = make_user("school", Role.SCHOOL)
    # A transactional test that follows the browser tests starts from an empty database.
    school = School.objects.filter(code="swinton-brookfield").first()
    if school is not None:
        school.staff.add(user)
    return user


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The real hasher is slow by design; tests create users by the hundred.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *settings.PASSWORD_HASHERS]


@pytest.fixture(autouse=True)
def fresh_memos():
    """What a process keeps for a few seconds (outcomes/core/memo.py) is about one test's database:
    a later test, with other rows under the same ids, must not see it."""
    from outcomes.core.memo import clear_all

    clear_all()
    yield
    clear_all()
