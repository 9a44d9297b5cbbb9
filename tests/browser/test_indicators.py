"""The indicator journeys of issue 3's "Done when", in Debian's chromium with axe-core checking
every page on the way: Rotherham's scorecard, NI 59 with its series, targets, exception and
challenge session, the KPI technical table, and recording a clinic."""

import re

import pytest

from outcomes.indicators import rules
from outcomes.indicators.kpi_table import format_figure
from outcomes.indicators.models import Area, DerivedFigure, Indicator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def words(text: str) -> str:
    return " ".join(text.split())


def latest(code: str) -> DerivedFigure:
    rotherham = Area.objects.get(la_number=372)
    return (
        DerivedFigure.objects.filter(indicator__code=code, area=rotherham, value__isnull=False)
        .select_related("indicator", "period")
        .order_by("-period__sort_key")
        .first()
    )


def test_rotherhams_scorecard_shows_value_direction_neighbours_england_rank_and_band(visitor):
    page = visitor.page
    visitor.sign_in("viewer")
    visitor.goto("/indicators/")
    visitor.click("link", "Rotherham scorecard")
    assert page.get_by_role("heading", name="Rotherham", exact=True).is_visible()
    fig = latest("ReReferral")
    indicator = fig.indicator
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=indicator.name, exact=True))
    cells = [words(c) for c in row.locator("td").all_text_contents()]
    assert cells[0] == fig.period.label
    assert cells[1] == format_figure(fig.value, indicator)
    assert cells[2].startswith({1: "↑", 0: "→", -1: "↓"}[fig.dot])
    # The neighbours' average is shown as the measure publishes its values (decision 0040).
    series = DerivedFigure.objects.filter(indicator=indicator, area=fig.area).values_list("value", flat=True)
    places = rules.shown_places(indicator, list(series))
    assert cells[3].startswith(format_figure(fig.sn_average, indicator, places))
    assert cells[5].startswith(format_figure(fig.england_value, indicator))
    assert cells[6] == f"{fig.rank} of {fig.rank_of}"
    assert cells[7] == fig.quartile_band
    # Each symbol is there in words for screen readers.
    hidden = row.locator(".govuk-visually-hidden").all_inner_texts()
    assert any(t in ("improving", "worsening", "no change") for t in hidden)

    row.get_by_role("link", name=re.compile("Compare with neighbours")).click()
    visitor.check()
    assert page.get_by_role("heading", name="Rotherham and its statistical neighbours").is_visible()
    assert page.locator("svg[role=img]").count() == 1


def test_ni_59_shows_its_monthly_series_targets_exception_and_challenge_session(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.goto("/indicators/")
    page.get_by_label("Code or name contains").fill("NI 59")
    visitor.click("button", "Show indicators")
    visitor.click("link", "NI 59")
    assert page.get_by_role("heading", name=re.compile("^NI 59: Initial assessments")).is_visible()
    months = page.get_by_role("table", name=re.compile("by month"))
    october = months.get_by_role("row").filter(has_text="October 2010")
    assert words(october.locator("td").first.inner_text()) == "83.46%"
    assert months.get_by_role("row").count() == 11  # a heading and ten months
    targets = page.get_by_role("table", name="Targets of NI 59")
    assert "85%" in targets.get_by_role("row").filter(has_text="By 31 October 2010").inner_text()
    exceptions = words(page.locator("#exceptions + ul").inner_text())
    missed = "Missed target (Rotherham, October 2010): 83.46% in October 2010 against a target of 85%"
    assert missed in exceptions
    assert page.get_by_role("img", name=re.compile("NI 59 .*by month")).is_visible()

    session = "Challenge session: NI 59: initial assessments within 7 working days, 12 October 2010"
    visitor.click("link", session)
    assert page.get_by_role("heading", name="NI 59: initial assessments within 7 working days").is_visible()
    actions = page.get_by_role("table", name="Actions agreed at this meeting")
    assert "validation exercise on the assessments recorded on SWIFT" in actions.inner_text()
    assert "Gani Martins" in actions.inner_text()


def test_the_kpi_technical_table_with_its_legend(visitor):
    page = visitor.page
    visitor.sign_in("lead")
    visitor.goto("/indicators/kpi-table/")
    assert page.get_by_role("heading", name="Performance indicators – technical information").is_visible()
    table = page.get_by_role("table", name=re.compile("Performance indicators – technical information"))
    ni45 = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name="NI 45"))
    cells = [words(c) for c in ni45.locator("td").all_text_contents()]
    assert cells[2:14] == [
        "HIGH",
        "72.6%",
        "75.6%",
        "71.0%",
        "✗not on target",
        "↓worsening",
        "▲worse than target",
        "75.6%",
        "▲worse than statistical neighbours",
        "73.1%",
        "▲worse than England",
        "78.0%",
    ]
    assert "Better than / in line with / worse than" in page.locator("main").inner_text()

    page.get_by_label("Or these indicator codes").fill("NI 59, NI 60, NI 68")
    visitor.click("button", "Show the table")
    refs = [words(t) for t in table.get_by_role("rowheader").all_inner_texts()]
    assert refs == ["NI 59", "NI 60", "NI 68"]


def test_a_performance_officer_records_a_clinic_and_its_agreed_action(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.goto("/indicators/exceptions/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="NI 60"))
    row.get_by_role("link", name=re.compile("Record a clinic")).first.click()
    visitor.check()
    assert page.get_by_label("Indicators reviewed").input_value() == "NI 60"
    page.get_by_label("Title").fill("Core assessments within 35 days")
    page.get_by_label("Date", exact=True).fill("the fourth")
    visitor.click("button", "Save")
    assert "Enter the date as YYYY-MM-DD" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Date", exact=True).fill("2010-11-04")
    page.get_by_label("Attendees").fill("Gani Martins\nImprovement Panel")
    page.get_by_label("Findings").fill("86.42% year to date, short of 87% by March 2011.")
    visitor.click("button", "Save")
    assert page.get_by_role("heading", name="Core assessments within 35 days").is_visible()
    assert "86.42% in 2010-11 against a target of 87%" in page.locator("main").inner_text()

    visitor.click("link", "Add an agreed action")
    page.get_by_label("Agreed action").fill("Audit twenty core assessments in each locality")
    page.get_by_label("Owner").fill("Gani Martins")
    page.get_by_label("Due date").fill("2010-12-01")
    visitor.click("button", "Save action")
    actions = page.get_by_role("table", name="Actions agreed at this meeting")
    assert "Audit twenty core assessments in each locality" in actions.inner_text()
    assert "1 December 2010" in actions.inner_text()
    history = page.get_by_role("table", name="Every change to this meeting and its actions")
    assert "Sue Wilson" in history.inner_text()
    assert Indicator.objects.get(code="NI 60").clinics.count() == 1


def test_the_breastfeeding_milestone_shows_its_indicator_exception_and_clinic(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.goto("/plans/cypp-2013-16/priorities/1/milestones/6/")
    section = words(page.locator("main").inner_text())
    assert "Measured by BF-INIT" in section
    assert "Actual 59.91% (2013-14)" in section
    assert "Performance clinic held on 30 June 2014" in section
    visitor.click("link", "BF-INIT: Breastfeeding initiation rate")
    visitor.click("link", re.compile("Performance clinic: Breastfeeding initiation, 30 June 2014"))
    assert "Rebecca Atchinson" in page.locator("main").inner_text()
