"""The tracker's rules: which band an action falls in as at a date, who may update, discharge only
with evidence, due and overdue in words."""

from datetime import date
from types import SimpleNamespace

from outcomes.governance.log import band_of, status_as_at
from outcomes.governance.owing import due_words
from outcomes.governance.rules import discharge_problems

JUNE_5 = date(2014, 6, 5)


def an_action(**fields):
    values = {
        "raised_on": date(2014, 3, 6),
        "discharged_on": None,
        "parent_id": None,
        "status": "ongoing",
        "due_on": None,
        "due_rule": "",
        "is_open": True,
    }
    values.update(fields)
    return SimpleNamespace(**values)


def test_bands_raised_ongoing_discharged_and_absent():
    assert band_of(an_action(raised_on=JUNE_5), JUNE_5) == "raised"
    assert band_of(an_action(), JUNE_5) == "ongoing"
    assert band_of(an_action(discharged_on=JUNE_5), JUNE_5) == "discharged"
    assert band_of(an_action(discharged_on=date(2014, 6, 4)), JUNE_5) is None  # closed before
    assert band_of(an_action(raised_on=date(2014, 6, 6)), JUNE_5) is None  # not yet raised
    # Discharged later: still ongoing as at the date.
    assert band_of(an_action(discharged_on=date(2014, 9, 4)), JUNE_5) == "ongoing"


def test_a_new_action_is_in_its_parents_update_on_the_day_then_a_row():
    child = an_action(raised_on=JUNE_5, parent_id=11)
    assert band_of(child, JUNE_5) is None
    assert band_of(child, date(2014, 9, 4)) == "ongoing"


def test_the_status_shown_follows_the_band_unless_found_unclear():
    assert status_as_at(an_action(status="unclear"), "ongoing") == "unclear"
    assert status_as_at(an_action(status="discharged"), "ongoing") == "ongoing"
    assert status_as_at(an_action(status="withdrawn"), "discharged") == "withdrawn"


def test_discharge_needs_evidence_a_date_not_before_raised_and_an_open_action():
    assert discharge_problems(an_action(), JUNE_5, "Minute 12") == []
    assert discharge_problems(an_action(), JUNE_5, "  ")[0].startswith("Enter the evidence")
    assert discharge_problems(an_action(), date(2014, 1, 1), "Minute 12") == [
        "The action cannot be discharged before the day it was raised"
    ]
    assert discharge_problems(an_action(is_open=False), JUNE_5, "Minute 12") == [
        "The action is already closed"
    ]


def test_due_and_overdue_in_words():
    today = date(2014, 9, 4)
    assert due_words(an_action(due_on=date(2014, 9, 1)), today) == (
        "Overdue: was due 1 September 2014 (3 days ago)",
        True,
    )
    assert due_words(an_action(due_on=today), today) == ("Due today, 4 September 2014", False)
    assert due_words(an_action(due_on=date(2014, 9, 5)), today) == ("Due 5 September 2014 (in 1 day)", False)
    assert due_words(an_action(due_rule="by the September meeting"), today) == (
        "Due by the September meeting",
        False,
    )
    assert due_words(an_action(), today) == ("No due date", False)
