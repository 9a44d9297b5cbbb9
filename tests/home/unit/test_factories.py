"""Every app's factories make an object its model accepts (full_clean) and saves, so that a test
built on them starts from valid data; two made in a row do not collide on a unique field."""

import pytest

from tests.accounts.factories import OrganisationFactory, PersonFactory, UserFactory
from tests.core.factories import ChangeRecordFactory
from tests.indicators.factories import (
    AgreedActionFactory,
    AreaFactory,
    ClinicFactory,
    ImportRunFactory,
    IndicatorFactory,
    PeriodFactory,
    TargetFactory,
    ValueFactory,
)
from tests.plans.factories import (
    ActionFactory,
    MilestoneFactory,
    PlanFactory,
    PriorityFactory,
    RoundFactory,
    UpdateFactory,
)
from tests.surveys.factories import AccessLinkFactory, EditionFactory, SchoolFactory, SurveyFactory

FACTORIES = [
    UserFactory,
    PersonFactory,
    OrganisationFactory,
    ChangeRecordFactory,
    PlanFactory,
    PriorityFactory,
    ActionFactory,
    MilestoneFactory,
    RoundFactory,
    UpdateFactory,
    AreaFactory,
    IndicatorFactory,
    PeriodFactory,
    ValueFactory,
    TargetFactory,
    ClinicFactory,
    AgreedActionFactory,
    ImportRunFactory,
    SurveyFactory,
    EditionFactory,
    SchoolFactory,
    AccessLinkFactory,
]


@pytest.mark.django_db
@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f.__name__)
def test_a_factory_makes_a_valid_saved_object(factory):
    model = factory._meta.model
    before = model.objects.count()
    first, second = factory(), factory()
    for made in (first, second):
        made.full_clean()
    assert model.objects.count() == before + 2
    assert first.pk != second.pk


@pytest.mark.django_db
def test_an_update_belongs_to_a_round_of_its_milestones_plan():
    update = UpdateFactory()
    assert update.round.plan == update.milestone.priority.plan
    assert update.milestone.action.priority == update.milestone.priority
