"""The plans' data-quality rules (outcomes/plans/checks.py), one at a time, on a small plan whose
updates are made to break each rule and then put right."""

from datetime import date

import pytest

from outcomes.core.checks import all_rules, get_rule, run_rule
from outcomes.plans.models import Milestone, MilestoneLink, Update
from tests.plans.factories import make_small_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return make_small_plan()


def update(plan, priority, number, round_slug="june-2014"):
    return Update.objects.get(
        round__plan=plan,
        round__slug=round_slug,
        milestone__priority__number=priority,
        milestone__number=number,
    )


def run(name, plan, **scope):
    return run_rule(get_rule(name), plan=plan, **scope)


def test_every_plan_rule_is_registered_with_a_title_and_description():
    names = {rule.name for rule in all_rules("plans")}
    assert {
        "rag-weights-sum-to-one",
        "no-information-not-blue",
        "red-without-key-issue",
        "cross-link-broken",
        "arithmetic-in-update",
        "percentage-mismatch",
        "impossible-date",
        "malformed-percentage",
        "milestone-percentage-out-of-range",
        "milestone-overdue",
        "green-but-missed-target",
        "lookalike-letters",
    } <= names
    assert all(rule.title and rule.description for rule in all_rules("plans"))


def test_weights_that_do_not_sum_to_one(plan):
    assert run("rag-weights-sum-to-one", plan) == []
    Update.objects.filter(pk=update(plan, 1, 7).pk).update(weights={"green": "1/2", "amber": "1/3"})
    [finding] = run("rag-weights-sum-to-one", plan)
    assert "must sum to exactly 1" in finding.message
    assert finding.where == "Small test plan 2013 – 2016, priority 1, milestone 7, Update June 2014"
    assert finding.url == "/plans/small-plan/priorities/1/milestones/7/"


def test_no_update_in_words_but_not_blue(plan):
    assert run("no-information-not-blue", plan) == []
    Update.objects.filter(pk=update(plan, 2, 1).pk).update(
        text="• No update as the results are not published"
    )
    [finding] = run("no-information-not-blue", plan)
    assert finding.message == (
        "The update says there is no information or no update, but its status is Green, not Blue."
    )
    Update.objects.filter(pk=update(plan, 2, 1).pk).update(weights={"blue": "1"})
    assert run("no-information-not-blue", plan) == []


def test_red_with_no_words_has_a_blank_key_issue(plan):
    assert run("red-without-key-issue", plan) == []
    Update.objects.filter(pk=update(plan, 1, 6).pk).update(text="  ")
    [finding] = run("red-without-key-issue", plan)
    assert "its key issue is blank" in finding.message
    Update.objects.filter(pk=update(plan, 1, 6).pk).update(weights={"amber": "1"})
    assert run("red-without-key-issue", plan) == []


def test_cross_links_not_reciprocal_or_to_nowhere(plan):
    assert run("cross-link-broken", plan) == []
    link = MilestoneLink.objects.get(milestone__priority__plan=plan, milestone__number=7)
    link.milestone_number = 2
    link.save()
    MilestoneLink.objects.create(
        milestone=Milestone.objects.get(priority__plan=plan, priority__number=2, number=3),
        priority_number=9,
        milestone_number=9,
    )
    messages = sorted((f.where.split(", ", 1)[1], f.message) for f in run("cross-link-broken", plan))
    assert messages == [
        (
            "priority 1, milestone 7",
            "This milestone links to priority 2 milestone 2, which does not link back.",
        ),
        (
            "priority 2, milestone 1",
            "This milestone links to priority 1 milestone 7, which does not link back.",
        ),
        ("priority 2, milestone 3", "This milestone links to priority 9 milestone 9, which does not exist."),
    ]


def test_arithmetic_that_does_not_add_up(plan):
    assert run("arithmetic-in-update", plan) == []
    Update.objects.filter(pk=update(plan, 2, 2).pk).update(
        text="• increased by 530 meals per day\n• 17,087 meals per day increased from 16,553"
    )
    [finding] = run("arithmetic-in-update", plan)
    assert finding.message == "The update says the change is 530, but from 16,553 to 17,087 is 534."


def test_percentage_that_does_not_match_in_words_and_in_a_table(plan):
    assert run("percentage-mismatch", plan) == []
    Update.objects.filter(pk=update(plan, 2, 2).pk).update(
        text="• 4 of 15 posts vacant (16.7%)",
        tables=[
            {
                "caption": "",
                "columns": ["Service", "Referrals", "Completing", "Losing weight"],
                "rows": [
                    ["T2", "1,040", "531", "516 97%"],
                    ["T3", "505", "174", "112 64%"],
                    ["T4", "176", "168", "168 95%"],
                ],
            }
        ],
    )
    messages = [f.message for f in run("percentage-mismatch", plan)]
    assert messages[0] == "The update gives 16.7% for 4 of 15, which is 26.7%."
    assert messages[1].startswith(
        "In the update's table, row 3 (T4): '168 95%' in 'Losing weight': 168 of 168"
    )


def test_impossible_dates_in_updates_and_milestones(plan):
    assert run("impossible-date", plan) == []
    Update.objects.filter(pk=update(plan, 2, 2).pk).update(
        text="• Between 1.4.13 and 31.4.14, 79% of families"
    )
    Milestone.objects.filter(priority__plan=plan, number=4).update(text="Report by 30.2.14")
    messages = sorted(f.message for f in run("impossible-date", plan))
    assert messages == [
        "The milestone gives the date '30.2.14', but February 2014 has 28 days.",
        "The update gives the date '31.4.14', but April 2014 has 30 days.",
    ]


def test_a_doubled_percent_sign(plan):
    assert run("malformed-percentage", plan) == []
    Update.objects.filter(pk=update(plan, 2, 2).pk).update(text="• 3.4%% were not known")
    [finding] = run("malformed-percentage", plan)
    assert "'3.4%%'" in finding.message


def test_a_milestone_percentage_above_100_or_below_0(plan):
    assert run("milestone-percentage-out-of-range", plan) == []
    Milestone.objects.filter(priority__plan=plan, number=6).update(actual_value=105, baseline_value=-2)
    messages = sorted(f.message for f in run("milestone-percentage-out-of-range", plan))
    assert messages == ["The actual is 105%, above 100%.", "The baseline is -2%, below 0."]


def test_a_milestone_past_its_due_date_and_not_complete(plan):
    findings = {f.where.split(", ", 1)[1]: f.message for f in run("milestone-overdue", plan)}
    # Due 31 March 2014; at June 2014 (closing 30 June 2014) amber and red, or without an update.
    assert findings == {
        "priority 2, milestone 3": (
            "Due by 31 March 2014, but at Update June 2014 it is Amber and Red, not complete."
        ),
        "priority 2, milestone 4": (
            "Due by 31 March 2014, but it has no update at Update June 2014 to say it is complete."
        ),
    }
    Update.objects.filter(pk=update(plan, 2, 3).pk).update(weights={"green": "1"})
    assert len(run("milestone-overdue", plan)) == 1
    # Judged as at today when that comes before the round closes.
    assert run("milestone-overdue", plan, today=date(2014, 3, 31)) == []


def test_green_while_the_actual_misses_its_target(plan):
    assert run("green-but-missed-target", plan) == []  # P1 M6 misses 65.5% with 59.91%, and is Red
    Update.objects.filter(pk=update(plan, 1, 6).pk).update(weights={"green": "1"})
    [finding] = run("green-but-missed-target", plan)
    assert (
        finding.message
        == "The actual 59.91% misses the target 65.5% (baseline 58%), but the status is Green."
    )


def test_a_finding_changes_fingerprint_when_its_data_changes(plan):
    Update.objects.filter(pk=update(plan, 2, 1).pk).update(text="• No update")
    [before] = run("no-information-not-blue", plan)
    Update.objects.filter(pk=update(plan, 2, 1).pk).update(text="• No update yet")
    [after] = run("no-information-not-blue", plan)
    assert (before.rule, before.key) == (after.rule, after.key)
    assert before.fingerprint != after.fingerprint


def test_scope_to_one_milestone_and_one_round(plan):
    Update.objects.filter(pk=update(plan, 2, 1).pk).update(text="• No update")
    milestone = Milestone.objects.get(priority__plan=plan, priority__number=2, number=1)
    other = Milestone.objects.get(priority__plan=plan, priority__number=2, number=2)
    assert len(run("no-information-not-blue", plan, milestone=milestone)) == 1
    assert run("no-information-not-blue", plan, milestone=other) == []
    december = plan.rounds.get(slug="dec-2013")
    assert run("no-information-not-blue", plan, round=december) == []


def test_letters_of_other_alphabets_in_an_update(plan):
    assert run("lookalike-letters", plan) == []
    Update.objects.filter(pk=update(plan, 2, 2).pk).update(text="• Referrals to ктѕ rose")
    [finding] = run("lookalike-letters", plan)
    assert (
        finding.message
        == "The update writes 'ктѕ' with Cyrillic letters that look like Latin ones (к, т, ѕ)."
    )
