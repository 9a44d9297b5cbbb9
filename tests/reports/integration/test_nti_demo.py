"""The demo's Notice to Improve plan (seed 002 L1416-1510) and planning grid, as load_demo leaves
them: the report as at 4 November 2010 shows the seed's summary line; the lead marks a row Complete,
the officer approves, and the line counts three completed."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from outcomes.plans import access
from outcomes.plans.demo import GRID_SLUG, NTI_ROUND, NTI_SLUG
from outcomes.plans.models import Milestone, Plan, Update
from outcomes.reports import publishing

pytestmark = pytest.mark.django_db
SEED_LINE = "Red: 1 (3%) Amber: 22 (76%) Green: 6 (21%), of which 2 completed"
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def nti(db):
    return Plan.objects.get(slug=NTI_SLUG)


@pytest.fixture
def nti_round(nti):
    return nti.rounds.get(slug=NTI_ROUND)


def agency_row() -> Milestone:
    return Milestone.objects.get(priority__plan__slug=NTI_SLUG, text__startswith="Reduce the over reliance")


def test_the_nti_plan_holds_the_seeds_29_rows_approved_as_at_27_october(nti, nti_round):
    assert nti.kind == Plan.IMPROVEMENT
    assert Milestone.objects.filter(priority__plan=nti).count() == 29
    updates = Update.objects.filter(round=nti_round)
    assert updates.count() == 29
    assert {u.state for u in updates} == {Update.APPROVED}
    assert {u.approved_at.date().isoformat() for u in updates} == {"2010-10-27"}
    assert nti_round.title == "Update October 2010"


def test_the_report_as_at_4_november_2010_shows_the_seeds_line(client, users, nti_round):
    publication = publishing.current(nti_round)
    assert publication.published_at.astimezone(LONDON).date().isoformat() == "2010-11-04"
    assert publication.content["summary"]["line"] == SEED_LINE
    assert publication.content["summary"]["percent"] == {"red": 3, "amber": 76, "green": 21}
    then = publishing.report_as_at(nti_round, datetime(2010, 11, 4, 18, 0, tzinfo=LONDON))
    assert then.summary.line == SEED_LINE
    # Viewers read the publication.
    client.force_login(users["viewer"])
    html = client.get(reverse("reports:progress", args=[NTI_SLUG, NTI_ROUND])).content.decode()
    assert SEED_LINE in html
    assert "Summary as at 4 November 2010" in html
    data = client.get(reverse("reports:progress_json", args=[NTI_SLUG, NTI_ROUND])).json()
    assert data["summary"]["line"] == SEED_LINE
    assert (data["summary"]["completed"], data["summary"]["total"]) == (2, 29)


def test_the_demo_lead_marks_a_row_complete_and_the_line_counts_three(client, users, nti_round):
    row = agency_row()
    assert access.can_update_milestone(users["lead_officer"], row)
    client.force_login(users["lead_officer"])
    url = reverse("plans:update", args=[NTI_SLUG, NTI_ROUND, row.priority.number, row.number])
    update = Update.objects.get(round=nti_round, milestone=row)
    response = client.post(
        url,
        {
            "text": "Savings target met after all.",
            "status": "complete",
            "direction": "",
            "version": update.version,
        },
    )
    assert response.status_code == 302
    client.force_login(users["performance_officer"])
    update.refresh_from_db()
    client.post(
        reverse("plans:approve", args=[NTI_SLUG, NTI_ROUND, row.priority.number, row.number]),
        {"version": update.version},
    )
    line = "Red: 0 (0%) Amber: 22 (76%) Green: 7 (24%), of which 3 completed"
    assert line in client.get(reverse("reports:progress", args=[NTI_SLUG, NTI_ROUND])).content.decode()
    data = client.get(reverse("reports:progress_json", args=[NTI_SLUG, NTI_ROUND])).json()
    assert data["summary"]["line"] == line
    assert data["summary"]["completed"] == 3


def test_the_planning_grid_cites_its_recommendations(client, users):
    grid = Plan.objects.get(slug=GRID_SLUG)
    assert grid.kind == Plan.GRID
    assert [p.recommendations for p in grid.priorities.all()] == [[5], [5], [4], [14, 15]]
    client.force_login(users["performance_officer"])
    page = client.get(reverse("plans:detail", args=[GRID_SLUG])).content.decode()
    assert "By when" in page
    assert "Quarterly" in page


def test_the_progress_report_command_serves_the_nti_plan(nti_round, tmp_path):
    import json

    from django.core.management import call_command

    out = tmp_path / "nti.json"
    call_command(
        "progress_report", plan=NTI_SLUG, round=NTI_ROUND, as_at="2010-11-04", format="json", output=str(out)
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["plan"]["kind"] == "improvement"
    assert data["summary"]["line"] == SEED_LINE


@pytest.mark.parametrize("role", ["performance_officer", "lead_officer", "viewer", "administrator"])
def test_the_nti_and_grid_pages_answer_every_role(client, users, role):
    """The pages and downloads of both demo plans, as each role: no server error, and the lead's and
    the officer's pages open (a viewer reads only the published report)."""
    client.force_login(users[role])
    row = agency_row()
    pages = [
        reverse("plans:detail", args=[NTI_SLUG]),
        reverse("plans:detail", args=[GRID_SLUG]),
        reverse("plans:milestone", args=[NTI_SLUG, row.priority.number, row.number]),
        reverse("plans:milestone", args=[GRID_SLUG, 1, 1]),
        reverse("plans:round", args=[NTI_SLUG, NTI_ROUND]),
        reverse("plans:update", args=[NTI_SLUG, NTI_ROUND, row.priority.number, row.number]),
        reverse("plans:milestone_edit", args=[NTI_SLUG, row.priority.number, row.number]),
        reverse("plans:milestone_edit", args=[GRID_SLUG, 1, 1]),
        reverse("plans:export_json", args=[NTI_SLUG]),
        reverse("plans:export_xlsx", args=[NTI_SLUG]),
    ] + [
        reverse(f"reports:{name}", args=[NTI_SLUG, NTI_ROUND])
        for name in ("progress", "progress_docx", "progress_pdf", "progress_xlsx", "progress_json")
    ]
    answers = {url: client.get(url).status_code for url in pages}
    assert all(code in (200, 302, 403, 404) for code in answers.values()), answers
    if role == "performance_officer":
        assert set(answers.values()) == {200}, answers
    if role == "viewer":
        assert answers[reverse("reports:progress", args=[NTI_SLUG, NTI_ROUND])] == 200


def test_the_nti_indicator_rows_read_their_figures_from_the_indicators(client, users):
    """NI 59, 60 and 68 are the partnership's indicators: their rows' pages show the baseline (the
    2008/09 outturn), the latest figure and the target in force from the indicator itself."""
    client.force_login(users["performance_officer"])
    for number, code, baseline, latest in (
        (1, "NI 68", "57.6", "83.15"),
        (2, "NI 59", "77.8", "82"),
        (3, "NI 60", "84.9", "86.42"),
    ):
        page = client.get(reverse("plans:milestone", args=[NTI_SLUG, 1, number])).content.decode()
        assert f"Measured by {code}" in page
        assert baseline in page
        assert latest in page
