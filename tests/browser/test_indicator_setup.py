"""A performance officer sets up an indicator and a dated target with amber tolerance, in Debian's
chromium with axe-core checking every page on the way (issue 11 item 4)."""

import re

import pytest

from outcomes.indicators.models import Indicator, Target

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_performance_officer_sets_up_an_indicator_and_its_target(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.goto("/indicators/")
    visitor.click("link", "Set up an indicator")
    assert page.get_by_role("heading", name="Set up an indicator").is_visible()

    page.get_by_label("Code", exact=True).fill("CYPP-LAC1")
    page.get_by_label("Name", exact=True).fill("Looked-after children per 10,000")
    page.get_by_label("Definition", exact=True).fill("Children looked after on 31 March.")
    page.get_by_label("Unit", exact=True).select_option(label="Rate per N")
    page.get_by_label("Numerator", exact=True).fill("Children looked after")
    page.get_by_label("Denominator", exact=True).fill("Children under 18")
    page.get_by_label("Low is good").check()
    page.get_by_label("Period type").select_option(label="Financial year")
    visitor.click("button", "Set up the indicator")

    # A rate without what it is per is refused, at its field, with what was typed kept.
    summary = page.locator(".govuk-error-summary")
    assert "Enter what the rate is per, for example 10000" in summary.inner_text()
    assert page.get_by_label("Code", exact=True).input_value() == "CYPP-LAC1"
    summary.get_by_role("link", name=re.compile("Enter what the rate is per")).click()
    page.get_by_label("Rate per").fill("10000")
    visitor.click("button", "Set up the indicator")

    assert page.get_by_role("heading", name="Targets").is_visible()
    assert (
        "Set up CYPP-LAC1"
        in page.locator(".govuk-notification-banner, .app-messages, main").first.inner_text()
    )
    indicator = Indicator.objects.get(code="CYPP-LAC1")
    assert (indicator.unit_kind, indicator.multiplier, indicator.polarity) == ("rate", 10000, "low")

    visitor.click("link", "Add a target")
    page.get_by_label("For the period").fill("2014-15")
    page.get_by_label("Target", exact=True).fill("78.5")
    page.get_by_label("Amber tolerance").fill("2")
    page.get_by_label(re.compile("In the indicator's units")).check()
    visitor.click("button", "Save the target")

    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="2014-15"))
    cells = [" ".join(c.split()) for c in row.locator("td").all_inner_texts()]
    assert cells[1:3] == ["78.5", "2 in its units"]
    target = Target.objects.get(indicator=indicator)
    assert (str(target.value), str(target.amber_tolerance), target.area_id) == ("78.500000", "2.000000", None)

    visitor.click("link", "History of changes to CYPP-LAC1")
    history = page.locator("main").inner_text()
    assert "Added a target 2014-15 of CYPP-LAC1" in history
    assert "Set up CYPP-LAC1 Looked-after children per 10,000" in history
    assert "Good performance: Low is good." in history
