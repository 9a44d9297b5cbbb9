"""A performance officer reads the data-quality page and explains the school-meals sum of seed 003
(issue 11), with axe-core checking every page on the way."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The link's hidden words say which finding it explains (Chromium reads "Mark explained : …").
EXPLAIN_MEALS = re.compile(
    r"^Mark explained\s*: Rotherham .* 2013 – 2016, priority 1, milestone 27, Update June 2014$"
)


def test_performance_officer_marks_a_finding_explained(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.click("link", "Data quality")
    assert page.get_by_role("heading", name="Data quality", level=1).is_visible()
    section = page.locator(
        "section", has=page.get_by_role("heading", name="Arithmetic in an update that does not add up")
    )
    assert "The update says the change is 530, but from 16,553 to 17,087 is 534." in section.inner_text()
    assert "To look at" in section.inner_text()

    visitor.click("link", EXPLAIN_MEALS)
    assert page.get_by_role("heading", name="Explain a finding").is_visible()
    # Nothing typed: the error says what to do, and nothing is explained.
    visitor.click("button", "Mark explained")
    assert page.title().startswith("Error:")
    assert "Enter why this is not a problem" in page.locator(".govuk-error-summary").inner_text()

    page.get_by_label("Why this is not a problem").fill(
        "The baseline was restated to 16,553 without Wales High School; 530 was the earlier figure."
    )
    visitor.click("button", "Mark explained")
    assert "Marked explained" in page.locator(".govuk-notification-banner").inner_text()
    section = page.locator(
        "section", has=page.get_by_role("heading", name="Arithmetic in an update that does not add up")
    )
    row = " ".join(section.inner_text().split())
    assert "Explained The baseline was restated to 16,553 without Wales High School" in row
    assert "By Sue Wilson" in row
    assert "To look at" not in row


def test_the_lead_officer_has_no_data_quality_page(visitor):
    visitor.sign_in("lead")
    assert visitor.page.get_by_role("link", name="Data quality").count() == 0
    response = visitor.page.goto(visitor.base_url + "/data-quality/")
    assert response.status == 403
