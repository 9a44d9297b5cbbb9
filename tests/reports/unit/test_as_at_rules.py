"""The rule of an object's recorded state at a moment (reports/as_at.py, decision 0091), one case each."""

from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from outcomes.reports.as_at import state_at
from outcomes.reports.publishing import _comparable

T = datetime(2014, 7, 1, 12, 0, tzinfo=ZoneInfo("Europe/London"))
NOW = {"text": "now", "state": "approved"}


def record(minutes, before, after):
    return SimpleNamespace(at=T + timedelta(minutes=minutes), before=before, after=after)


CREATED = record(0, None, {"text": "a", "state": "submitted"})
APPROVED = record(10, {"text": "a", "state": "submitted"}, {"text": "a", "state": "approved"})


def test_the_state_after_the_last_change_made_by_then():
    assert state_at([CREATED, APPROVED], T + timedelta(minutes=5), NOW, None) == CREATED.after
    assert state_at([CREATED, APPROVED], T + timedelta(minutes=10), NOW, None) == APPROVED.after


def test_before_its_creation_an_object_did_not_exist():
    assert state_at([CREATED, APPROVED], T - timedelta(seconds=1), NOW, T - timedelta(days=1)) is None


def test_before_its_first_recorded_change_it_was_as_that_change_found_it():
    # Imported without history, then approved: before the approval it was as the record's "before".
    assert state_at([APPROVED], T, NOW, T - timedelta(days=1)) == APPROVED.before


def test_without_history_it_is_as_now_once_it_existed():
    assert state_at([], T, NOW, T - timedelta(days=1)) == NOW
    assert state_at([], T, NOW, T + timedelta(days=1)) is None
    assert state_at([], T, NOW, None) is None


def test_two_contents_that_differ_only_in_when_they_were_made_are_the_same_publication():
    assert _comparable({"generated_at": "a", "x": 1}) == _comparable({"generated_at": "b", "x": 1})
    assert _comparable({"generated_at": "a", "x": 1}) != _comparable({"generated_at": "a", "x": 2})
