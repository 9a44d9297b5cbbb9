"""The performance officer's "What is owed" for a body (open actions by owner, overdue in words),
the body page pointing at the log frozen with a meeting's published minutes, and a minute written
in error removed from the draft (never from approved minutes, never with its resolutions)."""

from datetime import date

import pytest
from django.urls import reverse

from outcomes.governance import minuting, rules
from outcomes.governance.models import Action, Body, Minute
from outcomes.governance.owing import NO_OWNER, owed_on_body

TODAY = date(2014, 9, 10)


@pytest.mark.django_db
def test_what_is_owed_groups_a_bodys_open_actions_by_owner():
    Action.objects.filter(body__slug="rlscb", number=1).update(due_on=date(2014, 9, 4))
    Action.objects.filter(body__slug="rlscb", number=3).update(due_on=date(2014, 12, 1))
    owners, every = owed_on_body(Body.objects.get(slug="rlscb"), TODAY)
    assert len(every) == 21  # 1-15 and 31-36: the discharged 16-30 are owed no more
    names = [group.owner for group in owners]
    # Actions 5 and 10 name no person: their words stand as the owner, after nobody-owned (none here).
    assert "All RLSCB members" in names
    assert "Everyone" in names
    assert NO_OWNER not in names
    assert names == sorted(names, key=str.casefold)
    ashley = next(group for group in owners if group.owner == "Steve Ashley")
    assert [item.action.number for item in ashley.owed] == [1, 3, 2, 9, 11, 13, 36]
    assert ashley.overdue == 1
    assert ashley.owed[0].due == "Overdue: was due 4 September 2014 (6 days ago)"
    # Action 2 has two owners and is listed under both.
    lakin = next(group for group in owners if group.owner == "Councillor Paul Lakin")
    assert [item.action.number for item in lakin.owed] == [2]


@pytest.mark.django_db
def test_an_action_with_no_owner_comes_first():
    body = Body.objects.get(slug="rlscb")
    orphan = Action.objects.get(body=body, number=10)
    orphan.owner_text = ""
    orphan.save()
    owners, _ = owed_on_body(body, TODAY)
    assert owners[0].owner == NO_OWNER
    assert [item.action.number for item in owners[0].owed] == [10]


@pytest.mark.django_db
def test_the_owed_page_shows_owners_and_overdue_in_words(client, users):
    Action.objects.filter(body__slug="rlscb", number=14).update(due_on=date(2014, 9, 4))
    client.force_login(users["performance_officer"])
    body_page = client.get(reverse("governance:body", args=["rlscb"])).content.decode()
    owed_url = reverse("governance:body_owed", args=["rlscb"])
    assert owed_url in body_page
    page = client.get(owed_url).content.decode()
    assert "21 open actions" in page
    assert '<h2 class="govuk-heading-m">Pete Horner</h2>' in page
    assert "<strong>Overdue: was due 4 September 2014" in page
    assert "<strong>1 overdue</strong>" in page
    # A viewer reads the log but the chasing page is the performance officer's: not linked, 403.
    client.force_login(users["viewer"])
    assert owed_url not in client.get(reverse("governance:body", args=["rlscb"])).content.decode()
    assert client.get(owed_url).status_code == 403


@pytest.mark.django_db
def test_the_body_page_on_a_published_meetings_date_points_at_the_frozen_log(client, users):
    client.force_login(users["viewer"])
    url = reverse("governance:body", args=["cypfp"])
    frozen = reverse("governance:meeting_log", args=["cypfp", "2015-01-14"])
    on_the_day = client.get(url, {"as_at-day": "14", "as_at-month": "1", "as_at-year": "2015"})
    assert frozen in on_the_day.content.decode()
    another_day = client.get(url, {"as_at-day": "15", "as_at-month": "1", "as_at-year": "2015"})
    assert frozen not in another_day.content.decode()


def _minute(number: int) -> Minute:
    return Minute.objects.get(meeting__body__slug="cypfp", meeting__date=date(2014, 5, 21), number=number)


@pytest.mark.django_db
def test_a_minute_is_removed_after_confirming_and_the_history_says_so(client, users):
    client.force_login(users["performance_officer"])
    url = reverse("governance:minute_remove", args=["cypfp", "2014-05-21", 270])
    asked = client.post(url)
    assert asked.status_code == 200
    assert "Remove minute 270?" in asked.content.decode()
    assert Minute.objects.filter(number=270, meeting__body__slug="cypfp").exists()
    done = client.post(url, {"confirm": "yes"})
    assert done.status_code == 302
    assert not Minute.objects.filter(number=270, meeting__body__slug="cypfp").exists()
    page = client.get(reverse("governance:minutes", args=["cypfp", "2014-05-21"])).content.decode()
    assert "Minute 270 removed." in page
    assert "Removed minute 270 of" in page


@pytest.mark.django_db
def test_a_minute_with_resolutions_or_in_approved_minutes_stays(users):
    with_resolutions = _minute(271)
    with pytest.raises(rules.Refused) as refused:
        minuting.remove_minute(user=users["performance_officer"], minute=with_resolutions)
    assert refused.value.problems == ["Remove the minute's resolutions first"]
    plain = _minute(270)
    plain.meeting.state = "minutes_approved"
    plain.meeting.save()
    with pytest.raises(rules.Refused) as refused:
        minuting.remove_minute(user=users["performance_officer"], minute=plain)
    assert "correct the minute's text" in refused.value.problems[0]
    assert Minute.objects.filter(pk=plain.pk).exists()
