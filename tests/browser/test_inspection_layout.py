"""The inspections' pages at 320 and 1,280 CSS px (decision 0080), as the performance officer and a
viewer: never scrolling sideways, every table in its named scrolling region, no axe-core violation.
Kept beside test_layout.py (which it reuses) so that the inspections' pages are checked on their own."""

import pytest

from tests.browser.test_layout import problems_on

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/inspections"
PERFORMANCE = [
    f"{BASE}/",
    f"{BASE}/new/",
    f"{BASE}/fostering-2010/?as_at=2010-11-04",
    f"{BASE}/fostering-2010/edit/",
    f"{BASE}/fostering-2010/recommendations/new/",
    f"{BASE}/recommendations/?as_at=2010-11-04",
    f"{BASE}/fostering-2010/7/",
    f"{BASE}/fostering-2010/7/edit/",
    f"{BASE}/fostering-2010/7/revise/",
    f"{BASE}/fostering-2010/7/progress/",
    f"{BASE}/fostering-2010/7/complete/",
    f"{BASE}/fostering-2010/7/supersede/",
    f"{BASE}/fostering-2010/7/actions/link/",
    f"{BASE}/fostering-2010/7/actions/raise/",
    f"{BASE}/contact-referral-assessment-2009/1/original-due/",
    f"{BASE}/snapshots/",
    f"{BASE}/snapshots/2010-10/",
]
VIEWER = [
    f"{BASE}/",
    f"{BASE}/recommendations/?as_at=2010-11-04",
    f"{BASE}/safeguarding-lac-2010/5/",
    f"{BASE}/snapshots/",
]


def test_the_inspections_pages_reflow_at_320_px(browser, demo_site):
    from tests.browser.conftest import Visitor

    problems = []
    for username, paths in (("performance", PERFORMANCE), ("viewer", VIEWER)):
        context = browser.new_context()
        try:
            visitor = Visitor(context.new_page(), demo_site.url)
            visitor.sign_in(username)
            for path in paths:
                problems += [f"{username}: {p}" for p in problems_on(visitor, path)]
        finally:
            context.close()
    assert not problems, "\n".join(problems)
