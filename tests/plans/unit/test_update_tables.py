"""An update's tables typed in the page (seed 003's trajectory table, fixture F4)."""

import pytest

from outcomes.plans.update_tables import MOST_COLUMNS, TableProblem, read_table, table_as_text


def test_a_table_pasted_from_a_spreadsheet_keeps_its_rows_and_columns():
    pasted = "\tQ1\tQ2\tQ3\tQ4\t\t\n2011/12\t21.2\t20.9\t20.6\t20.3\t\t\n2014/15\t17.6\t17.3\t17\t16.74\n"
    table = read_table("Smoking at delivery: trajectory", pasted)
    assert table == {
        "caption": "Smoking at delivery: trajectory",
        "columns": ["", "Q1", "Q2", "Q3", "Q4"],
        "rows": [["2011/12", "21.2", "20.9", "20.6", "20.3"], ["2014/15", "17.6", "17.3", "17", "16.74"]],
    }


def test_a_table_typed_with_bars_reads_alike_and_short_rows_are_filled_out():
    table = read_table("", "Service | Referrals | Completing\nMoreLife Clubs | 1,040\n")
    assert table["rows"] == [["MoreLife Clubs", "1,040", ""]]
    assert read_table("", table_as_text(table)) == table


def test_an_empty_table_is_taken_off_but_a_title_without_rows_is_refused():
    assert read_table("", "  \n ") is None
    with pytest.raises(TableProblem, match="Type the table's rows"):
        read_table("Trajectory", "")


def test_a_table_too_wide_is_refused():
    with pytest.raises(TableProblem, match=f"at most {MOST_COLUMNS} columns"):
        read_table("", " | ".join(["x"] * (MOST_COLUMNS + 1)))
