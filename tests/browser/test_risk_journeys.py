"""Issue 16's risk register "Done when", walked in chromium on the demo: a milestone approved Red
proposes a candidate on the register its plan feeds; the register's owner (the lead officer's
sign-in) accepts and rates it from the register's page, records a review, and it appears on the heat
map, whose cell lists it; the matrix page and the Trust Board's agenda item read as they should.
axe-core checks every page visited."""

import re
from fractions import Fraction

import pytest

from outcomes.accounts.models import Person, User
from outcomes.plans import services as plan_services
from outcomes.plans.models import Plan, Update
from outcomes.risks.models import Register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _red_row_approved() -> str:
    """Ron Parry owns the CYPS register, which the demo plan feeds; his row P1 M26 approved Red."""
    register = Register.objects.get(slug="cyps")
    register.owner = Person.objects.get(name="Ron Parry")
    register.save()
    plan = Plan.objects.get(slug="cypp-2013-16")
    register.plans.add(plan)
    update = Update.objects.get(
        round__plan=plan, round__slug="june-2014", milestone__priority__number=1, milestone__number=26
    )
    update.state = Update.SUBMITTED
    update.weights = {"red": str(Fraction(1))}
    update.save()
    plan_services.approve_update(user=User.objects.get(username="performance"), update=update)
    return update.milestone.text[:40]


def test_a_red_row_becomes_a_rated_reviewed_risk_on_the_heat_map(visitor):
    page = visitor.page
    title = _red_row_approved()
    visitor.sign_in("lead")
    visitor.click("link", "Risks")
    visitor.click("link", "CYPS risk register")
    assert "Candidates waiting (1)" in page.locator("main").inner_text()
    visitor.click("link", re.compile(f"^R2: {re.escape(title)}"))
    visitor.click("link", "Accept and rate")
    page.get_by_label("Before mitigation: likelihood").select_option(label="4 Likely")
    page.get_by_label("Before mitigation: impact").select_option(label="5 Catastrophic")
    page.get_by_label("After mitigation: likelihood").select_option(label="3 Possible")
    page.get_by_label("After mitigation: impact").select_option(label="4 Major")
    visitor.click("button", "Accept and rate")
    text = page.locator("main").inner_text()
    assert "accepted onto the register and rated" in text
    assert "Very high" in text
    assert "High" in text

    visitor.click("link", "Record a review")
    page.get_by_label("Rating at review: likelihood").select_option(label="2 Unlikely")
    page.get_by_label("Comment").fill("Permanent staff recruited")
    visitor.click("button", "Record the review")
    text = page.locator("main").inner_text()
    assert "Review recorded: First review" in text
    assert "Permanent staff recruited" in text

    visitor.click("link", "CYPS risk register")
    # After mitigation at likelihood 2, impact 4 (Medium): the cell in the data table links to it.
    page.locator("table").filter(has_text="Risks after mitigation by likelihood and impact").get_by_role(
        "link", name=re.compile("^1 Medium")
    ).first.click()
    visitor.check()
    assert title in page.locator("main").inner_text()

    visitor.goto("/risks/matrix/")
    assert "Version 1" in page.locator("main").inner_text()


def test_the_trust_board_agenda_carries_the_reviews_due(visitor):
    visitor.sign_in("performance")
    visitor.goto("/governance/trust-board/meetings/2010-10-20/agenda/")
    text = visitor.page.locator("main").inner_text()
    # The demo risk's review of that day is done; its next falls in January 2011.
    assert "Risk register: reviews due by this meeting" in text
    assert "No risk is due for review by this meeting." in text


def test_every_form_of_the_register_reads_well(visitor):
    """The pages the journeys above do not reach, each checked by axe-core: a candidate to reject,
    the forms to add, change, rate and mitigate a risk, the register's and the matrix's forms."""
    from outcomes.risks import services

    services.propose_candidate(
        register=Register.objects.get(slug="cyps"),
        title="A candidate",
        source_key="browser:1",
        source_text="Test",
    )
    visitor.sign_in("performance")
    for path in (
        "/risks/",
        "/risks/new/",
        "/risks/cyps/edit/",
        "/risks/cyps/risks/new/",
        "/risks/cyps/risks/R1/edit/",
        "/risks/cyps/risks/R1/rate/",
        "/risks/cyps/risks/R1/actions/link/",
        "/risks/cyps/risks/R1/actions/new/",
        "/risks/cyps/risks/R2/",
        "/risks/cyps/risks/R2/reject/",
        "/risks/matrix/new/",
        "/governance/my-actions/",
    ):
        visitor.goto(path)
    # A form sent empty shows its errors, which read well too.
    visitor.goto("/risks/cyps/risks/R2/reject/")
    visitor.click("button", "Reject the candidate")
    assert "Say why the candidate is rejected" in visitor.page.locator(".govuk-error-summary").inner_text()
