"""Every plan page, export and report survives any value the model can hold (issue 12 item 5): the
largest and smallest measures a milestone may store, the highest numbers, the latest dates, an odd
split. The import pipeline refuses what the model cannot hold; this proves what it can hold works."""

import io
import json
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from outcomes.core.imports.cells import LAST_YEAR
from outcomes.plans.models import Milestone, Plan, Priority, Round, Update
from outcomes.plans.workbook import read_plan_workbook

pytestmark = pytest.mark.django_db

FIELD = Milestone._meta.get_field("baseline_value")
LARGEST = Decimal("9" * (FIELD.max_digits - FIELD.decimal_places) + "." + "9" * FIELD.decimal_places)
HIGHEST_NUMBER = 32_767  # PositiveSmallIntegerField
LATEST = date(LAST_YEAR, 12, 31)


@pytest.fixture
def extreme_plan(demo_round):
    plan = demo_round.plan
    milestone = Milestone.objects.get(priority__plan=plan, priority__number=1, number=6)
    Milestone.objects.filter(pk=milestone.pk).update(
        baseline_value=LARGEST,
        target_value=-LARGEST,
        actual_value=Decimal("0.0001"),
        baseline_unit="x" * 20,
        target_period="y" * 40,
        due=date.max,
    )
    priority = Priority.objects.get(plan=plan, number=6)
    Priority.objects.filter(pk=priority.pk).update(number=HIGHEST_NUMBER)
    last = Milestone.objects.filter(priority=priority).order_by("-number").first()
    Milestone.objects.filter(pk=last.pk).update(number=HIGHEST_NUMBER)
    Update.objects.filter(round=demo_round, milestone=milestone).update(
        weights={"green": "1/7", "amber": "2/7", "red": "4/7"}
    )
    Round.objects.filter(pk=demo_round.pk).update(closes=date.max)
    return Plan.objects.get(pk=plan.pk)


def _pages(plan):
    r = "june-2014"
    m6 = [plan.slug, 1, 6]
    far = [plan.slug, HIGHEST_NUMBER, HIGHEST_NUMBER]
    return [
        reverse("plans:list"),
        reverse("plans:detail", args=[plan.slug]),
        reverse("plans:milestone", args=m6),
        reverse("plans:milestone", args=far),
        reverse("plans:milestone_edit", args=m6),
        reverse("plans:round", args=[plan.slug, r]),
        reverse("plans:round", args=[plan.slug, r]) + "?show=submitted",
        reverse("plans:update", args=[plan.slug, r, 1, 6]),
        reverse("plans:update", args=[plan.slug, r, HIGHEST_NUMBER, HIGHEST_NUMBER]),
        reverse("plans:close", args=[plan.slug, r]),
        reverse("plans:round_new", args=[plan.slug]),
        reverse("reports:progress", args=[plan.slug, r]),
        reverse("home:home"),
    ]


def test_every_plan_page_answers_with_the_largest_values(client, users, extreme_plan):
    client.force_login(users["performance_officer"])
    for url in _pages(extreme_plan):
        response = client.get(url)
        assert response.status_code == 200, url
    html = client.get(reverse("plans:milestone", args=[extreme_plan.slug, 1, 6])).content.decode()
    assert str(LARGEST) == "99999999999.9999"
    assert str(LARGEST) in html
    assert f"-{LARGEST}" in html
    assert "31 December 9999" in html


def test_every_export_and_report_opens_with_the_largest_values(client, users, extreme_plan):
    client.force_login(users["performance_officer"])
    slug, r = extreme_plan.slug, "june-2014"

    exported = client.get(reverse("plans:export_json", args=[slug]))
    assert exported.status_code == 200
    data = json.loads(exported.content)
    m6 = next(
        m
        for p in data["priorities"]
        if p["number"] == 1
        for a in p["actions"]
        for m in a["milestones"]
        if m["number"] == 6
    )
    assert Decimal(str(m6["baseline"]["value"])) == LARGEST  # not rounded through a float

    workbook = client.get(reverse("plans:export_xlsx", args=[slug]))
    assert workbook.status_code == 200
    load_workbook(io.BytesIO(workbook.content))
    read_plan_workbook(workbook.content, "plan.xlsx")  # and it reads back

    docx = client.get(reverse("reports:progress_docx", args=[slug, r]))
    assert docx.status_code == 200
    Document(io.BytesIO(docx.content))
    xlsx = client.get(reverse("reports:progress_xlsx", args=[slug, r]))
    assert xlsx.status_code == 200
    load_workbook(io.BytesIO(xlsx.content))
    report = client.get(reverse("reports:progress_json", args=[slug, r])).json()
    assert sum(report["overview"]["shown"]["total"][k] for k in ("green", "amber", "red", "blue")) == 159
    csv = client.get(reverse("plans:export_csv", args=[slug, r]))
    assert csv.status_code == 200


def test_the_exported_plan_imports_back_with_the_largest_values(client, users, extreme_plan):
    # The latest date a form or a file may give (the model could hold 9999-12-31; nothing enters it).
    Milestone.objects.filter(priority__plan=extreme_plan, due=date.max).update(due=LATEST)
    Round.objects.filter(plan=extreme_plan, closes=date.max).update(closes=LATEST)
    client.force_login(users["performance_officer"])
    content = client.get(reverse("plans:export_json", args=[extreme_plan.slug])).content
    data = json.loads(content)
    data["slug"] = "extreme-copy"
    upload = io.BytesIO(json.dumps(data).encode())
    upload.name = "extreme-copy.json"
    response = client.post(reverse("plans:import"), {"file": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    copy = Milestone.objects.get(priority__plan__slug="extreme-copy", priority__number=1, number=6)
    assert (copy.baseline_value, copy.target_value) == (LARGEST, -LARGEST)
    assert copy.due == LATEST


def test_a_due_date_no_file_could_carry_is_refused_on_the_form(client, users, demo_plan):
    client.force_login(users["performance_officer"])
    m = Milestone.objects.get(priority__plan=demo_plan, priority__number=1, number=28)
    data = {"text": m.text, "due": "9999-12-31", "delivery_lead": "Ron Parry", "version": m.version}
    html = client.post(reverse("plans:milestone_edit", args=[demo_plan.slug, 1, 28]), data).content.decode()
    assert f"Enter a due date between 1900 and {LAST_YEAR}" in html
    m.refresh_from_db()
    assert m.due is None
