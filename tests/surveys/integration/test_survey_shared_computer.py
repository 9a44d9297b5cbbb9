"""On a shared school computer a half-finished questionnaire is not shown to the next person: it is
forgotten after SURVEY_IDLE_MINUTES without an answer, and "Start again" clears it, asking first,
without JavaScript (issue 12 item 16, decision 0074)."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from outcomes.surveys import pupil_sessions
from outcomes.surveys.models import AccessLink, Edition
from outcomes.surveys.views.pupils import STATE
from tests.surveys.integration.test_survey_pupils import ANSWERS, SEND, Pupil

pytestmark = pytest.mark.django_db
START_AGAIN = reverse("surveys:pupil_start_again")


class Clock:
    now = 1_800_000_000.0

    def __call__(self):
        return self.now


@pytest.fixture(autouse=True)
def clock(monkeypatch, settings):
    cache.clear()
    settings.SURVEY_LINK_CACHE_SECONDS = 0
    settings.SURVEY_IDLE_MINUTES = 30
    clock = Clock()
    monkeypatch.setattr(pupil_sessions, "_now", clock)
    yield clock
    cache.clear()


@pytest.fixture
def link():
    edition = Edition.objects.get(slug="primary-2009")
    return AccessLink.objects.select_related("school", "edition").get(
        edition=edition, school__code="swinton-brookfield"
    )


def first_page_answered(client, link) -> Pupil:
    pupil = Pupil(client)
    pupil.start(link)
    assert pupil.answer_page(ANSWERS).status_code == 302
    return pupil


def test_a_questionnaire_left_alone_is_forgotten_and_the_next_person_is_told(client, link, clock):
    pupil = first_page_answered(client, link)
    clock.now += 31 * 60
    response = client.get(pupil.location)
    assert response.status_code == 302
    assert response["Location"] == reverse("surveys:pupil_start") + "?timed-out=1"
    assert STATE not in client.session
    html = client.get(response["Location"]).content.decode()
    assert "cleared because nothing was answered for 30 minutes" in html
    # Page 1 shows nothing ticked: there is no questionnaire any more.
    assert client.get(reverse("surveys:pupil_page", args=[1])).status_code == 302


def test_answering_keeps_the_questionnaire_alive(client, link, clock):
    pupil = Pupil(client)
    pupil.start(link)
    for _ in range(3):
        clock.now += 25 * 60  # each page answered within the time
        assert pupil.answer_page(ANSWERS).status_code == 302
    assert client.session[STATE]["answers"]


def test_a_send_after_the_time_sends_nothing(client, link, clock):
    pupil = Pupil(client)
    pupil.start(link)
    pupil.answer_all(ANSWERS)
    assert pupil.location == SEND
    clock.now += 31 * 60
    response = pupil.send()
    assert response["Location"] == reverse("surveys:pupil_start") + "?timed-out=1"


def test_start_again_asks_then_clears_the_answers_without_javascript(client, link):
    pupil = first_page_answered(client, link)
    page = client.get(pupil.location).content.decode()
    assert f'href="{START_AGAIN}"' in page
    confirm = client.get(START_AGAIN)
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "Clear the answers and start again?" in html
    assert re.search(r'<form method="post"', html)
    assert STATE in client.session  # asking clears nothing
    cleared = client.post(START_AGAIN)
    assert cleared.status_code == 302
    assert cleared["Location"] == reverse("surveys:pupil_link", args=[link.token])
    assert STATE not in client.session
    # The next person who opens a question page is sent to start, not shown the answers.
    assert client.get(reverse("surveys:pupil_page", args=[1]))["Location"] == reverse("surveys:pupil_start")


def test_the_send_page_offers_start_again_too(client, link):
    pupil = Pupil(client)
    pupil.start(link)
    pupil.answer_all(ANSWERS)
    assert f'href="{START_AGAIN}"' in client.get(SEND).content.decode()


def test_start_again_keeps_a_staff_sign_in(client, users, link):
    client.force_login(users["performance_officer"])
    first_page_answered(client, link)
    client.post(START_AGAIN)
    assert STATE not in client.session
    assert client.get("/").status_code == 200
