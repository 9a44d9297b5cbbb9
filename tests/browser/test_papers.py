"""A performance officer writes a committee paper in chromium, without JavaScript needed: the
refusal names what is missing, a live figure is placed, publishing asks first; a viewer then reads
the published paper. axe-core checks every page."""

import pytest

from outcomes.papers.models import Paper
from outcomes.papers.services import current_publication

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_writing_and_publishing_a_paper(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.click("link", "Papers")
    visitor.click("link", "Write a new paper")
    visitor.click("button", "Start the paper")  # nothing typed: the errors say what to enter
    assert "Enter the meeting the paper goes to" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("1. Meeting").fill("Children and Young People's Scrutiny Panel")
    page.get_by_label("3. Title").fill("Progress of the plan, June 2014")
    visitor.click("button", "Start the paper")

    page.locator("#id_text_date").fill("Friday 18th July 2014")
    page.locator("#id_text_summary").fill("The plan's progress in June 2014.")
    visitor.click("button", "Save the paper")
    visitor.click("link", "Publish")
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Field 4 Directorate is empty." in summary
    assert "The section “Finance” is required and has not been written." in summary

    visitor.click("link", "Write the missing parts")
    page.locator("#id_text_directorate").fill("Children and Young People's Services")
    for key in ("recommendations", "proposals", "finance", "risks", "policy", "background"):
        page.locator(f"#id_text_{key}").fill(f"Written for {key}.")
    page.get_by_label("Contact name").fill("Sue Wilson")
    page.get_by_label("Telephone").fill("01709 822511")
    visitor.click("button", "Save the paper")

    visitor.click("link", "Add a figure")
    page.get_by_label("Section", exact=True).select_option(label="Proposals and Details")
    page.get_by_role("radio", name="A progress round's overview table").check()
    page.get_by_label("Progress round", exact=True).select_option(
        label="Rotherham Children and Young People's Action Plan 2013 – 2016: Update June 2014"
    )
    visitor.click("button", "Add the figure")
    assert "Figure added to Proposals and Details." in page.locator(".govuk-notification-banner").inner_text()
    assert page.get_by_text("As at ").first.is_visible()

    visitor.click("link", "Publish")
    visitor.click("button", "Publish the paper")  # the confirmation page follows
    assert page.get_by_role(
        "heading", name="Publish version 1 of “Progress of the plan, June 2014”?"
    ).is_visible()
    paper = Paper.objects.get(slug="progress-of-the-plan-june-2014")
    assert current_publication(paper) is None
    visitor.click("button", "Publish the paper")
    assert "Version 1 published." in page.locator(".govuk-notification-banner").inner_text()
    assert current_publication(paper).version == 1
    visitor.click("button", "Sign out")

    visitor.sign_in("viewer")
    visitor.click("link", "Papers")
    visitor.click("link", "Progress of the plan, June 2014")
    text = page.locator("main").inner_text()
    assert "Version 1, published on" in text
    assert "Total" in text
    assert "159" in text
    assert page.get_by_role("link", name="Word").is_visible()
