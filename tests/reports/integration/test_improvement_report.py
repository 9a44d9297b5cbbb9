"""An improvement plan (kind improvement) through the one engine: its report's columns and summary
line, overdue rows, the lead's update with direction of travel, approval, publication and exports."""

import io
import json
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from openpyxl import load_workbook

from outcomes.plans.interchange import export_plan, import_plan
from outcomes.plans.models import Update
from outcomes.reports import publishing
from outcomes.reports.frozen import report_from_json
from outcomes.reports.progress import build_progress_report, report_as_json
from tests.plans.improvement_fixture import ROUND, SLUG, make_improvement_plan

pytestmark = pytest.mark.django_db
LINE = "Red: 1 (20%) Amber: 2 (40%) Green: 2 (40%), of which 1 completed"


@pytest.fixture
def plan(db):
    return make_improvement_plan()


@pytest.fixture
def round_(plan):
    return plan.rounds.get(slug=ROUND)


def report_url(name: str) -> str:
    return reverse(f"reports:{name}", args=[SLUG, ROUND])


def update_url(number: int) -> str:
    return reverse("plans:update", args=[SLUG, ROUND, 1, number])


def test_the_plan_has_its_kind_and_complete_counts_as_green(plan):
    assert plan.kind == "improvement"
    complete = plan.rag_statuses.get(key="complete")
    assert complete.counts_as == "green"
    assert [s.key for s in plan.rag_statuses.all()] == ["red", "amber", "green", "complete", "blue"]


def test_the_reports_json_has_the_summary(round_):
    data = report_as_json(build_progress_report(round_, on=date(2010, 11, 4)))
    assert data["plan"]["kind"] == "improvement"
    summary = data["summary"]
    assert summary["line"] == LINE
    assert {k: summary[k] for k in ("red", "amber", "green", "completed", "total")} == {
        "red": 1,
        "amber": 2,
        "green": 2,
        "completed": 1,
        "total": 5,
    }
    assert summary["percent"] == {"red": 20, "amber": 40, "green": 40}
    assert summary["as_at"] == "2010-11-04"
    row = data["priorities"][0]["milestones"][0]
    assert row["direction"] == "up"
    assert row["current"] == "82%"
    assert row["baselines"][0]["numerator"] == 1767
    assert row["workstream"] == "Social Work"


def test_a_cypp_report_has_no_summary(demo_round):
    assert report_as_json(build_progress_report(demo_round))["summary"] is None


def test_rows_past_their_target_date_and_not_complete_are_overdue(round_):
    report = build_progress_report(round_, on=date(2010, 11, 4))
    overdue = {e.milestone.number for s in report.sections for b in s.actions for e in b.entries if e.overdue}
    # 2 (amber) and 4 (red) were due by 31 October; 5 is complete; 3 is due in March; 1 has no date.
    assert overdue == {2, 4}
    before = build_progress_report(round_, on=date(2010, 10, 27))
    assert not any(
        e.overdue for s in before.sections for b in s.actions for e in b.entries if e.milestone.number == 2
    )


def test_the_page_shows_the_kinds_columns_and_the_summary_line(client, users, round_):
    client.force_login(users["performance_officer"])
    html = client.get(report_url("progress")).content.decode()
    for heading in (
        "Key Actions",
        "Baseline",
        "Current Performance",
        "Performance Commentary",
        "Lead Workstream(s)",
    ):
        assert heading in html
    assert LINE in html
    assert "Summary as at" in html
    assert "77.8% (2008/09 outturn) (1767/2270)" in html
    assert "↑ improving" in html
    assert "Overdue" in html
    # The CYPP's overview table is not the improvement plan's.
    assert "Delivery milestones by priority and RAG status" not in html


def test_word_pdf_and_excel_carry_the_summary(client, users, round_):
    client.force_login(users["performance_officer"])
    word = WordDocument(io.BytesIO(client.get(report_url("progress_docx")).content))
    text = "\n".join(p.text for p in word.paragraphs)
    assert LINE in text
    cells = {c.text for t in word.tables for r in t.rows for c in r.cells}
    assert "Lead Workstream(s)" in cells
    assert client.get(report_url("progress_pdf")).content.startswith(b"%PDF")
    book = load_workbook(io.BytesIO(client.get(report_url("progress_xlsx")).content))
    assert LINE in book["Overview"]["A5"].value
    headings = [c.value for c in book["Milestones"][1]]
    assert "Direction of travel" in headings
    assert "Overdue" in headings


def test_a_lead_marks_a_row_complete_and_the_line_counts_it(client, users, round_):
    client.force_login(users["lead_officer"])
    form = client.get(update_url(2)).content.decode()
    assert "Direction of travel" in form
    assert "Current performance" in form
    assert "Complete" in form
    version = Update.objects.get(round=round_, milestone__number=2).version
    response = client.post(
        update_url(2),
        {
            "text": "All team manager posts filled",
            "status": "complete",
            "direction": "",
            "current": "0%",
            "version": version,
        },
    )
    assert response.status_code == 302
    update = Update.objects.get(round=round_, milestone__number=2)
    assert (update.state, update.current, update.direction) == (Update.SUBMITTED, "0%", "")
    client.force_login(users["performance_officer"])
    client.post(reverse("plans:approve", args=[SLUG, ROUND, 1, 2]), {"version": update.version})
    assert Update.objects.get(pk=update.pk).state == Update.APPROVED
    line = "Red: 1 (20%) Amber: 1 (20%) Green: 3 (60%), of which 2 completed"
    assert line in client.get(report_url("progress")).content.decode()
    assert client.get(report_url("progress_json")).json()["summary"]["line"] == line


def test_a_cypp_update_form_asks_no_direction(client, users, demo_round):
    client.force_login(users["lead_officer"])
    html = client.get(reverse("plans:update", args=["cypp-2013-16", "june-2014", 1, 26])).content.decode()
    assert "Direction of travel" not in html


def test_the_published_report_keeps_its_summary_and_reads_back(round_, users):
    at = datetime(2010, 11, 4, 9, 0, tzinfo=UTC)
    publication = publishing.publish_report(
        user=users["performance_officer"], round_=round_, interim=True, at=at
    )
    assert publication.content["summary"]["line"] == LINE
    assert publication.content["summary"]["as_at"] == "2010-11-04"
    back = report_as_json(report_from_json(publication.content))
    assert {k: v for k, v in back.items() if k != "generated_at"} == {
        k: v for k, v in publication.content.items() if k != "generated_at"
    }
    then = publishing.report_as_at(round_, datetime(2010, 11, 5, tzinfo=UTC))
    assert then.summary.line == LINE


def test_the_plan_document_round_trips_kind_and_row_fields(plan):
    exported = export_plan(plan)
    assert exported["kind"] == "improvement"
    again = json.loads(json.dumps(exported))
    again["slug"] = "nti-test-copy"
    for p in again["priorities"]:
        p.pop("id")
        for a in p["actions"]:
            a.pop("id")
            for m in a["milestones"]:
                m.pop("id")
    copy = import_plan(again, source="test")
    second = export_plan(copy)

    def strip(doc):
        doc = json.loads(json.dumps(doc))
        doc.pop("slug")
        for p in doc["priorities"]:
            p.pop("id", None)
            for a in p["actions"]:
                a.pop("id", None)
                for m in a["milestones"]:
                    m.pop("id", None)
        return doc

    assert strip(second) == strip(exported)
    row = second["priorities"][0]["actions"][0]["milestones"][0]
    assert row["workstream"] == "Social Work"
    assert row["due_text"] == "Ongoing"
    assert row["baselines"][0]["denominator"] == 2270
    update = second["rounds"][0]["updates"][0]
    assert (update["direction"], update["current"]) == ("up", "82%")
    assert {s["key"]: s["counts_as"] for s in second["rag_statuses"]}["complete"] == "green"


def test_the_plan_workbook_round_trips_kind_and_row_fields(plan):
    from outcomes.plans.workbook import plan_workbook_bytes, read_plan_workbook

    exported = export_plan(plan)
    data, _ = read_plan_workbook(plan_workbook_bytes(exported), "test.xlsx")
    assert data["kind"] == "improvement"
    data["slug"] = "nti-test-from-excel"
    copy = import_plan(data, source="test.xlsx")
    again = export_plan(copy)
    rows = [m for a in again["priorities"][0]["actions"] for m in a["milestones"]]
    before = [m for a in exported["priorities"][0]["actions"] for m in a["milestones"]]
    for key in ("due_text", "workstream", "baselines", "targets", "due"):
        assert [m[key] for m in rows] == [m[key] for m in before], key
    assert [(u["rag"], u["direction"], u["current"]) for u in again["rounds"][0]["updates"]] == [
        (u["rag"], u["direction"], u["current"]) for u in exported["rounds"][0]["updates"]
    ]
