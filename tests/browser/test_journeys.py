"""The journeys of the "Done when" of the foundation, walked in Debian's chromium, with axe-core
checking every page on the way."""

import re

import pytest

from tests.office import docx_as_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def words(text: str) -> str:
    return " ".join(text.split())


def test_performance_officer_reads_the_june_2014_report_and_its_word_document(visitor, tmp_path):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.click("link", "Plans")
    visitor.click("link", "Rotherham Children and Young People's Action Plan 2013 – 2016")
    assert page.get_by_role("heading", name=re.compile("Priority 1: We will ensure children")).is_visible()
    visitor.click("link", "Update June 2014", exact=True)
    visitor.click("link", "Working progress report", exact=True)
    overview = page.locator("#overview + .app-table-scroll table")
    # The priorities are the body's rows, the total and percentage rows its foot.
    rows = [words(r) for r in overview.locator("tbody tr, tfoot tr").all_inner_texts()]
    assert rows[-2] == "Total 40 103 16 0 159"
    assert rows[-1] == "% 25 65 10 0"
    assert rows[3].endswith("4.3 23.4 2.3 0 30")  # adds up (decision 0050)

    with page.expect_download() as download:
        page.get_by_role("link", name="Word document (.docx)").click()
    docx = tmp_path / "report.docx"
    download.value.save_as(docx)
    text = docx_as_text(docx, tmp_path)
    assert "Progress report: Update June 2014" in text
    assert "Key issues" in text


def test_lead_officer_updates_a_milestone_and_sees_it_in_the_report(visitor):
    page = visitor.page
    visitor.sign_in("lead")
    visitor.click("link", "My milestones")
    visitor.click("link", "Update P1 M26")
    page.get_by_label("Update for Update June 2014").fill(
        "• Universal Infant Free School Meals will start in September 2014"
    )
    page.get_by_role("radio", name="Green").check()
    visitor.click("button", "Save update")
    assert "awaiting approval" in page.locator(".govuk-notification-banner").inner_text()
    visitor.goto("/plans/cypp-2013-16/rounds/june-2014/report/")
    row = page.locator("#p1-m26")
    assert "Universal Infant Free School Meals will start in September 2014" in row.inner_text()
    assert "Green" in row.inner_text()
    assert "Awaiting approval" in row.inner_text()


def test_a_split_status_that_does_not_add_up_is_shown_as_an_error(visitor):
    page = visitor.page
    visitor.sign_in("lead")
    visitor.goto("/plans/cypp-2013-16/rounds/june-2014/updates/1/27/")
    page.get_by_role("radio", name="Split status").check()
    page.get_by_label("Green share").fill("1/2")
    page.get_by_label("Red share").fill("1/3")
    visitor.click("button", "Save update")
    summary = page.locator(".govuk-error-summary")
    assert "sum to exactly 1" in summary.inner_text()
    assert page.title().startswith("Error:")


def test_performance_officer_approves_and_closes_the_round(visitor):
    page = visitor.page
    visitor.sign_in("lead")
    visitor.goto("/plans/cypp-2013-16/rounds/june-2014/updates/1/28/")
    page.get_by_role("radio", name="Amber").check()
    visitor.click("button", "Save update")
    visitor.click("button", "Sign out")
    visitor.sign_in("performance")
    visitor.goto("/plans/cypp-2013-16/rounds/june-2014/?show=submitted")
    visitor.click("button", "Approve P1 M28")
    assert "Update for P1 M28 approved." in page.locator(".govuk-notification-banner").inner_text()
    visitor.click("link", "Close this round")
    visitor.click("button", "Close the round")
    banner = " ".join(page.locator(".govuk-notification-banner").inner_text().split())
    assert re.search(
        r"Round '[^']+' closed\. \d+ milestones? without an update marked as no update provided", banner
    )
    visitor.goto("/plans/cypp-2013-16/priorities/1/milestones/28/")
    assert "approved by Sue Wilson" in page.locator("main").inner_text()


def test_viewer_reads_the_published_report_only(visitor):
    page = visitor.page
    visitor.sign_in("viewer")
    visitor.click("link", re.compile("Update June 2014"))
    assert page.get_by_role("heading", name="Key issues").is_visible()
    response = page.goto(visitor.base_url + "/plans/cypp-2013-16/")
    assert response.status == 404
    visitor.check()
    assert page.get_by_role("heading", name="Page not found").is_visible()
    response = page.goto(visitor.base_url + "/plans/import/")
    assert response.status == 403
    visitor.check()
    assert page.get_by_role("heading", name="You cannot do this").is_visible()


def test_a_bad_plan_file_is_explained_on_the_import_page(visitor, tmp_path):
    page = visitor.page
    bad = tmp_path / "plan.json"
    bad.write_text('{"slug": "x", "title": ')
    visitor.sign_in("performance")
    visitor.goto("/plans/import/")
    page.get_by_label("Plan file").set_input_files(str(bad))
    visitor.click("button", "Import")
    text = page.locator(".govuk-error-summary").inner_text()
    assert "plan.json was not imported" in text
    assert "line 1, column 24" in text


def test_performance_officer_starts_a_round_and_edits_a_milestone(visitor):
    page = visitor.page
    visitor.sign_in("performance")
    visitor.goto("/plans/cypp-2013-16/")
    visitor.click("link", "Start a new reporting round")
    page.get_by_label("Title").fill("Update December 2014")
    opens = page.get_by_role("group", name="Opens")
    opens.get_by_label("Day").fill("1")
    opens.get_by_label("Month").fill("November")
    opens.get_by_label("Year").fill("2014")
    closes = page.get_by_role("group", name="Closes")
    closes.get_by_label("Day").fill("1 October 2014")  # a whole date in one box is read too
    visitor.click("button", "Create round")
    summary = page.locator(".govuk-error-summary")
    assert "The date the round closes must be on or after the date it opens" in summary.inner_text()
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.name") == "closes-day"  # the summary leads to the box
    closes.get_by_label("Day").fill("15")
    closes.get_by_label("Month").fill("12")
    closes.get_by_label("Year").fill("2014")
    visitor.click("button", "Create round")
    assert page.get_by_role("heading", name="Update December 2014").is_visible()
    assert page.url.endswith("/rounds/update-december-2014/")  # the short name, made from the title
    visitor.click("link", "Working progress report", exact=True)
    assert page.get_by_role("heading", name="Changes since Update June 2014").is_visible()

    visitor.goto("/plans/cypp-2013-16/priorities/1/milestones/6/")
    visitor.click("link", re.compile("Edit, move or renumber this milestone"))
    page.get_by_label("Actual value").fill("60.5")
    visitor.click("button", "Save milestone")
    history = page.locator("main").inner_text()
    assert "Milestone P1 M6 changed" in history
