"""A body set up through the pages as a new performance officer would: the panel, its chair from a
date, a first meeting whose attendance lists her; then the LSCB's open actions by owner. axe-core
checks every page visited."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_date(page, legend: str, day: str, month: str, year: str) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)


def test_the_performance_officer_sets_up_a_panel_with_its_chair_and_first_meeting(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.click("link", "Boards and actions")
    visitor.click("link", "Set up a body")
    page.get_by_label("Name", exact=True).fill("Corporate Parenting Panel")
    page.get_by_label("Short name").fill("CPP")
    page.get_by_label("Starting again at 1 at each meeting").check()
    visitor.click("button", "Set up the body")
    assert "Corporate Parenting Panel set up. Add its members next." in page.locator("main").inner_text()

    visitor.click("link", "Add a member")
    page.get_by_label("Name, as the minutes write it").fill("Councillor Jane Doe")
    page.get_by_label("Role").select_option(label="Chair")
    _fill_date(page, "From (optional)", "1", "4", "2014")
    visitor.click("button", "Add the member")
    held = page.get_by_role("table", name=re.compile("^Seats held on"))
    assert "Councillor Jane Doe" in held.inner_text()
    assert "1 April 2014" in held.inner_text()
    assert "Added Councillor Jane Doe as chair of CPP" in page.locator("main").inner_text()

    visitor.click("link", "The action log and meetings")
    visitor.click("link", "Schedule a meeting")
    _fill_date(page, "Date of the meeting", "10", "9", "2014")
    visitor.click("button", "Schedule the meeting")
    visitor.click("link", "Record attendance")
    assert page.get_by_role("group", name="Status of Councillor Jane Doe").is_visible()


def test_the_performance_officer_reads_what_is_owed_on_the_lscb(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.click("link", "Boards and actions")
    visitor.click("link", re.compile("Safeguarding Children Board"))
    visitor.click("link", re.compile("^What is owed"))
    text = page.locator("main").inner_text()
    assert "21 open actions" in text
    assert page.get_by_role("heading", name="All RLSCB members").is_visible()
    visitor.click("link", "Action 5")
    assert page.url.endswith("/governance/rlscb/actions/5/")
