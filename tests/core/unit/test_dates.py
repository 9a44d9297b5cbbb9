"""Dates as people type them (core/dates.py): the GOV.UK date input and "15 December 2014"."""

from datetime import date

import pytest

from outcomes.core.dates import DateProblem, parse_date_parts, parse_date_text

NAME = "The date the round opens"


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("15", "12", "2014"), date(2014, 12, 15)),
        (("15", "December", "2014"), date(2014, 12, 15)),
        (("15", "dec", "2014"), date(2014, 12, 15)),
        (("15 December 2014", "", ""), date(2014, 12, 15)),
        (("", "", "15/12/2014"), date(2014, 12, 15)),
        (("2014-12-15", "", ""), date(2014, 12, 15)),
        (("29", "2", "2016"), date(2016, 2, 29)),
    ],
)
def test_dates_are_read_as_typed(parts, expected):
    assert parse_date_parts(*parts, name=NAME) == expected


@pytest.mark.parametrize(
    ("parts", "message", "part"),
    [
        (("", "12", "2014"), "The date the round opens must include a day", "day"),
        (("15", "", "2014"), "The date the round opens must include a month", "month"),
        (("29", "2", "2015"), "February 2015 has no day 29", "day"),
        (("1", "13", "2014"), "the month must be from 1 to 12", "month"),
        (("1", "1", "214"), "a year with four digits", "year"),
        (("x", "1", "2014"), "the day must be a number", "day"),
    ],
)
def test_a_wrong_date_names_its_field_and_box(parts, message, part):
    with pytest.raises(DateProblem, match=message) as caught:
        parse_date_parts(*parts, name=NAME)
    assert str(caught.value).startswith(NAME)
    assert caught.value.part == part


def test_text_dates_accept_ordinals_and_refuse_nonsense():
    assert parse_date_text("1st April 2013", NAME) == date(2013, 4, 1)
    with pytest.raises(DateProblem, match="such as 15 December 2014"):
        parse_date_text("next Tuesday", NAME)
    with pytest.raises(DateProblem, match="April 2014 has no day 31"):
        parse_date_text("31.4.2014", NAME)  # seed 003 wrote "31.4.14"
