"""The NTI plan (seed 002) in chromium: the demo's lead marks the agency-staff row Complete, the
performance officer approves it, and the report's summary line counts three completed. axe-core
checks every page."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ROUND_PAGE = "/plans/nti-2010/rounds/oct-2010/"
REPORT_PAGE = ROUND_PAGE + "report/"
SEED_LINE = "Red: 1 (3%) Amber: 22 (76%) Green: 6 (21%), of which 2 completed"
AFTER = "Red: 0 (0%) Amber: 22 (76%) Green: 7 (24%), of which 3 completed"


def test_the_lead_marks_a_row_complete_and_the_summary_line_changes_after_approval(visitor):
    page = visitor.page
    visitor.sign_in("viewer")
    visitor.goto(REPORT_PAGE)
    assert SEED_LINE in page.locator("main").inner_text()
    visitor.click("button", "Sign out")

    visitor.sign_in("lead")
    visitor.goto(ROUND_PAGE + "updates/7/4/")
    page.get_by_label("Performance commentary for Update October 2010").fill(
        "The savings have been made after all."
    )
    page.get_by_role("radio", name="Complete", exact=True).check()
    page.get_by_label("Current performance").fill("£440,000 saved")
    visitor.click("button", "Save update")
    visitor.click("button", "Sign out")

    visitor.sign_in("performance")
    visitor.goto(ROUND_PAGE)
    visitor.click("link", "1 awaiting approval")
    visitor.click("button", "Approve P7 M4")
    visitor.goto(REPORT_PAGE)
    assert AFTER in page.locator("main").inner_text()
