"""The checks of figures written in words and tables (notes-003 §20 V10, V11), on the seeds' own
slips and on text that is right."""

import pytest

from outcomes.core import text_checks

SCHOOL_MEALS = (
    "• 2013-2014 average meals per day increased by 530 meals per day (excluding Wales High School "
    "from the baseline, private catering from Sept 2013)\n• 17,087 meals per day increased from 16,553"
)
WEIGHT_COLUMNS = [
    "Service",
    "Cumulative no. of referrals 2009 to date",
    "No. attending 1st session",
    "No. completing",
    "No. of completers achieving weight loss*",
]
WEIGHT_ROWS = [
    ["MoreLife Clubs/DCL Children T2 Data to 30/06/13**", "1,040", "908", "531", "516 97%"],
    ["RIO Children T3 Data to 08/11/13", "505", "505", "174", "112 64%"],
    ["MoreLife Camps Children T4", "176", "n/a", "168", "168 95%"],
]


class TestArithmetic:
    def test_the_school_meals_change_of_530_is_534(self):
        assert text_checks.arithmetic_problems(SCHOOL_MEALS) == [
            "says the change is 530, but from 16,553 to 17,087 is 534"
        ]

    @pytest.mark.parametrize(
        "text",
        [
            SCHOOL_MEALS.replace("530", "534"),
            "NEET fell by 1.5 from 7.6 to 6.1",
            "Places rose from 120 to 150, an increase of 30",
        ],
    )
    def test_a_change_that_adds_up_is_not_flagged(self, text):
        assert text_checks.arithmetic_problems(text) == []

    @pytest.mark.parametrize(
        "text",
        [
            "increased by 5% from 120 to 150",  # relative or points: not clear
            "rose by 3 from 10 to 13 and fell by 2 from 13 to 12",  # two changes: which pairs with which
            "increased from 16,553",  # nothing to compare
        ],
    )
    def test_text_that_is_not_clear_enough_is_not_guessed_at(self, text):
        assert text_checks.arithmetic_problems(text) == []

    def test_a_change_that_does_not_add_up_the_other_way_round(self):
        assert text_checks.arithmetic_problems("increased from 120 to 150, up by 20") == [
            "says the change is 20, but from 120 to 150 is 30"
        ]


class TestPercentages:
    def test_a_count_of_a_base_at_the_wrong_percentage(self):
        # notes-002 §10.18: 4 of 15 posts is 26.7%, not 16.7%.
        assert text_checks.percentage_problems("4 of 15 Team Manager posts vacant (16.7%)") == [
            "gives 16.7% for 4 of 15, which is 26.7%"
        ]

    @pytest.mark.parametrize(
        "text",
        ["572 of 2,996 Year 5 pupils = 19%", "26.7% (4 of 15)", "516 out of 531 (97%)"],
    )
    def test_percentages_that_match_their_count_and_base(self, text):
        assert text_checks.percentage_problems(text) == []

    def test_the_weight_management_row_t4_is_100_percent_of_its_base_not_95(self):
        [problem] = text_checks.table_percentage_problems(WEIGHT_COLUMNS, WEIGHT_ROWS)
        assert (problem.row, problem.column) == (2, 4)
        assert "168 of 168 ('No. completing', the base of the other rows) is 100%, not 95%" in problem.message
        assert "95% is 168 of 176 ('Cumulative no. of referrals 2009 to date')" in problem.message

    def test_a_table_whose_percentages_match_is_not_flagged(self):
        rows = [row[:] for row in WEIGHT_ROWS]
        rows[2][4] = "168 100%"
        assert text_checks.table_percentage_problems(WEIGHT_COLUMNS, rows) == []

    def test_a_doubled_percent_sign(self):
        text = "In April 2014 3.4%% of 16, 17 and 18 year old LDD were not known"
        expected = ["writes '3.4%%': a percentage with a doubled % sign"]
        assert text_checks.malformed_percentages(text) == expected
        assert text_checks.malformed_percentages("3.4% were not known") == []


class TestDates:
    def test_31_april_does_not_exist(self):
        assert text_checks.impossible_dates("Between 1.4.13 and 31.4.14, 79% of families") == [
            "gives the date '31.4.14', but April 2014 has 30 days"
        ]

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            ("on 29/02/2013", "February 2013 has 28 days"),
            ("31st June 2014", "June 2014 has 30 days"),
            ("on 12.13.14", "there is no month 13"),
            ("Friday 5th June 2014", "5 June 2014 was a Thursday"),
        ],
    )
    def test_other_dates_that_do_not_exist(self, text, problem):
        [found] = text_checks.impossible_dates(text)
        assert found.endswith(problem)

    @pytest.mark.parametrize(
        "text", ["29.2.12", "Data to 30/06/13", "Thursday 5th June 2014", "score 16.74", "version 1.4.13.2"]
    )
    def test_real_dates_and_other_figures_pass(self, text):
        assert text_checks.impossible_dates(text) == []


class TestLookalikeLetters:
    def test_cyrillic_and_greek_letters_posing_as_latin_ones(self):
        # notes-002 §10.16: "ктѕ" for KTS, "Αctions" with a Greek capital alpha, "Меа sures".
        assert text_checks.lookalike_letters("ктѕ clients; Αctions; Меа sures") == [
            "writes 'ктѕ' with Cyrillic letters that look like Latin ones (к, т, ѕ)",
            "writes 'Αctions' with Greek letters that look like Latin ones (Α)",
            "writes 'Меа' with Cyrillic letters that look like Latin ones (М, е, а)",
        ]

    @pytest.mark.parametrize("text", ["KTS clients", "5 µg a day", "café, naïve", "the α level", "Actions"])
    def test_latin_text_and_symbols_pass(self, text):
        assert text_checks.lookalike_letters(text) == []
