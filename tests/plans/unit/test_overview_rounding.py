"""The overview rounding rule (plans/rules.py, decision 0050): what the overview shows adds up.

Examples first (seed 003 and the reported failure), then properties over random plans with split
statuses: every displayed row adds up to its total, the Total row to the number of milestones, the
% row to 100, and every column to its Total or the note beside the table names it.
"""

from decimal import Decimal as D
from fractions import Fraction as F

from hypothesis import given, settings
from hypothesis import strategies as st

from outcomes.plans import rules

KEYS = ["green", "amber", "red", "blue"]
LABELS = {"green": "Green", "amber": "Amber", "red": "Red", "blue": "Blue"}


def _row(counts, total):
    return rules.OverviewRow(None, dict(zip(KEYS, counts, strict=True)), total)


SEED = [
    _row((F(12), F(57, 2), F(23, 2), F(0)), 52),
    _row((F(7, 2), F(10), F(3, 2), F(0)), 15),
    _row((F(14), F(8), F(0), F(0)), 22),
    _row((F(13, 3), F(70, 3), F(7, 3), F(0)), 30),
    _row((F(6), F(33), F(1), F(0)), 40),
]
SEED_TOTALS = {"green": F(239, 6), "amber": F(617, 6), "red": F(49, 3), "blue": F(0)}


class TestLargestRemainder:
    def test_halves_that_would_both_round_up_share_one_unit(self):
        # The reported failure: 1/2 + 1/2 + 158 shown as 1 + 1 + 158 = 160 for 159 milestones.
        shown = rules.largest_remainder({"green": F(1, 2), "amber": F(1, 2), "red": F(0), "blue": F(158)})
        assert sum(shown.values()) == 159
        assert shown == {"green": 1, "amber": 0, "red": 0, "blue": 158}  # a tie goes to the earlier key

    def test_a_tie_goes_to_the_larger_value_first(self):
        shown = rules.largest_remainder({"green": F(13, 3), "amber": F(70, 3), "red": F(7, 3)}, 1)
        assert shown == {"green": D("4.3"), "amber": D("23.4"), "red": D("2.3")}
        assert sum(shown.values()) == 30

    def test_exact_values_never_move(self):
        shown = rules.largest_remainder({"green": F(12), "amber": F(57, 2), "red": F(23, 2)}, 1)
        assert shown == {"green": D("12"), "amber": D("28.5"), "red": D("11.5")}

    def test_the_largest_remainder_gets_the_unit(self):
        assert rules.largest_remainder({"a": F(239, 6), "b": F(617, 6), "c": F(49, 3)}) == {
            "a": 40,
            "b": 103,
            "c": 16,
        }


class TestPercentagesOfTotal:
    def test_it_gives_the_published_percentages(self):
        assert rules.percentages_of_total(SEED_TOTALS, 159) == {
            "green": 25,
            "amber": 65,
            "red": 10,
            "blue": 0,
        }

    def test_they_add_up_to_100_where_rounding_half_up_would_give_101(self):
        # 12.5% and 87.5%: half up gives 13 + 88 = 101.
        assert rules.percentages_of_total({"green": F(1), "amber": F(7)}, 8) == {"green": 12, "amber": 88}

    def test_it_copes_with_no_milestones(self):
        assert rules.percentages_of_total({"green": F(0)}, 0) == {"green": 0}


class TestOverviewRounding:
    def test_the_seed_overview_adds_up_and_keeps_the_published_totals(self):
        figures = rules.overview_rounding(SEED, SEED_TOTALS, 159)
        assert figures.totals == {"green": 40, "amber": 103, "red": 16, "blue": 0}
        assert figures.percents == {"green": 25, "amber": 65, "red": 10, "blue": 0}
        assert figures.rows[0] == {"green": 12, "amber": D("28.5"), "red": D("11.5"), "blue": 0}
        # Priority 5: the seed printed 4.3 + 23.3 + 2.3 = 29.9 against 30.
        assert figures.rows[3] == {"green": D("4.3"), "amber": D("23.4"), "red": D("2.3"), "blue": 0}
        assert [sum(r.values()) for r in figures.rows] == [52, 15, 22, 30, 40]

    def test_columns_that_cannot_add_up_are_named_in_the_note(self):
        figures = rules.overview_rounding(SEED, SEED_TOTALS, 159)
        assert [(g.key, g.rows_sum, g.total) for g in figures.gaps] == [
            ("green", D("39.8"), 40),
            ("amber", D("102.9"), 103),
            ("red", D("16.3"), 16),
        ]
        note = rules.overview_rounding_note(figures.gaps, LABELS)
        assert "Green 39.8 against 40; Amber 102.9 against 103; Red 16.3 against 16" in note

    def test_the_reported_failure_adds_up(self):
        # One milestone Green 1/2 + Amber 1/2, the other 158 Blue, in two priorities.
        rows = [_row((F(1, 2), F(1, 2), F(0), F(99)), 100), _row((F(0), F(0), F(0), F(59)), 59)]
        totals = {"green": F(1, 2), "amber": F(1, 2), "red": F(0), "blue": F(158)}
        figures = rules.overview_rounding(rows, totals, 159)
        assert sum(figures.totals.values()) == 159
        assert sum(figures.percents.values()) == 100
        assert figures.rows[0] == {"green": D("0.5"), "amber": D("0.5"), "red": 0, "blue": 99}
        assert {g.key for g in figures.gaps} == {"green", "amber"}

    def test_whole_statuses_need_no_note(self):
        rows = [_row((F(3), F(1), F(0), F(0)), 4), _row((F(0), F(2), F(1), F(0)), 3)]
        totals = {"green": F(3), "amber": F(3), "red": F(1), "blue": F(0)}
        figures = rules.overview_rounding(rows, totals, 7)
        assert figures.gaps == []
        assert rules.overview_rounding_note(figures.gaps, LABELS) is None
        assert figures.percents == {"green": 43, "amber": 43, "red": 14, "blue": 0}


# Split statuses as people give them: a whole colour, halves, thirds, quarters, sixths.
SHARES = st.sampled_from([1, 2, 3, 4, 6])


@st.composite
def milestone_weights(draw):
    parts = draw(SHARES)
    colours = draw(st.lists(st.sampled_from(KEYS), min_size=parts, max_size=parts))
    weights = {}
    for colour in colours:
        weights[colour] = weights.get(colour, F(0)) + F(1, parts)
    return weights


PLANS = st.lists(st.lists(milestone_weights(), min_size=0, max_size=25), min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(PLANS)
def test_every_displayed_row_and_column_adds_up_or_the_note_says_why(plan):
    rows, totals, grand_total = rules.overview_counts(((i, p) for i, p in enumerate(plan)), KEYS)
    figures = rules.overview_rounding(rows, totals, grand_total)
    note = rules.overview_rounding_note(figures.gaps, LABELS) or ""
    for row, cells in zip(rows, figures.rows, strict=True):
        assert sum(cells.values()) == row.total
        for key in KEYS:
            assert abs(cells[key] - D(row.counts[key].numerator) / D(row.counts[key].denominator)) < D("0.1")
    assert sum(figures.totals.values()) == grand_total
    if grand_total:
        assert sum(figures.percents.values()) == 100
    for key in KEYS:
        column = sum((cells[key] for cells in figures.rows), D(0))
        assert abs(figures.totals[key] - totals[key]) < 1
        if column != figures.totals[key]:
            assert f"{LABELS[key]} {column.normalize():f} against {figures.totals[key]}" in note


@settings(max_examples=50, deadline=None)
@given(PLANS)
def test_without_split_statuses_everything_adds_up_with_no_note(plan):
    whole = [[{next(iter(w)): F(1)} for w in p] for p in plan]
    rows, totals, grand_total = rules.overview_counts(((i, p) for i, p in enumerate(whole)), KEYS)
    figures = rules.overview_rounding(rows, totals, grand_total)
    assert figures.gaps == []
    assert figures.totals == {k: int(v) for k, v in totals.items()}
