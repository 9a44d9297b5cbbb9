"""The rules of inspection recommendations, one by one (outcomes/inspections/rules.py)."""

from datetime import date
from decimal import Decimal

import pytest

from outcomes.inspections import rules
from outcomes.inspections.rules import Facts, Revision

DAY = date(2010, 11, 4)


def rec(**kw) -> Facts:
    return Facts(monitored_from=kw.pop("monitored_from", date(2010, 7, 1)), **kw)


# --- completed within the original timescale ---------------------------------------------------


def test_none_due_yet_gives_a_denominator_of_zero_in_words():
    figure = rules.within_original_timescale([rec(original_due=date(2010, 12, 1))], DAY)
    assert (figure.numerator, figure.denominator) == (0, 0)
    assert figure.percent is None
    assert figure.percent_text == "no recommendation due yet"
    assert figure.meets(Decimal(90)) is None


def test_completed_on_or_before_its_original_date_counts_as_met():
    figure = rules.within_original_timescale(
        [
            rec(original_due=date(2010, 9, 30), completed_on=date(2010, 9, 30)),
            rec(original_due=date(2010, 9, 30), completed_on=date(2010, 9, 1)),
        ],
        DAY,
    )
    assert (figure.numerator, figure.denominator) == (2, 2)
    assert figure.percent_text == "100%"


def test_completed_after_its_original_date_is_late():
    late = rec(original_due=date(2010, 9, 30), completed_on=date(2010, 10, 1))
    figure = rules.within_original_timescale([late], DAY)
    assert (figure.numerator, figure.denominator) == (0, 1)
    assert rules.is_late(late, DAY)


def test_a_revised_date_never_helps():
    revised = rec(
        original_due=date(2010, 9, 30),
        completed_on=date(2010, 11, 1),
        revisions=(Revision(due_on=date(2010, 11, 30), agreed_on=date(2010, 10, 12)),),
    )
    assert rules.revised_due(revised, DAY) == date(2010, 11, 30)
    assert rules.is_late(revised, DAY)
    assert rules.within_original_timescale([revised], DAY).numerator == 0
    still_open = rec(
        original_due=date(2010, 9, 30),
        revisions=(Revision(due_on=date(2010, 11, 30), agreed_on=date(2010, 10, 12)),),
    )
    assert rules.is_late(still_open, DAY)
    # Counted complete in the other figure once done, late all the same here.
    assert rules.complete_of_all_monitored([revised, still_open], DAY).numerator == 1


def test_due_today_is_not_yet_passed():
    today = rec(original_due=DAY)
    assert not rules.original_due_passed(today, DAY)
    assert rules.within_original_timescale([today], DAY).denominator == 0
    assert not rules.is_late(today, DAY)


def test_superseded_and_not_yet_monitored_count_in_neither_figure():
    gone = rec(monitored_from=date(2009, 8, 5), original_due=date(2010, 1, 1), superseded_on=date(2010, 2, 1))
    later = rec(monitored_from=date(2010, 12, 1), original_due=date(2010, 12, 2))
    assert rules.within_original_timescale([gone, later], DAY).denominator == 0
    assert rules.complete_of_all_monitored([gone, later], DAY).denominator == 0
    assert rules.complete_of_all_monitored([gone], date(2010, 1, 15)).denominator == 1


def test_the_two_figures_differ_on_the_same_recommendations():
    facts = [
        rec(original_due=date(2010, 9, 30), completed_on=date(2010, 9, 1)),  # met
        rec(original_due=date(2010, 9, 30), completed_on=date(2010, 10, 15)),  # complete, late
        rec(original_due=date(2010, 9, 30)),  # open, late
        rec(original_due=date(2010, 11, 15)),  # open, not yet due
        rec(original_due=date(2010, 11, 15), completed_on=date(2010, 10, 1)),  # complete early
    ]
    within = rules.within_original_timescale(facts, DAY)
    complete = rules.complete_of_all_monitored(facts, DAY)
    assert (within.numerator, within.denominator) == (1, 3)
    assert (complete.numerator, complete.denominator) == (3, 5)
    assert within.percent == Decimal("33.3")
    assert complete.percent_text == "60%"
    assert within.definition != complete.definition


def test_complete_counts_only_what_was_complete_by_the_date():
    done_later = rec(original_due=date(2010, 9, 30), completed_on=date(2010, 12, 1))
    assert rules.complete_of_all_monitored([done_later], DAY).numerator == 0
    assert rules.complete_of_all_monitored([], DAY).percent_text == "no recommendation monitored yet"


def test_the_target_is_met_on_the_exact_figure_not_the_rounded_one():
    figure = rules.Figure("x", 8996, 10000, "", "")
    assert figure.percent == Decimal("90.0")
    assert figure.meets(Decimal(90)) is False
    assert rules.Figure("x", 9, 10, "", "").meets(Decimal(90)) is True


def test_percent_rounds_halves_up():
    assert rules.percent(1, 8) == Decimal("12.5")
    assert rules.percent(1, 16) == Decimal("6.3")
    assert rules.percent(0, 0) is None


# --- at risk ---------------------------------------------------------------------------------------


def test_at_risk_when_due_within_the_warning_period_and_open():
    assert rules.is_at_risk(rec(original_due=date(2010, 11, 15)), DAY, within_days=14)
    assert not rules.is_at_risk(rec(original_due=date(2010, 11, 30)), DAY, within_days=14)


def test_at_risk_when_a_linked_open_action_is_overdue():
    facts = rec(original_due=date(2011, 3, 31), open_action_dues=(date(2010, 10, 31),))
    assert rules.is_at_risk(facts, DAY, within_days=14)
    assert not rules.is_at_risk(
        rec(original_due=date(2011, 3, 31), open_action_dues=(date(2010, 12, 1),)), DAY
    )


def test_never_at_risk_once_complete_late_or_without_a_date():
    assert not rules.is_at_risk(rec(original_due=date(2010, 11, 10), completed_on=date(2010, 11, 1)), DAY)
    assert not rules.is_at_risk(rec(original_due=date(2010, 11, 1)), DAY)  # late, no longer "at risk"
    assert not rules.is_at_risk(rec(), DAY)


# --- changes refused -------------------------------------------------------------------------------


def test_the_original_date_cannot_change_once_agreed():
    problems = rules.original_due_problems(date(2010, 7, 9), date(2010, 9, 30), date(2010, 11, 30))
    assert problems
    assert "never changed" in problems[0]
    # Agreeing the same date again is no change.
    assert rules.original_due_problems(date(2010, 7, 9), date(2010, 9, 30), date(2010, 9, 30)) == []
    assert rules.original_due_problems(None, None, date(2010, 9, 30)) == []


def test_a_revision_needs_an_agreed_original_a_later_date_a_reason_and_who_agreed():
    assert rules.revision_problems(original_due=None, due_on=DAY, reason="x", agreed_by="DLT")
    assert rules.revision_problems(original_due=DAY, due_on=DAY, reason="x", agreed_by="DLT")
    assert (
        len(rules.revision_problems(original_due=date(2010, 9, 30), due_on=DAY, reason=" ", agreed_by=""))
        == 2
    )
    assert (
        rules.revision_problems(original_due=date(2010, 9, 30), due_on=DAY, reason="x", agreed_by="DLT") == []
    )
    closed = rules.revision_problems(
        original_due=date(2010, 9, 30), due_on=DAY, reason="x", agreed_by="DLT", status="complete"
    )
    assert closed == ["Only an open recommendation's date is revised."]


@pytest.mark.parametrize(
    ("status", "on", "evidence", "problems"),
    [
        ("open", date(2010, 10, 1), "Audited", 0),
        ("open", date(2010, 10, 1), "  ", 1),
        ("complete", date(2010, 10, 1), "Audited", 1),
        ("open", date(2010, 12, 1), "Audited", 1),  # in the future
        ("open", date(2010, 6, 1), "Audited", 1),  # before it was monitored
    ],
)
def test_completion_needs_evidence_and_a_date_that_can_be(status, on, evidence, problems):
    found = rules.completion_problems(
        status=status, on=on, evidence=evidence, monitored_from=date(2010, 7, 1), today=DAY
    )
    assert len(found) == problems
