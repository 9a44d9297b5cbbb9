"""The rules of publications, one by one: versions numbered per subject, each replacing the one before
with what changed, the version in force at a moment, and the revision line."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from outcomes.documents import publications
from outcomes.documents.publications import Publication

LONDON = ZoneInfo("Europe/London")
FIRST = datetime(2014, 7, 1, 10, 0, tzinfo=LONDON)
SECOND = datetime(2014, 7, 8, 16, 30, tzinfo=LONDON)

pytestmark = pytest.mark.django_db


def _publish(subject="test:1", content=None, at=FIRST, **kwargs):
    return publications.publish(
        "progress-report", subject, content or {"n": 1}, user=None, title="Report", at=at, **kwargs
    )


def test_versions_are_numbered_per_subject_and_kind():
    first = _publish()
    second = _publish(content={"n": 2}, at=SECOND)
    other_subject = _publish(subject="test:2")
    other_kind = publications.publish("paper", "test:1", {}, user=None, title="Paper")
    assert [first.version, second.version, other_subject.version, other_kind.version] == [1, 2, 1, 1]
    assert second.replaces == first
    assert first.replaces is None
    assert publications.versions("progress-report", "test:1") == [first, second]


def test_current_is_the_latest_version_and_none_before_any():
    assert publications.current("progress-report", "test:1") is None
    _publish()
    second = _publish(content={"n": 2}, at=SECOND)
    assert publications.current("progress-report", "test:1") == second


def test_as_at_gives_the_version_in_force_at_that_moment():
    first = _publish()
    second = _publish(content={"n": 2}, at=SECOND)
    assert publications.as_at("progress-report", "test:1", FIRST - timedelta(seconds=1)) is None
    assert publications.as_at("progress-report", "test:1", FIRST) == first
    assert publications.as_at("progress-report", "test:1", SECOND - timedelta(minutes=1)) == first
    assert publications.as_at("progress-report", "test:1", SECOND) == second
    assert publications.as_at("progress-report", "test:1", SECOND + timedelta(days=400)) == second


def test_changes_are_asked_of_the_content_replaced_only_for_a_revision():
    seen = []

    def differ(before, after):
        seen.append((before, after))
        return [f"n: {before['n']} → {after['n']}."]

    first = _publish(changes=differ)
    second = _publish(content={"n": 2}, at=SECOND, changes=differ)
    assert first.changes == []
    assert seen == [({"n": 1}, {"n": 2})]
    assert second.changes == ["n: 1 → 2."]


def test_the_content_is_kept_as_published():
    content = {"figures": {"red": 16}, "text": "As published"}
    made = _publish(content=content)
    content["figures"]["red"] = 17  # the caller's dictionary changing later changes nothing stored
    assert Publication.objects.get(pk=made.pk).content == {"figures": {"red": 16}, "text": "As published"}


def test_revision_line_names_both_dates():
    first = _publish()
    second = _publish(content={"n": 2}, at=SECOND)
    assert publications.revision_line(first) == ""
    assert (
        publications.revision_line(second) == "Revised on 8 July 2014, replacing the version of 1 July 2014."
    )


def test_interim_is_kept_on_the_version():
    interim = _publish(interim=True)
    final = _publish(at=SECOND)
    assert interim.interim
    assert not final.interim
