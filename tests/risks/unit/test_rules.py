"""The register's rules, one by one (outcomes/risks/rules.py)."""

from datetime import date
from fractions import Fraction
from types import SimpleNamespace

import pytest

from outcomes.risks import rules


def matrix():
    return SimpleNamespace(
        likelihoods=rules.DEFAULT_LIKELIHOODS,
        impacts=rules.DEFAULT_IMPACTS,
        levels=rules.DEFAULT_LEVELS,
        cells=rules.default_cells(),
    )


@pytest.mark.parametrize(
    ("likelihood", "impact", "level"),
    [
        (1, 1, "Low"),
        (2, 2, "Low"),
        (1, 5, "Medium"),
        (3, 3, "Medium"),
        (2, 5, "High"),
        (4, 4, "High"),
        (4, 5, "Very high"),
        (5, 5, "Very high"),
    ],
)
def test_level_from_matrix(likelihood, impact, level):
    assert rules.level_of(matrix(), likelihood, impact).name == level


def test_level_of_an_unrated_pair_is_none_and_off_the_matrix_is_refused():
    assert rules.level_of(matrix(), None, 3) is None
    with pytest.raises(ValueError, match="off the matrix"):
        rules.level_of(matrix(), 6, 1)


def test_level_follows_a_configured_matrix():
    small = SimpleNamespace(
        likelihoods=["Low", "High"],
        impacts=["Low", "High"],
        levels=[
            {"key": "ok", "name": "Acceptable", "colour": "#00703c"},
            {"key": "bad", "name": "Unacceptable", "colour": "#d4351c"},
        ],
        cells=[["ok", "ok"], ["ok", "bad"]],
    )
    assert rules.level_of(small, 2, 2).name == "Unacceptable"
    assert rules.level_of(small, 2, 1).name == "Acceptable"


def test_trend_in_words():
    m = matrix()
    assert rules.trend(None, rules.score(m, 3, 3)) == "First review"
    assert rules.trend(rules.score(m, 4, 4), rules.score(m, 3, 4)) == "Better"
    assert rules.trend(rules.score(m, 3, 4), rules.score(m, 4, 3)) == "Same"
    assert rules.trend(rules.score(m, 2, 2), rules.score(m, 5, 5)) == "Worse"


def test_trend_counts_the_level_before_the_product():
    # 4 x 4 = 16 is High; 5 x 4 = 20 Very high: worse by level, whatever the products.
    m = matrix()
    assert rules.trend(rules.score(m, 4, 4), rules.score(m, 5, 4)) == "Worse"


@pytest.mark.parametrize(
    ("next_review", "state"),
    [
        (None, "not due"),
        (date(2011, 2, 1), "not due"),
        (date(2011, 1, 20), "due"),
        (date(2011, 1, 10), "due"),
        (date(2011, 1, 9), "overdue"),
    ],
)
def test_review_due_and_overdue(next_review, state):
    assert rules.review_state(next_review, date(2011, 1, 10)) == state


def test_review_words_say_how_late():
    assert rules.review_words(date(2011, 1, 7), date(2011, 1, 10)).startswith(
        "Review overdue: was due 7 January 2011 (3 days ago)"
    )
    assert rules.review_words(date(2011, 1, 10), date(2011, 1, 10)) == "Review due today, 10 January 2011"


def test_next_review_is_the_months_after():
    assert rules.next_review_after(date(2010, 10, 20), 3) == date(2011, 1, 20)
    assert rules.next_review_after(date(2010, 11, 30), 3) == date(2011, 2, 28)
    assert rules.next_review_after(date(2010, 12, 31), 12) == date(2011, 12, 31)


STYLES = {"red": "red", "amber": "amber", "green": "green", "complete": "green", "blue": "blue"}


def test_candidate_from_red():
    assert rules.proposes_candidate({"red": Fraction(1)}, STYLES)
    assert rules.proposes_candidate({"red": Fraction(1, 2), "amber": Fraction(1, 2)}, STYLES)
    assert not rules.proposes_candidate({"red": Fraction(1, 3), "amber": Fraction(2, 3)}, STYLES)
    assert not rules.proposes_candidate({"amber": Fraction(1)}, STYLES)


def test_rerating_suggested_when_green_again():
    assert rules.suggests_rerating({"green": Fraction(1)}, STYLES)
    assert rules.suggests_rerating({"complete": Fraction(1)}, STYLES)  # Complete counts as Green
    assert not rules.suggests_rerating({"green": Fraction(1, 3), "red": Fraction(2, 3)}, STYLES)


def test_version_in_use_not_editable():
    rules.version_in_use_not_editable(False)
    with pytest.raises(rules.MatrixInUse):
        rules.version_in_use_not_editable(True)


def test_matrix_problems_named():
    m = matrix()
    assert rules.matrix_problems(m.likelihoods, m.impacts, m.levels, m.cells) == []
    problems = rules.matrix_problems(["Only"], m.impacts, m.levels, [["low"] * 5])
    assert "Give between 2 and 10 likelihood steps, each with a label" in problems
    assert rules.matrix_problems(m.likelihoods, m.impacts, m.levels, [["nope"] * 5] * 5) == [
        "Every cell's level must be one of the levels named"
    ]
