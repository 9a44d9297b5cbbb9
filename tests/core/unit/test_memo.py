"""The per-process memo behind the pupils' pages (outcomes/core/memo.py)."""

from unittest import mock

from outcomes.core import memo
from outcomes.core.memo import Memo


def test_a_value_is_made_once_within_the_time(settings):
    settings.SURVEY_LINK_CACHE_SECONDS = 10
    kept = Memo()
    made = []
    for _ in range(3):
        assert kept.get("k", lambda: made.append(1) or "value") == "value"
    assert len(made) == 1


def test_a_value_is_made_again_once_the_time_has_passed(settings):
    settings.SURVEY_LINK_CACHE_SECONDS = 10
    kept = Memo()
    with mock.patch.object(memo.time, "monotonic", return_value=100.0):
        assert kept.get("k", lambda: "old") == "old"
    with mock.patch.object(memo.time, "monotonic", return_value=109.0):
        assert kept.get("k", lambda: "new") == "old"
    with mock.patch.object(memo.time, "monotonic", return_value=110.5):
        assert kept.get("k", lambda: "new") == "new"


def test_zero_seconds_keeps_nothing(settings):
    settings.SURVEY_LINK_CACHE_SECONDS = 0
    kept = Memo()
    assert kept.get("k", lambda: "first") == "first"
    assert kept.get("k", lambda: "second") == "second"


def test_a_value_refused_by_keep_if_is_asked_for_again(settings):
    settings.SURVEY_LINK_CACHE_SECONDS = 10
    kept = Memo()
    assert kept.get("gone", lambda: None, keep_if=lambda v: v is not None) is None
    assert kept.get("gone", lambda: "back", keep_if=lambda v: v is not None) == "back"


def test_the_memo_never_grows_past_its_size(settings):
    settings.SURVEY_LINK_CACHE_SECONDS = 10
    kept = Memo(size=3)
    for n in range(10):
        kept.get(n, lambda n=n: n)
        assert len(kept._kept) <= 3


def test_clear_all_forgets_every_memo(settings):
    settings.SURVEY_LINK_CACHE_SECONDS = 10
    first, second = Memo(), Memo()
    first.get("a", lambda: 1)
    second.get("b", lambda: 2)
    memo.clear_all()
    assert first.get("a", lambda: "again") == "again"
    assert second.get("b", lambda: "again") == "again"
