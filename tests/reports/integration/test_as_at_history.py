"""The report as at a moment before any publication, rebuilt from the change history (decision 0091):
an update counts from the moment it was approved, as it was then; a milestone's wording is as it was;
the round is open until it closed. And a publication read back is the report it stored."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from outcomes.core.models import ChangeRecord
from outcomes.plans import services
from outcomes.plans.models import Milestone, MilestoneLead, Update
from outcomes.reports.as_at import working_report_at
from outcomes.reports.frozen import report_from_json
from outcomes.reports.progress import build_progress_report, report_as_json

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
DAY = [datetime(2014, 12, d, 12, 0, tzinfo=LONDON) for d in range(1, 10)]


def _at(moment, **filters):
    """Date the change just recorded (the history's clock is the database's)."""
    ChangeRecord.objects.filter(pk=ChangeRecord.objects.filter(**filters).latest("id").pk).update(at=moment)


def _entry(report, priority, number):
    return next(
        e
        for s in report.sections
        if s.priority.number == priority
        for b in s.actions
        for e in b.entries
        if e.milestone.number == number
    )


@pytest.fixture
def december(demo_plan, users):
    return services.create_round(
        user=users["performance_officer"],
        plan=demo_plan,
        title="Update December 2014",
        opens=date(2014, 11, 1),
        closes=date(2014, 12, 31),
    )


def test_an_update_counts_from_its_approval_as_it_was_then(december, demo_plan, users):
    lead, officer = users["lead_officer"], users["performance_officer"]
    m26 = Milestone.objects.get(priority__plan=demo_plan, priority__number=1, number=26)
    update = services.save_update(
        user=lead, round_=december, milestone=m26, text="First", weights={"green": "1"}, expected_version=None
    )
    _at(DAY[0], action="update.created")
    update = services.approve_update(user=officer, update=update)
    _at(DAY[1], action="update.approved")
    update = services.save_update(
        user=lead,
        round_=december,
        milestone=m26,
        text="Second",
        weights={"red": "1"},
        expected_version=update.version,
    )
    _at(DAY[2], action="update.changed")
    services.approve_update(user=officer, update=update)
    _at(DAY[3], action="update.approved")

    def seen(moment):
        entry = _entry(working_report_at(december, moment), 1, 26)
        return (entry.update.text, dict(entry.weights)) if entry.update else None

    assert seen(DAY[0] - timedelta(hours=1)) is None  # not written yet
    assert seen(DAY[0] + timedelta(hours=1)) is None  # awaiting approval: not counted
    assert seen(DAY[1] + timedelta(hours=1)) == ("First", {"green": 1})
    assert seen(DAY[2] + timedelta(hours=1)) is None  # changed, awaiting approval again
    assert seen(DAY[3] + timedelta(hours=1)) == ("Second", {"red": 1})
    # Nothing was written by looking back.
    assert Update.objects.get(pk=update.pk).text == "Second"


def test_a_milestones_wording_and_leads_are_as_they_were(december, demo_plan, users):
    m26 = Milestone.objects.get(priority__plan=demo_plan, priority__number=1, number=26)
    old_text, old_lead = m26.text, m26.leads_text(MilestoneLead.DELIVERY)
    services.edit_milestone(
        user=users["performance_officer"],
        milestone=m26,
        fields={"text": "Reworded"},
        delivery_leads=["Someone Else"],
        strategy_leads=[],
        expected_version=m26.version,
    )
    _at(DAY[4], action="milestone.changed")
    before = _entry(working_report_at(december, DAY[4] - timedelta(hours=1)), 1, 26)
    after = _entry(working_report_at(december, DAY[4] + timedelta(hours=1)), 1, 26)
    assert before.milestone.text == old_text
    assert old_lead in before.leads
    assert after.milestone.text == "Reworded"
    assert "Someone Else" in after.leads


def test_a_round_closed_later_was_open_and_its_blue_milestones_count_only_once_closed(december, users):
    services.close_round(user=users["performance_officer"], round_=december)
    closed_at = december.closed_at
    before = working_report_at(december, closed_at - timedelta(minutes=1))
    after = working_report_at(december, closed_at)
    assert not before.round.is_closed
    assert after.round.is_closed
    assert after.figures.totals["blue"] == after.grand_total
    assert before.awaiting_update == before.grand_total  # nothing updated yet: counted as Blue too


def test_a_publication_read_back_is_the_report_it_stored(december, demo_round):
    for round_ in (demo_round, december):  # December's report has its changes since June
        data = report_as_json(build_progress_report(round_))
        assert report_as_json(report_from_json(data)) == data
