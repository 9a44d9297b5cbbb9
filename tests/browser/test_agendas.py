"""A performance officer builds the partnership's agenda in chromium: a heading, an item with its
paper, an exempt item with its reason; publishing asks first; a viewer then reads the published
agenda without the exempt item. axe-core checks every page."""

from datetime import date

import pytest

from outcomes.governance import agenda_services
from outcomes.governance.models import Body, Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CLOSED = "A closed matter about a named child"


def test_building_and_publishing_an_agenda(visitor):
    page = visitor.page
    meeting = Meeting.objects.create(
        body=Body.objects.get(slug="cypfp"), date=date(2014, 10, 15), venue="Town Hall"
    )
    agenda = "/governance/cypfp/meetings/2014-10-15/agenda/"
    visitor.sign_in("performance")
    visitor.goto(agenda)
    assert "The agenda has no items yet." in page.locator("main").inner_text()

    visitor.click("link", "Add a heading")
    page.get_by_label("Heading").fill("For Decision")
    visitor.click("button", "Save the heading")

    visitor.click("link", "Add an item")
    visitor.click("button", "Save the item")  # nothing typed: the error says what to enter
    assert "Enter the item's title" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Title").fill("Lifestyle Survey 2009")
    page.get_by_label("Kind").select_option(label="A paper")
    page.get_by_label("Heading", exact=True).select_option(label="For Decision")
    page.get_by_label("Presented by, as written").fill("Sue Wilson")
    page.get_by_label("Paper", exact=True).select_option(value=str(_paper_pk("lifestyle-survey-2009")))
    visitor.click("button", "Save the item")

    visitor.click("link", "Add an item")
    page.get_by_label("Title").fill(CLOSED)
    page.get_by_label("Exempt: closed to the public").check()
    visitor.click("button", "Save the item")
    assert "Enter why the item is exempt" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Why it is exempt").fill("Paragraph 2 of Schedule 12A")
    visitor.click("button", "Save the item")
    text = page.locator("main").inner_text()
    assert "Lifestyle Survey 2009" in text
    assert CLOSED in text

    visitor.click("button", "Publish the agenda")
    assert page.get_by_role(
        "heading", name="Publish the agenda of the CYPFP meeting of 15 October 2014?"
    ).is_visible()
    assert agenda_services.current(meeting) is None
    visitor.click("button", "Publish the agenda")
    assert "Published the agenda, version 1." in page.locator(".govuk-notification-banner").inner_text()
    visitor.click("button", "Sign out")

    visitor.sign_in("viewer")
    visitor.goto(agenda)
    text = page.locator("main").inner_text()
    assert "Lifestyle Survey 2009" in text
    assert "Sue Wilson" in text
    assert CLOSED not in text
    visitor.click("link", "Published versions")
    visitor.click("link", "Version 1")
    assert CLOSED not in page.locator("main").inner_text()


def _paper_pk(slug: str) -> int:
    from outcomes.papers.models import Paper

    return Paper.objects.get(slug=slug).pk
