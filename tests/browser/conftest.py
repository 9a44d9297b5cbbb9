"""Browser tests: Playwright drives Debian's chromium against the live test server, and every page
visited is checked with axe-core at WCAG 2.2 AA."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from outcomes.accounts.demo import DEMO_PASSWORD

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
# tests themselves (fixtures, assertions) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The live server with the demo data (transactional tests start from an empty database)."""
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet)
    return live_server


class Visitor:
    """A person at the browser. Every page they reach is checked for accessibility."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.checked: list[str] = []

    def goto(self, path: str):
        self.page.goto(self.base_url + path)
        self.check()

    def check(self):
        page = self.page
        page.wait_for_load_state("load")
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            # Evaluated rather than added as a <script>: the pages' Content-Security-Policy refuses
            # inline scripts, and the test must see the pages as a browser does.
            page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        violations = [
            f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(n["target"]) for n in v["nodes"][:5])
            for v in result["violations"]
        ]
        assert not violations, f"Accessibility violations on {page.url}:\n" + "\n".join(violations)
        self.checked.append(page.url)

    def click(self, role: str, name: str, **kwargs):
        self.page.get_by_role(role, name=name, **kwargs).first.click()
        self.check()

    def sign_in(self, username: str):
        self.goto("/accounts/login/")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(DEMO_PASSWORD)
        self.click("button", "Sign in")


@pytest.fixture
def visitor(browser, demo_site):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    yield Visitor(page, demo_site.url)
    context.close()
