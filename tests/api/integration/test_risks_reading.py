"""A token reads the risk registers and a register's risks as the register pages show them: the
demo CYPS register's R1 with its ratings and the Trust Board's review; a review brings it back
under ``updated_since``; candidates only for those who decide them."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from outcomes.risks import services
from outcomes.risks.models import Register, Risk

pytestmark = pytest.mark.django_db


def test_the_registers_and_the_cyps_risks(tokens, read):
    registers = read("/api/risk-registers", tokens["viewer"]).json()["results"]
    cyps = next(r for r in registers if r["slug"] == "cyps")
    assert (cyps["open_risks"], cyps["reviewed_by"]) == (1, "Children and Young People's Trust Board")
    [risk] = read("/api/risk-registers/cyps/risks", tokens["viewer"]).json()["results"]
    assert (risk["reference"], risk["owner"]) == ("R1", "Gani Martins")
    assert (risk["before_likelihood"], risk["before_impact"], risk["before_level"]) == (5, 4, "Very high")
    assert (risk["target_level"], risk["trend"], risk["latest_review_on"]) == (
        "Medium",
        "First review",
        "2010-10-20",
    )
    assert risk["mitigating_actions"] == 2


def test_a_review_brings_its_risk_back_under_updated_since(tokens, read, users):
    Risk.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    since = timezone.now().isoformat()
    token = tokens["performance_officer"]
    assert read("/api/risk-registers/cyps/risks", token, updated_since=since).json()["count"] == 0
    risk = Risk.objects.get(register__slug="cyps", reference="R1")
    services.add_review(user=users["performance_officer"], risk=risk, on=date(2011, 1, 19), after=(4, 4))
    [changed] = read("/api/risk-registers/cyps/risks", token, updated_since=since).json()["results"]
    assert (changed["after_level"], changed["trend"]) == ("High", "Better")


def test_candidates_are_for_those_who_decide_them(tokens, read):
    services.propose_candidate(
        register=Register.objects.get(slug="cyps"), title="Candidate", source_key="t:1", source_text="Test"
    )
    assert read("/api/risk-registers/cyps/risks", tokens["viewer"]).json()["count"] == 1
    assert read("/api/risk-registers/cyps/risks", tokens["performance_officer"]).json()["count"] == 2
