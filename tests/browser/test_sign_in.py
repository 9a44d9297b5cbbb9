"""Sign-in throttling as a person meets it, in Debian's chromium with axe-core on every page (issue 12
item 15, decision 0073)."""

import pytest
from django.core.cache import cache

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def fresh_counters():
    # The live server shares this process's cache: no lock may outlive the test.
    cache.clear()
    yield
    cache.clear()


def test_five_wrong_passwords_lead_to_a_clear_pause_page(visitor):
    page = visitor.page
    visitor.goto("/accounts/login/")
    for _ in range(4):
        page.get_by_label("Username").fill("viewer")
        page.get_by_label("Password").fill("not-the-password")
        visitor.click("button", "Sign in")
        assert "Enter a correct username and password" in page.inner_text("main")
    page.get_by_label("Username").fill("viewer")
    page.get_by_label("Password").fill("not-the-password")
    visitor.click("button", "Sign in")
    assert page.get_by_role("heading", level=1).inner_text() == "Too many attempts to sign in"
    assert "paused for 15 minutes" in page.inner_text("main")
    visitor.click("link", "Back to sign in")
    visitor.sign_in("viewer")  # the right password, still paused
    assert page.get_by_role("heading", level=1).inner_text() == "Too many attempts to sign in"
