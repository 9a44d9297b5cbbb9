"""Workflows of a round: updates, concurrent saves, approval, closing, history."""

import threading
from fractions import Fraction as F

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from outcomes.core.models import ChangeRecord
from outcomes.plans import rules, services
from outcomes.plans.models import Milestone, Update
from tests.plans.factories import make_small_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return make_small_plan()


@pytest.fixture
def june(plan):
    return plan.rounds.get(slug="june-2014")


def milestone(plan, p, m):
    return Milestone.objects.get(priority__plan=plan, priority__number=p, number=m)


def test_a_new_update_awaits_approval_and_is_recorded(plan, june, users):
    m4 = milestone(plan, 2, 4)
    update = services.save_update(
        user=users["lead_officer"],
        round_=june,
        milestone=m4,
        text="Report went to the sub-group",
        weights={"amber": 1},
        expected_version=None,
    )
    assert update.state == Update.SUBMITTED
    assert update.weights == {"amber": "1"}
    record = ChangeRecord.objects.get(subject_key=services.milestone_key(m4))
    assert record.user == users["lead_officer"]
    assert record.before is None
    assert record.after["text"] == "Report went to the sub-group"


def test_changing_an_update_keeps_before_and_after(plan, june, users):
    m1 = milestone(plan, 2, 1)
    current = Update.objects.get(round=june, milestone=m1)
    services.save_update(
        user=users["performance_officer"],
        round_=june,
        milestone=m1,
        text="Dashboard published monthly",
        weights={"green": "1/2", "amber": "1/2"},
        expected_version=current.version,
    )
    record = ChangeRecord.objects.filter(subject_key=services.milestone_key(m1)).first()
    assert record.before["text"] == "• Early Help Dashboard has been published"
    assert record.after["rag"] == {"green": "1/2", "amber": "1/2"}
    assert ("state", "approved", "submitted") in record.changed_fields


def test_the_second_of_two_saves_from_the_same_version_is_told_and_loses_nothing(plan, june, users):
    m2 = milestone(plan, 2, 2)
    version = Update.objects.get(round=june, milestone=m2).version
    services.save_update(
        user=users["lead_officer"],
        round_=june,
        milestone=m2,
        text="First",
        weights={"green": 1},
        expected_version=version,
    )
    with pytest.raises(services.EditConflict) as caught:
        services.save_update(
            user=users["performance_officer"],
            round_=june,
            milestone=m2,
            text="Second",
            weights={"amber": 1},
            expected_version=version,
        )
    assert caught.value.current.text == "First"
    assert "while you were editing" in str(caught.value)
    assert Update.objects.get(round=june, milestone=m2).text == "First"


def test_two_first_updates_at_once_keep_one_and_tell_the_other(plan, june, users):
    m4 = milestone(plan, 2, 4)
    services.save_update(
        user=users["lead_officer"],
        round_=june,
        milestone=m4,
        text="Mine",
        weights={"green": 1},
        expected_version=None,
    )
    with pytest.raises(services.EditConflict):
        services.save_update(
            user=users["performance_officer"],
            round_=june,
            milestone=m4,
            text="Theirs",
            weights={"green": 1},
            expected_version=None,
        )
    assert Update.objects.get(round=june, milestone=m4).text == "Mine"


def test_weights_that_do_not_sum_to_one_change_nothing(plan, june, users):
    m1 = milestone(plan, 2, 1)
    before = Update.objects.get(round=june, milestone=m1)
    with pytest.raises(rules.RuleViolation):
        services.save_update(
            user=users["lead_officer"],
            round_=june,
            milestone=m1,
            text="x",
            weights={"green": "1/2", "red": "1/4"},
            expected_version=before.version,
        )
    assert Update.objects.get(round=june, milestone=m1).text == before.text


def test_approval_is_recorded_and_stale_approval_is_refused(plan, june, users):
    update = Update.objects.get(round=june, milestone=milestone(plan, 2, 3))
    with pytest.raises(services.EditConflict):
        services.approve_update(
            user=users["performance_officer"], update=update, expected_version=update.version - 1
        )
    approved = services.approve_update(
        user=users["performance_officer"], update=update, expected_version=update.version
    )
    assert approved.state == Update.APPROVED
    assert approved.approved_by == users["performance_officer"]


def test_closing_a_round_makes_the_rest_blue_and_stops_updates(plan, june, users):
    created = services.close_round(user=users["performance_officer"], round_=june)
    assert sorted((u.milestone.priority.number, u.milestone.number) for u in created) == [(2, 4)]
    assert Update.objects.get(round=june, milestone=milestone(plan, 2, 4)).exact_weights() == {"blue": F(1)}
    with pytest.raises(services.RoundClosed):
        services.save_update(
            user=users["lead_officer"],
            round_=june,
            milestone=milestone(plan, 2, 4),
            text="late",
            weights={"green": 1},
            expected_version=None,
        )


def test_closing_a_closed_round_is_an_error(plan, june, users):
    services.close_round(user=users["performance_officer"], round_=june)
    with pytest.raises(services.RoundAlreadyClosed, match="already closed"):
        services.close_round(user=users["performance_officer"], round_=june)


def test_close_round_command(plan):
    call_command("close_round", "--plan", "small-plan", "--round", "june-2014", stdout=open("/dev/null", "w"))  # noqa: SIM115
    with pytest.raises(CommandError, match="already closed"):
        call_command("close_round", "--plan", "small-plan", "--round", "june-2014")
    with pytest.raises(CommandError, match="has no round"):
        call_command("close_round", "--plan", "small-plan", "--round", "nope")


def test_round_ordinal_comes_from_history(plan, june):
    assert plan.rounds.get(slug="dec-2013").ordinal == 1
    assert june.ordinal == 2
    assert june.previous().slug == "dec-2013"


@pytest.mark.django_db(transaction=True)
def test_concurrent_saves_from_two_threads_lose_nothing_silently(users):
    """Two people press Save at the same moment on the same update: exactly one wins, the other is told."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the same guard is proven above without threads")
    plan = make_small_plan()
    june = plan.rounds.get(slug="june-2014")
    m2 = milestone(plan, 2, 2)
    version = Update.objects.get(round=june, milestone=m2).version
    outcomes = []
    barrier = threading.Barrier(2)

    def save(user, text):
        barrier.wait()
        try:
            services.save_update(
                user=user,
                round_=june,
                milestone=m2,
                text=text,
                weights={"green": 1},
                expected_version=version,
            )
            outcomes.append(("saved", text))
        except services.EditConflict:
            outcomes.append(("told", text))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=save, args=(users[r], r)) for r in ("lead_officer", "performance_officer")
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(kind for kind, _ in outcomes) == ["saved", "told"]
    winner = next(text for kind, text in outcomes if kind == "saved")
    assert Update.objects.get(round=june, milestone=m2).text == winner
