"""The small-number threshold of an edition (docs/decisions/0035): its own when set, the borough's
setting otherwise, and never below the borough's."""

import pytest
from django.core.exceptions import ValidationError

from outcomes.surveys.models import Edition, suppression_threshold_problem
from outcomes.surveys.results import figures
from outcomes.surveys.workbook import read_workbook
from tests.surveys.unit.test_survey_workbook import GOOD, SETTINGS, problems_of, workbook


@pytest.fixture(autouse=True)
def borough_threshold(settings):
    settings.SURVEY_SUPPRESSION_THRESHOLD = 12
    return 12


def test_an_edition_uses_its_own_threshold():
    edition = Edition(suppression_threshold=30)
    assert edition.suppression_threshold_in_force == 30
    assert figures.suppression_threshold(edition) == 30


def test_without_its_own_an_edition_uses_the_boroughs():
    edition = Edition()
    assert edition.suppression_threshold_in_force == 12
    assert figures.suppression_threshold(edition) == 12
    assert figures.suppression_threshold() == 12


def test_an_edition_cannot_be_less_cautious_than_the_borough():
    assert suppression_threshold_problem(11) == (
        "The threshold cannot be below the borough's 12 pupils: an edition may hide more than the "
        "borough does, never less (leave it blank to use 12)"
    )
    assert suppression_threshold_problem(12) is None
    assert suppression_threshold_problem(None) is None
    with pytest.raises(ValidationError) as refused:
        Edition(suppression_threshold=5).clean()
    assert "below the borough's 12 pupils" in refused.value.message_dict["suppression_threshold"][0]


def test_a_threshold_stored_before_the_borough_raised_its_own_gives_way(settings):
    edition = Edition(suppression_threshold=15)
    settings.SURVEY_SUPPRESSION_THRESHOLD = 20
    assert edition.suppression_threshold_in_force == 20
    assert figures.suppression_threshold(edition) == 20


def with_threshold(value) -> bytes:
    return workbook(GOOD, settings=[[*SETTINGS[0], "suppression_threshold"], [*SETTINGS[1], value]])


def test_the_workbook_sets_the_threshold_or_leaves_it_to_the_borough():
    assert read_workbook(with_threshold(30)).settings["suppression_threshold"] == 30
    assert read_workbook(with_threshold(None)).settings["suppression_threshold"] is None
    assert read_workbook(workbook(GOOD)).settings["suppression_threshold"] is None  # an older workbook


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5, "the threshold cannot be below the borough's 12 pupils"),
        (
            "many",
            "'many' should be a whole number of pupils, or left blank to use the borough's threshold (12)",
        ),
        (12.5, "'12.5' should be a whole number of pupils"),
        (-20, "'-20' should be a whole number of pupils"),
    ],
)
def test_a_threshold_the_rule_refuses_is_located_in_the_workbook(value, expected):
    found = problems_of(with_threshold(value))
    assert any(
        p.startswith("sheet 'settings', row 2, column I (suppression_threshold)") and expected in p
        for p in found
    ), found
