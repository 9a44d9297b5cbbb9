"""A plan edited in place (issue 14): milestones added, moved, retired and deleted in the pages
without losing an update; plans and rounds renamed or deleted only while nothing is reported."""

import pytest
from django.urls import reverse

from outcomes.plans.models import Action, Milestone, Plan, Priority, Round, Update
from outcomes.reports.progress import build_progress_report
from tests.plans.factories import make_small_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, users):
    client.force_login(users["performance_officer"])
    return client


def _milestone(plan, priority, number):
    return Milestone.objects.get(priority__plan=plan, priority__number=priority, number=number)


def _report_references(round_):
    report = build_progress_report(round_)
    return [e.milestone.reference for s in report.sections for b in s.actions for e in b.entries]


def test_a_milestone_is_added_and_another_retired_in_the_pages_without_losing_an_update(officer, users):
    plan = make_small_plan()
    action = Action.objects.get(priority__plan=plan, priority__number=1, label="i")
    updates_before = list(
        Update.objects.filter(round__plan=plan).values_list("pk", "text", "weights", "state")
    )

    added = officer.post(
        reverse("plans:milestone_new", args=[plan.slug]),
        {"action": str(action.pk), "number": "8", "text": "A new milestone", "delivery_lead": "Ron Parry"},
    )
    assert added.status_code == 302
    asked = officer.post(reverse("plans:milestone_retire", args=[plan.slug, 1, 7]))
    assert "Retire P1 M7?" in asked.content.decode()
    assert _milestone(plan, 1, 7).retired_at is None  # nothing changed before the confirmation
    done = officer.post(reverse("plans:milestone_retire", args=[plan.slug, 1, 7]), {"confirm": "yes"})
    assert done.status_code == 302

    assert (
        list(Update.objects.filter(round__plan=plan).values_list("pk", "text", "weights", "state"))
        == updates_before
    )
    june = plan.rounds.get(slug="june-2014")
    # P1 M7 holds an update in June 2014: it stays in that round's report, as it was reported.
    assert "P1 M7" in _report_references(june)
    assert "P1 M8" in _report_references(june)
    later = Round.objects.create(
        plan=plan, slug="dec-2014", title="Update December 2014", opens="2014-12-01", closes="2014-12-31"
    )
    assert "P1 M7" not in _report_references(later)
    assert "P1 M8" in _report_references(later)
    page = officer.get(reverse("plans:milestone", args=[plan.slug, 1, 7])).content.decode()
    assert "Retired" in page
    assert "P1 M7 retired" in page


def test_closing_a_round_leaves_retired_milestones_out(officer, users):
    plan = make_small_plan()
    later = Round.objects.create(
        plan=plan, slug="dec-2014", title="Update December 2014", opens="2014-12-01", closes="2014-12-31"
    )
    officer.post(reverse("plans:milestone_retire", args=[plan.slug, 2, 4]), {"confirm": "yes"})
    officer.post(reverse("plans:close", args=[plan.slug, later.slug]))
    assert not Update.objects.filter(round=later, milestone=_milestone(plan, 2, 4)).exists()
    assert Update.objects.filter(round=later, milestone=_milestone(plan, 2, 3)).exists()


def test_a_retired_milestone_takes_no_update_and_comes_back(officer, users):
    plan = make_small_plan()
    officer.post(reverse("plans:milestone_retire", args=[plan.slug, 2, 4]), {"confirm": "yes"})
    response = officer.post(
        reverse("plans:update", args=[plan.slug, "june-2014", 2, 4]), {"text": "Late", "status": "green"}
    )
    assert "P2 M4 is retired" in response.content.decode()
    officer.post(reverse("plans:milestone_retire", args=[plan.slug, 2, 4]), {"restore": "1"})
    assert _milestone(plan, 2, 4).retired_at is None


def test_a_milestone_moved_and_renumbered_keeps_its_updates_and_history(officer, users):
    plan = make_small_plan()
    m = _milestone(plan, 1, 6)
    updates = set(m.updates.values_list("pk", flat=True))
    target = Action.objects.get(priority__plan=plan, priority__number=2, label="i")
    response = officer.post(
        reverse("plans:milestone_edit", args=[plan.slug, 1, 6]),
        {"action": str(target.pk), "number": "9", "text": m.text, "version": m.version},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/priorities/2/milestones/9/")
    moved = Milestone.objects.get(pk=m.pk)
    assert (moved.priority.number, moved.number) == (2, 9)
    assert set(moved.updates.values_list("pk", flat=True)) == updates
    page = officer.get(response["Location"]).content.decode()
    assert "Number changed from P1 M6 to P2 M9." in page


def test_a_milestone_cannot_take_a_number_its_priority_holds(officer, users):
    plan = make_small_plan()
    m = _milestone(plan, 2, 1)
    response = officer.post(
        reverse("plans:milestone_edit", args=[plan.slug, 2, 1]),
        {"number": "2", "text": m.text, "version": m.version},
    )
    assert "Priority 2 already has a milestone 2." in response.content.decode()


def test_what_was_reported_on_cannot_be_deleted_but_a_mistake_can(officer, users):
    plan = make_small_plan()
    refused = officer.post(reverse("plans:milestone_delete", args=[plan.slug, 1, 6]), follow=True)
    assert "cannot be deleted: retire it instead" in refused.content.decode()
    assert _milestone(plan, 1, 6)
    action = Action.objects.get(priority__plan=plan, priority__number=2, label="i")
    officer.post(
        reverse("plans:milestone_new", args=[plan.slug]),
        {"action": str(action.pk), "number": "5", "text": "Typed twice"},
    )
    assert officer.post(reverse("plans:milestone_delete", args=[plan.slug, 2, 5])).status_code == 200  # asks
    officer.post(reverse("plans:milestone_delete", args=[plan.slug, 2, 5]), {"confirm": "yes"})
    assert not Milestone.objects.filter(priority__plan=plan, priority__number=2, number=5).exists()
    assert "P2 M5 deleted" in officer.get(reverse("plans:detail", args=[plan.slug])).content.decode()


def test_priorities_and_actions_are_added_edited_reordered_and_retired(officer, users):
    plan = make_small_plan()
    officer.post(
        reverse("plans:priority_new", args=[plan.slug]), {"number": "7", "statement": "A new priority"}
    )
    priority = Priority.objects.get(plan=plan, number=7)
    officer.post(reverse("plans:action_new", args=[plan.slug, 7]), {"label": "i", "text": "First"})
    officer.post(reverse("plans:action_new", args=[plan.slug, 7]), {"label": "(ii)", "text": "Second"})
    assert list(priority.actions.values_list("label", flat=True)) == ["i", "ii"]
    officer.post(reverse("plans:action_move", args=[plan.slug, 7, "ii"]), {"direction": "up"})
    assert list(priority.actions.values_list("label", flat=True)) == ["ii", "i"]
    officer.post(
        reverse("plans:priority_edit", args=[plan.slug, 7]),
        {"number": "8", "statement": "A renamed priority", "version": priority.version},
    )
    priority.refresh_from_db()
    assert (priority.number, priority.statement) == (8, "A renamed priority")
    page = officer.get(reverse("plans:priority", args=[plan.slug, 8])).content.decode()
    assert "Number changed from 7 to 8." in page, page[page.index("History of changes") :][:3000]
    assert "Action (ii) of priority 7 moved up" in page
    officer.post(reverse("plans:priority_retire", args=[plan.slug, 8]), {"confirm": "yes"})
    assert all(a.retired_at for a in priority.actions.all())


def test_a_stale_priority_edit_keeps_what_was_typed(officer, users):
    plan = make_small_plan()
    priority = Priority.objects.get(plan=plan, number=1)
    url = reverse("plans:priority_edit", args=[plan.slug, 1])
    officer.post(url, {"number": "1", "statement": "First edit", "version": priority.version})
    response = officer.post(url, {"number": "1", "statement": "Second edit", "version": priority.version})
    html = response.content.decode()
    assert "saved priority 1" in html
    assert "Second edit" in html
    assert "First edit" in html
    priority.refresh_from_db()
    assert priority.statement == "First edit"


def test_a_round_made_by_mistake_is_renamed_then_deleted(officer, users):
    plan = make_small_plan()
    oops = Round.objects.create(
        plan=plan, slug="update-jnue-2015", title="Update Jnue 2015", opens="2015-06-01", closes="2015-06-30"
    )
    response = officer.post(
        reverse("plans:round_edit", args=[plan.slug, oops.slug]),
        {
            "title": "Update June 2015",
            "opens-day": "1",
            "opens-month": "6",
            "opens-year": "2015",
            "closes-day": "30",
            "closes-month": "6",
            "closes-year": "2015",
            "version": oops.version,
        },
    )
    oops.refresh_from_db()
    assert (oops.title, oops.slug) == ("Update June 2015", "update-june-2015")
    assert response["Location"].endswith("/rounds/update-june-2015/")
    officer.post(reverse("plans:round_delete", args=[plan.slug, oops.slug]), {"confirm": "yes"})
    assert not Round.objects.filter(pk=oops.pk).exists()


def test_a_round_with_updates_keeps_its_address_when_renamed_and_is_not_deleted(officer, users):
    plan = make_small_plan()
    june = plan.rounds.get(slug="june-2014")
    officer.post(
        reverse("plans:round_edit", args=[plan.slug, "june-2014"]),
        {
            "title": "Update June 2014 (revised)",
            "opens-day": str(june.opens.day),
            "opens-month": str(june.opens.month),
            "opens-year": str(june.opens.year),
            "closes-day": str(june.closes.day),
            "closes-month": str(june.closes.month),
            "closes-year": str(june.closes.year),
            "version": june.version,
        },
    )
    june.refresh_from_db()
    assert (june.title, june.slug) == ("Update June 2014 (revised)", "june-2014")
    refused = officer.post(
        reverse("plans:round_delete", args=[plan.slug, "june-2014"]), {"confirm": "yes"}, follow=True
    )
    assert "holds 5 updates, so it cannot be deleted" in refused.content.decode()
    assert Round.objects.filter(pk=june.pk).exists()


def test_a_plan_made_by_mistake_is_renamed_and_deleted_but_a_reported_one_is_not(officer, users):
    officer.post(
        reverse("plans:plan_new"),
        {
            "title": "Chidlren's plan",
            "start-day": "1",
            "start-month": "4",
            "start-year": "2015",
            "end-day": "31",
            "end-month": "3",
            "end-year": "2018",
        },
    )
    plan = Plan.objects.get(title="Chidlren's plan")
    officer.post(
        reverse("plans:plan_edit", args=[plan.slug]),
        {
            "title": "Children's plan",
            "start-day": "1",
            "start-month": "4",
            "start-year": "2015",
            "end-day": "31",
            "end-month": "3",
            "end-year": "2018",
            "version": plan.version,
        },
    )
    plan.refresh_from_db()
    assert plan.title == "Children's plan"
    assert plan.slug == "childrens-plan"
    officer.post(reverse("plans:plan_delete", args=[plan.slug]), {"confirm": "yes"})
    assert not Plan.objects.filter(pk=plan.pk).exists()
    refused = officer.post(
        reverse("plans:plan_delete", args=["cypp-2013-16"]), {"confirm": "yes"}, follow=True
    )
    assert "so it cannot be deleted" in refused.content.decode()
    assert Plan.objects.filter(slug="cypp-2013-16").exists()
