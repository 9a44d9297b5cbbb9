"""The minutes pages as a performance officer uses them: write a minute of an agenda item, add a
report back (the action and the forward-plan item appear), circulate, record the approval at the
later meeting, publish after confirming; the action page shows the resolution and is discharged by
pointing at the later agenda item."""

import pytest
from django.urls import reverse

from outcomes.governance.models import AgendaItem, Body, Meeting, Resolution

pytestmark = pytest.mark.django_db

JUNE = ["rlscb", "2014-06-05"]
SEPTEMBER = ["rlscb", "2014-09-04"]


def test_from_a_minute_to_the_published_minutes_through_the_pages(client, users):
    lscb = Body.objects.get(slug="rlscb")
    june = Meeting.objects.get(body=lscb, date="2014-06-05")
    september = Meeting.objects.get(body=lscb, date="2014-09-04")
    item = AgendaItem.objects.create(meeting=june, title="Elective Home Education – Marie Boswell", order=3)
    client.force_login(users["performance_officer"])
    response = client.post(
        reverse("governance:minute_new", args=JUNE),
        {"agenda_item": item.pk, "narrative": "Marie Boswell presented."},
    )
    assert response.status_code == 302
    minute = june.minutes.get(agenda_item=item)
    assert minute.title == item.title
    form = reverse("governance:resolution_new", args=[*JUNE, minute.number])
    refused = client.post(form, {"kind": "report_back", "text": "That a report come back."})
    assert refused.status_code == 400
    assert "Choose the body to report back to" in refused.content.decode()
    response = client.post(
        form,
        {
            "kind": "report_back",
            "text": "That the new elective home education policy be reported to the Board.",
            "target_body": lscb.pk,
            "owner_text": "Marie Boswell",
            "due_on-day": "4",
            "due_on-month": "9",
            "due_on-year": "2014",
        },
    )
    assert response.status_code == 302
    resolution = Resolution.objects.get(minute=minute)
    action = resolution.action
    assert action.raised_on.isoformat() == "2014-06-05"
    assert lscb.forward_plan.filter(action=action).exists()
    page = client.get(reverse("governance:action", args=["rlscb", action.number])).content.decode()
    assert "That the new elective home education policy be reported to the Board." in page
    assert "Not yet on an agenda" in page
    minutes_page = client.get(reverse("governance:minutes", args=JUNE)).content.decode()
    assert "ELECTIVE HOME EDUCATION" in minutes_page
    assert "Draft minutes" in minutes_page

    assert (
        client.post(
            reverse("governance:minutes_circulate", args=JUNE),
            {"on-day": "12", "on-month": "6", "on-year": "2014"},
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("governance:minutes_approve", args=JUNE), {"approving": september.pk, "correction": ""}
        ).status_code
        == 302
    )
    publish = reverse("governance:minutes_publish", args=JUNE)
    asked = client.post(publish)
    assert asked.status_code == 200
    assert "frozen with them" in asked.content.decode()
    june.refresh_from_db()
    assert june.state == Meeting.MINUTES_APPROVED  # asking changed nothing
    assert client.post(publish, {"confirm": "yes"}).status_code == 302
    june.refresh_from_db()
    assert june.state == Meeting.PUBLISHED
    # Every step is in the minutes' history, in words.
    history = client.get(reverse("governance:minutes", args=JUNE)).content.decode()
    for words in (
        "Wrote minute",
        "Added a resolution (Report back to a body)",
        "Circulated the draft minutes",
        "Recorded the approval of the minutes",
        "Published version 1 of the minutes",
    ):
        assert words in history

    later = AgendaItem.objects.create(meeting=september, title="Elective home education policy", order=5)
    discharge = reverse("governance:action_discharge_by_item", args=["rlscb", action.number])
    assert later.title in client.get(discharge).content.decode()
    assert client.post(discharge, {"agenda_item": later.pk}).status_code == 302
    action.refresh_from_db()
    assert action.status == "discharged"
    assert action.evidence_item == later

    client.force_login(users["viewer"])
    read = client.get(reverse("governance:minutes", args=JUNE)).content.decode()
    assert "ELECTIVE HOME EDUCATION" in read
    assert "Version 1" in read
    assert "Write a minute" not in read


def test_approval_page_offers_only_later_meetings(client, users):
    client.force_login(users["performance_officer"])
    page = client.get(reverse("governance:minutes_approve", args=["cypfp", "2014-05-21"])).content.decode()
    assert "The meeting of 16 July 2014" in page
    assert "The meeting of 21 May 2014" not in page
