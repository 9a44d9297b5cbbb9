"""The agenda pages (decisions 0136-0137): a performance officer builds an agenda (items, headings,
sub-items, standing items, a forward-plan item placed), moves and removes items, publishes (after
confirming) as versions, and makes the pack as a job; a viewer reads only the published agenda and
never an exempt item, on the page, in a version, in the pack or in what changed."""

from datetime import date

import pytest
from django.urls import reverse

from outcomes.governance import agenda_services as services
from outcomes.governance.agenda import agenda_numbers
from outcomes.governance.models import AgendaItem, Body, ForwardPlanItem, Meeting, StandingItem
from outcomes.jobs.models import Job, JobFile
from outcomes.jobs.worker import run_queued
from tests.governance.integration.agenda_fixtures import CLOSED, DATE, make_meeting

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"governance:{name}", kwargs={**DATE, **kwargs})


def numbers(meeting) -> list[tuple[str, str]]:
    outline = agenda_numbers(meeting)
    found = []
    for _, entries in outline.sections:
        for entry in entries:
            found.append((entry.number, entry.item.title))
            found += [(child.number, child.item.title) for child in entry.children]
    return found


@pytest.fixture
def meeting(users):
    return make_meeting(users["performance_officer"])


def test_the_performance_officer_builds_the_agenda_on_its_pages(client, users):
    performance = users["performance_officer"]
    client.force_login(performance)
    body = Body.objects.get(slug="cypfp")
    meeting = Meeting.objects.create(body=body, date=date(2014, 10, 15))
    StandingItem.objects.create(body=body, order=1, title="Apologies for absence", kind="apologies")
    StandingItem.objects.create(
        body=body,
        order=2,
        title="Minutes of the previous meeting",
        kind="previous_minutes",
        section_title="Standing",
    )
    assert client.post(url("agenda_add_standing")).status_code == 302
    assert numbers(meeting) == [("1", "Apologies for absence"), ("2", "Minutes of the previous meeting")]

    response = client.post(url("agenda_section_new"), {"title": "For Decision"})
    assert response.status_code == 302
    decision = meeting.agenda_sections.get(title="For Decision")
    response = client.post(
        url("agenda_item_new"),
        {"title": "Neglect peer review", "kind": "paper", "section": decision.pk, "presenter": "Jo Smith"},
    )
    assert response.status_code == 302
    review = meeting.agenda_items.get(title="Neglect peer review")
    client.post(url("agenda_item_new"), {"title": "Findings", "kind": "verbal", "parent": review.pk})
    client.post(url("agenda_item_new"), {"title": "Recommendations", "kind": "verbal", "parent": review.pk})
    assert numbers(meeting)[2:] == [
        ("3", "Neglect peer review"),
        ("3.1", "Findings"),
        ("3.2", "Recommendations"),
    ]

    # Another body's minutes need the body and the date; an exempt item its reason.
    response = client.post(url("agenda_item_new"), {"title": "RLSCB minutes", "kind": "other_minutes"})
    assert response.status_code == 400
    assert "Choose the body whose minutes these are" in response.content.decode()
    rlscb = Body.objects.get(slug="rlscb")
    response = client.post(
        url("agenda_item_new"),
        {
            "title": "Minutes of the Rotherham Local Safeguarding Children Board",
            "kind": "other_minutes",
            "other_body": rlscb.pk,
            "other_meeting_date-day": "6",
            "other_meeting_date-month": "6",
            "other_meeting_date-year": "2014",
        },
    )
    assert response.status_code == 302
    response = client.post(url("agenda_item_new"), {"title": CLOSED, "kind": "paper", "exempt": "on"})
    assert "Enter why the item is exempt" in response.content.decode()

    # Moving the heading moves its items' numbers; moving a sub-item renumbers it.
    standing = meeting.agenda_sections.get(title="Standing")
    client.post(url("agenda_section_move", pk=decision.pk), {"direction": "up"})
    assert [s.title for s in meeting.agenda_sections.order_by("order")] == ["For Decision", "Standing"]
    # An item under no heading added after the headed ones closes the agenda.
    assert numbers(meeting) == [
        ("1", "Apologies for absence"),
        ("2", "Neglect peer review"),
        ("2.1", "Findings"),
        ("2.2", "Recommendations"),
        ("3", "Minutes of the previous meeting"),
        ("4", "Minutes of the Rotherham Local Safeguarding Children Board"),
    ]
    findings = meeting.agenda_items.get(title="Findings")
    client.post(url("agenda_item_move", pk=findings.pk), {"direction": "down"})
    assert numbers(meeting)[2:4] == [("2.1", "Recommendations"), ("2.2", "Findings")]

    page = client.get(url("agenda")).content.decode()
    assert "Minutes of the RLSCB meeting held on 6 June 2014" in page
    assert "Neglect peer review" in page
    assert "Jo Smith" in page

    # Removing asks first; then the item and its sub-items go.
    first = client.post(url("agenda_item_remove", pk=review.pk))
    assert first.status_code == 200
    assert "Remove the item" in first.content.decode()
    assert meeting.agenda_items.filter(pk=review.pk).exists()
    client.post(url("agenda_item_remove", pk=review.pk), {"confirm": "yes"})
    assert not meeting.agenda_items.filter(title__in=["Neglect peer review", "Findings"]).exists()
    # A heading with items is kept; an empty one goes.
    client.post(url("agenda_section_remove", pk=standing.pk), {"confirm": "yes"})
    assert meeting.agenda_sections.filter(pk=standing.pk).exists()
    client.post(url("agenda_section_remove", pk=decision.pk), {"confirm": "yes"})
    assert not meeting.agenda_sections.filter(pk=decision.pk).exists()

    history = client.get(url("agenda")).content.decode()
    assert "Removed item" in history
    assert "Title: “Neglect peer review”." in history


def test_a_forward_plan_item_is_placed_on_the_agenda_and_the_plan_says_where(client, users, meeting):
    client.force_login(users["performance_officer"])
    plan = ForwardPlanItem.objects.create(
        body=meeting.body, title="Report back on the neglect strategy", due_rule="within two months"
    )
    page = client.get(reverse("governance:forward_plan", kwargs={"slug": "cypfp"})).content.decode()
    assert "Report back on the neglect strategy" in page
    assert "Not placed yet" in page
    response = client.post(url("agenda_place"), {"plan_item": plan.pk})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.agenda_item.title == "Report back on the neglect strategy"
    number = agenda_numbers(meeting).numbers[plan.agenda_item_id]
    page = client.get(reverse("governance:forward_plan", kwargs={"slug": "cypfp"})).content.decode()
    assert f"Placed: item {number}, meeting of 15 October 2014" in page
    # Placed once only.
    assert client.post(url("agenda_place"), {"plan_item": plan.pk}).status_code == 400


def test_standing_items_are_edited_on_their_page(client, users):
    client.force_login(users["performance_officer"])
    slug = {"slug": "cypfp"}
    response = client.post(
        reverse("governance:standing_items", kwargs=slug), {"title": "Apologies", "kind": "apologies"}
    )
    assert response.status_code == 302
    client.post(
        reverse("governance:standing_items", kwargs=slug),
        {"title": "Declarations of interest", "kind": "declarations"},
    )
    body = Body.objects.get(slug="cypfp")
    second = body.standing_items.get(title="Declarations of interest")
    client.post(reverse("governance:standing_move", kwargs={**slug, "pk": second.pk}), {"direction": "up"})
    assert [s.title for s in body.standing_items.all()] == ["Declarations of interest", "Apologies"]
    client.post(
        reverse("governance:standing_edit", kwargs={**slug, "pk": second.pk}),
        {"title": "Declarations of interest", "kind": "declarations", "section_title": "Standing items"},
    )
    assert body.standing_items.get(pk=second.pk).section_title == "Standing items"
    assert (
        client.post(reverse("governance:standing_remove", kwargs={**slug, "pk": second.pk})).status_code
        == 200
    )
    client.post(reverse("governance:standing_remove", kwargs={**slug, "pk": second.pk}), {"confirm": "yes"})
    assert [s.title for s in body.standing_items.all()] == ["Apologies"]
    page = client.get(reverse("governance:standing_items", kwargs=slug)).content.decode()
    assert "Removed the standing item Declarations of interest" in page


def test_publishing_confirms_freezes_versions_and_a_viewer_never_sees_an_exempt_item(client, users, meeting):
    viewer, performance = users["viewer"], users["performance_officer"]
    client.force_login(viewer)
    assert client.get(url("agenda")).status_code == 404  # not published yet

    client.force_login(performance)
    assert CLOSED in client.get(url("agenda")).content.decode()
    asked = client.post(url("agenda_publish"))
    assert asked.status_code == 200
    assert "Publish the agenda" in asked.content.decode()
    assert services.current(meeting) is None  # asked, not yet published
    client.post(url("agenda_publish"), {"confirm": "yes"})
    meeting.refresh_from_db()
    assert meeting.state == Meeting.AGENDA_PUBLISHED
    first = services.current(meeting)
    assert first.version == 1
    assert first.subject == meeting.subject_key

    # A change after publishing is published as a new version; the first stays as it was.
    information = meeting.agenda_sections.get(title="For Information")
    services.add_item(
        user=performance,
        meeting=meeting,
        title="Any other business",
        kind=AgendaItem.AOB,
        section=information,
    )
    exempt = meeting.agenda_items.get(title=CLOSED)
    services.edit_item(user=performance, item=exempt, title=f"{CLOSED}, revised")
    client.post(url("agenda_publish"), {"confirm": "yes"})
    second = services.current(meeting)
    assert second.version == 2
    assert "Added 5. Any other business." in second.changes
    assert all(CLOSED not in line for line in second.changes)

    client.force_login(viewer)
    for page in [
        url("agenda"),
        url("agenda_version", number=1),
        url("agenda_version", number=2),
        url("agenda_versions"),
    ]:
        text = client.get(page).content.decode()
        assert CLOSED not in text, page
        assert "Exempt" not in text, page
    assert "Any other business" in client.get(url("agenda")).content.decode()
    assert "Any other business" not in client.get(url("agenda_version", number=1)).content.decode()
    # The viewer's pack is the published version's, without the exempt item.
    response = client.post(url("agenda_pack"), {"fmt": "html"})
    job = Job.objects.get(started_by=viewer)
    assert response["Location"] == reverse("jobs:detail", kwargs={"pk": job.pk})
    assert run_queued() == 1
    job.refresh_from_db()
    assert job.state == Job.SUCCEEDED, job.error
    made = job.files.get(purpose=JobFile.RESULT)
    assert made.name == "cypfp-2014-10-15-agenda-pack-version-2.html"
    html = client.get(reverse("jobs:file", kwargs={"pk": job.pk, "file_pk": made.pk})).content.decode()
    assert "Item 2: Lifestyle Survey 2009" in html
    assert CLOSED not in html
    assert client.post(url("agenda_pack"), {"fmt": "html", "version": 3}).status_code == 404

    # A lead officer sees the exempt item.
    client.force_login(users["lead_officer"])
    assert f"{CLOSED}, revised" in client.get(url("agenda")).content.decode()


def test_paper_links_only_where_the_reader_may_open_the_paper(client, users, meeting):
    services.publish_agenda(user=users["performance_officer"], meeting=meeting)
    client.force_login(users["viewer"])
    page = client.get(url("agenda")).content.decode()
    # The Lifestyle Survey paper is published (a link), the CYPP cover paper a draft (its title only).
    assert 'href="/papers/lifestyle-survey-2009/"' in page
    assert 'href="/papers/cypp-progress-june-2014/"' not in page
    assert "(draft)" in page


def test_two_people_changing_one_item_do_not_overwrite_each_other(client, users, meeting):
    performance, administrator = users["performance_officer"], users["administrator"]
    item = meeting.agenda_items.get(title="Lifestyle Survey 2009")
    client.force_login(performance)
    page = client.get(url("agenda_item_edit", pk=item.pk)).content.decode()
    seen = services.seen_token(item)
    assert f'name="seen" value="{seen}"' in page
    services.edit_item(user=administrator, item=item, title="Lifestyle Survey 2009: results", seen=seen)
    mine = {"title": "Lifestyle Survey 2009 (revised)", "kind": "paper", "seen": seen}
    response = client.post(url("agenda_item_edit", pk=item.pk), mine)
    assert response.status_code == 400
    text = response.content.decode()
    assert "while you were editing it" in text
    assert "Their version of the title: Lifestyle Survey 2009: results" in text
    item.refresh_from_db()
    assert item.title == "Lifestyle Survey 2009: results"
    # Saving again, having read theirs, replaces it.
    again = {**mine, "seen": services.seen_token(item)}
    assert client.post(url("agenda_item_edit", pk=item.pk), again).status_code == 302
    item.refresh_from_db()
    assert item.title == "Lifestyle Survey 2009 (revised)"


def test_an_item_with_sub_items_does_not_become_a_sub_item(users, meeting):
    from outcomes.governance.rules import Refused

    report = meeting.agenda_items.get(title="CYPP progress report, June 2014")
    other = meeting.agenda_items.get(title="Lifestyle Survey 2009")
    with pytest.raises(Refused, match="cannot itself become a sub-item"):
        services.edit_item(user=users["performance_officer"], item=report, parent=other)
    services.edit_item(user=users["performance_officer"], item=other, parent=report)
    assert agenda_numbers(meeting).numbers[other.pk] == "3.2"
