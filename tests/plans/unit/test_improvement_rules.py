"""The improvement plan's rules (seed 002 L1312, notes-002 §7.2), one by one."""

from datetime import date
from fractions import Fraction as F

from outcomes.plans import kinds, rules

STATUSES = [(d.key, d.label, d.style) for d in kinds.IMPROVEMENT_RAG]
COUNTS_AS = {d.key: d.counts_as for d in kinds.IMPROVEMENT_RAG if d.counts_as}


def rows(red=0, amber=0, green=0, complete=0, blue=0):
    found = []
    for key, n in (("red", red), ("amber", amber), ("green", green), ("complete", complete), ("blue", blue)):
        found += [{key: F(1)}] * n
    return found


class TestImprovementSummary:
    def test_the_seeds_line(self):
        summary = rules.improvement_summary(rows(red=1, amber=22, green=4, complete=2), STATUSES, COUNTS_AS)
        assert summary.line == "Red: 1 (3%) Amber: 22 (76%) Green: 6 (21%), of which 2 completed"
        assert summary.counts == {"red": 1, "amber": 22, "green": 6}
        assert summary.completed == 2
        assert summary.total == 29
        assert summary.percent == {"red": 3, "amber": 76, "green": 21}

    def test_percentages_add_up_to_100(self):
        # 1/3 each: 33.3 + 33.3 + 33.3 -> one of them gets the last unit.
        summary = rules.improvement_summary(rows(red=1, amber=1, green=1), STATUSES, COUNTS_AS)
        assert sum(summary.percent.values()) == 100

    def test_one_completed(self):
        summary = rules.improvement_summary(rows(amber=1, complete=1), STATUSES, COUNTS_AS)
        assert summary.line.endswith(", of which 1 completed")

    def test_none_completed_says_nothing_of_completion(self):
        summary = rules.improvement_summary(rows(red=1, amber=2), STATUSES, COUNTS_AS)
        assert summary.line == "Red: 1 (33%) Amber: 2 (67%) Green: 0 (0%)"
        assert "of which" not in summary.line

    def test_a_row_without_an_update_is_named_only_when_there_is_one(self):
        summary = rules.improvement_summary(rows(amber=3, blue=1), STATUSES, COUNTS_AS)
        assert summary.line == "Red: 0 (0%) Amber: 3 (75%) Green: 0 (0%) Blue: 1 (25%)"
        assert sum(summary.percent.values()) == 100

    def test_a_split_row_counts_its_share_in_each_colour(self):
        split = [{"amber": F(1, 2), "complete": F(1, 2)}, {"red": F(1)}]
        summary = rules.improvement_summary(split, STATUSES, COUNTS_AS)
        assert summary.counts == {"red": 1, "amber": F(1, 2), "green": F(1, 2)}
        assert summary.completed == F(1, 2)
        assert summary.line == "Red: 1 (50%) Amber: 0.5 (25%) Green: 0.5 (25%), of which 0.5 completed"

    def test_no_rows(self):
        summary = rules.improvement_summary([], STATUSES, COUNTS_AS)
        assert summary.total == 0
        assert summary.line == "Red: 0 (0%) Amber: 0 (0%) Green: 0 (0%)"


class TestRowOverdue:
    def test_past_its_target_date_and_not_complete(self):
        assert rules.row_overdue(date(2010, 9, 30), date(2010, 10, 27), complete=False)

    def test_complete_is_never_overdue(self):
        assert not rules.row_overdue(date(2010, 9, 30), date(2010, 10, 27), complete=True)

    def test_on_its_target_date_it_is_not_yet_late(self):
        assert not rules.row_overdue(date(2010, 10, 27), date(2010, 10, 27), complete=False)

    def test_no_target_date_is_never_overdue(self):
        assert not rules.row_overdue(None, date(2010, 10, 27), complete=False)


class TestIsComplete:
    def test_wholly_complete(self):
        assert rules.is_complete({"complete": F(1)}, ["complete"])

    def test_split_is_not_complete(self):
        assert not rules.is_complete({"complete": F(1, 2), "amber": F(1, 2)}, ["complete"])

    def test_no_status_is_not_complete(self):
        assert not rules.is_complete({}, ["complete"])


class TestDirection:
    def test_arrow_and_word(self):
        assert rules.direction_text("up") == "↑ improving"
        assert rules.direction_text("same") == "→ no change"
        assert rules.direction_text("down") == "↓ worse"

    def test_none(self):
        assert rules.direction_text("") == ""


class TestKinds:
    def test_every_kind_has_a_rag_column_and_its_own_statuses(self):
        for kind in kinds.KINDS.values():
            assert kind.columns
            assert any(s.means_no_update for s in kind.rag)

    def test_the_improvement_plans_columns_are_the_seeds(self):
        assert [c.heading for c in kinds.IMPROVEMENT.columns] == [
            "Objective",
            "Key Actions",
            "Baseline",
            "Current Performance",
            "Targets",
            "Target Date",
            "Lead",
            "RAG",
            "Performance Commentary",
            "Lead Workstream(s)",
        ]

    def test_a_plan_without_a_kind_is_a_cypp(self):
        assert kinds.kind_of(object()) is kinds.CYPP
