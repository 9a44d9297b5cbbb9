"""The import's readers of the log's own writing (decision 0143): dates as 05.06.14 and an update
cell of dated lines."""

from datetime import date

import pytest

from outcomes.core.imports import BadValue
from outcomes.governance.bulk_common import dated_lines, seed_day


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("05.06.14", date(2014, 6, 5)),
        ("05.06.2014", date(2014, 6, 5)),
        ("5/6/14", date(2014, 6, 5)),
        ("2014-06-05", date(2014, 6, 5)),
        ("05/06/2014", date(2014, 6, 5)),
        (date(2014, 6, 5), date(2014, 6, 5)),
        ("", None),
    ],
)
def test_a_date_as_the_log_or_the_pipeline_writes_it(raw, expected):
    assert seed_day(raw) == expected


@pytest.mark.parametrize("raw", ["31.02.14", "soon", "05.06.14 and more"])
def test_what_is_not_a_date(raw):
    with pytest.raises(BadValue):
        seed_day(raw)


def test_each_dated_line_starts_an_update_and_other_lines_continue_it():
    cell = "06.03.14 Sent to members.\n05.06.14: This was re-circulated.\n\nA second paragraph."
    assert dated_lines(cell) == [
        (date(2014, 3, 6), "Sent to members."),
        (date(2014, 6, 5), "This was re-circulated.\n\nA second paragraph."),
    ]
    assert dated_lines("") == []


def test_an_update_needs_its_date_and_its_text():
    with pytest.raises(BadValue, match="has no date"):
        dated_lines("Sent to members.")
    with pytest.raises(BadValue, match="has no text"):
        dated_lines("05.06.14")
