"""A token reads the inspections, the recommendations as at a date and the two figures as the
recommendations page gives them (issue 17 asks the API to cover the recommendation records)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from outcomes.inspections import services
from outcomes.inspections.models import Recommendation

pytestmark = pytest.mark.django_db


def test_the_inspections_with_their_judgements(tokens, read):
    found = read("/api/inspections", tokens["viewer"]).json()
    assert [i["slug"] for i in found["results"]] == [
        "contact-referral-assessment-2009",
        "fostering-2010",
        "safeguarding-lac-2010",
    ]
    slac = found["results"][2]
    assert (slac["starts_on"], slac["ends_on"], slac["recommendations"]) == ("2010-07-19", "2010-07-30", 10)
    assert slac["judgements"] == "Overall effectiveness: adequate"
    assert slac["reconstructed"] is True


def test_the_two_figures_as_at_a_date(tokens, read):
    rows = read("/api/recommendations/figures", tokens["lead_officer"], as_at="2010-11-04").json()["results"]
    within, complete = rows
    assert (within["figure"], within["numerator"], within["denominator"], within["percent"]) == (
        "within_original_timescale",
        8,
        12,
        66.7,
    )
    assert (complete["numerator"], complete["denominator"], complete["target"]) == (10, 19, 90)
    assert within["meets_target"] is False
    early = read("/api/recommendations/figures", tokens["viewer"], as_at="2010-08-01").json()["results"]
    assert (early[0]["denominator"], early[0]["percent"], early[0]["meets_target"]) == (0, None, None)


def test_the_rows_with_a_revised_date_still_late(tokens, read):
    answer = read(
        "/api/recommendations", tokens["viewer"], as_at="2010-11-04", inspection="fostering-2010", page_size=5
    ).json()
    assert (answer["count"], answer["pages"]) == (9, 2)
    page2 = read(
        "/api/recommendations",
        tokens["viewer"],
        as_at="2010-11-04",
        inspection="fostering-2010",
        page_size=5,
        page=2,
    ).json()["results"]
    fos7 = next(r for r in page2 if r["reference"] == "FOS 7")
    assert (fos7["original_due"], fos7["revised_due"], fos7["late"], fos7["status"]) == (
        "2010-09-30",
        "2010-11-30",
        True,
        "Open",
    )
    csv = read("/api/recommendations", tokens["viewer"], as_at="2010-11-04", format="csv")
    assert csv.content.decode("utf-8-sig").splitlines()[0].startswith("reference,inspection,number,text")
    missing = read("/api/recommendations", tokens["viewer"], inspection="no-such-inspection")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "No such inspection"}


def test_a_change_brings_a_recommendation_back_under_updated_since(tokens, read, users):
    Recommendation.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    since = timezone.now().isoformat()
    token = tokens["performance_officer"]
    query = {"as_at": "2010-11-04", "updated_since": since}
    assert read("/api/recommendations", token, **query).json()["count"] == 0
    rec = Recommendation.objects.get(inspection__slug="fostering-2010", number=8)
    services.add_update(
        user=users["performance_officer"], rec=rec, on=date(2010, 11, 1), text="Audit booked."
    )
    assert [r["reference"] for r in read("/api/recommendations", token, **query).json()["results"]] == [
        "FOS 8"
    ]
