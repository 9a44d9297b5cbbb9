"""The named rules of SPEC §1, one by one, against the figures of seed 003 (fixture F1)."""

from datetime import date, timedelta
from fractions import Fraction as F

import pytest

from outcomes.plans import rules

KEYS = ["green", "amber", "red", "blue"]


class TestRagWeightsSumToOne:
    def test_it_accepts_a_single_colour(self):
        assert rules.rag_weights_sum_to_one({"green": "1"}, KEYS) == {"green": F(1)}

    def test_it_accepts_exact_thirds(self):
        weights = rules.rag_weights_sum_to_one({"red": "1/3", "green": "1/3", "amber": "1/3"}, KEYS)
        assert weights == {"green": F(1, 3), "amber": F(1, 3), "red": F(1, 3)}
        assert list(weights) == ["green", "amber", "red"]  # vocabulary order

    def test_it_reads_numbers_exactly(self):
        assert rules.rag_weights_sum_to_one({"green": 0.5, "red": 0.5}, KEYS) == {
            "green": F(1, 2),
            "red": F(1, 2),
        }

    def test_rounded_thirds_do_not_sum_to_one(self):
        with pytest.raises(rules.RuleViolation, match="sum to exactly 1"):
            rules.rag_weights_sum_to_one({"green": 0.33, "amber": 0.33, "red": 0.34001}, KEYS)

    def test_it_refuses_weights_below_one(self):
        with pytest.raises(rules.RuleViolation, match="= 1/2"):
            rules.rag_weights_sum_to_one({"green": "1/2"}, KEYS)

    def test_it_refuses_an_unknown_colour(self):
        with pytest.raises(rules.RuleViolation, match="'purple' is not a RAG status"):
            rules.rag_weights_sum_to_one({"purple": "1"}, KEYS)

    def test_it_refuses_negative_weights(self):
        with pytest.raises(rules.RuleViolation, match="negative"):
            rules.rag_weights_sum_to_one({"green": "3/2", "red": "-1/2"}, KEYS)

    def test_it_refuses_text_that_is_not_a_number(self):
        with pytest.raises(rules.RuleViolation, match="not valid"):
            rules.rag_weights_sum_to_one({"green": "half"}, KEYS)

    def test_it_refuses_no_status(self):
        with pytest.raises(rules.RuleViolation, match="at least one colour"):
            rules.rag_weights_sum_to_one({}, KEYS)


class TestBlueAtClose:
    def test_milestones_without_an_update_turn_blue(self):
        assert rules.blue_at_close([1, 2, 3, 4], [2, 4]) == [1, 3]

    def test_nothing_turns_blue_when_all_are_updated(self):
        assert rules.blue_at_close([1, 2], [1, 2]) == []


# Seed 003 F1, per priority: (green, amber, red, blue) and the number of milestones.
SEED_ROWS = {
    1: ((F(12), F(57, 2), F(23, 2), F(0)), 52),
    2: ((F(7, 2), F(10), F(3, 2), F(0)), 15),
    3: ((F(14), F(8), F(0), F(0)), 22),
    5: ((F(13, 3), F(70, 3), F(7, 3), F(0)), 30),
    6: ((F(6), F(33), F(1), F(0)), 40),
}


def _milestones_for(counts, n):
    """Milestone weights that add up to the published row: whole ones, then the fractional rest."""
    weights = []
    remaining = dict(zip(KEYS, counts, strict=True))
    for key in KEYS:
        while remaining[key] >= 1:
            weights.append({key: F(1)})
            remaining[key] -= 1
    rest = {k: v for k, v in remaining.items() if v}
    while rest:
        # Combine fractional leftovers into milestones of weight exactly 1.
        share, milestone = F(0), {}
        for key in list(rest):
            take = min(rest[key], 1 - share)
            milestone[key] = take
            share += take
            rest[key] -= take
            if not rest[key]:
                del rest[key]
            if share == 1:
                break
        weights.append(milestone)
    assert len(weights) == n
    return weights


class TestOverviewCounts:
    def test_it_reproduces_the_published_overview(self):
        rows, totals, grand = rules.overview_counts(
            ((p, _milestones_for(*SEED_ROWS[p])) for p in SEED_ROWS), KEYS
        )
        assert [r.total for r in rows] == [52, 15, 22, 30, 40]
        assert rows[3].counts == dict(zip(KEYS, SEED_ROWS[5][0], strict=True))
        assert totals == {"green": F(239, 6), "amber": F(617, 6), "red": F(49, 3), "blue": F(0)}
        assert grand == 159

    def test_each_row_adds_up_exactly_to_its_total(self):
        rows, _, _ = rules.overview_counts(((p, _milestones_for(*SEED_ROWS[p])) for p in SEED_ROWS), KEYS)
        for row in rows:
            assert sum(row.counts.values()) == row.total


class TestKeyIssueMilestones:
    def test_it_lists_milestones_with_any_red(self):
        milestones = [
            ("m1", {"green": F(1)}),
            ("m2", {"amber": F(1, 2), "red": F(1, 2)}),
            ("m3", {"red": F(1)}),
        ]
        assert rules.key_issue_milestones(milestones, ["red"]) == ["m2", "m3"]

    def test_it_lists_none_when_there_is_no_red(self):
        assert rules.key_issue_milestones([("m1", {"amber": F(1)})], ["red"]) == []


class TestNoInformationButNotBlue:
    def test_it_flags_no_available_data_rated_red(self):
        assert rules.no_information_but_not_blue(
            "• No available data (see initiation target comments)", {"red": F(1)}, "blue"
        )

    def test_it_flags_results_not_yet_published(self):
        assert rules.no_information_but_not_blue(
            "No update as the results from the year are not published until July 2014",
            {"amber": F(1)},
            "blue",
        )

    def test_it_is_quiet_when_the_status_is_blue(self):
        assert not rules.no_information_but_not_blue("No update", {"blue": F(1)}, "blue")

    def test_it_is_quiet_for_an_ordinary_update(self):
        assert not rules.no_information_but_not_blue("Panel established", {"green": F(1)}, "blue")


class TestLinkProblems:
    def test_reciprocal_links_are_fine(self):
        links = [((1, 50), (5, 13)), ((5, 13), (1, 50))]
        assert rules.link_problems(links, {(1, 50), (5, 13)}) == {}

    def test_a_link_that_is_not_returned_is_flagged(self):
        # Seed 003: P1 M17 names "priority 5, delivery milestone 17"; P5 M17 does not link back.
        problems = rules.link_problems([((1, 17), (5, 17))], {(1, 17), (5, 17)})
        assert problems == {(1, 17): ["links to priority 5 milestone 17, which does not link back"]}

    def test_a_link_to_a_missing_milestone_is_flagged(self):
        problems = rules.link_problems([((1, 1), (9, 9))], {(1, 1)})
        assert "does not exist" in problems[(1, 1)][0]


class TestClosesItself:
    """A round closes itself at the end of its close date, when its plan says so (decision 0115)."""

    CLOSES = date(2014, 12, 12)

    def test_not_on_its_close_date(self):
        assert not rules.closes_itself(
            automatically=True, closes=self.CLOSES, closed=False, today=self.CLOSES
        )

    def test_the_day_after(self):
        assert rules.closes_itself(
            automatically=True, closes=self.CLOSES, closed=False, today=self.CLOSES + timedelta(days=1)
        )

    def test_not_when_the_plan_closes_rounds_by_hand(self):
        assert not rules.closes_itself(
            automatically=False, closes=self.CLOSES, closed=False, today=self.CLOSES + timedelta(days=30)
        )

    def test_not_when_already_closed(self):
        assert not rules.closes_itself(
            automatically=True, closes=self.CLOSES, closed=True, today=self.CLOSES + timedelta(days=1)
        )
