"""A performance officer manages a round in chromium: what is awaiting approval is read on the
round's page, and publishing asks to confirm on a page of its own. axe-core checks every page."""

import pytest

from outcomes.plans.models import Round

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ROUND_PAGE = "/plans/cypp-2013-16/rounds/june-2014/"


def test_withdrawing_and_publishing_a_report_ask_to_confirm_first(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.goto(ROUND_PAGE)
    visitor.click("button", "Withdraw the published report")
    assert page.get_by_role(
        "heading", name="Withdraw the published report for Update June 2014?"
    ).is_visible()
    assert Round.objects.get(slug="june-2014").is_published  # nothing changed yet
    visitor.click("link", "Cancel")
    assert page.url.endswith(ROUND_PAGE)
    assert Round.objects.get(slug="june-2014").is_published

    visitor.click("button", "Withdraw the published report")
    visitor.click("button", "Withdraw the report")
    assert "no longer published" in page.locator(".govuk-notification-banner").inner_text()
    assert not Round.objects.get(slug="june-2014").is_published

    visitor.click("button", "Publish the report to viewers")
    assert page.get_by_text("Viewers (board, scrutiny and panel members) will be able to read").is_visible()
    assert not Round.objects.get(slug="june-2014").is_published
    visitor.click("button", "Publish the report")
    assert "published to viewers" in page.locator(".govuk-notification-banner").inner_text()
    assert Round.objects.get(slug="june-2014").is_published


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
