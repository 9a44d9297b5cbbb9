from datetime import date
from decimal import Decimal
from fractions import Fraction as F

import pytest

from outcomes.core import formatting
from outcomes.core.fractions import NotAFraction, parse_fraction


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (F(57, 2), 1, "28.5"),
        (F(13, 3), 1, "4.3"),
        (F(70, 3), 1, "23.3"),
        (F(12), 1, "12"),
        (F(239, 6), 0, "40"),
        (F(617, 6), 0, "103"),
        (F(49, 3), 0, "16"),
        (F(1, 2), 0, "1"),
        (F(-3, 2), 1, "-1.5"),
    ],
)
def test_format_weight_shows_the_seed_figures(value, places, shown):
    assert formatting.format_weight(value, places) == shown


def test_round_half_up_is_not_bankers_rounding():
    assert formatting.round_half_up(F(5, 2)) == Decimal(3)
    assert formatting.round_half_up(F(1, 8), 2) == Decimal("0.13")


@pytest.mark.parametrize(("value", "text"), [(F(57, 2), "57/2"), (F(12), "12"), (F(0), "0")])
def test_fraction_text_is_in_lowest_terms(value, text):
    assert formatting.fraction_text(value) == text


def test_format_share_uses_fraction_signs():
    assert formatting.format_share(F(1, 2)) == "½"
    assert formatting.format_share(F(2, 7)) == "2/7"


def test_format_date_is_written_out():
    assert formatting.format_date(date(2014, 6, 30)) == "30 June 2014"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1/3", F(1, 3)),
        (" 2 / 4 ", F(1, 2)),
        ("0.5", F(1, 2)),
        (0.25, F(1, 4)),
        (1, F(1)),
    ],
)
def test_parse_fraction_reads_exactly(raw, value):
    assert parse_fraction(raw) == value


@pytest.mark.parametrize("raw", ["", "a/b", "1/0", True, None, [1]])
def test_parse_fraction_refuses_what_is_not_a_number(raw):
    with pytest.raises(NotAFraction):
        parse_fraction(raw)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
    ],
)
def test_ordinal(n, text):
    assert formatting.ordinal(n) == text
