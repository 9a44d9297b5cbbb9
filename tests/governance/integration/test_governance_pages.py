"""The tracker's pages: the log as at a date, an owner's update, a performance officer raising and
discharging (with evidence) an action, What I owe, and the link from home only for readers."""

from datetime import date

import pytest
from django.urls import reverse

from outcomes.accounts.models import Person
from outcomes.accounts.roles import Role
from outcomes.governance.models import Action
from tests.conftest import make_user

DAY = {"on-day": "4", "on-month": "9", "on-year": "2014"}


def action(number: int) -> Action:
    return Action.objects.get(body__slug="rlscb", number=number)


@pytest.fixture
def steve(db):
    """A lead officer signed in as Steve Ashley, who owns LSCB actions 1, 3 and 9."""
    return make_user("steve", Role.LEAD_OFFICER, "Steve Ashley")


@pytest.mark.django_db
def test_the_log_page_shows_the_bands_as_at_the_date_asked(client, users):
    client.force_login(users["viewer"])
    url = reverse("governance:body", args=["rlscb"])
    page = client.get(url, {"as_at-day": "5", "as_at-month": "6", "as_at-year": "2014"}).content.decode()
    assert "Actions raised on 05.06.2014" in page
    assert "Actions ongoing as at 05.06.2014" in page
    assert "Actions Points Discharged on 05.06.2014" in page
    assert "All RLSCB members" in page
    # A viewer reads; the links to change are not drawn.
    assert reverse("governance:action_new", args=["rlscb"]) not in page


@pytest.mark.django_db
def test_an_owner_adds_a_dated_update_which_is_kept_as_entered(client, steve):
    client.force_login(steve)
    url = reverse("governance:action_update", args=["rlscb", 1])
    response = client.post(url, {**DAY, "text": "Letter sent to the minister."})
    assert response.status_code == 302
    update = action(1).updates.get()
    assert update.on == date(2014, 9, 4)
    assert update.entered_by == steve
    page = client.get(reverse("governance:action", args=["rlscb", 1])).content.decode()
    assert "Letter sent to the minister." in page
    assert "Update of 4 September 2014 added to RLSCB action 1" in page  # the history, in words
    # Action 2 is owned by Paul Lakin and Steve Ashley: he may update it; action 4 is not his.
    assert client.get(reverse("governance:action_update", args=["rlscb", 2])).status_code == 200
    assert client.get(reverse("governance:action_update", args=["rlscb", 4])).status_code == 403


@pytest.mark.django_db
def test_what_i_owe_lists_the_owners_open_actions_with_due_in_words(client, steve):
    item = action(1)
    item.due_on = date(2014, 9, 4)
    item.save()
    client.force_login(steve)
    page = client.get(reverse("governance:my_actions")).content.decode()
    assert "RLSCB action 1" in page
    assert "Overdue: was due 4 September 2014" in page
    assert "RLSCB action 17" not in page  # discharged: owed no more
    home = client.get(reverse("home:home")).content.decode()
    assert reverse("governance:my_actions") in home
    assert "overdue" in home


@pytest.mark.django_db
def test_the_performance_officer_raises_an_action_and_discharges_it_only_with_evidence(client, users):
    client.force_login(users["performance_officer"])
    ashley = Person.objects.get(name="Steve Ashley")
    response = client.post(
        reverse("governance:action_new", args=["rlscb"]),
        {
            "owner_text": "Steve Ashley",
            "owners": [ashley.pk],
            "details": "Write to NHS England again.",
            "raised_on-day": "4",
            "raised_on-month": "9",
            "raised_on-year": "2014",
            "status": "raised",
            "parent": "14",
        },
    )
    assert response.status_code == 302
    new = Action.objects.get(body__slug="rlscb", details="Write to NHS England again.")
    assert new.number == 37
    assert new.parent == action(14)
    assert list(new.owners.all()) == [ashley]
    url = reverse("governance:action_discharge", args=["rlscb", 37])
    refused = client.post(url, {**DAY, "evidence": " "})
    assert refused.status_code == 400
    assert "Enter the evidence" in refused.content.decode()
    assert action(37).status == "raised"
    done = client.post(url, {**DAY, "evidence": "Agenda item 6 of 4 September 2014"})
    assert done.status_code == 302
    new = action(37)
    assert new.status == "discharged"
    assert new.discharged_on == date(2014, 9, 4)
    page = client.get(reverse("governance:action", args=["rlscb", 37])).content.decode()
    assert "Status changed from Raised to Discharged." in page
    assert "Evidence set to “Agenda item 6 of 4 September 2014”." in page


@pytest.mark.django_db
def test_the_log_downloads_through_core_downloads(client, users):
    client.force_login(users["viewer"])
    url = reverse("governance:log_download", args=["rlscb", "json"])
    response = client.get(url, {"as_at-day": "5", "as_at-month": "6", "as_at-year": "2014"})
    assert response["Content-Disposition"].endswith('rlscb-action-log-2014-06-05.json"')
    assert len(response.json()["bands"]["discharged"]) == 15
    assert client.get(reverse("governance:log_download", args=["rlscb", "pdf"])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "shown"), [("viewer", True), ("lead_officer", True), ("school", False)])
def test_the_link_from_home_only_for_those_who_may_open_it(client, users, role, shown):
    client.force_login(users[role])
    home = client.get(reverse("home:home")).content.decode()
    assert (reverse("governance:list") in home) is shown


@pytest.mark.django_db
def test_what_i_owe_lists_the_milestones_a_lead_still_has_to_update(client, users, demo_plan):
    demo_plan.rounds.create(
        slug="december-2014", title="Update December 2014", opens=date(2014, 12, 1), closes=date(2014, 12, 19)
    )
    client.force_login(users["lead_officer"])
    page = client.get(reverse("governance:my_actions")).content.decode()
    # Ron Parry leads priority 1 milestones 26-28; the new round waits for their updates.
    update = reverse("plans:update", args=[demo_plan.slug, "december-2014", 1, 26])
    assert update in page
    assert "P1 M28</a> in Update December 2014" in page
    assert "Overdue: was due 19 December 2014" in page  # today is after 2014
