"""An improvement plan's rows in the pages: the structure editor's baselines, targets, workstream and
target date; the overdue flag on the plan's and the row's pages; a new plan of a kind."""

import pytest
from django.urls import reverse

from outcomes.core.models import ChangeRecord
from outcomes.plans.models import Milestone, Plan
from tests.plans.improvement_fixture import SLUG, make_improvement_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(db):
    return make_improvement_plan()


def row(number: int) -> Milestone:
    return Milestone.objects.get(priority__plan__slug=SLUG, number=number)


def test_the_structure_editor_edits_a_rows_baselines_targets_and_workstream(client, users, plan):
    client.force_login(users["performance_officer"])
    url = reverse("plans:milestone_edit", args=[SLUG, 1, 2])
    page = client.get(url).content.decode()
    assert "Baseline 1" in page
    assert "Target 4" in page
    assert "Lead workstream(s)" in page
    m = row(2)
    response = client.post(
        url,
        {
            "action": str(m.action_id),
            "number": "2",
            "text": m.text,
            "due": "2010-10-31",
            "delivery_lead": "Ron Parry",
            "version": str(m.version),
            "due_text": "October 2010",
            "workstream": "Social Care / Workforce",
            "baseline_0_value": "33",
            "baseline_0_unit": "%",
            "baseline_0_period": "16th December 2009",
            "baseline_0_date": "2009-12-16",
            "baseline_1_value": "",
            "target_0_value": "16",
            "target_0_unit": "%",
            "target_0_date": "2010-10-31",
            "target_0_text": "October 2010",
            "target_1_value": "8",
            "target_1_unit": "%",
            "target_1_date": "2011-03-31",
            "target_1_text": "March 2011",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    m = row(2)
    assert m.workstream == "Social Care / Workforce"
    assert m.due_text == "October 2010"
    assert m.baselines == [
        {
            "value": "33",
            "unit": "%",
            "label": None,
            "type": None,
            "period": "16th December 2009",
            "date": "2009-12-16",
            "numerator": None,
            "denominator": None,
        }
    ]
    assert [t["value"] for t in m.targets] == ["16", "8"]
    record = ChangeRecord.objects.filter(action="milestone.changed").latest("at")
    assert record.after["targets"] == "16% October 2010; 8% March 2011"
    page = client.get(reverse("plans:milestone", args=[SLUG, 1, 2])).content.decode()
    assert "33% (16th December 2009)" in page
    assert "16% October 2010" in page


def test_a_target_part_without_its_value_is_refused(client, users, plan):
    client.force_login(users["performance_officer"])
    m = row(2)
    response = client.post(
        reverse("plans:milestone_edit", args=[SLUG, 1, 2]),
        {
            "action": str(m.action_id),
            "number": "2",
            "text": m.text,
            "version": str(m.version),
            "target_0_unit": "%",
        },
    )
    assert response.status_code == 200
    assert "value, or clear its other parts" in response.content.decode()


def test_overdue_rows_are_flagged_on_the_plan_and_the_row(client, users, plan):
    client.force_login(users["performance_officer"])
    page = client.get(reverse("plans:detail", args=[SLUG])).content.decode()
    # As at today every dated row that is not complete is past its date: rows 2, 3 and 4.
    assert "3 overdue" in page
    assert page.count('govuk-tag--red">Overdue') == 3
    row_page = client.get(reverse("plans:milestone", args=[SLUG, 1, 5])).content.decode()
    assert "Overdue" not in row_page  # complete
    assert "Overdue" in client.get(reverse("plans:milestone", args=[SLUG, 1, 4])).content.decode()


def test_a_cypp_plan_flags_nothing(client, users):
    client.force_login(users["performance_officer"])
    assert "Overdue" not in client.get(reverse("plans:detail", args=["cypp-2013-16"])).content.decode()


def test_a_new_plan_of_a_kind_starts_with_its_statuses(client, users):
    client.force_login(users["performance_officer"])
    response = client.post(
        reverse("plans:plan_new"),
        {
            "title": "Inspection plan 2010",
            "start-day": "1",
            "start-month": "4",
            "start-year": "2010",
            "end-day": "31",
            "end-month": "3",
            "end-year": "2011",
            "kind": "improvement",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    plan = Plan.objects.get(title="Inspection plan 2010")
    assert plan.kind == "improvement"
    assert plan.rag_statuses.get(key="complete").counts_as == "green"
