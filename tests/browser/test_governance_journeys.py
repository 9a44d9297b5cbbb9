"""Issue 15's "Done when", walked in chromium as a new user would, through the pages only, on the
demo: the performance officer builds the LSCB's next agenda with a paper, publishes it and makes the
pack; records the meeting and a minute with a report-back resolution; approves and publishes the
earlier minutes; the owner adds a dated update from "What I owe"; the action is discharged by the
later agenda item; a viewer never sees an exempt item. axe-core checks every page visited."""

import re
from datetime import date
from pathlib import Path

import pytest

from outcomes.accounts.models import Person, User
from outcomes.governance import agenda_services, meetings, minuting
from outcomes.governance.models import Action, Meeting, Membership
from outcomes.jobs.worker import run_queued
from outcomes.papers.models import Paper

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEPTEMBER = "/governance/rlscb/meetings/2014-09-04/"
ITEM = "Lifestyle Survey 2009: what children told us"
REPORT_BACK = "That the multi-agency action plan be reported back to the Board in December"


def _september_with_its_agenda_published() -> Meeting:
    """Steps the first test walks through the pages: the item on the agenda, the agenda published.
    Ron Parry (the lead officer's sign-in) sits on the Board, so that he may own the action."""
    user = User.objects.get(username="performance")
    meeting = Meeting.objects.get(body__slug="rlscb", date=date(2014, 9, 4))
    agenda_services.add_item(user=user, meeting=meeting, title=ITEM, kind="paper", presenter="Sue Wilson")
    agenda_services.publish_agenda(user=user, meeting=meeting)
    Membership.objects.create(
        body=meeting.body, person=Person.objects.get(name="Ron Parry"), name="Ron Parry", role="member"
    )
    return meeting


def _until_the_pack_is_made(visitor):
    """The job's page refreshes itself (an HTTP Refresh every 2 s) until the pack is made: wait for
    that, as a person watching it would. Reloading by hand raced the page's own refresh."""
    visitor.page.get_by_text("Made the agenda pack").wait_for(timeout=60_000)
    visitor.page.wait_for_load_state("load")
    visitor.check()


def _open_the_september_meeting(visitor):
    visitor.goto("/")
    visitor.click("link", "Boards and actions")
    visitor.click("link", re.compile("Safeguarding Children Board"))
    visitor.click("link", "4 September 2014")
    assert visitor.page.url.endswith(SEPTEMBER)


def _september_minuted_with_the_report_back() -> Action:
    """What the second test does through the pages: the meeting held, the minute and its report back."""
    user = User.objects.get(username="performance")
    meeting = _september_with_its_agenda_published()
    meetings.advance(user=user, meeting=meeting, to=Meeting.HELD)
    minute = minuting.write_minute(
        user=user, meeting=meeting, agenda_item=meeting.agenda_items.get(title=ITEM)
    )
    resolution = minuting.add_resolution(
        user=user,
        minute=minute,
        kind="report_back",
        text=REPORT_BACK,
        target_body=meeting.body,
        owner_text="Ron Parry",
        owners=[Person.objects.get(name="Ron Parry")],
        due_on=date(2014, 12, 4),
    )
    return resolution.action


def test_the_performance_officer_builds_publishes_and_packs_the_next_agenda(visitor):
    page = visitor.page
    paper = Paper.objects.get(slug="lifestyle-survey-2009")
    visitor.sign_in("performance")
    _open_the_september_meeting(visitor)
    visitor.click("link", "The agenda")

    visitor.click("link", "Add an item")
    page.get_by_label("Title").fill("Lifestyle Survey 2009: what children told us")
    page.get_by_label("Kind").select_option(label="A paper")
    page.get_by_label("Presented by, as written").fill("Sue Wilson")
    page.get_by_label("Paper", exact=True).select_option(label=str(paper))
    visitor.click("button", "Save the item")
    assert "Lifestyle Survey 2009: what children told us" in page.locator("main").inner_text()

    visitor.click("button", "Publish the agenda")
    assert page.get_by_role("heading", name=re.compile("^Publish the agenda")).is_visible()
    visitor.click("button", "Publish the agenda")
    assert "Published the agenda, version 1." in page.locator(".govuk-notification-banner").inner_text()

    for fmt, label in (("pdf", "PDF"), ("docx", "Word")):
        page.get_by_label("Format").select_option(label=label)
        visitor.click("button", "Make the agenda pack")
        assert run_queued() == 1
        _until_the_pack_is_made(visitor)
        assert "Made the agenda pack" in page.locator("main").inner_text()
        with page.expect_download() as download:
            page.get_by_role("link", name=re.compile(f"^Download .*agenda-pack.*\\.{fmt}$")).click()
        data = Path(download.value.path()).read_bytes()
        assert data[:4] == (b"%PDF" if fmt == "pdf" else b"PK\x03\x04")
        visitor.click("link", "Back to the agenda")


def test_the_performance_officer_records_the_meeting_and_a_report_back(visitor):
    page = visitor.page
    meeting = _september_with_its_agenda_published()
    present = [m.name for m in meetings.members_on(meeting.body, meeting.date)][:2]
    visitor.sign_in("performance")
    _open_the_september_meeting(visitor)

    visitor.click("link", "Mark it “Held”")
    # The step's page says what it does; its button confirms, once.
    assert "never back" in page.locator("main").inner_text()
    visitor.click("button", "Mark it “Held”")
    assert "The meeting is now “Held”." in page.locator(".govuk-notification-banner").inner_text()
    visitor.click("link", "Record attendance")
    for name in present:
        page.get_by_role("group", name=f"Status of {name}").get_by_label("Present").check()
    visitor.click("button", "Save the attendance")
    text = page.locator("main").inner_text()
    assert "Present (2)" in text
    assert all(name in text for name in present)

    visitor.click("link", "The minutes")
    visitor.click("link", "Write a minute")
    page.get_by_label("Agenda item").select_option(label=ITEM)
    page.get_by_label("Narrative").fill("Sue Wilson presented the findings of the survey.")
    visitor.click("button", "Write the minute")
    visitor.click("link", re.compile("^Add a resolution"))
    page.get_by_label("Report back to a body").check()
    page.get_by_label("Resolved").fill(REPORT_BACK)
    page.get_by_label("Body", exact=True).select_option(label=str(meeting.body))
    page.get_by_label("Owner, as the minutes write it").fill("Ron Parry")
    page.get_by_label("Ron Parry").check()
    due = page.get_by_role("group", name="Due on (optional)")
    due.get_by_label("Day").fill("4")
    due.get_by_label("Month").fill("12")
    due.get_by_label("Year").fill("2014")
    visitor.click("button", "Add the resolution")
    action = Action.objects.get(body=meeting.body, details__contains="multi-agency action plan be reported")
    assert f"action {action.number}" in page.locator("main").inner_text()

    # The action on the Board's log, the item on its forward plan.
    visitor.click("link", meeting.body.name)
    row = page.get_by_role("row").filter(has_text=REPORT_BACK)
    assert "Ron Parry" in row.inner_text()
    visitor.click("link", "Forward plan")
    row = page.get_by_role("row").filter(has_text="Report back on minute")
    assert ITEM in row.inner_text()
    assert "4 December 2014" in row.inner_text()
    assert f"Action {action.number}" in row.inner_text()
    assert "Not placed yet" in row.inner_text()


def test_the_june_minutes_are_approved_in_september_and_published_with_the_seeds_log(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.click("link", "Boards and actions")
    visitor.click("link", re.compile("Safeguarding Children Board"))
    visitor.click("link", "5 June 2014")
    visitor.click("link", "The minutes")
    visitor.click("link", "Record the draft as circulated")
    when = page.get_by_role("group", name="Circulated on")
    when.get_by_label("Day").fill("20")
    when.get_by_label("Month").fill("6")
    when.get_by_label("Year").fill("2014")
    visitor.click("button", "Record the circulation")
    visitor.click("link", "Record their approval at a later meeting")
    page.get_by_label("The meeting that approved them").select_option(label="The meeting of 4 September 2014")
    visitor.click("button", "Record the approval")
    visitor.click("link", "Publish the minutes")
    assert "publish a correction, as a new version" in page.locator("main").inner_text()
    visitor.click("button", "Publish the minutes")
    assert "Approved at the meeting of 4 September 2014." in page.locator("main").inner_text()

    visitor.click("link", re.compile("^The action log as at 5 June 2014, as published"))
    bands: dict[str, list[int]] = {}
    band = ""
    for row in page.locator(".app-paper tr").all_inner_texts():
        if row.strip().startswith("Action"):
            band = row.strip()
            bands[band] = []
        elif band and (number := re.match(r"\s*(\d+)", row)):
            bands[band].append(int(number.group(1)))
    assert bands == {
        "Actions raised on 05.06.2014": list(range(1, 11)),
        "Actions ongoing as at 05.06.2014": list(range(11, 16)),
        "Actions Points Discharged on 05.06.2014": list(range(16, 31)),
    }


def test_the_owner_updates_from_what_i_owe_and_the_later_item_discharges_the_action(visitor):
    page = visitor.page
    action = _september_minuted_with_the_report_back()
    meetings.schedule(
        user=User.objects.get(username="performance"),
        body=action.body,
        on=date(2014, 12, 4),
        venue="Town Hall",
    )
    visitor.sign_in("lead")
    visitor.click("link", "Boards and actions")
    visitor.click("link", re.compile("^What I owe"))
    visitor.click("link", f"RLSCB action {action.number}")
    visitor.click("link", "Add an update")
    when = page.get_by_role("group", name="Date of the update")
    when.get_by_label("Day").fill("1")
    when.get_by_label("Month").fill("10")
    when.get_by_label("Year").fill("2014")
    page.get_by_label("Update").fill("The action plan was shared with the Board's members.")
    visitor.click("button", "Add the update")
    text = page.locator("main").inner_text()
    assert "1 October 2014 – entered by Ron Parry" in text  # in words on the page; the log prints 01.10.14
    assert "The action plan was shared" in text
    visitor.click("button", "Sign out")

    visitor.sign_in("performance")
    visitor.click("link", "Boards and actions")
    visitor.click("link", re.compile("Safeguarding Children Board"))
    visitor.click("link", "4 December 2014")
    visitor.click("link", "The agenda")
    visitor.click("link", "Place an item from the forward plan")
    plan_item = action.forward_plan_items.get()
    page.get_by_label("Forward plan item").select_option(value=str(plan_item.pk))
    visitor.click("button", "Place it on the agenda")
    visitor.click("link", "The RLSCB forward plan")
    visitor.click("link", f"Action {action.number}")
    visitor.click("link", "Discharge it by pointing at the agenda item that took its report")
    page.get_by_label("The agenda item that took the report").select_option(
        label=f"RLSCB, 4 December 2014: {plan_item.title[:100]}"
    )
    visitor.click("button", "Discharge the action")
    action.refresh_from_db()
    assert action.status == Action.DISCHARGED
    assert action.evidence_item.meeting.date == date(2014, 12, 4)
    assert "Discharged" in page.locator("main").inner_text()


CLOSED = "A closed matter about a named child"


def _september_with_an_exempt_item_minuted_and_published() -> Meeting:
    user = User.objects.get(username="performance")
    meeting = Meeting.objects.get(body__slug="rlscb", date=date(2014, 9, 4))
    agenda_services.add_item(user=user, meeting=meeting, title=ITEM, kind="paper")
    closed = agenda_services.add_item(
        user=user, meeting=meeting, title=CLOSED, exempt=True, exempt_reason="Paragraph 2 of Schedule 12A"
    )
    agenda_services.publish_agenda(user=user, meeting=meeting)
    meetings.advance(user=user, meeting=meeting, to=Meeting.HELD)
    minuting.write_minute(user=user, meeting=meeting, agenda_item=meeting.agenda_items.get(title=ITEM))
    minuting.write_minute(user=user, meeting=meeting, agenda_item=closed, narrative="Named child's case.")
    minuting.circulate(user=user, meeting=meeting, on=date(2014, 9, 10))
    december = meetings.schedule(user=user, body=meeting.body, on=date(2014, 12, 4))
    minuting.approve(user=user, meeting=meeting, approving=december)
    minuting.publish(user=user, meeting=meeting)
    return meeting


def test_a_viewer_never_sees_an_exempt_item(visitor):
    page = visitor.page
    _september_with_an_exempt_item_minuted_and_published()
    visitor.sign_in("viewer")
    _open_the_september_meeting(visitor)
    assert ITEM in page.locator("main").inner_text()
    assert CLOSED not in page.content()

    visitor.click("link", "The agenda")
    assert ITEM in page.locator("main").inner_text()
    assert CLOSED not in page.content()
    page.get_by_label("Format").select_option(label="HTML")
    visitor.click("button", "Make the agenda pack")
    assert run_queued() == 1
    _until_the_pack_is_made(visitor)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^Download .*agenda-pack.*\.html$")).click()
    pack = Path(download.value.path()).read_text(encoding="utf-8")
    assert ITEM in pack
    assert CLOSED not in pack

    visitor.goto(SEPTEMBER)
    visitor.click("link", "The minutes")
    assert ITEM.upper() in page.locator("main").inner_text()  # the minutes head each minute in capitals
    assert CLOSED.upper() not in page.content().upper()
