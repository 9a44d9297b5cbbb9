"""The rules of a plan edited in place: merge identity, retirement, deletion (decisions 0100-0102)."""

import pytest

from outcomes.plans import rules


def test_an_item_is_matched_by_its_id_before_its_number():
    held = [(10, 1), (11, 2)]
    # The file swaps the two milestones' numbers, each keeping its id.
    assert rules.merge_identity([(11, 1), (10, 2)], held) == [11, 10]


def test_without_an_id_an_item_is_matched_by_its_number():
    assert rules.merge_identity([(None, 2), (None, 3)], [(10, 1), (11, 2)]) == [11, None]


def test_an_id_from_elsewhere_falls_back_to_the_number():
    assert rules.merge_identity([(999, 1)], [(10, 1)]) == [10]


def test_a_held_item_claimed_by_id_is_not_taken_by_another_items_number():
    # Milestone 10 moves to number 5; a new milestone takes number 1 and is not milestone 10.
    assert rules.merge_identity([(None, 1), (10, 5)], [(10, 1)]) == [None, 10]


def test_no_held_item_is_matched_twice():
    assert rules.merge_identity([(None, 1), (None, 1)], [(10, 1)]) == [10, None]


def test_a_retired_item_stays_only_where_it_was_reported():
    assert rules.retired_stay_where_reported(retired=True, reported_in_round=True)
    assert not rules.retired_stay_where_reported(retired=True, reported_in_round=False)
    assert rules.retired_stay_where_reported(retired=False, reported_in_round=False)


def test_what_was_reported_on_is_retired_not_deleted():
    rules.reported_items_are_retired_not_deleted("P1 M30", 0)
    with pytest.raises(
        rules.RuleViolation, match="reported on in 2 rounds, so it cannot be deleted: retire it"
    ):
        rules.reported_items_are_retired_not_deleted("P1 M6", 2)


def test_a_plan_or_round_is_deleted_only_while_nothing_is_reported_in_it():
    rules.delete_only_while_unreported("The round 'Oops'", 0)
    with pytest.raises(rules.RuleViolation, match="holds 3 updates, so it cannot be deleted"):
        rules.delete_only_while_unreported("The round 'June'", 3)
    with pytest.raises(rules.RuleViolation, match="has a published report"):
        rules.delete_only_while_unreported("The round 'June'", 0, published=True)


def test_a_retired_milestone_takes_no_updates():
    rules.retired_take_no_updates("P1 M6", False)
    with pytest.raises(rules.RuleViolation, match="P1 M6 is retired"):
        rules.retired_take_no_updates("P1 M6", True)
