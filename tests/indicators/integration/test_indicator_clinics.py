"""Performance clinics and challenge sessions: record one, agree actions with owners and dates,
follow them up at the next clinic; every change recorded; nothing overwritten by a stale form. The
agreed actions are actions of the Performance clinics on the one tracker (decision 0142)."""

import re

import pytest
from django.urls import reverse

from outcomes.accounts.models import Person
from outcomes.core.models import ChangeRecord
from outcomes.governance.clinic_forms import version_of
from outcomes.governance.models import Action
from outcomes.indicators.forms import clinic_key
from outcomes.indicators.models import Clinic, ExceptionRecord

pytestmark = pytest.mark.django_db

NEW = {
    "kind": "clinic",
    "title": "Core assessments",
    "date": "2010-11-04",
    "forum": "Improvement Panel",
    "attendees": "Gani Martins\nImprovement Panel members",
    "indicators": "NI 60",
    "findings": "86.42% year to date against 87% by March 2011.",
}


def create(client, **changes) -> Clinic:
    response = client.post(reverse("indicators:clinic_new"), {**NEW, **changes})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Clinic.objects.get(slug=response["Location"].rstrip("/").split("/")[-1])


def add_action(client, clinic: Clinic, **fields) -> Action:
    data = {"text": "Audit a sample of core assessments", "owner": "Gani Martins", "due": "2010-12-01"}
    data.update({"status": "open", **fields})
    response = client.post(reverse("indicators:action_new", args=[clinic.slug]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Action.objects.filter(clinic=clinic).order_by("-number").first()


def test_a_performance_officer_records_a_clinic_with_its_attendees_and_exceptions(client, users):
    client.force_login(users["performance_officer"])
    clinic = create(client)
    assert clinic.title == "Core assessments"
    assert clinic.slug == "2010-11-04-core-assessments"
    assert [p.name for p in clinic.attendees.all()] == ["Gani Martins"]
    assert clinic.attendees_text == "Improvement Panel members"
    assert [i.code for i in clinic.indicators.all()] == ["NI 60"]
    open_ni60 = ExceptionRecord.objects.filter(indicator__code="NI 60", closed_at__isnull=True)
    assert open_ni60.exists()
    assert set(clinic.exceptions.all()) == set(open_ni60)
    change = ChangeRecord.objects.get(subject_key=clinic_key(clinic))
    assert change.user == users["performance_officer"]
    assert change.after["indicators"] == "NI 60"
    html = client.get(reverse("indicators:clinic", args=[clinic.slug])).content.decode()
    assert "Gani Martins; Improvement Panel members" in html
    assert "86.42% in 2010-11 against a target of 87%" in html


def test_an_unknown_indicator_code_is_refused_with_a_message(client, users):
    client.force_login(users["performance_officer"])
    response = client.post(reverse("indicators:clinic_new"), {**NEW, "indicators": "NI 60\nNI 999"})
    assert response.status_code == 200
    assert "There is no indicator with the code NI 999" in response.content.decode()
    assert not Clinic.objects.filter(title="Core assessments").exists()


def test_agreed_actions_have_owners_and_dates_and_are_followed_up_at_the_next_clinic(client, users):
    client.force_login(users["performance_officer"])
    first = create(client)
    action = add_action(client, first)
    assert action.body.slug == "clinics", "an action of the Performance clinics on the one tracker"
    assert list(action.owners.all()) == [Person.objects.get(name="Gani Martins")]
    assert str(action.due_on) == "2010-12-01"
    assert (action.status, action.raised_on) == (Action.RAISED, first.date)
    second = create(client, date="2010-12-09", title="Core assessments again")
    assert (
        "Audit a sample of core assessments"
        in client.get(reverse("indicators:clinic", args=[second.slug])).content.decode()
    ), "the next clinic lists the open action of the earlier one"

    url = reverse("indicators:action_edit", args=[first.slug, action.number])
    fields = {
        "text": action.details,
        "owner": "Gani Martins",
        "due": "2010-12-01",
        "version": version_of(action),
    }
    refused = client.post(url, {**fields, "status": "done", "followed_up_at": second.slug})
    assert "Enter what the clinic that followed it up found" in refused.content.decode()
    follow_up = "20 files audited; 2 recording errors corrected."
    fields.update({"status": "done", "follow_up": follow_up, "followed_up_at": second.slug})
    done = client.post(url, fields)
    assert done.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.followed_up_at) == (Action.DISCHARGED, second)
    assert (action.evidence, action.discharged_on) == (follow_up, second.date), "done, with its evidence"
    html = client.get(reverse("indicators:clinic", args=[second.slug])).content.decode()
    assert "20 files audited; 2 recording errors corrected." in html
    history = ChangeRecord.objects.filter(subject_key=clinic_key(first)).order_by("at", "id")
    assert [h.action for h in history] == ["created", "action_raised", "action_edited", "action_discharged"]
    assert history.last().before["status"] == "raised"
    assert history.last().after["status"] == "discharged"
    tracker = client.get(reverse("governance:action", args=["clinics", action.number])).content.decode()
    assert follow_up in tracker, "the action's own page on the tracker shows it discharged with its evidence"


def test_an_action_not_done_stays_open_with_the_follow_up_as_a_dated_update(client, users):
    client.force_login(users["performance_officer"])
    first = create(client)
    action = add_action(client, first)
    second = create(client, date="2010-12-09", title="Core assessments again")
    url = reverse("indicators:action_edit", args=[first.slug, action.number])
    fields = {"text": action.details, "owner": "Gani Martins", "due": "2010-12-01", "status": "not_done"}
    fields.update({"follow_up": "Only 5 files audited.", "followed_up_at": second.slug})
    assert client.post(url, {**fields, "version": version_of(action)}).status_code == 302
    action.refresh_from_db()
    assert action.status == Action.ONGOING
    assert [(u.on, u.text) for u in action.updates.all()] == [
        (second.date, "Not done: Only 5 files audited.")
    ]
    # Saving the same follow-up again appends nothing: updates are never rewritten nor repeated.
    assert client.post(url, {**fields, "version": version_of(action)}).status_code == 302
    assert action.updates.count() == 1
    html = client.get(reverse("indicators:clinic", args=[second.slug])).content.decode()
    assert "Not done: Only 5 files audited." in html


def hidden_version(html: str) -> str:
    return re.search(r'name="version" value="([^"]*)"', html).group(1)


def other_version(html: str) -> str:
    """The part of the page that shows what the other person saved."""
    start = html.index('id="other-version"')
    return html[start : html.index("Your version is in the form below", start)]


def textarea(html: str, name: str) -> str:
    return re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', html, re.S).group(1).strip()


def test_a_stale_form_keeps_the_second_persons_text_beside_the_saved_version(client, users):
    client.force_login(users["administrator"])
    clinic = create(client)
    url = reverse("indicators:clinic_edit", args=[clinic.slug])
    opened_at = clinic.version
    first = client.post(url, {**NEW, "findings": "First edit", "version": opened_at})
    assert first.status_code == 302
    client.force_login(users["performance_officer"])
    stale = client.post(url, {**NEW, "title": "My title", "findings": "Stale edit", "version": opened_at})
    html = stale.content.decode()
    assert stale.status_code == 200
    clinic.refresh_from_db()
    assert clinic.findings == "First edit"
    who = users["administrator"].display_name
    assert f"{who} saved this clinic at " in html
    assert "Your changes have not been saved" in html
    # Theirs beside, mine still in the form, and the form now against their version.
    theirs = other_version(html)
    assert f"What {who} saved" in theirs
    assert "First edit" in theirs
    assert "Core assessments" in theirs
    assert "Performance clinic" in theirs
    assert "Stale edit" not in theirs
    assert textarea(html, "findings") == "Stale edit"
    assert 'value="My title"' in html
    assert hidden_version(html) == str(clinic.version)
    again = client.post(url, {**NEW, "findings": "Stale edit", "version": hidden_version(html)})
    assert again.status_code == 302
    clinic.refresh_from_db()
    assert clinic.findings == "Stale edit"


def test_a_stale_agreed_action_keeps_the_second_persons_text(client, users):
    client.force_login(users["administrator"])
    clinic = create(client)
    action = add_action(client, clinic)
    url = reverse("indicators:action_edit", args=[clinic.slug, action.number])
    fields = {"owner": "Gani Martins", "due": "2010-12-01", "status": "open", "version": version_of(action)}
    assert client.post(url, {**fields, "text": "Audit twenty files"}).status_code == 302
    client.force_login(users["performance_officer"])
    stale = client.post(url, {**fields, "text": "Audit every file", "due": "2011-01-15"})
    html = stale.content.decode()
    assert stale.status_code == 200
    action.refresh_from_db()
    assert action.details == "Audit twenty files"
    assert f"saved agreed action {action.number} at " in html
    theirs = other_version(html)
    assert "Audit twenty files" in theirs
    assert "1 December 2010" in theirs
    assert "Open" in theirs
    assert textarea(html, "text") == "Audit every file"
    assert 'value="2011-01-15"' in html
    assert hidden_version(html) == str(version_of(action))


def test_lead_officers_read_clinics_but_do_not_change_them(client, users):
    client.force_login(users["lead_officer"])
    slug = "2014-06-30-breastfeeding-performance-clinic"
    html = client.get(reverse("indicators:clinic", args=[slug])).content.decode()
    assert "Complete the accreditation visits" in html
    assert "Edit this" not in html
    assert client.post(reverse("indicators:clinic_edit", args=[slug]), NEW).status_code == 403
    assert client.post(reverse("indicators:action_new", args=[slug]), {"text": "x"}).status_code == 403
    client.force_login(users["performance_officer"])
    managed = client.get(reverse("indicators:clinic", args=[slug])).content.decode()
    assert managed.count("Edit this") == 1  # the link the lead officer is not shown


def test_the_demo_clinic_of_30_june_2014_reviews_breastfeeding_initiation(client, users):
    client.force_login(users["lead_officer"])
    clinic = Clinic.objects.get(slug="2014-06-30-breastfeeding-performance-clinic")
    assert {e.indicator.code: e.kind for e in clinic.exceptions.all()} == {
        "BF-INIT": "missed_target",
        "BF-6-8WK": "no_data",
    }
    actions = client.get(reverse("indicators:clinic_export", args=[clinic.slug, "csv"])).content.decode()
    assert "Mary Smith" in actions
    assert "2014-09-30" in actions  # a due date is a date (decision 0067)


def test_the_owner_of_a_clinic_action_finds_it_in_what_i_owe_and_may_update_it(client, users):
    lead = users["lead_officer"]
    client.force_login(users["performance_officer"])
    action = add_action(
        client, create(client), owner=lead.person.name, text="Audit the Rotherham North files"
    )
    client.force_login(lead)
    owed = client.get(reverse("governance:my_actions")).content.decode()
    assert "Audit the Rotherham North files" in owed
    update = reverse("governance:action_update", args=["clinics", action.number])
    assert client.get(update).status_code == 200, "its owner adds dated updates on the tracker"


def test_a_viewer_reads_the_boards_but_not_the_clinics_actions(client, users):
    client.force_login(users["viewer"])
    boards = client.get(reverse("governance:list")).content.decode()
    assert "Performance clinics" not in boards
    assert client.get(reverse("governance:body", args=["clinics"])).status_code == 404
