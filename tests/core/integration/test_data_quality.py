"""The data-quality page on the demo: the seeds' own inconsistencies are listed, a performance
officer explains one, and it comes back when its data changes (issue 11, SPEC §5)."""

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from outcomes.core.models import ChangeRecord, ExplainedFinding
from outcomes.plans.models import Update

pytestmark = pytest.mark.django_db

PAGE = "/data-quality/"
SCHOOL_MEALS = "/data-quality/arithmetic-in-update/plans/cypp-2013-16/p1/m27/june-2014/"


def words(html: bytes) -> str:
    return " ".join(html.decode().split())


@pytest.fixture
def officer(client, users):
    client.force_login(users["performance_officer"])
    return client


def fingerprint_on(page) -> str:
    assert page.status_code == 200
    [fingerprint] = re.findall(r'name="fingerprint" value="(\w+)"', page.content.decode())
    return fingerprint


def demo_update(priority, number):
    return Update.objects.get(
        round__plan__slug="cypp-2013-16",
        round__slug="june-2014",
        milestone__priority__number=priority,
        milestone__number=number,
    )


def test_the_demo_inconsistencies_are_on_the_page(officer):
    page = words(officer.get(PAGE).content)
    # The seeds' "no update" milestones not marked Blue (seed 003 P1 M10, P5 M14, P5 M21).
    for where in ("priority 1, milestone 10", "priority 5, milestone 14", "priority 5, milestone 21"):
        assert f"Action Plan 2013 – 2016, {where}, Update June 2014" in page
    assert "The update says there is no information or no update, but its status is Red, not Blue." in page
    # The school-meals arithmetic (P1 M27, in the M26-28 area).
    assert "priority 1, milestone 27, Update June 2014" in page
    assert "The update says the change is 530, but from 16,553 to 17,087 is 534." in page
    # The weight-management percentage (P1 M25's table).
    assert "&#39;168 95%&#39; in &#39;No. of completers achieving weight loss*&#39;: 168 of 168" in page
    # The cross-links of seed 003 §19.4 and the date "31.4.14".
    assert "This milestone links to priority 5 milestone 17, which does not link back." in page
    assert "The update gives the date &#39;31.4.14&#39;, but April 2014 has 30 days." in page


def test_each_finding_links_to_a_page_the_officer_can_open(officer):
    response = officer.get(PAGE)
    assert 'href="/plans/cypp-2013-16/priorities/1/milestones/27/"' in response.content.decode()
    assert officer.get("/plans/cypp-2013-16/priorities/1/milestones/27/").status_code == 200


def test_the_officer_explains_a_finding_and_it_stays_listed_as_explained(officer, users):
    fingerprint = fingerprint_on(officer.get(SCHOOL_MEALS))
    response = officer.post(
        SCHOOL_MEALS, {"fingerprint": fingerprint, "reason": "The baseline was restated to 16,553."}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("core:data_quality") + "#arithmetic-in-update"
    stored = ExplainedFinding.objects.get(rule="arithmetic-in-update")
    assert (stored.reason, stored.explained_by) == (
        "The baseline was restated to 16,553.",
        users["performance_officer"],
    )
    history = ChangeRecord.objects.filter(action="explained").latest("at")
    assert "The baseline was restated to 16,553." in history.summary
    assert history.user == users["performance_officer"]

    page = words(officer.get(PAGE).content)
    assert "The update says the change is 530, but from 16,553 to 17,087 is 534." in page
    text = re.sub(r"<[^>]+>", " ", page)
    assert "Explained The baseline was restated to 16,553. By Sue Wilson" in " ".join(text.split())

    rows = json.loads(command("--format", "json"))
    meals = [r for r in rows if r["rule"] == "arithmetic-in-update"]
    assert meals == [
        {
            "rule": "arithmetic-in-update",
            "where": "Rotherham Children and Young People's Action Plan 2013 – 2016, "
            "priority 1, milestone 27, Update June 2014",
            "message": "The update says the change is 530, but from 16,553 to 17,087 is 534.",
            "explained": True,
        }
    ]


def test_an_explained_finding_comes_back_when_its_data_changes(officer):
    fingerprint = fingerprint_on(officer.get(SCHOOL_MEALS))
    officer.post(SCHOOL_MEALS, {"fingerprint": fingerprint, "reason": "Restated baseline."})
    update = demo_update(1, 27)
    update.text = update.text.replace("increased by 530", "increased by 531")
    update.save()
    [row] = [r for r in json.loads(command("--format", "json")) if r["rule"] == "arithmetic-in-update"]
    assert row["explained"] is False
    assert row["message"] == "The update says the change is 531, but from 16,553 to 17,087 is 534."
    # Corrected, the finding is gone, and its page says so.
    update.text = update.text.replace("increased by 531", "increased by 534")
    update.save()
    assert not [r for r in json.loads(command("--format", "json")) if r["rule"] == "arithmetic-in-update"]
    assert officer.get(SCHOOL_MEALS).status_code == 404


def test_a_reason_is_required_and_nothing_is_stored_without_one(officer):
    fingerprint = fingerprint_on(officer.get(SCHOOL_MEALS))
    response = officer.post(SCHOOL_MEALS, {"fingerprint": fingerprint, "reason": "  "})
    assert response.status_code == 200
    assert "Enter why this is not a problem" in response.content.decode()
    assert not ExplainedFinding.objects.exists()


def test_a_finding_whose_data_changed_meanwhile_is_not_explained_blind(officer):
    fingerprint = fingerprint_on(officer.get(SCHOOL_MEALS))
    update = demo_update(1, 27)
    update.text = update.text.replace("increased by 530", "increased by 520")
    update.save()
    response = officer.post(SCHOOL_MEALS, {"fingerprint": fingerprint, "reason": "Restated baseline."})
    assert "The data changed after you opened this page" in response.content.decode()
    assert not ExplainedFinding.objects.exists()


def test_only_the_performance_team_has_the_page_in_the_navigation(client, users):
    for role, shown in [
        ("performance_officer", True),
        ("administrator", True),
        ("lead_officer", False),
        ("viewer", False),
        ("school", False),
    ]:
        client.force_login(users[role])
        assert ('href="/data-quality/"' in client.get("/").content.decode()) is shown, role


def command(*args) -> str:
    out = StringIO()
    call_command("data_checks", *args, stdout=out)
    return out.getvalue()


def test_the_command_lists_every_finding_in_words():
    text = command()
    assert "“No update” or “no data” without Blue (no-information-not-blue): 3 findings" in text
    assert "Arithmetic in an update that does not add up (arithmetic-in-update): 1 finding" in text
    rows = json.loads(command("--format", "json"))
    assert all(set(row) == {"rule", "where", "message", "explained"} for row in rows)
    assert {"no-information-not-blue", "cross-link-broken", "percentage-mismatch"} <= {
        r["rule"] for r in rows
    }
    only = json.loads(command("--format", "json", "--rule", "impossible-date"))
    assert [r["message"] for r in only] == [
        "The update gives the date '31.4.14', but April 2014 has 30 days."
    ]
