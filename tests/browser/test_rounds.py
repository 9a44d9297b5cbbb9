"""A performance officer manages a round in chromium: what is awaiting approval is read on the
round's page, and publishing (and revising) asks to confirm on a page of its own. axe-core checks
every page."""

import pytest

from outcomes.accounts.models import User
from outcomes.plans import services
from outcomes.plans.models import Round, Update
from outcomes.reports import publishing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ROUND_PAGE = "/plans/cypp-2013-16/rounds/june-2014/"
REPORT_PAGE = ROUND_PAGE + "report/"


def test_publishing_and_revising_a_report_keeps_both_versions(visitor):
    """Publish -> revise (issue 14): the officer closes the round and publishes the report, which
    becomes version 2 beside the interim version 1 the demo arrived with; the viewer reads both."""
    page = visitor.page
    june = Round.objects.get(slug="june-2014")
    update = Update.objects.get(round=june, milestone__priority__number=1, milestone__number=28)
    lead = User.objects.get(username="lead")
    services.save_update(
        user=lead,
        round_=june,
        milestone=update.milestone,
        text="Menus lack the nutrients",
        weights={"red": "1"},
        expected_version=update.version,
    )
    visitor.sign_in("performance")
    visitor.goto(ROUND_PAGE)
    assert page.get_by_role("button", name="Publish the report to viewers").count() == 0  # open round
    visitor.click("link", "1 awaiting approval")
    visitor.click("button", "Approve P1 M28")
    visitor.click("link", "Close this round")
    visitor.click("button", "Close the round")
    visitor.click("button", "Publish the report to viewers")
    assert page.get_by_role("heading", name="Publish the report for Update June 2014?").is_visible()
    assert publishing.current(june).version == 1  # nothing changed yet
    visitor.click("button", "Publish the report")
    assert "Version 2 of the report" in page.locator(".govuk-notification-banner").inner_text()
    revision = page.locator("main").inner_text()
    assert "replacing the version of 30 June 2014" in revision
    assert "P1 M28: status Amber → Red." in revision
    visitor.click("button", "Sign out")

    visitor.sign_in("viewer")
    visitor.goto(REPORT_PAGE)
    assert "Version 2, published" in page.locator("main").inner_text()
    visitor.click("link", "Version 1")
    assert "Interim report" in page.locator(".app-banner").inner_text()
    assert "Menus lack the nutrients" not in page.content()


def test_the_officer_reads_what_awaits_approval_on_the_round_page_and_approves_it(visitor):
    page = visitor.page
    visitor.sign_in("lead")
    visitor.click("link", "My milestones")
    visitor.click("link", "Update P1 M26")
    page.get_by_label("Update for Update June 2014").fill("Menus agreed with every school for September")
    page.get_by_role("radio", name="Green").check()
    visitor.click("button", "Save update")
    visitor.click("button", "Sign out")

    visitor.sign_in("performance")
    visitor.goto(ROUND_PAGE)
    visitor.click("link", "1 awaiting approval")
    row = page.locator("#p1-m26")
    text = row.inner_text()
    assert "Menus agreed with every school for September" in text  # the update, read in place
    assert "Improve school meal process and promote service" in text  # the milestone's wording
    assert "Green" in text
    assert "Awaiting approval" in text
    row.get_by_role("button", name="Approve P1 M26").click()
    visitor.check()
    assert "Update for P1 M26 approved." in page.locator(".govuk-notification-banner").inner_text()
