"""The results journeys of issue 4's "Done when", in Debian's chromium with axe-core on every page:
a school's account sees only its own report, suppressed cells shown as such; the performance
officer sees the borough report and participation."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_school_sees_only_its_own_report_with_suppressed_cells_marked(visitor):
    page = visitor.page
    visitor.sign_in("swinton-brookfield")
    visitor.goto("/surveys/results/")
    links = page.locator("main a.govuk-link").all_inner_texts()
    assert links == ["School report: Swinton Brookfield Primary"]
    visitor.click("link", "School report: Swinton Brookfield Primary")
    assert page.get_by_role("heading", name="School report: Swinton Brookfield Primary").is_visible()
    participation = page.locator("#participation tbody tr").first.inner_text()
    assert re.sub(r"\s+", " ", participation).strip() == "Swinton Brookfield Primary 81 101 80.2"
    suppressed = page.locator(".app-suppressed")
    assert suppressed.count() > 0
    assert page.locator("#legend").inner_text().startswith("[c]")
    cell = page.locator("td", has=page.locator(".app-suppressed")).first
    assert "suppressed: " in cell.inner_text()  # the words a screen reader hears
    assert "Borough %" in page.locator("#q30").inner_text()
    # The report leads with what matters: the headline, then where the school differs.
    assert page.locator("#headline").is_visible()
    assert page.locator("#differences").is_visible()

    other = page.goto(visitor.base_url + "/surveys/primary-2009/results/wath-central/")
    assert other.status == 404
    visitor.check()
    borough = page.goto(visitor.base_url + "/surveys/primary-2009/results/")
    assert borough.status == 404


def test_the_performance_officer_reads_the_borough_report_and_participation(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.goto("/surveys/results/")
    visitor.click("link", "Borough report")
    assert page.get_by_role("heading", name="Borough report").is_visible()
    bullied = page.locator("#q30")
    assert "Have you been bullied?" in bullied.locator("caption").inner_text()
    assert "Male %" in bullied.inner_text()
    visitor.click("link", "participation by school and by area")
    assert "572 of 2,996 pupils took part (19.1%)" in page.locator("#coverage").inner_text()
    assert "80.0%" in page.locator("#coverage").inner_text()
    st_thomas = page.locator("#participation-by-school tr", has_text="St Thomas C of E Primary")
    assert "[c]" in st_thomas.inner_text()
    # St Thomas's is protected by its area's total, which its neighbours' own reports would betray.
    wentworth_north = page.locator("#participation-by-area tr", has_text="Wentworth North")
    assert "[c]" in wentworth_north.inner_text()


def test_the_performance_officer_raises_the_threshold_and_publishes_a_release_a_school_reads(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.goto("/surveys/manage/primary-2009/")
    visitor.click("link", "Change the small-number threshold")
    page.get_by_label("Smallest number of pupils").fill("5")
    visitor.click("button", "Save the threshold")
    assert "cannot be below the borough's 10 pupils" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Smallest number of pupils").fill("30")
    visitor.click("button", "Save the threshold")
    assert "fewer than 30 pupils are hidden" in page.locator("main").inner_text()
    # The threshold applies from the next release: the performance officer publishes one, after a
    # confirm page, and the school reads it.
    visitor.goto("/surveys/results/")
    visitor.click("link", "Releases of Young People's Lifestyle Survey 2009 (primary, Year 5)")
    visitor.click("link", "Publish a new release")
    assert page.get_by_role("heading", name="Publish an interim release of results?").is_visible()
    assert "Figures of fewer than 30 pupils are not shown" in page.locator("main").inner_text()
    visitor.click("button", "Publish release")
    assert "Published interim release 2" in page.locator("main").inner_text()
    visitor.goto("/surveys/primary-2009/results/wath-central/")
    assert page.locator("#legend").inner_text().startswith("[c]")
    assert "fewer than 30 pupils" in page.locator("#legend").inner_text()

    page.context.clear_cookies()  # signed out: the school's staff sign in on the same browser
    visitor.sign_in("swinton-brookfield")
    visitor.goto("/surveys/results/")
    assert "Interim release 2" in page.locator("main").inner_text()
    visitor.click("link", "School report: Swinton Brookfield Primary")
    assert "Interim release 2" in page.locator("main").inner_text()
    assert "fewer than 30 pupils" in page.locator("#legend").inner_text()
