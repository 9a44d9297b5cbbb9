"""The inspections' workflows through the pages: an inspection added with its judgements, a
recommendation added with its original date (fixed once agreed), a date revised yet still late, an
owner's progress and completion with evidence, actions raised on a tracker, linked and unlinked, a
recommendation superseded after confirming, and the recommendations page's filters and downloads."""

from datetime import date

import pytest
from django.urls import reverse

from outcomes.accounts.models import Person
from outcomes.governance.models import Body
from outcomes.inspections import rules, services
from outcomes.inspections.models import Inspection, Recommendation
from outcomes.inspections.report import build


def dated(name: str, value: date) -> dict:
    return {f"{name}-day": value.day, f"{name}-month": value.month, f"{name}-year": value.year}


@pytest.fixture
def officer(client, users):
    client.force_login(users["performance_officer"])
    return client


@pytest.fixture
def fostering():
    return Inspection.objects.get(slug="fostering-2010")


def rec_url(name: str, rec: Recommendation, **extra) -> str:
    return reverse(f"inspections:{name}", kwargs={"slug": rec.inspection.slug, "number": rec.number, **extra})


@pytest.mark.django_db
def test_an_inspection_is_added_with_its_judgements_and_history(officer):
    response = officer.post(
        reverse("inspections:inspection_new"),
        {
            "title": "Youth Offending Service inspection",
            "inspectorate": "HM Inspectorate of Probation",
            "kind": "Core case inspection",
            **dated("starts_on", date(2010, 3, 1)),
            **dated("ends_on", date(2010, 3, 5)),
            "judgements": "Safeguarding: adequate\nPublic protection: good",
        },
    )
    assert response.status_code == 302
    inspection = Inspection.objects.get(title="Youth Offending Service inspection")
    assert [str(j) for j in inspection.judgements.all()] == [
        "Safeguarding: adequate",
        "Public protection: good",
    ]
    page = officer.get(response["Location"]).content.decode()
    assert "Public protection" in page
    assert "Added the inspection" in page
    bad = officer.post(
        reverse("inspections:inspection_edit", args=[inspection.slug]), {"judgements": "no colon"}
    )
    assert bad.status_code == 400
    assert "write the area, a colon and the grade" in bad.content.decode()


@pytest.mark.django_db
def test_the_original_date_is_agreed_once_and_a_revision_leaves_it_late(officer, fostering):
    response = officer.post(
        reverse("inspections:recommendation_new", args=[fostering.slug]),
        {
            "reference": "FOS 10",
            "text": "Review the matching of placements.",
            "priority": "3_months",
            "owner_text": "Gani Martins",
            **dated("monitored_from", date(2010, 7, 9)),
        },
    )
    assert response.status_code == 302
    rec = Recommendation.objects.get(inspection=fostering, reference="FOS 10")
    assert rec.original_due is None
    assert officer.get(rec_url("original_due", rec)).status_code == 200
    agreed = officer.post(
        rec_url("original_due", rec),
        {**dated("due_on", date(2010, 10, 1)), **dated("agreed_on", date(2010, 7, 9))},
    )
    assert agreed.status_code == 302
    # Agreed: the step is gone, and the service refuses another date.
    assert officer.get(rec_url("original_due", rec)).status_code == 404
    rec.refresh_from_db()
    with pytest.raises(rules.Refused, match="never changed"):
        services.agree_original_due(user=None, rec=rec, due_on=date(2010, 12, 1), agreed_on=date(2010, 10, 1))
    # A revision without its reason is refused; with it, the date is revised and the original stays.
    refused = officer.post(
        rec_url("revise", rec),
        {**dated("due_on", date(2010, 12, 1)), **dated("agreed_on", date(2010, 9, 20))},
    )
    assert refused.status_code == 400
    assert "Enter the reason" in refused.content.decode()
    revised = officer.post(
        rec_url("revise", rec),
        {
            **dated("due_on", date(2010, 12, 1)),
            "reason": "Waiting for the panel's new chair.",
            **dated("agreed_on", date(2010, 9, 20)),
            "agreed_by": "DLT",
        },
    )
    assert revised.status_code == 302
    rec.refresh_from_db()
    assert rec.original_due == date(2010, 10, 1)
    row = next(r for r in build(date(2010, 11, 4), fostering).rows if r.rec.pk == rec.pk)
    assert row.revised_due == date(2010, 12, 1)
    assert row.late
    page = officer.get(rec_url("recommendation", rec)).content.decode()
    assert "Waiting for the panel" in page
    assert "Revised due date: 1 December 2010" in page


@pytest.mark.django_db
def test_the_owner_records_progress_and_completes_with_evidence(client, users, fostering):
    rec = fostering.recommendations.get(number=7)
    lead = users["lead_officer"]
    client.force_login(lead)
    assert client.get(rec_url("complete", rec)).status_code == 403
    rec.owner = Person.objects.get(user=lead)
    rec.save()
    assert (
        client.post(
            rec_url("progress", rec), {**dated("on", date(2010, 11, 1)), "text": "Audit booked."}
        ).status_code
        == 302
    )
    refused = client.post(rec_url("complete", rec), {**dated("on", date(2010, 11, 2)), "evidence": ""})
    assert refused.status_code == 400
    assert "Enter the evidence" in refused.content.decode()
    done = client.post(
        rec_url("complete", rec), {**dated("on", date(2010, 11, 2)), "evidence": "Audit report."}
    )
    assert done.status_code == 302
    rec.refresh_from_db()
    assert (rec.status, rec.completed_on, rec.evidence) == ("complete", date(2010, 11, 2), "Audit report.")
    # Complete, yet late against its original 30 September: one more complete, none more in time.
    report = build(date(2010, 11, 4))
    assert (report.complete.numerator, report.within.numerator) == (11, 8)
    # Closed: no more progress, even for the owner; the owner manages nothing else.
    assert client.get(rec_url("progress", rec)).status_code == 403
    assert client.get(rec_url("revise", rec)).status_code == 403
    page = client.get(rec_url("recommendation", rec)).content.decode()
    assert "Audit booked." in page
    assert "Completed FOS 7" in page


@pytest.mark.django_db
def test_an_action_is_raised_on_a_tracker_linked_and_unlinked_after_confirming(officer, fostering):
    rec = fostering.recommendations.get(number=8)
    body = Body.objects.get(slug="rlscb")
    before = body.actions.count()
    response = officer.post(
        rec_url("raise_action", rec),
        {
            "body": body.pk,
            "details": "Audit the fostering files.",
            "owner_text": "Gani Martins",
            **dated("raised_on", date(2010, 10, 12)),
            **dated("due_on", date(2010, 10, 31)),
        },
    )
    assert response.status_code == 302
    assert body.actions.count() == before + 1
    action = rec.actions.get()
    assert action.body == body
    # An open linked action past its due date puts a recommendation at risk before its own date.
    later = fostering.recommendations.get(number=9)
    services.link_action(user=None, rec=later, action=action)
    row = next(r for r in build(date(2010, 9, 1), fostering).rows if r.rec.pk == later.pk)
    assert not row.at_risk
    later.original_due, later.original_agreed_on = date(2011, 3, 31), date(2010, 7, 9)
    later.save()
    assert next(r for r in build(date(2010, 11, 4), fostering).rows if r.rec.pk == later.pk).at_risk
    url = rec_url("unlink_action", rec, pk=action.pk)
    asked = officer.post(url)
    assert asked.status_code == 200
    assert "Unlink" in asked.content.decode()
    assert rec.actions.count() == 1
    assert officer.post(url, {"confirm": "yes"}).status_code == 302
    assert rec.actions.count() == 0
    linked = officer.post(rec_url("link_action", rec), {"action": action.pk})
    assert linked.status_code == 302
    assert rec.actions.count() == 1


@pytest.mark.django_db
def test_superseding_asks_to_confirm(officer, fostering):
    rec = fostering.recommendations.get(number=9)
    fields = {**dated("on", date(2010, 11, 1)), "reason": "Replaced by the new fostering plan."}
    asked = officer.post(rec_url("supersede", rec), fields)
    assert asked.status_code == 200
    rec.refresh_from_db()
    assert rec.status == "open"
    assert officer.post(rec_url("supersede", rec), {**fields, "confirm": "yes"}).status_code == 302
    rec.refresh_from_db()
    assert (rec.status, rec.superseded_on) == ("superseded", date(2010, 11, 1))
    # No longer counted in either figure.
    report = build(date(2010, 11, 4))
    assert (report.complete.denominator, report.within.denominator) == (18, 11)


@pytest.mark.django_db
def test_the_recommendations_page_filters_and_downloads(client, users):
    client.force_login(users["viewer"])
    url = reverse("inspections:recommendations")
    page = client.get(url, {"as_at": "2010-11-04"}).content.decode()
    assert "66.7%" in page
    assert "52.6%" in page
    assert "Not met" in page
    assert "Rows marked [R] are reconstructed" in page
    at_risk = client.get(url, {"as_at": "2010-11-04", "at_risk": "yes"}).content.decode()
    assert "SLAC 5" in at_risk
    assert "FOS 7" not in at_risk
    # The filters choose rows, never what the figures count.
    assert "66.7%" in at_risk
    one = client.get(url, {"as_at": "2010-11-04", "inspection": "fostering-2010", "status": "open"})
    assert "FOS 7" in one.content.decode()
    assert "FOS 1<" not in one.content.decode()
    boxes = client.get(url, {"as_at-day": "4", "as_at-month": "11", "as_at-year": "2010"}).content.decode()
    assert "as at 4 November 2010" in boxes
    bad = client.get(url, {"as_at-day": "40", "as_at-month": "11", "as_at-year": "2010"})
    assert "There is a problem" in bad.content.decode()
    pdf = client.get(reverse("inspections:download", args=["pdf"]), {"as_at": "2010-11-04"})
    assert pdf.content.startswith(b"%PDF")
    docx = client.get(reverse("inspections:download", args=["docx"]), {"as_at": "2010-11-04"})
    assert docx["Content-Disposition"].endswith('recommendations-2010-11-04.docx"')
    assert client.get(reverse("inspections:download", args=["exe"])).status_code == 404


@pytest.mark.django_db
def test_the_navigation_link_only_for_those_who_may_open_it(client, users):
    client.force_login(users["viewer"])
    assert reverse("inspections:list") in client.get(reverse("home:home")).content.decode()
    client.force_login(users["school"])
    assert reverse("inspections:list") not in client.get(reverse("home:home")).content.decode()
