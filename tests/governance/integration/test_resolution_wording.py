"""A resolution's wording corrected in the page: the minute's version guards the save, the history
says what changed in words, and the action it raised takes the words only while untouched."""

from datetime import date

import pytest
from django.urls import reverse

from outcomes.governance import minuting, services
from outcomes.governance.models import Minute, Resolution

DAY = ["cypfp", "2014-05-21"]


def _minute(number: int) -> Minute:
    return Minute.objects.get(meeting__body__slug="cypfp", meeting__date=date(2014, 5, 21), number=number)


def _url(resolution: Resolution) -> str:
    return reverse("governance:resolution_edit", args=[*DAY, resolution.minute.number, resolution.pk])


@pytest.mark.django_db
def test_the_wording_is_corrected_and_the_history_says_so(client, users):
    minute = _minute(271)
    noted = minute.resolutions.get(kind="noted")
    client.force_login(users["performance_officer"])
    form = client.get(_url(noted)).content.decode()
    assert "That the report be noted." in form
    response = client.post(
        _url(noted), {"text": "That the annual report be noted.", "version": minute.version}
    )
    assert response.status_code == 302
    noted.refresh_from_db()
    assert noted.text == "That the annual report be noted."
    page = client.get(reverse("governance:minutes", args=DAY)).content.decode()
    assert "Corrected the wording of a resolution (Noted) of minute 271" in page
    assert "That the annual report be noted." in page


@pytest.mark.django_db
def test_a_stale_form_is_refused_and_an_empty_wording_too(client, users):
    minute = _minute(272)
    amended = minute.resolutions.get(kind="approved_amended")
    client.force_login(users["performance_officer"])
    stale_version = minute.version
    assert (
        client.post(
            _url(amended),
            {"text": "That it be approved.", "amendment": "As tabled.", "version": stale_version},
        ).status_code
        == 302
    )
    stale = client.post(
        _url(amended), {"text": "Another wording.", "amendment": "X", "version": stale_version}
    )
    assert stale.status_code == 400
    assert "while you were editing it" in stale.content.decode()
    amended.refresh_from_db()
    assert amended.text == "That it be approved."
    fresh = _minute(272).version
    no_amendment = client.post(
        _url(amended), {"text": "That it be approved.", "amendment": " ", "version": fresh}
    )
    assert no_amendment.status_code == 400
    assert "Enter the amendment the approval was subject to" in no_amendment.content.decode()


@pytest.mark.django_db
def test_the_action_raised_takes_the_words_only_while_untouched(users):
    officer = users["performance_officer"]
    minute = _minute(274)
    raised = minuting.add_resolution(
        user=officer,
        minute=minute,
        kind="action",
        text="Write to the CCG.",
        owner_text="Joyce Thacker",
        due_rule="by the next meeting",
    )
    minute.refresh_from_db()
    minuting.edit_resolution(
        user=officer,
        resolution=raised,
        text="Write to the CCG and NHS England.",
        amendment="",
        expected_version=minute.version,
    )
    raised.action.refresh_from_db()
    assert raised.action.details == "Write to the CCG and NHS England."
    # Once an owner has reported on it, the tracker's record is its own.
    services.add_update(user=officer, action=raised.action, on=date(2014, 6, 1), text="Letter drafted.")
    minute.refresh_from_db()
    minuting.edit_resolution(
        user=officer,
        resolution=raised,
        text="Write to NHS England.",
        amendment="",
        expected_version=minute.version,
    )
    raised.action.refresh_from_db()
    assert raised.action.details == "Write to the CCG and NHS England."
    raised.refresh_from_db()
    assert raised.text == "Write to NHS England."
