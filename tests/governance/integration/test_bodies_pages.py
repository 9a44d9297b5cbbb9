"""A body set up in the pages, its details changed (numbering fixed once it has minutes), and its
seats added, changed and ended, with the history in words; attendance follows the seats."""

from datetime import date

import pytest
from django.urls import reverse

from outcomes.governance import bodies, meetings, rules
from outcomes.governance.models import Body, Membership

NEW = {
    "name": "Corporate Parenting Panel",
    "short_name": "CPP",
    "minute_numbering": "running",
    "minute_prefix": "C",
}


@pytest.mark.django_db
def test_a_body_is_set_up_in_the_pages_and_a_member_added(client, users):
    client.force_login(users["performance_officer"])
    listing = client.get(reverse("governance:list")).content.decode()
    assert reverse("governance:body_new") in listing
    response = client.post(reverse("governance:body_new"), NEW)
    assert response.status_code == 302
    body = Body.objects.get(name="Corporate Parenting Panel")
    assert body.slug == "cpp"
    assert response["Location"] == reverse("governance:members", args=["cpp"])
    seat = client.post(
        reverse("governance:seat_new", args=["cpp"]),
        {
            "name": "Councillor Jane Doe",
            "role": "chair",
            "starts_on-day": "1",
            "starts_on-month": "4",
            "starts_on-year": "2014",
        },
    )
    assert seat.status_code == 302
    assert [m.name for m in meetings.members_on(body, date(2014, 6, 1))] == ["Councillor Jane Doe"]
    assert list(meetings.members_on(body, date(2014, 3, 31))) == []
    page = client.get(reverse("governance:members", args=["cpp"])).content.decode()
    assert "Set up Corporate Parenting Panel" in page
    assert "Added Councillor Jane Doe as chair of CPP" in page
    assert "Minute prefix: “C”." in page


@pytest.mark.django_db
def test_the_same_name_twice_is_refused_and_nothing_is_made(client, users):
    client.force_login(users["performance_officer"])
    taken = Body.objects.get(slug="rlscb").name.upper()  # the same name in other letters
    response = client.post(reverse("governance:body_new"), {**NEW, "name": taken})
    assert response.status_code == 400
    assert "There is already a body with this name" in response.content.decode()
    assert not Body.objects.filter(short_name="CPP").exists()
    empty = client.post(reverse("governance:body_new"), {"minute_numbering": "running"})
    assert empty.status_code == 400
    assert "Enter the body&#39;s name" in empty.content.decode()


@pytest.mark.django_db
def test_a_slug_never_takes_a_pages_address(users):
    body = bodies.create_body(
        user=users["performance_officer"],
        name="New",
        short_name="",
        minute_numbering="running",
        minute_prefix="",
    )
    assert body.slug == "new-2"


@pytest.mark.django_db
def test_numbering_is_fixed_once_the_body_has_minutes(client, users):
    trust = Body.objects.get(slug="trust-board")
    client.force_login(users["performance_officer"])
    url = reverse("governance:body_edit", args=["trust-board"])
    refused = client.post(
        url,
        {
            "name": trust.name,
            "short_name": trust.short_name,
            "minute_numbering": "running",
            "minute_prefix": "E",
        },
    )
    assert refused.status_code == 400
    assert "cannot change once it has minutes" in refused.content.decode()
    trust.refresh_from_db()
    assert trust.minute_prefix == "D"
    renamed = client.post(
        url,
        {
            "name": "The Trust Board",
            "short_name": trust.short_name,
            "minute_numbering": "running",
            "minute_prefix": "D",
        },
    )
    assert renamed.status_code == 302
    page = client.get(reverse("governance:members", args=["trust-board"])).content.decode()
    assert "Name changed from" in page
    assert "“The Trust Board”" in page


@pytest.mark.django_db
def test_a_seat_is_ended_and_its_dates_must_agree(client, users):
    seat = Membership.objects.filter(body__slug="rlscb", ends_on__isnull=True).order_by("pk").first()
    client.force_login(users["performance_officer"])
    url = reverse("governance:seat_edit", args=["rlscb", seat.pk])
    form = client.get(url).content.decode()
    assert seat.name in form
    values = {"name": seat.name, "role": seat.role, "position": seat.position}
    backwards = client.post(
        url,
        {
            **values,
            "starts_on-day": "2",
            "starts_on-month": "6",
            "starts_on-year": "2014",
            "ends_on-day": "1",
            "ends_on-month": "6",
            "ends_on-year": "2014",
        },
    )
    assert backwards.status_code == 400
    assert "The seat cannot end before it began" in backwards.content.decode()
    ended = client.post(url, {**values, "ends_on-day": "31", "ends_on-month": "7", "ends_on-year": "2014"})
    assert ended.status_code == 302
    seat.refresh_from_db()
    assert seat.ends_on == date(2014, 7, 31)
    body = seat.body
    assert seat not in meetings.members_on(body, date(2014, 9, 4))
    assert seat in meetings.members_on(body, date(2014, 6, 5))
    page = client.get(reverse("governance:members", args=["rlscb"])).content.decode()
    assert "Seats that have ended" in page
    assert f"Changed {seat.name} as" in page
    assert "To set to 31 July 2014." in page


@pytest.mark.django_db
def test_readers_see_the_members_but_no_way_to_change_them(client, users):
    client.force_login(users["viewer"])
    page = client.get(reverse("governance:members", args=["rlscb"])).content.decode()
    assert "Seats held on" in page
    assert reverse("governance:seat_new", args=["rlscb"]) not in page
    assert reverse("governance:body_edit", args=["rlscb"]) not in page
    assert rules.seat_dates_problems(date(2014, 1, 2), date(2014, 1, 1)) == [
        "The seat cannot end before it began"
    ]
