"""Reading the LAIT files (no database): units from axis titles, the dictionary's duplicates, the
neighbour lists' two header rows and their "-" cells."""

from pathlib import Path

import pytest

from outcomes.indicators.lait_files import (
    read_code_list,
    read_dictionary,
    read_long_data,
    read_neighbours,
    unit_of,
)
from outcomes.indicators.models import Indicator

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "lait_small"


@pytest.mark.parametrize(
    ("label", "kind", "multiplier"),
    [
        ("% of births", Indicator.PERCENTAGE, None),
        ("Rate per 10,000", Indicator.RATE, 10_000),
        ("Rate per 1000 live births", Indicator.RATE, 1_000),
        ("Rate per 100,000 of 10-17 population", Indicator.RATE, 100_000),
        ("Number of children", Indicator.COUNT, None),
        ("Starters FTE", Indicator.COUNT, None),
        ("Average Point Score", Indicator.MEAN, None),
        ("Spend", Indicator.MONEY, None),
        ("Turnover rate", Indicator.OTHER_UNIT, None),
    ],
)
def test_unit_of_an_axis_title(label, kind, multiplier):
    assert unit_of(label) == (kind, multiplier)


def test_the_dictionary_keeps_one_definition_per_code():
    dictionary = read_dictionary(FIXTURE / "lait_data_dictionary.csv")
    assert len(dictionary) == 14
    twice = dictionary["CINPermExclusion"]
    assert (twice["polarity"], twice["decimal_places"], twice["topic"]) == ("low", 2, "Children in Need")
    assert dictionary["CPP_Total_NumRef"]["polarity"] == Indicator.NONE
    assert dictionary["Vacancies_cover"]["no_quartile"] is True
    assert dictionary["6wksBreast"]["period_type"] == Indicator.FINANCIAL


def test_the_neighbour_lists_are_read_below_their_two_header_rows():
    may = read_neighbours(FIXTURE / "sn_may_2025.xlsx")
    april = read_neighbours(FIXTURE / "sn_april_2021.xlsx")
    assert len(may) == 158
    assert [n for n, _ in may[372]][:3] == [370, 357, 371]
    assert may[372][0][1] == "Very close"
    # Cumberland did not exist in 2021: its row holds "-" for every neighbour.
    assert april[942] == []


def test_the_code_list_and_the_long_file():
    codes = {row["la_number"]: row for row in read_code_list(FIXTURE / "la_code_list.xlsx")}
    assert codes[372]["name"] == "Rotherham"
    assert codes[970]["name"] == "England"
    data = read_long_data(FIXTURE / "bds_long_0.parquet", {"RTA"})
    assert set(data.codes) == {"RTA"}
    assert data.area_names[372] == "Rotherham"
    assert len(data.values) == len(data.texts) == 7 * 170
