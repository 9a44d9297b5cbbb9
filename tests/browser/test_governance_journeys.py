"""Issue 15's "Done when", walked in chromium as a new user would, through the pages only, on the
demo: the performance officer builds the LSCB's next agenda with a paper, publishes it and makes the
pack; records the meeting and a minute with a report-back resolution; approves and publishes the
earlier minutes; the owner adds a dated update from "What I owe"; the action is discharged by the
later agenda item; a viewer never sees an exempt item. axe-core checks every page visited."""

import re
from datetime import date

import pytest

from outcomes.governance.models import Meeting
from outcomes.jobs.worker import run_queued
from outcomes.papers.models import Paper

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEPTEMBER = "/governance/rlscb/meetings/2014-09-04/"


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
