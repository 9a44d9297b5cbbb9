"""Publishing freezes the progress report (issue 14, "Publication freezes" and its "Done when"): the
demo's June 2014 round arrives published (version 1, interim: the round is open); a lead's later edit
goes to the working report only; a revision is a new version beside the first; `progress_report
--as-at` gives the version in force then."""

import io
import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from outcomes.documents.models import Publication
from outcomes.plans import services
from outcomes.plans.models import Update
from outcomes.reports import publishing
from outcomes.reports.progress import INTERIM_BANNER
from tests.roles import ROUND

pytestmark = pytest.mark.django_db
FIRST_FIGURES = {"green": 40, "amber": 103, "red": 16, "blue": 0, "total": 159}
RED_TEXT = "• Menus lack the nutrients: supplier changed without notice"


def _url(name, **extra):
    return reverse(name, kwargs={**ROUND, **extra})


def _json(client, name, **extra) -> dict:
    response = client.get(_url(name, **extra))
    assert response.status_code == 200
    return response.json()


def _m28(data: dict) -> dict:
    p1 = next(p for p in data["priorities"] if p["number"] == 1)
    return next(m for m in p1["milestones"] if m["number"] == 28)


def _lead_makes_m28_red(client, users, demo_round):
    client.force_login(users["lead_officer"])
    update = Update.objects.get(round=demo_round, milestone__priority__number=1, milestone__number=28)
    url = reverse("plans:update", kwargs={**ROUND, "priority": 1, "number": 28})
    response = client.post(url, {"text": RED_TEXT, "status": "red", "version": update.version})
    assert response.status_code == 302
    update.refresh_from_db()
    return update


def _approve_and_publish(client, users, demo_round, update):
    client.force_login(users["performance_officer"])
    approve = reverse("plans:approve", kwargs={**ROUND, "priority": 1, "number": 28})
    client.post(approve, {"version": update.version})
    asked = client.post(_url("reports:publish"), {"interim": "1"})
    assert asked.status_code == 200  # the confirmation page: nothing published yet
    assert "Publish an interim report for Update June 2014?" in asked.content.decode()
    assert publishing.current(demo_round).version == 1
    done = client.post(_url("reports:publish"), {"interim": "1", "confirm": "yes"})
    assert done.status_code == 302
    assert done["Location"] == _url("reports:version", version=2)


def test_the_demo_round_arrives_published_as_an_interim_first_version(demo_round):
    first = publishing.current(demo_round)
    assert first.version == 1
    assert first.interim  # the demo round is still open
    assert first.published_at == datetime(2014, 6, 30, 17, 0, tzinfo=ZoneInfo("Europe/London"))
    assert first.content["overview"]["shown"]["total"] == FIRST_FIGURES


def test_the_lead_edits_a_milestone_and_the_viewers_report_does_not_change(client, users, demo_round):
    client.force_login(users["viewer"])
    before = _json(client, "reports:progress_json")
    _lead_makes_m28_red(client, users, demo_round)

    client.force_login(users["viewer"])
    after = _json(client, "reports:progress_json")
    assert after["overview"]["shown"]["total"] == FIRST_FIGURES
    assert _m28(after) == _m28(before)
    assert _m28(after)["rag"] == {"amber": "1"}
    page = client.get(_url("reports:progress")).content.decode()
    assert "supplier changed" not in page
    assert "Awaiting approval" not in page
    # The working report (what the performance officer reads) has it at once, awaiting approval.
    client.force_login(users["performance_officer"])
    working = _json(client, "reports:progress_json")
    assert _m28(working)["state"] == "submitted"
    assert working["overview"]["shown"]["total"]["red"] == 17
    assert working["version"] is None


def test_the_officer_approves_and_publishes_a_revision_and_both_versions_are_readable(
    client, users, demo_round
):
    update = _lead_makes_m28_red(client, users, demo_round)
    _approve_and_publish(client, users, demo_round, update)

    client.force_login(users["viewer"])
    second = _json(client, "reports:version_json", version=2)
    first = _json(client, "reports:version_json", version=1)
    current = _json(client, "reports:progress_json")
    assert current == second
    assert first["overview"]["shown"]["total"] == FIRST_FIGURES
    assert second["overview"]["shown"]["total"] == {**FIRST_FIGURES, "amber": 102, "red": 17}
    assert _m28(second)["update"] == RED_TEXT
    assert second["version"] == 2
    assert second["published"]["by"] == "Sue Wilson"
    assert second["revision"]["replaces_version"] == 1
    assert "P1 M28: status Amber → Red." in second["revision"]["changes"]
    assert "Overview: Amber 103 → 102, Red 16 → 17." in second["revision"]["changes"]

    page = client.get(_url("reports:version", version=2)).content.decode()
    assert "replacing the version of 30 June 2014" in page
    assert "P1 M28: status Amber → Red." in page
    assert _url("reports:version", version=1) in page  # the list of versions links the first
    assert "supplier changed" not in client.get(_url("reports:version", version=1)).content.decode()

    client.force_login(users["performance_officer"])
    round_page = client.get(reverse("plans:round", kwargs=ROUND)).content.decode()
    assert _url("reports:version", version=1) in round_page
    assert _url("reports:version", version=2) in round_page


def test_as_at_the_day_after_the_first_publication_gives_the_first_version(
    client, users, demo_round, tmp_path
):
    update = _lead_makes_m28_red(client, users, demo_round)
    _approve_and_publish(client, users, demo_round, update)
    assert Publication.objects.filter(subject=demo_round.report_subject).count() == 2

    def run(fmt, name):
        out = tmp_path / name
        call_command(
            "progress_report",
            plan="cypp-2013-16",
            round="june-2014",
            as_at="2014-07-01",
            format=fmt,
            output=str(out),
        )
        return out.read_bytes()

    data = json.loads(run("json", "a.json"))
    assert data["overview"]["shown"]["total"] == FIRST_FIGURES
    assert data["version"] == 1
    assert data["as_at"].startswith("2014-07-01T23:59:59")
    assert data["interim"] is True
    assert _m28(data)["rag"] == {"amber": "1"}
    # The same call twice: the same JSON, page, Word and PDF, byte for byte (decision 0092).
    assert run("json", "b.json") == run("json", "c.json")
    assert run("html", "a.html") == run("html", "b.html")
    word = run("docx", "a.docx")
    assert word == run("docx", "b.docx")
    assert run("pdf", "a.pdf") == run("pdf", "b.pdf")
    text = "\n".join(p.text for p in Document(io.BytesIO(word)).paragraphs)
    assert "As at 1 July 2014: version 1 (interim), published 30 June 2014" in text
    assert INTERIM_BANNER in text


def test_as_at_now_gives_the_revision(client, users, demo_round, tmp_path):
    update = _lead_makes_m28_red(client, users, demo_round)
    _approve_and_publish(client, users, demo_round, update)
    out = tmp_path / "now.json"
    call_command(
        "progress_report", plan="cypp-2013-16", round="june-2014", as_at="2099-01-01", output=str(out)
    )
    assert json.loads(out.read_text())["version"] == 2


def test_an_open_round_is_published_only_as_interim(client, users, demo_round):
    client.force_login(users["performance_officer"])
    page = client.get(reverse("plans:round", kwargs=ROUND)).content.decode()
    assert "Publish an interim" in page
    assert "Publish the report to viewers" not in page
    refused = client.post(_url("reports:publish"), {"interim": "0", "confirm": "yes"})
    assert refused.status_code == 302
    assert publishing.current(demo_round).version == 1
    with pytest.raises(publishing.PublishRefused, match="still open"):
        publishing.publish_report(user=users["performance_officer"], round_=demo_round, interim=False)


def test_publishing_nothing_new_is_refused(users, demo_round):
    with pytest.raises(publishing.PublishRefused, match="Nothing in the report has changed since version 1"):
        publishing.publish_report(user=users["performance_officer"], round_=demo_round, interim=True)


def test_a_closed_round_is_published_in_full_and_says_it_has_closed(client, users, demo_round):
    services.close_round(user=users["performance_officer"], round_=demo_round)
    client.force_login(users["performance_officer"])
    page = client.get(reverse("plans:round", kwargs=ROUND)).content.decode()
    assert "Publish the report to viewers" in page
    asked = client.post(_url("reports:publish"), {"interim": "0"}).content.decode()
    assert "Publish the report for Update June 2014?" in asked
    client.post(_url("reports:publish"), {"interim": "0", "confirm": "yes"})
    final = publishing.current(demo_round)
    assert final.version == 2
    assert not final.interim
    assert final.changes[0].startswith("The round has closed since the version replaced")
    client.force_login(users["viewer"])
    assert INTERIM_BANNER not in client.get(_url("reports:progress")).content.decode()


def test_an_interim_publication_says_so_on_every_page_and_document(client, users):
    client.force_login(users["viewer"])
    assert INTERIM_BANNER in client.get(_url("reports:progress")).content.decode()
    assert INTERIM_BANNER in client.get(_url("reports:version", version=1)).content.decode()
    data = _json(client, "reports:version_json", version=1)
    assert data["interim"] is True
    assert data["banner"] == INTERIM_BANNER
    doc = Document(io.BytesIO(client.get(_url("reports:version_docx", version=1)).content))
    assert INTERIM_BANNER in [p.text for p in doc.paragraphs]
    sheet = load_workbook(io.BytesIO(client.get(_url("reports:version_xlsx", version=1)).content))["Overview"]
    assert sheet["A4"].value.startswith(INTERIM_BANNER)


def test_the_published_version_renders_as_the_report_did_when_published(client, users, demo_round):
    """The page of version 1 shows the same overview and milestone text as the working report did
    before anything changed: nothing of the report is lost in storing it."""
    client.force_login(users["performance_officer"])
    working = client.get(_url("reports:progress")).content.decode()
    published = client.get(_url("reports:version", version=1)).content.decode()

    def body(html):
        html = html[html.index('id="introduction"') :]
        html = html[: html.index('id="versions"')]
        return re.sub(r"as at \d+ \w+ \d{4}\.", "", html)

    assert body(published) == body(working)
