"""Issue 15's "Done when", walked in chromium as a new user would, through the pages only, on the
demo: the performance officer builds the LSCB's next agenda with a paper, publishes it and makes the
pack; records the meeting and a minute with a report-back resolution; approves and publishes the
earlier minutes; the owner adds a dated update from "What I owe"; the action is discharged by the
later agenda item; a viewer never sees an exempt item. axe-core checks every page visited."""

import re
from datetime import date

import pytest

from outcomes.accounts.models import Person, User
from outcomes.governance import agenda_services, meetings
from outcomes.governance.models import Action, Body, Meeting, Membership
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


def _open_the_september_meeting(visitor):
    visitor.goto("/")
    visitor.click("link", "Boards and actions")
    visitor.click("link", re.compile("Safeguarding Children Board"))
    visitor.click("link", "4 September 2014")
    assert visitor.page.url.endswith(SEPTEMBER)


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
        page.reload()
        visitor.check()
        assert "Made the agenda pack" in page.locator("main").inner_text()
        with page.expect_download() as download:
            page.get_by_role("link", name=re.compile(f"^Download .*agenda-pack.*\\.{fmt}$")).click()
        data = open(download.value.path(), "rb").read()
        assert data[:4] == (b"%PDF" if fmt == "pdf" else b"PK\x03\x04")
        visitor.click("link", "Back to the agenda")


def test_the_performance_officer_records_the_meeting_and_a_report_back(visitor):
    page = visitor.page
    meeting = _september_with_its_agenda_published()
    present = [m.name for m in meetings.members_on(meeting.body, meeting.date)][:2]
    visitor.sign_in("performance")
    _open_the_september_meeting(visitor)

    visitor.click("link", "Mark it “Held”")
    visitor.click("button", "Mark it “Held”")
    assert page.get_by_role("heading", name="Mark the meeting of 4 September 2014 “Held”?").is_visible()
    visitor.click("button", "Mark it “Held”")
    assert "The meeting is now “Held”." in page.locator(".govuk-notification-banner").inner_text()
    visitor.click("link", "Record attendance")
    for name in present:
        page.get_by_role("group", name=f"Status of {name}").get_by_label("Present").check()
    visitor.click("button", "Save the attendance")
    text = page.locator("main").inner_text()
    assert "Present (2)" in text and all(name in text for name in present)

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
    assert ITEM in row.inner_text() and "4 December 2014" in row.inner_text()
    assert f"Action {action.number}" in row.inner_text() and "Not placed yet" in row.inner_text()
