"""Issue 16's "a recommendation given a revised date still counts as late against its original
timescale", walked in chromium as a new user would, on the demo: the performance officer opens the
Safeguarding and LAC inspection, revises SLAC 5's date (due 15 November 2010) to 31 December with its
reason, and the recommendations page as at 20 November 2010 still counts it late; a viewer reads the
figures and the monthly snapshot. axe-core checks every page visited."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _date(page, name: str, day: str, month: str, year: str) -> None:
    page.locator(f"#{name}-day").fill(day)
    page.locator(f"#{name}-month").fill(month)
    page.locator(f"#{name}-year").fill(year)


def test_a_revised_date_still_counts_late_against_the_original(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.click("link", "Inspections")
    visitor.click("link", "Safeguarding and Looked After Children inspection")
    expect(page.get_by_text("Reconstructed: the seed gives this inspection's counts")).to_be_visible()
    visitor.click("link", "SLAC 5")
    visitor.click("link", "Revise its due date")
    # Without its reason the revision is refused, with the reason named.
    _date(page, "due_on", "31", "12", "2010")
    _date(page, "agreed_on", "10", "11", "2010")
    visitor.click("button", "Record the revised date")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the reason the date is revised")
    visitor.check()
    page.get_by_label("Reason").fill("The new placements panel first meets in December.")
    page.get_by_label("Agreed by").fill("DLT")
    visitor.click("button", "Record the revised date")
    expect(page.get_by_role("heading", name="Recommendation SLAC 5")).to_be_visible()
    revision = page.get_by_role("row").filter(has_text="The new placements panel").first
    expect(revision).to_contain_text("31 December 2010")
    expect(revision).to_contain_text("By DLT on 10 November 2010")
    expect(page.locator("main")).to_contain_text("15 November 2010 (agreed")

    visitor.click("link", "Inspections")
    visitor.click("link", re.compile("Recommendations and the two figures"))
    _date(page, "as_at", "20", "11", "2010")
    visitor.click("button", "Show the recommendations")
    expect(page.get_by_role("heading", level=1)).to_contain_text("as at 20 November 2010")
    within = page.locator("#within")
    # Due by then: all 19 of fostering and safeguarding; in time: FOS 1-5 and SLAC 1-4.
    expect(within).to_contain_text("47.4%")
    expect(within).to_contain_text("Not met")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="SLAC 5", exact=True))
    expect(row).to_contain_text("31 December 2010")
    expect(row).to_contain_text("Late")
    # Only at risk: before 15 November it was; on 20 November it is late, not at risk.
    page.get_by_label("Only those at risk").check()
    visitor.click("button", "Show the recommendations")
    expect(page.get_by_role("link", name="SLAC 5", exact=True)).to_have_count(0)
    expect(page.locator("#within")).to_contain_text("47.4%")


def test_a_viewer_reads_the_figures_and_the_monthly_snapshot(visitor):
    page = visitor.page
    visitor.sign_in("viewer")
    visitor.click("link", "Inspections")
    visitor.click("link", re.compile("Monthly snapshots"))
    visitor.click("link", "Inspection recommendations as at 31 October 2010")
    expect(page.locator("main")).to_contain_text("Completed within the original timescale")
    expect(page.locator("main")).to_contain_text("Version 1")
    expect(page.get_by_role("link", name="Take the snapshot")).to_have_count(0)
    visitor.goto("/inspections/fostering-2010/7/")
    expect(page.get_by_role("link", name="Revise its due date")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Late")
