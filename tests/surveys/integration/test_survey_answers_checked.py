"""Answers that must not be saved as they come: a blank paper questionnaire, a single-choice question
given two values, and control characters in a pupil's free text (issue 12, items 7 and 13)."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from outcomes.surveys.models import AccessLink, Edition, Response, TextAnswer
from tests.surveys.integration.test_survey_pupils import ANSWERS, SEND, Pupil
from tests.surveys.integration.test_survey_pupils_limits_and_paper import paper_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_limits(settings):
    cache.clear()
    settings.SURVEY_LINK_CACHE_SECONDS = 0
    yield
    cache.clear()


@pytest.fixture
def edition():
    return Edition.objects.get(slug="primary-2009")


@pytest.fixture
def link(edition):
    return AccessLink.objects.select_related("school", "edition").get(
        edition=edition, school__code="swinton-brookfield"
    )


@pytest.fixture
def paper_url(client, users, edition):
    client.force_login(users["performance_officer"])
    return reverse("surveys:paper_entry", args=[edition.slug, "harthill"])


def test_a_blank_paper_questionnaire_is_refused(client, paper_url):
    before = Response.objects.count()
    response = client.post(paper_url, {})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "The questionnaire is blank" in html
    assert 'href="#q1"' in html
    assert Response.objects.count() == before


def test_a_paper_with_only_answers_that_did_not_apply_is_refused_as_blank(client, paper_url):
    # Question 18 applies only to a pupil who answered Yes to question 17; with question 17 left
    # blank it does not apply, so nothing would be kept.
    before = Response.objects.count()
    response = client.post(paper_url, {"q18": "no"})
    assert "The questionnaire is blank" in response.content.decode()
    assert Response.objects.count() == before


def test_a_repeated_single_choice_is_refused_on_paper(client, paper_url):
    before = Response.objects.count()
    data = paper_form(ANSWERS)
    data["q1"] = ["female", "male"]
    response = client.post(paper_url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Question 1: Select one answer only" in html
    assert 'href="#q1"' in html
    assert Response.objects.count() == before


def test_a_repeated_grid_row_choice_is_refused_on_paper(client, paper_url):
    before = Response.objects.count()
    data = paper_form(ANSWERS)
    data["q6-fruit"] = ["daily", "weekly"]
    response = client.post(paper_url, data)
    assert "Question 6: Select one answer only for each row" in response.content.decode()
    assert Response.objects.count() == before


def test_a_repeated_single_choice_is_refused_on_a_pupils_page(client, link):
    pupil = Pupil(client)
    pupil.start(link)
    response = client.post(pupil.location, {"q1": ["female", "male"], "q2": ANSWERS["q2"], "q3": "white"})
    assert response.status_code == 200
    assert "Question 1: Select one answer only" in response.content.decode()


@pytest.mark.parametrize("control", ["\x00", "\x0b", "\x1b", "\x7f"])
def test_control_characters_in_a_pupils_text_are_cleaned_and_it_is_sent(client, link, control):
    pupil = Pupil(client)
    pupil.start(link)
    pupil.answer_all({**ANSWERS, "q47": f"A skate{control} park{control}"})
    assert pupil.location == SEND
    before = set(Response.objects.values_list("pk", flat=True))
    response = pupil.send()
    assert response.status_code == 302
    (saved,) = Response.objects.exclude(pk__in=before)
    texts = [t.text for t in TextAnswer.objects.filter(response=saved)]
    # A Word soft line break (vertical tab) is a line break; other control characters go.
    assert texts == ["A skate\n park" if control == "\x0b" else "A skate park"]


def test_control_characters_already_in_a_session_do_not_stop_the_send(client, link):
    """A questionnaire typed before the cleaning (still in its session) sends too."""
    pupil = Pupil(client)
    pupil.start(link)
    pupil.answer_all(ANSWERS)
    session = client.session
    from outcomes.surveys.views.pupils import STATE

    state = session[STATE]
    state["answers"]["q47"] = "More\x00 parks"
    session[STATE] = state
    session.save()
    before = set(Response.objects.values_list("pk", flat=True))
    assert pupil.send().status_code == 302
    (saved,) = Response.objects.exclude(pk__in=before)
    assert [t.text for t in saved.texts.all()] == ["More parks"]


def test_control_characters_in_a_paper_text_are_cleaned(client, paper_url):
    before = set(Response.objects.values_list("pk", flat=True))
    response = client.post(paper_url, {**paper_form(ANSWERS), "q47": "Bike\x00 lanes\r\nand a pool"})
    assert response.status_code == 302
    (saved,) = Response.objects.exclude(pk__in=before)
    assert [t.text for t in saved.texts.all()] == ["Bike lanes\nand a pool"]
