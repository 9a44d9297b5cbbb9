"""The one registry of data-quality rules (outcomes/core/checks.py): apps register, core lists them
without importing any app, and findings are told apart by rule, place and the data they are about."""

import pytest

from outcomes.core import checks


def test_every_app_registers_its_rules_when_ready():
    apps = {rule.app for rule in checks.all_rules()}
    assert {"plans", "indicators", "surveys"} <= apps
    names = [rule.name for rule in checks.all_rules()]
    assert len(names) == len(set(names))


def test_a_second_rule_of_the_same_name_is_refused():
    def another():
        return []

    with pytest.raises(ValueError, match="Two data-quality rules are called 'arithmetic-in-update'"):
        checks.register(name="arithmetic-in-update", title="x", description="x", app="tests")(another)


def test_an_unknown_rule_is_said_so():
    with pytest.raises(checks.UnknownRule):
        checks.get_rule("no-such-rule")


def finding(message="The sum is wrong.", evidence="530 534", key="plans/x/p1/m27"):
    return checks.Finding(
        "arithmetic-in-update", "Plan X, priority 1, milestone 27", "/x/", key, message, evidence
    )


def test_the_fingerprint_follows_the_data_the_place_and_the_message():
    assert finding().fingerprint == finding().fingerprint
    assert finding().fingerprint != finding(evidence="530 535").fingerprint
    assert finding().fingerprint != finding(key="plans/x/p1/m28").fingerprint
    assert finding().fingerprint != finding(message="Another sum is wrong.").fingerprint


def test_what_rules_share_is_loaded_once_per_run_and_afresh_by_the_next():
    loads = []

    def load():
        loads.append(1)
        return len(loads)

    assert checks.shared("k", load) == 1  # outside a run: nothing kept
    assert checks.shared("k", load) == 2
    token = checks._shared.set({})
    try:
        assert checks.shared("k", load) == 3
        assert checks.shared("k", load) == 3
    finally:
        checks._shared.reset(token)
    assert checks.shared("k", load) == 4


def test_the_message_after_a_save_counts_and_says_what_was_found():
    assert checks.summary_message([]) is None
    message = checks.summary_message([finding()] * 7, limit=2)
    assert message.startswith("The data checks found 7 things to look at. Plan X, priority 1, milestone 27:")
    assert message.endswith("And 5 more.")
