"""Minutes from draft to publication (issue 15): numbers running across meetings or per meeting, a
report back raising the action and the forward-plan item, discharge by pointing at the later agenda
item, approval only at a later meeting, publication freezing the minutes and the action log."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from outcomes.core.conflicts import SaveConflict
from outcomes.documents import publications
from outcomes.governance import minuting, rules, services
from outcomes.governance.models import (
    Action,
    AgendaItem,
    Attendance,
    Body,
    ForwardPlanItem,
    Meeting,
    Minute,
    Resolution,
)

pytestmark = pytest.mark.django_db

OCT_15 = date(2010, 10, 15)
NOV_19 = date(2010, 11, 19)


@pytest.fixture
def panel(db):
    return Body.objects.create(
        slug="cyp-scrutiny", name="Children and Young People's Scrutiny Panel", minute_prefix="D"
    )


@pytest.fixture
def cabinet(db):
    return Body.objects.create(slug="cabinet", name="Cabinet")


def a_meeting(body, on, **fields):
    return Meeting.objects.create(body=body, date=on, state=Meeting.HELD, venue="Town Hall", **fields)


def an_item(meeting, title, order=1, **fields):
    return AgendaItem.objects.create(meeting=meeting, title=title, order=order, **fields)


def test_running_numbers_carry_on_across_meetings_with_the_prefix(panel, users):
    user = users["performance_officer"]
    first = a_meeting(panel, date(2010, 9, 10))
    minuting.write_minute(user=user, meeting=first, title="Communications", number=22)
    october = a_meeting(panel, OCT_15)
    item = an_item(october, "Mapping the expenditure of Rotherham Children's Services 2009/10")
    minute = minuting.write_minute(user=user, meeting=october, agenda_item=item)
    assert minute.number == 23
    assert rules.minute_label(minute) == "D23"
    assert minute.title == item.title
    assert minuting.write_minute(user=user, meeting=october, title="Risk management report").number == 24
    october.refresh_from_db()
    assert october.state == Meeting.DRAFT_MINUTES
    # The number given when written is kept when another minute is written before it.
    minute.refresh_from_db()
    assert minute.number == 23


def test_per_meeting_numbers_start_at_one(users):
    lscb = Body.objects.create(slug="lscb-test", name="LSCB test", minute_numbering=Body.PER_MEETING)
    user = users["performance_officer"]
    minuting.write_minute(user=user, meeting=a_meeting(lscb, date(2014, 3, 6)), title="Welcome")
    june = a_meeting(lscb, date(2014, 6, 5))
    assert minuting.write_minute(user=user, meeting=june, title="Welcome").number == 1
    assert minuting.write_minute(user=user, meeting=june, title="Previous minutes").number == 2


def test_a_minute_of_an_exempt_item_is_exempt(panel, users):
    october = a_meeting(panel, OCT_15)
    item = an_item(october, "Annual Report for Comments and Complaints", exempt=True)
    minute = minuting.write_minute(user=users["performance_officer"], meeting=october, agenda_item=item)
    assert minute.exempt


def test_no_minutes_for_a_meeting_to_come_or_cancelled(panel, users):
    later = a_meeting(panel, date(2099, 1, 1))
    with pytest.raises(rules.Refused):
        minuting.write_minute(user=users["performance_officer"], meeting=later, title="Too soon")
    cancelled = a_meeting(panel, OCT_15, cancelled_reason="Not quorate")
    cancelled.state = Meeting.CANCELLED
    cancelled.save()
    with pytest.raises(rules.Refused):
        minuting.write_minute(user=users["performance_officer"], meeting=cancelled, title="None")


def test_editing_a_minute_from_an_old_version_is_a_conflict(panel, users):
    user = users["performance_officer"]
    minute = minuting.write_minute(user=user, meeting=a_meeting(panel, OCT_15), title="Risk", number=24)
    minuting.edit_minute(
        user=user, minute=minute, title="Risk management report", narrative="Seen.", expected_version=1
    )
    minute.refresh_from_db()
    assert (minute.title, minute.version) == ("Risk management report", 2)
    with pytest.raises(SaveConflict):
        minuting.edit_minute(user=user, minute=minute, title="Risk", narrative="Other.", expected_version=1)


def test_a_report_back_raises_the_action_and_the_forward_plan_item(panel, users):
    user = users["performance_officer"]
    october = a_meeting(panel, OCT_15)
    minute = minuting.write_minute(
        user=user, meeting=october, title="Scrutiny review - school closure", number=48
    )
    resolution = minuting.add_resolution(
        user=user,
        minute=minute,
        kind=Resolution.REPORT_BACK,
        text="That the Cabinet's response to the recommendations be reported back to this Scrutiny Panel "
        "within two months of its submission.",
        target_body=panel,
        owner_text="Senior Scrutiny Adviser",
        due_rule="within two months of its submission",
    )
    action = resolution.action
    assert action is not None
    assert action.body == panel
    assert action.owner_text == "Senior Scrutiny Adviser"
    assert action.details.startswith("That the Cabinet's response")
    assert action.due_rule == "within two months of its submission"
    assert action.raised_on == OCT_15
    assert action.raised_at == october
    plan = ForwardPlanItem.objects.get(resolution=resolution)
    assert (plan.body, plan.action, plan.due_rule) == (panel, action, "within two months of its submission")
    assert "D48" in plan.title
    # The action is on the body's log as at the meeting, raised on that day.
    raised = [row["details"] for row in minuting.log_content(october)["log"]["bands"]["raised"]]
    assert action.details in raised


def test_an_action_resolution_raises_the_action_and_other_kinds_raise_none(panel, cabinet, users):
    user = users["performance_officer"]
    minute = minuting.write_minute(
        user=user, meeting=a_meeting(panel, OCT_15), title="Communications", number=45
    )
    noted = minuting.add_resolution(user=user, minute=minute, kind=Resolution.NOTED, text="That it be noted.")
    referred = minuting.add_resolution(
        user=user,
        minute=minute,
        kind=Resolution.REFERRED,
        text="That it be forwarded to Cabinet.",
        target_body=cabinet,
    )
    acting = minuting.add_resolution(
        user=user,
        minute=minute,
        kind=Resolution.ACTION,
        text="That a Councillor be nominated to the Fostering Panel.",
        owner_text="The Chair",
        due_on=NOV_19,
    )
    assert noted.action is None
    assert referred.action is None
    assert acting.action.due_on == NOV_19
    assert not ForwardPlanItem.objects.filter(resolution=acting).exists()
    with pytest.raises(rules.Refused) as refused:
        minuting.add_resolution(
            user=user, minute=minute, kind=Resolution.APPROVED_AMENDED, text="That it be approved."
        )
    assert refused.value.problems == ["Enter the amendment the approval was subject to"]


def test_removing_a_resolution_takes_its_untouched_action_and_refuses_once_worked_on(panel, users):
    user = users["performance_officer"]
    minute = minuting.write_minute(user=user, meeting=a_meeting(panel, OCT_15), title="Review", number=48)

    def report_back():
        return minuting.add_resolution(
            user=user,
            minute=minute,
            kind=Resolution.REPORT_BACK,
            text="That it be reported back.",
            target_body=panel,
            due_on=NOV_19,
        )

    first = report_back()
    number = first.action.number
    minuting.remove_resolution(user=user, resolution=first)
    assert not panel.actions.filter(number=number).exists()
    assert not ForwardPlanItem.objects.filter(body=panel).exists()
    second = report_back()
    services.add_update(user=user, action=second.action, on=NOV_19, text="Cabinet has not yet responded.")
    with pytest.raises(rules.Refused):
        minuting.remove_resolution(user=user, resolution=second)


def test_discharge_by_pointing_at_the_later_agenda_item(panel, users):
    user = users["performance_officer"]
    minute = minuting.write_minute(user=user, meeting=a_meeting(panel, OCT_15), title="Review", number=48)
    resolution = minuting.add_resolution(
        user=user,
        minute=minute,
        kind=Resolution.REPORT_BACK,
        text="That Cabinet's response be reported back.",
        target_body=panel,
        due_rule="within two months of its submission",
    )
    november = a_meeting(panel, NOV_19)
    item = an_item(november, "Cabinet's response to the school closure review")
    action = minuting.discharge_by_item(resolution.action, item, user)
    action.refresh_from_db()
    assert action.status == Action.DISCHARGED
    assert action.discharged_on == NOV_19
    assert action.evidence_item == item
    assert "Cabinet's response to the school closure review" in action.evidence
    assert ForwardPlanItem.objects.get(resolution=resolution).agenda_item == item
    with pytest.raises(rules.Refused):
        minuting.discharge_by_item(action, item, user)  # already discharged
    earlier = an_item(a_meeting(panel, date(2010, 9, 10)), "Before it was raised")
    other = minuting.add_resolution(
        user=user,
        minute=minute,
        kind=Resolution.ACTION,
        text="That it be done.",
        owner_text="Chair",
        due_on=NOV_19,
    )
    with pytest.raises(rules.Refused):
        minuting.discharge_by_item(other.action, earlier, user)


def approved_minutes(body, users):
    user = users["performance_officer"]
    october = a_meeting(body, OCT_15)
    Attendance.objects.create(
        meeting=october, name="Councillor G. A. Russell (in the Chair)", status=Attendance.PRESENT
    )
    Attendance.objects.create(meeting=october, name="Councillor Donaldson", status=Attendance.APOLOGIES)
    minute = minuting.write_minute(user=user, meeting=october, title="Risk management report", number=24)
    minuting.add_resolution(
        user=user,
        minute=minute,
        kind=Resolution.NOTED,
        text="That the report be received and its contents noted.",
    )
    action = minuting.add_resolution(
        user=user,
        minute=minute,
        kind=Resolution.ACTION,
        text="That the risk register be circulated.",
        owner_text="Senior Scrutiny Adviser",
        due_on=NOV_19,
    ).action
    november = a_meeting(body, NOV_19)
    minuting.circulate(user=user, meeting=october, on=date(2010, 10, 22))
    minuting.approve(
        user=user, meeting=october, approving=november, correction="Councillor Kaye was present."
    )
    october.refresh_from_db()
    return october, november, action


def test_approval_only_at_a_later_meeting_of_the_same_body(panel, cabinet, users):
    user = users["performance_officer"]
    october = a_meeting(panel, OCT_15)
    minuting.write_minute(user=user, meeting=october, title="Risk", number=24)
    with pytest.raises(rules.Refused):
        minuting.approve(user=user, meeting=october, approving=a_meeting(panel, NOV_19))  # not circulated
    minuting.circulate(user=user, meeting=october, on=OCT_15)
    for approving in (october, a_meeting(panel, date(2010, 9, 10)), a_meeting(cabinet, NOV_19)):
        with pytest.raises(rules.Refused):
            minuting.approve(user=user, meeting=october, approving=approving)
    october.refresh_from_db()
    assert october.approved_at is None
    assert october.state == Meeting.DRAFT_MINUTES
    later = Meeting.objects.get(body=panel, date=NOV_19)
    minuting.approve(user=user, meeting=october, approving=later, correction="Add Councillor Kaye.")
    october.refresh_from_db()
    assert (october.approved_at, october.approval_correction, october.state) == (
        later,
        "Add Councillor Kaye.",
        Meeting.MINUTES_APPROVED,
    )


def test_publishing_freezes_the_minutes_and_the_log_and_a_correction_is_a_new_version(panel, users):
    user = users["performance_officer"]
    october, _, action = approved_minutes(panel, users)
    with pytest.raises(rules.Refused):
        minuting.publish(user=user, meeting=Meeting.objects.get(body=panel, date=NOV_19))  # not approved
    first = minuting.publish(user=user, meeting=october)
    october.refresh_from_db()
    assert october.state == Meeting.PUBLISHED
    assert first.content["minutes"][0]["label"] == "D24"
    log = minuting.current_log(october)
    assert log.kind == "action_log"
    assert log.subject == october.subject_key
    frozen_details = log.content["log"]["bands"]["raised"][0]["details"]
    assert frozen_details == "That the risk register be circulated."
    # Changes to the action afterwards never alter the published log.
    services.edit_action(user=user, action=action, details="Something else entirely.")
    services.discharge(user=user, action=action, on=OCT_15, evidence="Circulated at the meeting.")
    log = minuting.current_log(october)
    assert log.content["log"]["bands"]["raised"][0]["details"] == frozen_details
    assert log.content["log"]["bands"]["discharged"] == []
    # Nothing changed: no new version. A correction: version 2, both readable.
    with pytest.raises(rules.Refused):
        minuting.publish(user=user, meeting=october)
    minute = october.minutes.get()
    minuting.edit_minute(
        user=user, minute=minute, title=minute.title, narrative="Corrected.", expected_version=1
    )
    second = minuting.publish(user=user, meeting=october)
    assert second.version == 2
    versions = publications.versions("minutes", october.subject_key)
    assert [v.content["minutes"][0]["narrative"] for v in versions] == ["", "Corrected."]
    assert len(publications.versions("action_log", october.subject_key)) == 1
    # Links to each version only for those who read the bodies' records (register_kind in apps.ready).
    address = reverse("governance:minutes", args=[panel.slug, OCT_15.isoformat()])
    assert publications.url_for(users["viewer"], first) == f"{address}?version=1"
    assert publications.url_for(users["school"], first) is None
    log_address = reverse("governance:meeting_log", args=[panel.slug, OCT_15.isoformat()])
    assert publications.url_for(users["viewer"], minuting.current_log(october)) == log_address


def test_the_pages_read_the_frozen_log_after_publication(client, panel, users):
    user = users["performance_officer"]
    october, _, action = approved_minutes(panel, users)
    minuting.publish(user=user, meeting=october)
    services.edit_action(user=user, action=action, details="Changed after publication.")
    client.force_login(users["viewer"])
    args = [panel.slug, OCT_15.isoformat()]
    page = client.get(reverse("governance:meeting_log", args=args)).content.decode()
    assert "That the risk register be circulated." in page
    assert "Changed after publication." not in page
    data = json.loads(client.get(reverse("governance:meeting_log_download", args=[*args, "json"])).content)
    assert data["bands"]["raised"][0]["details"] == "That the risk register be circulated."
    assert "raised_on" not in data["bands"]["raised"][0]  # the issue's fields only
    # The workbook is made from the frozen log too: its words, numbers as numbers, dates as dates.
    workbook = client.get(reverse("governance:meeting_log_download", args=[*args, "xlsx"]))
    assert workbook["Content-Disposition"].endswith('-published.xlsx"')
    sheet = load_workbook(io.BytesIO(workbook.content))["Action log"]
    first = next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))
    assert first[1] == 1
    assert first[3] == "That the risk register be circulated."
    assert first[5].date() == OCT_15


def test_readers_read_the_published_version_without_exempt_minutes_for_viewers(client, panel, users):
    user = users["performance_officer"]
    october, _, _ = approved_minutes(panel, users)
    item = an_item(october, "Annual Report for Comments and Complaints", exempt=True, order=2)
    minute = minuting.write_minute(user=user, meeting=october, agenda_item=item)
    minuting.edit_minute(
        user=user, minute=minute, title=minute.title, narrative="Closed matter.", expected_version=1
    )
    args = [panel.slug, OCT_15.isoformat()]
    client.force_login(users["viewer"])
    assert "not published yet" in client.get(reverse("governance:minutes", args=args)).content.decode()
    assert client.get(reverse("governance:minutes_download", args=[*args, "html"])).status_code == 404
    minuting.publish(user=user, meeting=october)
    viewer_page = client.get(reverse("governance:minutes", args=args)).content.decode()
    assert "D24. RISK MANAGEMENT REPORT" in viewer_page
    assert "Closed matter." not in viewer_page
    assert "COMMENTS AND COMPLAINTS" not in viewer_page
    viewer_json = json.loads(client.get(reverse("governance:minutes_download", args=[*args, "json"])).content)
    assert [m["number"] for m in viewer_json["minutes"]] == ["D24"]
    client.force_login(users["lead_officer"])
    assert "Closed matter." in client.get(reverse("governance:minutes", args=args)).content.decode()
    # Those who run bodies read the published version too, until a correction makes the draft differ.
    client.force_login(user)
    assert (
        "You are reading version 1 as published."
        in client.get(reverse("governance:minutes", args=args)).content.decode()
    )
    minute.refresh_from_db()
    minuting.edit_minute(
        user=user, minute=minute, title=minute.title, narrative="Corrected.", expected_version=2
    )
    page = client.get(reverse("governance:minutes", args=args)).content.decode()
    assert "a correction not yet published: it differs from version 1" in page
    assert "Corrected." in page


def test_the_command_gives_the_issues_json(panel, users):
    _october, _, _ = approved_minutes(panel, users)
    out = io.StringIO()
    call_command("minutes", meeting=f"{panel.slug}/{OCT_15.isoformat()}", format="json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["attendance"] == {
        "present": ["Councillor G. A. Russell (in the Chair)"],
        "apologies": ["Councillor Donaldson"],
        "absent": [],
        "in_attendance": [],
    }
    assert data["minutes"][0]["number"] == "D24"  # as printed, with the body's prefix
    assert data["minutes"][0]["title"] == "Risk management report"
    assert data["minutes"][0]["resolutions"][0] == {
        "kind": "noted",
        "text": "That the report be received and its contents noted.",
    }
    assert isinstance(data["checks"], list)


def test_the_minutes_read_in_the_seeds_style(panel, users):
    october, _, _ = approved_minutes(panel, users)
    html = io.StringIO()
    call_command("minutes", meeting=f"{panel.slug}/{OCT_15.isoformat()}", format="html", stdout=html)
    text = html.getvalue()
    assert "Friday 15 October 2010, Town Hall" in text
    assert "Present:- Councillor G. A. Russell (in the Chair)." in text
    assert "Apologies for absence were received from Councillor Donaldson." in text
    assert "D24. RISK MANAGEMENT REPORT" in text
    assert "Resolved:- (1) That the report be received and its contents noted." in text
    assert "(2) That the risk register be circulated." in text
    assert Minute.objects.filter(meeting=october).count() == 1
