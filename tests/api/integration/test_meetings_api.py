"""A token reads a body's meetings and a meeting's minutes as published: the version in force, never
the draft (404 with the reason, for every role); exempt minutes only for those who see exempt
business, the others reading what the pages' public version gives (decision 0135). A publication
brings its meeting back under ``updated_since``."""

import csv
import io
import json
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from outcomes.governance import agenda_services, minuting
from outcomes.governance.models import Meeting, Minute

pytestmark = pytest.mark.django_db

SCRUTINY = "/api/bodies/scrutiny/meetings/2010-10-15/minutes"
TRUST_BOARD = "/api/bodies/trust-board/meetings/2010-10-20/minutes"
DRAFT = "/api/bodies/rlscb/meetings/2014-06-05/minutes"
# Minute 59 of the scrutiny panel, taken in private (seed scrutiny_2010).
EXEMPT_TITLE = "ANNUAL COMMENT AND COMPLAINT REPORT"
EXEMPT_RESOLUTION = "Noted: That the Annual Report for Comments and Complaints 2009/2010 be received."


def rows_of(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_a_viewer_never_receives_the_exempt_minute_nor_its_words(tokens, read, client, users):
    response = read(SCRUTINY, tokens["viewer"])
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [r["number"] for r in rows] == [str(n) for n in range(42, 59)]
    assert not any(r["exempt"] for r in rows)
    text = response.content.decode()
    assert EXEMPT_TITLE not in text
    assert "Comments and Complaints" not in text
    assert EXEMPT_TITLE not in read(SCRUTINY, tokens["viewer"], format="csv").content.decode()

    # The same minutes as the viewer's download of the published minutes.
    client.force_login(users["viewer"])
    page = client.get(reverse("governance:minutes_download", args=["scrutiny", "2010-10-15", "json"]))
    assert [m["number"] for m in json.loads(page.content)["minutes"]] == [r["number"] for r in rows]


def test_a_lead_officer_reads_the_exempt_minute_marked_exempt(tokens, read):
    rows = read(SCRUTINY, tokens["lead_officer"]).json()["results"]
    assert [r["number"] for r in rows] == [str(n) for n in range(42, 60)]
    exempt = [r for r in rows if r["exempt"]]
    assert [r["number"] for r in exempt] == ["59"]
    assert EXEMPT_TITLE in exempt[0]["title"]
    assert (exempt[0]["resolutions"], exempt[0]["resolution_count"]) == (EXEMPT_RESOLUTION, 1)
    assert {r["version"] for r in rows} == {1}


def test_resolutions_are_one_line_each_kind_in_words(tokens, read):
    rows = {r["number"]: r for r in read(SCRUTINY, tokens["viewer"]).json()["results"]}
    communications = rows["45"]
    lines = communications["resolutions"].split("\n")
    assert communications["resolution_count"] == len(lines) == 2
    assert all(line.startswith("Approved: That ") for line in lines)
    assert rows["42"]["resolutions"] is None
    assert rows["42"]["resolution_count"] == 0


def test_the_trust_board_numbers_are_printed_with_its_prefix(tokens, read):
    rows = read(TRUST_BOARD, tokens["viewer"]).json()["results"]
    assert [r["number"] for r in rows] == [f"D{n}" for n in range(20, 29)]


@pytest.mark.parametrize("role", ["performance_officer", "administrator", "lead_officer", "viewer"])
def test_draft_minutes_are_not_served_to_anyone(tokens, read, role):
    response = read(DRAFT, tokens[role])
    assert response.status_code == 404
    detail = "The minutes of the RLSCB meeting of 5 June 2014 are not published yet"
    assert response.json() == {"detail": detail}


def test_a_correction_in_draft_leaves_the_published_version_in_the_api(tokens, read, users):
    minute = Minute.objects.get(meeting__body__slug="trust-board", number=20)
    published = minute.title
    minuting.edit_minute(
        user=users["performance_officer"],
        minute=minute,
        title="A correction not yet published",
        narrative=minute.narrative,
        expected_version=minute.version,
    )
    rows = read(TRUST_BOARD, tokens["performance_officer"]).json()["results"]
    assert rows[0]["title"] == published
    assert "A correction not yet published" not in json.dumps(rows)


def test_the_meetings_of_a_body_by_date(tokens, read):
    rows = read("/api/bodies/scrutiny/meetings", tokens["viewer"]).json()["results"]
    assert [(r["date"], r["weekday"], r["state"]) for r in rows] == [
        ("2010-10-15", "Friday", "Minutes published"),
        ("2010-11-19", "Friday", "Agenda published"),
    ]
    october, november = rows
    assert (october["minutes_version"], october["agenda_version"]) == (1, None)
    assert (november["minutes_version"], november["agenda_version"]) == (None, 1)
    assert november["cancelled_reason"] is None

    cypfp = read("/api/bodies/cypfp/meetings", tokens["lead_officer"]).json()["results"]
    assert [(r["date"], r["state"]) for r in cypfp] == [
        ("2014-05-21", "Draft minutes"),
        ("2014-07-16", "Agenda published"),
        ("2015-01-14", "Minutes published"),
    ]
    assert all(r["starts_at"] == "14:00" for r in cypfp)


def test_the_approving_meeting_is_given_by_its_date(tokens, read):
    Meeting.objects.filter(body__slug="cypfp", date=date(2014, 5, 21)).update(
        approved_at=Meeting.objects.get(body__slug="cypfp", date=date(2014, 7, 16))
    )
    rows = read("/api/bodies/cypfp/meetings", tokens["viewer"]).json()["results"]
    assert [r["approved_at"] for r in rows] == ["2014-07-16", None, None]


def test_csv_gives_numbers_as_numbers(tokens, read):
    response = read(SCRUTINY, tokens["lead_officer"], format="csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "version,number,title,exempt,resolutions,resolution_count"
    assert lines[1] == "1,42,DECLARATIONS OF INTEREST,no,,0"
    rows = rows_of(response)
    assert [int(r["number"]) for r in rows] == list(range(42, 60))
    assert {r["version"] for r in rows} == {"1"}
    assert [r["exempt"] for r in rows if r["number"] == "59"] == ["yes"]
    assert [r["resolution_count"] for r in rows if r["number"] == "45"] == ["2"]

    meetings = rows_of(read("/api/bodies/scrutiny/meetings", tokens["viewer"], format="csv"))
    assert [(m["date"], m["agenda_version"], m["minutes_version"]) for m in meetings] == [
        ("2010-10-15", "", "1"),
        ("2010-11-19", "1", ""),
    ]


def test_updated_since_takes_the_meetings_whose_publications_changed(tokens, read, users):
    Meeting.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    since = timezone.now().isoformat()
    token = tokens["viewer"]
    path = "/api/bodies/scrutiny/meetings"
    assert read(path, token, updated_since=since).json()["count"] == 0
    assert read(path, token).json()["count"] == 2

    november = Meeting.objects.get(body__slug="scrutiny", date=date(2010, 11, 19))
    agenda_services.publish_agenda(user=users["performance_officer"], meeting=november)
    changed = read(path, token, updated_since=since).json()["results"]
    assert [(r["date"], r["agenda_version"]) for r in changed] == [("2010-11-19", 2)]

    # A correction of published minutes is a new version, its meeting's state unchanged.
    minute = Minute.objects.get(meeting__body__slug="scrutiny", number=42)
    minuting.edit_minute(
        user=users["performance_officer"],
        minute=minute,
        title="DECLARATIONS OF INTEREST (CORRECTED)",
        narrative=minute.narrative,
        expected_version=minute.version,
    )
    minuting.publish(user=users["performance_officer"], meeting=minute.meeting)
    changed = read(path, token, updated_since=since).json()["results"]
    assert [(r["date"], r["minutes_version"]) for r in changed] == [("2010-10-15", 2), ("2010-11-19", None)]
    assert read(SCRUTINY, token).json()["results"][0] == {
        "version": 2,
        "number": "42",
        "title": "DECLARATIONS OF INTEREST (CORRECTED)",
        "exempt": False,
        "resolutions": None,
        "resolution_count": 0,
    }
