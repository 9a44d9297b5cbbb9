"""The survey's data-quality rules (outcomes/surveys/checks.py), each on the demo edition's schools
made to break it and put right."""

import pytest

from outcomes.core.checks import get_rule, run_rule
from outcomes.surveys.models import Edition, School, SchoolParticipation, SchoolRoll

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return Edition.objects.get(slug="primary-2009")


@pytest.fixture
def school():
    return School.objects.get(code="swinton-brookfield")  # 81 responses, 101 on roll in Year 5


def run(name, **scope):
    return run_rule(get_rule(name), **scope)


def test_the_demo_survey_is_consistent(edition):
    for rule in ("responses-above-roll", "responses-without-roll", "participation-contradicts-responses"):
        assert run(rule, edition=edition) == [], rule


def test_responses_above_the_roll(edition, school):
    SchoolRoll.objects.filter(school=school, year=2009, year_group=5).update(pupils=80)
    [finding] = run("responses-above-roll", edition=edition)
    assert finding.where == f"{edition.title}, Swinton Brookfield Primary"
    assert finding.message == "81 pupils answered, but the roll in Year 5 for 2009/10 is 80."
    assert finding.url == "/surveys/manage/schools/"
    assert run("responses-above-roll", edition=edition, school=School.objects.get(code="harthill")) == []


def test_responses_without_a_roll(edition, school):
    SchoolRoll.objects.filter(school=school, year=2009).delete()
    [finding] = run("responses-without-roll", edition=edition)
    assert finding.message.startswith("81 pupils answered, but the school has no roll in Year 5 for 2009/10")


def test_a_school_recorded_as_not_taking_part_that_has_responses(edition, school):
    SchoolParticipation.objects.filter(edition=edition, school=school).update(
        status=SchoolParticipation.TECHNICAL_FAILURE
    )
    [finding] = run("participation-contradicts-responses", edition=edition)
    assert finding.message == (
        "Recorded as “Technical problems prevented it from taking part”, but 81 pupils answered."
    )
