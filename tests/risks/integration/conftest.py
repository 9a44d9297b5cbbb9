import pytest

from outcomes.accounts.models import Person
from outcomes.governance.models import Body
from outcomes.plans.models import Plan
from outcomes.risks import services
from outcomes.risks.models import Register


@pytest.fixture
def owner(users):
    """The demo lead officer (Ron Parry) as the owner of a register fed by the demo plan."""
    return users["lead_officer"]


@pytest.fixture
def register(owner, users):
    register = services.save_register(
        user=users["performance_officer"],
        name="Partnership risk register",
        slug="partnership",
        kind=Register.PARTNERSHIP,
        owner=Person.objects.get(user=owner),
        reviewed_by=Body.objects.get(slug="trust-board"),
        standing_item="Risk register",
    )
    register.plans.add(Plan.objects.get(slug="cypp-2013-16"))
    return register
