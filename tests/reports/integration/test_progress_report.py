"""The progress report of the demo round reproduces seed 003's published figures, in every format."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from outcomes.plans import services
from outcomes.plans.models import Milestone, Update
from outcomes.reports.progress import build_progress_report, report_as_json
from tests.office import docx_as_text
from tests.plans.factories import make_small_plan

pytestmark = pytest.mark.django_db
ROUND = {"slug": "cypp-2013-16", "round_slug": "june-2014"}

PUBLISHED_ROWS = [
    {"priority": 1, "green": "12", "amber": "57/2", "red": "23/2", "blue": "0", "total": "52"},
    {"priority": 2, "green": "7/2", "amber": "10", "red": "3/2", "blue": "0", "total": "15"},
    {"priority": 3, "green": "14", "amber": "8", "red": "0", "blue": "0", "total": "22"},
    {"priority": 5, "green": "13/3", "amber": "70/3", "red": "7/3", "blue": "0", "total": "30"},
    {"priority": 6, "green": "6", "amber": "33", "red": "1", "blue": "0", "total": "40"},
]


def test_the_demo_overview_equals_the_published_one(demo_round):
    data = report_as_json(build_progress_report(demo_round))
    assert data["overview"]["rows"] == PUBLISHED_ROWS
    assert data["overview"]["total"] == {
        "green": "239/6",
        "amber": "617/6",
        "red": "49/3",
        "blue": "0",
        "total": "159",
    }
    assert data["overview"]["percent"] == {"green": 25, "amber": 65, "red": 10, "blue": 0}
    assert data["split_statuses"] is True
    assert [e["priority"] for e in data["excluded"]] == [4]
    assert "LSCB" in data["excluded"][0]["reason"]


def test_key_issues_are_the_red_milestones_and_priority_three_has_none(demo_round):
    data = report_as_json(build_progress_report(demo_round))
    issues = {k["priority"]: k["milestones"] for k in data["key_issues"]}
    assert issues[3] == []
    assert issues[6] == [33]
    assert {5, 10, 25} == set(issues[5])
    assert 6 in issues[1]  # breastfeeding initiation 59.91% against 65.5%
    assert 4 not in issues


def demo_report_command(fmt: str, output) -> None:
    call_command(
        "progress_report",
        "--plan",
        "cypp-2013-16",
        "--round",
        "june-2014",
        "--format",
        fmt,
        "--output",
        str(output),
    )


def test_the_json_command_writes_the_same_report(tmp_path):
    out = tmp_path / "report.json"
    demo_report_command("json", out)
    data = json.loads(out.read_text())
    assert data["overview"]["rows"] == PUBLISHED_ROWS
    assert data["round"]["title"] == "Update June 2014"


def test_the_html_page_shows_the_overview_with_words_and_totals(client, users):
    client.force_login(users["performance_officer"])
    html = client.get(reverse("reports:progress", kwargs=ROUND)).content.decode()
    for text in [
        "28.5",
        "4.3",
        "23.4",
        "2.3",
        "Green 39.8 against 40; Amber 102.9 against 103; Red 16.3 against 16",
        "<strong>40</strong>",
        "<strong>103</strong>",
        "<strong>16</strong>",
        "<strong>159</strong>",
        "Strategic Lead/s: Frances Hunt/Joanna Saunders",
        "No delivery milestones identified as having a RED Rag status",
        "split RAG statuses",
        "Update June 2014",
    ]:
        assert text in html, text
    assert 'class="app-rag app-rag--red">Red' in html


def test_a_lead_officers_update_appears_in_the_report(client, users, demo_round):
    milestone = Milestone.objects.get(priority__plan=demo_round.plan, priority__number=1, number=26)
    current = Update.objects.get(round=demo_round, milestone=milestone)
    services.save_update(
        user=users["lead_officer"],
        round_=demo_round,
        milestone=milestone,
        text="• Universal Infant Free School Meals start in September",
        weights={"green": 1},
        expected_version=current.version,
    )
    data = report_as_json(build_progress_report(demo_round))
    p1 = next(p for p in data["priorities"] if p["number"] == 1)
    m26 = next(m for m in p1["milestones"] if m["number"] == 26)
    assert m26["update"] == "• Universal Infant Free School Meals start in September"
    assert m26["state"] == "submitted"
    assert data["awaiting_approval"] == 1


def test_changes_since_the_previous_round_are_reported(users):
    plan = make_small_plan()
    june = plan.rounds.get(slug="june-2014")
    changes = report_as_json(build_progress_report(june))["changes"]
    assert changes["previous_round"] == "dec-2013"
    # December: P1 M6 and P2 M1 amber, the other four blue at close; June: see the fixture.
    assert changes["previous_total"] == {"green": 0, "amber": 2, "red": 0, "blue": 4}
    moved = {(c["priority"], c["milestone"]): (c["before"], c["after"]) for c in changes["milestones"]}
    assert moved[(1, 6)] == ({"amber": "1"}, {"red": "1"})
    assert moved[(2, 1)] == ({"amber": "1"}, {"green": "1"})
    assert changes["difference"]["blue"] == -3  # P2 M4 has no update yet in June


def test_the_excel_report_has_the_overview_and_every_milestone(client, users):
    client.force_login(users["performance_officer"])
    response = client.get(reverse("reports:progress_xlsx", kwargs=ROUND))
    wb = load_workbook(io.BytesIO(response.content))
    assert {"Overview", "Milestones", "Key issues"} <= set(wb.sheetnames)
    assert wb["Milestones"].max_row == 160  # header + 159 milestones
    values = [c for row in wb["Overview"].iter_rows(values_only=True) for c in row if c is not None]
    assert 159 in values


def test_the_word_report_holds_the_overview_table(client, users):
    client.force_login(users["performance_officer"])
    response = client.get(reverse("reports:progress_docx", kwargs=ROUND))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    doc = Document(io.BytesIO(response.content))
    overview = doc.tables[0]
    rows = [[c.text for c in row.cells] for row in overview.rows]
    assert rows[0][1:] == ["Green", "Amber", "Red", "Blue", "Total"]
    assert rows[4][1:] == ["4.3", "23.4", "2.3", "0", "30"]  # adds up to 30 (decision 0050)
    assert rows[6][1:] == ["40", "103", "16", "0", "159"]
    assert rows[7][1:5] == ["25", "65", "10", "0"]


@pytest.mark.slow
def test_the_word_report_opens_in_libreoffice_and_reads_right(tmp_path, demo_round):
    docx = tmp_path / "report.docx"
    demo_report_command("docx", docx)
    words = docx_as_text(docx, tmp_path)
    assert "Rotherham Children and Young People" in words
    assert "Update June 2014" in words
    assert "Total 40 103 16 0 159" in words
    assert "% 25 65 10 0" in words
    assert "No delivery milestones identified as having a RED Rag status" in words
    assert "Actual figure: 59.91%" in words


def test_a_plan_with_its_own_rag_vocabulary_reports_in_it(users):
    from outcomes.plans.interchange import import_plan
    from tests.plans.factories import small_plan_data

    data = small_plan_data()
    data["slug"] = "own-words"
    data["rag_statuses"] = [
        {"key": "complete", "label": "Complete", "description": "Done", "style": "green"},
        {"key": "on_track", "label": "On track", "description": "Going well", "style": "amber"},
        {
            "key": "at_risk",
            "label": "At risk",
            "description": "Needs help",
            "style": "red",
            "is_key_issue": True,
        },
        {
            "key": "none",
            "label": "No update",
            "description": "Nothing heard",
            "style": "blue",
            "means_no_update": True,
        },
    ]
    mapping = {"green": "complete", "amber": "on_track", "red": "at_risk", "blue": "none"}
    for round_ in data["rounds"]:
        for update in round_["updates"]:
            update["rag"] = {mapping[k]: v for k, v in update["rag"].items()}
    plan = import_plan(data, source="own-words")
    june = plan.rounds.get(slug="june-2014")
    report = report_as_json(build_progress_report(june))
    assert [s["label"] for s in report["legend"]] == ["Complete", "On track", "At risk", "No update"]
    assert report["overview"]["total"] == {
        "complete": "5/2",
        "on_track": "5/6",
        "at_risk": "5/3",
        "none": "1",
        "total": "6",
    }
    assert {k["priority"]: k["milestones"] for k in report["key_issues"]} == {1: [6], 2: [3]}
    services.close_round(user=users["performance_officer"], round_=june)
    closed = report_as_json(build_progress_report(june))
    p2 = next(p for p in closed["priorities"] if p["number"] == 2)
    assert next(m for m in p2["milestones"] if m["number"] == 4)["rag"] == {"none": "1"}


def test_a_closed_round_reports_blue_milestones_as_no_update_in_every_format(client, users):
    plan = make_small_plan()
    june = plan.rounds.get(slug="june-2014")
    client.force_login(users["performance_officer"])
    kwargs = {"slug": "small-plan", "round_slug": "june-2014"}
    assert (
        "This round is still open" in client.get(reverse("reports:progress", kwargs=kwargs)).content.decode()
    )
    services.close_round(user=users["performance_officer"], round_=june)
    html = client.get(reverse("reports:progress", kwargs=kwargs)).content.decode()
    row = html[html.index('id="p2-m4"') :]
    row = row[: row.index("</tr>")]
    assert "No update provided" in row
    assert 'app-rag--blue">Blue' in row
    assert "This round is still open" not in html
    doc = Document(io.BytesIO(client.get(reverse("reports:progress_docx", kwargs=kwargs)).content))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "No update provided" in cells
    wb = load_workbook(io.BytesIO(client.get(reverse("reports:progress_xlsx", kwargs=kwargs)).content))
    states = [row[-1] for row in wb["Milestones"].iter_rows(min_row=2, values_only=True)]
    assert "no_update" in states


def test_the_html_command_writes_a_page_that_stands_alone(tmp_path):
    out = tmp_path / "report.html"
    demo_report_command("html", out)
    html = out.read_text(encoding="utf-8")
    style = html[html.index("<style>") : html.index("</style>")]
    assert ".govuk-table" in style
    assert "&#34;" not in style  # the stylesheet is not escaped as text
    assert "<strong>159</strong>" in html
    assert "Strategic Lead/s: Frances Hunt/Joanna Saunders" in html
    assert 'href="/' not in html  # no links back into the site it was taken from


def test_a_binary_report_needs_an_output_file():
    with pytest.raises(CommandError, match="binary: give --output FILE"):
        call_command("progress_report", "--plan", "cypp-2013-16", "--round", "june-2014", "--format", "docx")
