"""Meetings on the demo: the minutes command, the meeting page with its checks (and no exempt
business for a viewer), scheduling with the standing items, attendance against the membership,
moving a meeting forward (confirmed first, never back) and cancelling it with a reason."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from outcomes.core.models import ChangeRecord
from outcomes.governance import meetings
from outcomes.governance.demo import load_demo_governance
from outcomes.governance.models import Action, Body, Meeting, Membership, StandingItem
from outcomes.governance.rules import Refused


def minutes_json(address: str) -> dict:
    out = StringIO()
    call_command("minutes", "--meeting", address, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def page(client, user, slug: str, day: str) -> str:
    client.force_login(user)
    response = client.get(reverse("governance:meeting", args=[slug, day]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_lscb_minutes_of_5_june_2014_as_json():
    record = minutes_json("rlscb/2014-06-05")
    assert record["body"] == "rlscb"
    # In draft until the next meeting (4 September 2014) approves them.
    assert record["state"] == "draft_minutes"
    assert "John Radford" in record["attendance"]["present"]
    assert "Gill Brooks" in record["attendance"]["in_attendance"]
    assert record["attendance"]["apologies"] == [
        "Paul Grimwood",
        "Maryke Turvey",
        "Dorothy Smith",
        "Nick Whittaker",
        "Robin Williams",
    ]
    assert [m["number"] for m in record["minutes"]] == [str(n) for n in range(1, 14)]
    home_education = record["minutes"][2]
    assert home_education["title"] == "Elective Home Education – Marie Boswell"
    assert [r["kind"] for r in home_education["resolutions"]] == ["action", "action"]
    # The actions raised that day have no due date: the check says so, placed at the action.
    assert {"rule": "action-without-owner-or-due", "where": "RLSCB action 1"}.items() <= record["checks"][
        0
    ].items()


@pytest.mark.django_db
def test_john_radford_present_and_giving_apologies_on_21_may_2014():
    record = minutes_json("cypfp/2014-05-21")
    assert "John Radford" in record["attendance"]["present"]
    assert "John Radford" in record["attendance"]["apologies"]
    assert [m["number"] for m in record["minutes"]] == [str(n) for n in range(269, 280)]
    assert record["minutes"][2]["resolutions"] == [
        {"kind": "noted", "text": "That the report be noted."},
        {
            "kind": "referred",
            "text": "That the report be forwarded to the Health and Wellbeing Board for consideration.",
        },
    ]
    assert record["checks"] == [
        {
            "rule": "present-and-apologies",
            "where": "CYPFP meeting of 21 May 2014, attendance of John Radford",
            "message": "John Radford is listed both as present and as giving apologies.",
        }
    ]


@pytest.mark.django_db
def test_prefixed_running_numbers_and_no_exempt_minute_in_the_public_record():
    board = minutes_json("trust-board/2010-10-20")
    assert [m["number"] for m in board["minutes"]][:5] == ["D20", "D21", "D22", "D23", "D24"]
    panel = minutes_json("scrutiny/2010-10-15")
    numbers = [m["number"] for m in panel["minutes"]]
    assert numbers[0] == "42"
    assert "58" in numbers
    assert "59" not in numbers
    report_back = panel["minutes"][numbers.index("48")]["resolutions"][3]
    assert report_back["kind"] == "report_back"
    assert "within two months of its submission" in report_back["text"]


@pytest.mark.django_db
def test_the_partnership_agenda_cites_the_lscb_minutes_of_a_day_it_did_not_meet(client, users):
    text = page(client, users["viewer"], "cypfp", "2014-07-16")
    assert "For Discussion:-" in text
    assert "Clair Pyper / Sue Wilson to present" in text
    assert (
        "The agenda cites the RLSCB minutes of 6 June 2014, but the RLSCB met on Thursday 5 June 2014."
        in text
    )
    assert "The item “Looked After Children&#39;s Council Update” has no number." in text


@pytest.mark.django_db
def test_a_viewer_never_sees_an_exempt_minute(client, users):
    title = "CHILDREN AND YOUNG PEOPLE&#39;S SERVICES - ANNUAL COMMENT AND COMPLAINT REPORT 2009/2010"
    assert title not in page(client, users["viewer"], "scrutiny", "2010-10-15")
    assert title in page(client, users["performance_officer"], "scrutiny", "2010-10-15")
    assert title in page(client, users["lead_officer"], "scrutiny", "2010-10-15")


@pytest.mark.django_db
def test_a_reader_sees_no_draft_minutes_but_the_runner_does(client, users):
    meeting = Meeting.objects.get(body__slug="cypfp", date=date(2014, 5, 21))
    Meeting.objects.filter(pk=meeting.pk).update(state=Meeting.DRAFT_MINUTES)
    assert "SPECIAL EDUCATIONAL NEEDS" not in page(client, users["viewer"], "cypfp", "2014-05-21")
    assert "SPECIAL EDUCATIONAL NEEDS" in page(client, users["performance_officer"], "cypfp", "2014-05-21")


@pytest.mark.django_db
def test_the_actions_raised_on_5_june_point_at_the_meeting():
    meeting = Meeting.objects.get(body__slug="rlscb", date=date(2014, 6, 5))
    raised = Action.objects.filter(body__slug="rlscb", raised_on=date(2014, 6, 5))
    assert raised.count() > 10
    assert all(a.raised_at_id == meeting.pk for a in raised)
    assert Action.objects.get(body__slug="rlscb", number=16).raised_at is None


@pytest.mark.django_db
def test_the_demo_loads_once():
    count = Meeting.objects.count()
    assert load_demo_governance() is None
    assert Meeting.objects.count() == count


@pytest.mark.django_db
def test_scheduling_copies_the_standing_items_and_is_recorded(client, users):
    body = Body.objects.get(slug="rlscb")
    StandingItem.objects.create(body=body, order=1, title="Welcome / apologies", kind="apologies")
    StandingItem.objects.create(
        body=body, order=2, title="Neglect", kind="verbal", section_title="Standing items"
    )
    client.force_login(users["performance_officer"])
    response = client.post(
        reverse("governance:meeting_new", args=["rlscb"]),
        {
            "on-day": "4",
            "on-month": "12",
            "on-year": "2014",
            "starts_at": "13:00",
            "venue": "Riverside House",
            "date_as_written": "Friday 4th December 2014",
            "standing_items": "on",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(body=body, date=date(2014, 12, 4))
    assert [(i.title, i.kind) for i in meeting.agenda_items.all()] == [
        ("Welcome / apologies", "apologies"),
        ("Neglect", "verbal"),
    ]
    assert meeting.agenda_items.get(title="Neglect").section.title == "Standing items"
    text = client.get(response.url).content.decode()
    assert "names a Friday, but 4 December 2014 was a Thursday." in text  # the weekday check
    assert "Scheduled the RLSCB meeting of 4 December 2014" in text  # the history, in words
    again = client.post(
        reverse("governance:meeting_new", args=["rlscb"]),
        {"on-day": "4", "on-month": "12", "on-year": "2014"},
    )
    assert again.status_code == 400
    assert "already has a meeting on 4 December 2014" in again.content.decode()


@pytest.mark.django_db
def test_members_on_a_date_honour_their_start_and_end():
    body = Body.objects.get(slug="rlscb")
    Membership.objects.create(
        body=body, name="Left in May", starts_on=date(2013, 1, 1), ends_on=date(2014, 5, 31)
    )
    Membership.objects.create(body=body, name="Joins in July", starts_on=date(2014, 7, 1))
    names = {m.name for m in meetings.members_on(body, date(2014, 6, 5))}
    assert "Steve Ashley" in names
    assert "Left in May" not in names
    assert "Joins in July" not in names
    assert "Joins in July" in {m.name for m in meetings.members_on(body, date(2014, 9, 4))}


@pytest.mark.django_db
def test_attendance_form_records_each_member_and_others(client, users):
    body = Body.objects.get(slug="rlscb")
    meeting = meetings.schedule(user=users["performance_officer"], body=body, on=date(2014, 12, 4))
    meetings.advance(user=None, meeting=meeting, to=Meeting.AGENDA_PUBLISHED)
    meetings.advance(user=None, meeting=meeting, to=Meeting.HELD)
    chair = body.memberships.get(name="Steve Ashley")
    radford = body.memberships.get(name="John Radford")
    client.force_login(users["performance_officer"])
    url = reverse("governance:meeting_attendance", args=["rlscb", "2014-12-04"])
    assert "John Radford" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "version": meeting.version,
            f"status_{chair.pk}": "present",
            f"status_{radford.pk}": "apologies",
            f"substitute_{radford.pk}": "Jo Deputy",
            "other_name_0": "Marie Boswell",
            "other_status_0": "in_attendance",
            "other_note_0": "to present agenda item 3",
        },
    )
    assert response.status_code == 302
    lines = {(a.name, a.status) for a in meeting.attendance.all()}
    assert lines == {
        ("Steve Ashley", "present"),
        ("John Radford", "apologies"),
        ("Jo Deputy", "substitute"),
        ("Marie Boswell", "in_attendance"),
    }
    assert meeting.attendance.get(name="Jo Deputy").substitute_for == radford
    text = client.get(reverse("governance:meeting", args=["rlscb", "2014-12-04"])).content.decode()
    assert "No attendance is recorded for" in text
    assert "Sue Cassin" in text
    assert ChangeRecord.objects.filter(action="attendance_recorded", object_id=str(meeting.pk)).exists()
    # A form opened at an older version is refused, nothing saved.
    stale = client.post(url, {"version": 1, f"status_{chair.pk}": "absent"})
    assert stale.status_code == 400
    assert "while you were editing it" in stale.content.decode()
    assert meeting.attendance.get(name="Steve Ashley").status == "present"


@pytest.mark.django_db
def test_a_meeting_moves_forward_one_step_after_confirming_and_never_back(client, users):
    meeting = Meeting.objects.get(body__slug="cypfp", date=date(2014, 7, 16))
    client.force_login(users["performance_officer"])
    url = reverse("governance:meeting_advance", args=["cypfp", "2014-07-16"])
    # The step's own page says what it does and is the confirmation: its form confirms at once.
    step = client.get(url).content.decode()
    assert "never back" in step
    assert '<input type="hidden" name="confirm" value="yes">' in step
    # A POST from anywhere else is asked first.
    asked = client.post(url, {"to": "held"})
    assert asked.status_code == 200
    assert "Mark the meeting of 16 July 2014 “Held”?" in asked.content.decode()
    meeting.refresh_from_db()
    assert meeting.state == Meeting.AGENDA_PUBLISHED
    assert client.post(url, {"to": "held", "confirm": "yes"}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.state == Meeting.HELD
    # Skipping a step, or going back, is refused.
    assert client.post(url, {"to": "published", "confirm": "yes"}).status_code == 400
    with pytest.raises(Refused):
        meetings.advance(user=None, meeting=meeting, to=Meeting.SCHEDULED)
    with pytest.raises(Refused):
        meetings.cancel(user=None, meeting=meeting, reason="Too late")


@pytest.mark.django_db
def test_a_meeting_is_cancelled_only_with_its_reason(client, users):
    client.force_login(users["performance_officer"])
    url = reverse("governance:meeting_cancel", args=["cypfp", "2014-07-16"])
    assert client.post(url, {"reason": " "}).status_code == 400
    assert client.post(url, {"reason": "Purdah", "confirm": "yes"}).status_code == 302
    meeting = Meeting.objects.get(body__slug="cypfp", date=date(2014, 7, 16))
    assert (meeting.state, meeting.cancelled_reason) == (Meeting.CANCELLED, "Purdah")
    text = page(client, users["viewer"], "cypfp", "2014-07-16")
    assert "Cancelled: Purdah" in text


@pytest.mark.django_db
def test_the_body_page_lists_its_meetings(client, users):
    client.force_login(users["viewer"])
    text = client.get(reverse("governance:body", args=["rlscb"])).content.decode()
    assert reverse("governance:meeting", args=["rlscb", "2014-06-05"]) in text
    assert reverse("governance:meeting_new", args=["rlscb"]) not in text


@pytest.mark.django_db
def test_an_exempt_item_and_its_findings_are_kept_from_a_viewer(client, users):
    from outcomes.governance.models import AgendaItem

    meeting = Meeting.objects.get(body__slug="scrutiny", date=date(2010, 11, 19))
    AgendaItem.objects.create(
        meeting=meeting,
        order=99,
        title="Placement of a named child",
        kind=AgendaItem.OTHER_MINUTES,
        exempt=True,
        exempt_reason="Paragraph 2 of Part 1 of Schedule 12A",
        number_as_written="18",
        other_body=Body.objects.get(slug="rlscb"),
        other_meeting_date=date(2014, 6, 6),
    )
    viewer = page(client, users["viewer"], "scrutiny", "2010-11-19")
    assert "Placement of a named child" not in viewer
    assert "The agenda cites the RLSCB minutes of 6 June 2014" not in viewer
    officer = page(client, users["performance_officer"], "scrutiny", "2010-11-19")
    assert "Placement of a named child" in officer
    assert "The agenda cites the RLSCB minutes of 6 June 2014" in officer
    public = minutes_json("scrutiny/2010-11-19")
    assert all("RLSCB" not in check["message"] for check in public["checks"])


@pytest.mark.django_db
def test_a_paper_on_the_agenda_missing_a_required_section_is_found(client, users):
    from outcomes.governance.models import AgendaItem
    from outcomes.papers.models import Paper

    paper = Paper.objects.get(slug="lifestyle-survey-2009")
    meeting = Meeting.objects.get(body__slug="scrutiny", date=date(2010, 11, 19))
    meeting.agenda_items.filter(number_as_written="8").update(paper=paper)
    assert "agenda-paper-missing-sections" not in {
        c["rule"] for c in minutes_json("scrutiny/2010-11-19")["checks"]
    }
    required = next(
        s for s in paper.sections.all() if s.template_section.required and s.template_section.kind != "field"
    )
    required.text = ""
    required.save()
    found = [
        c
        for c in minutes_json("scrutiny/2010-11-19")["checks"]
        if c["rule"] == "agenda-paper-missing-sections"
    ]
    assert found[0]["where"] == "CYPS Scrutiny Panel meeting of 19 November 2010, agenda item 8"
    assert f"“{required.template_section.label}” is required" in found[0]["message"]
    assert AgendaItem.objects.filter(paper=paper).count() == 1


@pytest.mark.django_db
def test_the_meetings_checks_are_listed_on_the_data_quality_page(client, users):
    client.force_login(users["performance_officer"])
    text = client.get(reverse("core:data_quality")).content.decode()
    assert "Someone both present and giving apologies" in text
    assert "Another body&#39;s minutes cited with a date it did not meet" in text
