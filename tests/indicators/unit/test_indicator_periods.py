"""Period labels: every label of the real LAIT file is understood (or, for the stray "0", reported),
and each kind of label gives the span a reader of DfE's tables would expect."""

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings

from outcomes.indicators.lait_files import YEAR_TYPES
from outcomes.indicators.models import Indicator, Period, Value
from outcomes.indicators.periods import PeriodNotUnderstood, parse_period

LAIT = Path(settings.OUTCOMES_LAIT_DIR)


def _real_label_pairs() -> Counter:
    pq = pytest.importorskip("pyarrow.parquet")
    with open(LAIT / "lait_data_dictionary.csv", encoding="latin-1", newline="") as handle:
        year_type = {row["Measure_short"]: row["Year_Type"] for row in csv.DictReader(handle)}
    table = pq.read_table(LAIT / "bds_long_0.parquet", columns=["Short Desc", "Years"])
    return Counter(
        (label, YEAR_TYPES[year_type[code].strip().lower()])
        for code, label in zip(table["Short Desc"].to_pylist(), table["Years"].to_pylist(), strict=True)
    )


def test_the_real_file_has_65_kinds_of_label_and_every_one_but_the_stray_zero_is_understood():
    pairs = _real_label_pairs()
    assert len({label for label, _ in pairs}) == 65
    not_understood = set()
    for label, period_type in pairs:
        try:
            parsed = parse_period(label, period_type)
        except PeriodNotUnderstood:
            not_understood.add(label)
            continue
        assert parsed.start < parsed.end
        assert label.startswith(parsed.label)
    assert not_understood == {"0"}


@pytest.mark.parametrize(
    ("label", "period_type", "kind", "start", "end", "status"),
    [
        ("2023", Indicator.CALENDAR, Period.CALENDAR_YEAR, date(2023, 1, 1), date(2023, 12, 31), Value.FINAL),
        # A single year names the year a span ends in.
        ("2023", Indicator.ACADEMIC, Period.ACADEMIC_YEAR, date(2022, 9, 1), date(2023, 8, 31), Value.FINAL),
        (
            "2023",
            Indicator.FINANCIAL,
            Period.FINANCIAL_YEAR,
            date(2022, 4, 1),
            date(2023, 3, 31),
            Value.FINAL,
        ),
        (
            "2023",
            Indicator.YEAR_TO_SEPTEMBER,
            Period.YEAR_TO_SEPTEMBER,
            date(2022, 10, 1),
            date(2023, 9, 30),
            "final",
        ),
        (
            "2023",
            Indicator.YEAR_TO_JANUARY,
            Period.YEAR_TO_JANUARY,
            date(2022, 2, 1),
            date(2023, 1, 31),
            "final",
        ),
        (
            "2022-23",
            Indicator.ACADEMIC,
            Period.ACADEMIC_YEAR,
            date(2022, 9, 1),
            date(2023, 8, 31),
            Value.FINAL,
        ),
        (
            "2022/23",
            Indicator.ACADEMIC,
            Period.ACADEMIC_YEAR,
            date(2022, 9, 1),
            date(2023, 8, 31),
            Value.FINAL,
        ),
        (
            "2022-23",
            Indicator.FINANCIAL,
            Period.FINANCIAL_YEAR,
            date(2022, 4, 1),
            date(2023, 3, 31),
            Value.FINAL,
        ),
        (
            "2024-25 (OT)",
            Indicator.FINANCIAL,
            Period.FINANCIAL_YEAR,
            date(2024, 4, 1),
            date(2025, 3, 31),
            "final",
        ),
        (
            "1999-00",
            Indicator.FINANCIAL,
            Period.FINANCIAL_YEAR,
            date(1999, 4, 1),
            date(2000, 3, 31),
            Value.FINAL,
        ),
        (
            "2014-16",
            Indicator.CALENDAR,
            Period.ROLLING_CALENDAR,
            date(2014, 1, 1),
            date(2016, 12, 31),
            "final",
        ),
        (
            "2019/20-21/22",
            Indicator.FINANCIAL,
            Period.ROLLING_FINANCIAL,
            date(2019, 4, 1),
            date(2022, 3, 31),
            Value.FINAL,
        ),
        (
            "2018 (Rev)",
            Indicator.ACADEMIC,
            Period.ACADEMIC_YEAR,
            date(2017, 9, 1),
            date(2018, 8, 31),
            "revised",
        ),
        (
            "2025 (prov)",
            Indicator.ACADEMIC,
            Period.ACADEMIC_YEAR,
            date(2024, 9, 1),
            date(2025, 8, 31),
            "provisional",
        ),
        (
            "2020 (Final)",
            Indicator.ACADEMIC,
            Period.ACADEMIC_YEAR,
            date(2019, 9, 1),
            date(2020, 8, 31),
            "final",
        ),
        ("April 2010", Indicator.MONTH, Period.MONTH, date(2010, 4, 1), date(2010, 4, 30), Value.FINAL),
        ("Sept 2010", Indicator.MONTH, Period.MONTH, date(2010, 9, 1), date(2010, 9, 30), Value.FINAL),
        ("2010-02", Indicator.MONTH, Period.MONTH, date(2010, 2, 1), date(2010, 2, 28), Value.FINAL),
        ("Q1 2010/11", Indicator.QUARTER, Period.QUARTER, date(2010, 4, 1), date(2010, 6, 30), Value.FINAL),
        ("2010/11 Q4", Indicator.QUARTER, Period.QUARTER, date(2011, 1, 1), date(2011, 3, 31), Value.FINAL),
        ("2010 Q1", Indicator.QUARTER, Period.QUARTER, date(2010, 1, 1), date(2010, 3, 31), Value.FINAL),
    ],
)
def test_each_kind_of_label(label, period_type, kind, start, end, status):
    parsed = parse_period(label, period_type)
    assert (parsed.kind, parsed.start, parsed.end, parsed.status) == (kind, start, end, status)


def test_the_same_year_written_two_ways_is_one_period_and_the_suffix_is_kept_apart():
    dash = parse_period("2022-23", Indicator.ACADEMIC)
    slash = parse_period("2022/23", Indicator.ACADEMIC)
    assert dash.key == slash.key
    revised = parse_period("2018 (Rev)", Indicator.ACADEMIC)
    assert (revised.label, revised.suffix) == ("2018", "Rev")
    assert revised.key == parse_period("2018", Indicator.ACADEMIC).key


@pytest.mark.parametrize(
    ("label", "period_type"),
    [
        ("0", Indicator.ACADEMIC),
        ("", Indicator.FINANCIAL),
        ("2014-16", Indicator.ACADEMIC),  # two academic years apart: which three years is not said
        ("2022/23", Indicator.CALENDAR),
        ("2019/20-21/22", Indicator.CALENDAR),
        ("2019/21-21/22", Indicator.FINANCIAL),  # "2019/21" is not one financial year
        ("2023 (est)", Indicator.CALENDAR),
        ("2023", Indicator.MONTH),
        ("Smarch 2010", Indicator.MONTH),
        ("2010-13", Indicator.MONTH),
        ("Q5 2010", Indicator.QUARTER),
        ("Q1 2010/12", Indicator.QUARTER),
    ],
)
def test_labels_that_would_need_a_guess_are_reported(label, period_type):
    with pytest.raises(PeriodNotUnderstood) as raised:
        parse_period(label, period_type)
    assert repr(label)[1:-1] in str(raised.value)


def test_an_annual_indicator_may_also_carry_named_months_and_quarters():
    month = parse_period("November 2010", Indicator.FINANCIAL)
    assert (month.kind, month.start, month.end) == (Period.MONTH, date(2010, 11, 1), date(2010, 11, 30))
    quarter = parse_period("Q3 2010/11", Indicator.FINANCIAL)
    assert (quarter.kind, quarter.start) == (Period.QUARTER, date(2010, 10, 1))
    # "2010-11" stays a year for an annual indicator.
    assert parse_period("2010-11", Indicator.FINANCIAL).kind == Period.FINANCIAL_YEAR


def test_periods_sort_by_their_end():
    earlier = parse_period("2021-22", Indicator.FINANCIAL)
    later = parse_period("2022-23", Indicator.FINANCIAL)
    rolling = parse_period("2020/21-22/23", Indicator.FINANCIAL)
    assert earlier.sort_key < later.sort_key
    # Same end, longer span after: a three-year figure is not "after" the single year in time.
    assert later.sort_key < rolling.sort_key
