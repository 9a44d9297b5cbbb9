"""Each person chooses what they receive, in their own page (issue 17)."""

import pytest
from django.urls import reverse

from outcomes.core.models import ChangeRecord
from outcomes.reminders.models import Preference

pytestmark = pytest.mark.django_db
PAGE = reverse("reminders:preferences")


def test_a_lead_officer_sees_the_kinds_that_concern_them(client, users):
    client.force_login(users["lead_officer"])
    page = client.get(PAGE).content.decode()
    assert "Before an update window closes" in page
    assert "When an update window has closed without your updates" in page
    assert 'value="ron.parry@example.org"' in page
    assert page.count("checked") == 3  # both kinds, and one reminder for each
    assert "None yet." in page


def test_a_viewer_is_told_nothing_concerns_them(client, users):
    client.force_login(users["viewer"])
    page = client.get(PAGE).content.decode()
    assert "None of the reminders concerns you at present" in page
    assert "Before an update window closes" not in page


def test_choices_are_saved_with_their_history(client, users):
    lead = users["lead_officer"]
    client.force_login(lead)
    response = client.post(
        PAGE, {"email": "ron@example.org", "wanted": ["rounds.overdue"], "delivery": Preference.WEEKLY}
    )
    assert response.status_code == 302
    preference = Preference.objects.get(user=lead)
    assert preference.switched_off == ["rounds.closing"]
    assert preference.delivery == Preference.WEEKLY
    lead.refresh_from_db()
    assert lead.email == "ron@example.org"
    record = ChangeRecord.objects.get(action="reminders.preferences")
    assert record.summary == (
        "Reminders for Ron Parry: address changed; one e-mail a week, on monday, listing everything due "
        "or overdue; no longer receives: before an update window closes"
    )
    page = client.get(PAGE).content.decode()
    assert "Your reminder choices are saved." in page
    assert page.count("checked") == 1 + 1  # one kind, and the weekly delivery


def test_a_kind_not_offered_now_keeps_its_setting(client, users):
    lead = users["lead_officer"]
    Preference.objects.create(user=lead, switched_off=["actions.overdue"])
    client.force_login(lead)  # owns no clinic action: that kind is not on the page
    client.post(
        PAGE, {"email": lead.email, "wanted": ["rounds.closing", "rounds.overdue"], "delivery": "each"}
    )
    assert Preference.objects.get(user=lead).switched_off == ["actions.overdue"]


def test_a_wrong_address_is_refused_and_nothing_saved(client, users):
    client.force_login(users["lead_officer"])
    response = client.post(PAGE, {"email": "ron at example", "delivery": "each"})
    assert response.status_code == 200
    assert "Enter an e-mail address in the correct format, like name@example.org" in response.content.decode()
    assert not Preference.objects.exists()


def test_the_header_links_everyone_to_their_page(client, users):
    client.force_login(users["school"])
    assert f'href="{PAGE}"' in client.get(reverse("home:home")).content.decode()
