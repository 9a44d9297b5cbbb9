"""A school's link cannot flood the survey and codes cannot be guessed (rate limits); staff type in
paper questionnaires through the same forms and the same save."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from outcomes.core.models import ChangeRecord
from outcomes.surveys import ratelimit
from outcomes.surveys.models import AccessLink, Edition, Response, SchoolParticipation, SchoolRoll
from tests.surveys.integration.test_survey_pupils import ANSWERS, Pupil, saved_answers

pytestmark = pytest.mark.django_db


class Clock:
    """The rate limits' minute, moved on by the test (a real minute could turn in mid-test)."""

    minute = 28_000_000

    def next_minute(self):
        self.minute += 1


@pytest.fixture(autouse=True)
def clock(monkeypatch, settings):
    cache.clear()
    settings.SURVEY_LINK_CACHE_SECONDS = 0
    clock = Clock()
    monkeypatch.setattr(ratelimit, "current_window", lambda: clock.minute)
    yield clock
    cache.clear()


@pytest.fixture
def edition():
    return Edition.objects.get(slug="primary-2009")


@pytest.fixture
def link(edition):
    return AccessLink.objects.select_related("school", "edition").get(
        edition=edition, school__code="swinton-brookfield"
    )


def limits(settings, **values):
    settings.SURVEY_RATE_LIMITS = {**settings.SURVEY_RATE_LIMITS, **values}


# --- Rate limits ----------------------------------------------------------------------------------------


def test_a_link_sends_no_more_questionnaires_a_minute_than_allowed(client, settings, link, clock):
    limits(settings, COMPLETIONS_PER_MINUTE=2)
    before = Response.objects.count()
    for _ in range(2):
        assert Pupil(client).complete(link, ANSWERS).status_code == 302
    third = Pupil(client)
    third.start(link)
    third.answer_all(ANSWERS)
    response = third.send()
    assert response.status_code == 429
    assert "Your answers are kept" in response.content.decode()
    assert Response.objects.count() == before + 2
    clock.next_minute()
    assert third.send().status_code == 302
    assert Response.objects.count() == before + 3


def test_the_limit_is_per_link(client, settings, link, edition):
    limits(settings, COMPLETIONS_PER_MINUTE=1)
    other = AccessLink.objects.get(edition=edition, school__code="harthill")
    assert Pupil(client).complete(link, ANSWERS).status_code == 302
    assert Pupil(client).complete(other, ANSWERS).status_code == 302
    assert Pupil(client).complete(link, ANSWERS).status_code == 429


def test_a_school_sends_no_more_than_a_multiple_of_its_roll(client, settings, link, edition):
    sent = Response.objects.filter(edition=edition, school=link.school).count()  # 81 in the demo
    roll = SchoolRoll.objects.get(school=link.school, year=edition.year, year_group=5).pupils  # 101
    limits(settings, ROLL_MULTIPLE=(sent + 1) / roll)
    assert ratelimit.school_total_limit(link) == sent + 1
    assert Pupil(client).complete(link, ANSWERS).status_code == 302
    response = Pupil(client).complete(link, ANSWERS)
    assert response.status_code == 429
    assert "Your school has sent all its answers" in response.content.decode()
    assert Response.objects.filter(edition=edition, school=link.school).count() == sent + 1


def test_without_a_roll_the_minimum_total_applies(settings, link, edition):
    limits(settings, MINIMUM_TOTAL=7, ROLL_MULTIPLE=2)
    assert ratelimit.school_total_limit(link) == 202
    SchoolRoll.objects.filter(school=link.school).delete()
    assert ratelimit.school_total_limit(link) == 7


def test_starts_through_one_link_are_limited(client, settings, link, clock):
    limits(settings, STARTS_PER_MINUTE=3)
    url = reverse("surveys:pupil_link", args=[link.token])
    assert [client.post(url).status_code for _ in range(4)] == [302, 302, 302, 429]
    clock.next_minute()
    assert client.post(url).status_code == 302


def guess(client, code, address):
    return client.post(reverse("surveys:pupil_start"), {"code": code}, REMOTE_ADDR=address)


def test_one_computer_guessing_codes_does_not_lock_the_others_out(client, settings, link, clock):
    limits(settings, FAILED_CODES_PER_CLIENT_PER_MINUTE=3, FAILED_CODES_PER_MINUTE=1000)
    guesser, school = "198.51.100.66", "203.0.113.10"
    assert [guess(client, f"WRONG{i}", guesser).status_code for i in range(3)] == [200, 200, 200]
    # The guesser is held back, even with a right code: a refusal says nothing about the code.
    for _ in range(50):
        blocked = guess(client, "ABCDEFG", guesser)
    assert blocked.status_code == 429
    assert "Too many codes have been tried" in blocked.content.decode()
    assert guess(client, link.code, guesser).status_code == 429
    # Every other computer types its code as usual.
    assert guess(client, link.code, school).status_code == 302
    clock.next_minute()
    assert guess(client, link.code, guesser).status_code == 302


def test_made_up_link_addresses_count_for_their_computer_only(client, settings, link, clock):
    limits(settings, FAILED_CODES_PER_CLIENT_PER_MINUTE=3, FAILED_CODES_PER_MINUTE=1000)
    for i in range(60):
        made_up = client.get(reverse("surveys:pupil_link", args=[f"guess{i}"]), REMOTE_ADDR="198.51.100.66")
        assert made_up.status_code == 404
    assert guess(client, link.code, "198.51.100.66").status_code == 429
    assert guess(client, link.code, "203.0.113.10").status_code == 302


def test_many_guessers_shrink_each_computers_allowance_but_a_right_code_still_works(
    client, settings, link, clock
):
    limits(
        settings,
        FAILED_CODES_PER_CLIENT_PER_MINUTE=20,
        FAILED_CODES_PER_MINUTE=10,
        FAILED_CODES_PER_CLIENT_UNDER_LOAD=2,
    )
    for n in range(10):  # ten computers, one wrong code each: the service's count is reached
        assert guess(client, "WRONG00", f"198.51.100.{n}").status_code == 200
    # A pupil who mistypes still has their two tries, and their right code works.
    pupil = "203.0.113.10"
    assert [guess(client, "WRONG01", pupil).status_code for _ in range(2)] == [200, 200]
    assert guess(client, link.code, pupil).status_code == 429  # past the shrunken allowance
    assert guess(client, link.code, "203.0.113.11").status_code == 302
    clock.next_minute()
    assert guess(client, link.code, pupil).status_code == 302


def test_the_counters_keep_a_keyed_hash_of_the_computer_never_its_address(client, settings, link, clock):
    address = "198.51.100.66"
    guess(client, "WRONG00", address)
    keys = [key for key in cache._cache if "survey-rate" in key]  # LocMemCache's own store
    assert any(":client:" in key for key in keys)
    assert not any(address in key for key in keys)
    assert all(re.fullmatch(r":1:survey-rate:failed-codes(:client:[0-9a-f]{24})?:\d+", k) for k in keys), keys


def test_the_counters_name_only_the_link_and_the_minute(client, link):
    Pupil(client).complete(link, ANSWERS)
    keys = [key for key in cache._cache if "survey-rate" in key]  # LocMemCache's own store
    assert keys
    assert all(re.fullmatch(rf":1:survey-rate:(start|done):{link.pk}:\d+", key) for key in keys), keys


# --- Paper questionnaires ------------------------------------------------------------------------


def paper_form(answers: dict) -> dict:
    data: dict = {}
    for name, value in answers.items():
        if isinstance(value, dict):
            data.update({f"{name}-{row}": choice for row, choice in value.items()})
        else:
            data[name] = value
    return data


def test_the_paper_page_shows_every_question_with_when_it_applies(client, users, edition):
    client.force_login(users["performance_officer"])
    html = client.get(reverse("surveys:paper_entry", args=[edition.slug, "harthill"])).content.decode()
    assert "Paper questionnaire for Harthill Primary" in html
    names = Pupil.questions(html)
    assert names == [f"q{n}" for n in range(1, 49)]
    assert "question 8 is not “I don&#39;t have breakfast”" in html
    assert "question 25 is “Yes”" in html


def test_a_paper_questionnaire_is_saved_with_an_audit_line_and_no_answers_in_it(client, users, edition):
    client.force_login(users["performance_officer"])
    url = reverse("surveys:paper_entry", args=[edition.slug, "harthill"])
    before = set(Response.objects.values_list("pk", flat=True))
    records = ChangeRecord.objects.count()
    # The pupil left Q1 blank (allowed on paper) and answered Q9 after "I don't have breakfast".
    not_for_this_pupil = {"q1", "q23", "q24", "q25", "q26", "q27", "q31"}
    answers = {k: v for k, v in ANSWERS.items() if k not in not_for_this_pupil} | {"q8": "none"}
    response = client.post(url, paper_form(answers))
    assert response.status_code == 302
    assert response["Location"] == url
    (saved,) = Response.objects.exclude(pk__in=before)
    assert saved.mode == Response.PAPER
    assert saved.school.code == "harthill"
    kept = saved_answers(saved)
    assert "q9" not in kept
    assert "q1" not in kept
    assert kept["q8"] == "none"
    assert kept["q22"] == ANSWERS["q22"]
    message = client.get(url).content.decode()
    assert "Paper questionnaire saved for Harthill Primary" in message
    assert (
        "1 answer to questions that did not apply, given the other answers, was left out (question 9)"
        in message
    )
    new = ChangeRecord.objects.order_by("-id")[: ChangeRecord.objects.count() - records]
    assert [r.action for r in new] == ["paper_entered"]
    assert new[0].user == users["performance_officer"]
    assert "Harthill Primary" in new[0].summary
    text = f"{new[0].summary} {new[0].before} {new[0].after}"
    assert "skate park" not in text
    assert "cereal" not in text


def test_a_paper_questionnaire_with_a_wrong_answer_saves_nothing(client, users, edition):
    client.force_login(users["performance_officer"])
    url = reverse("surveys:paper_entry", args=[edition.slug, "harthill"])
    before = Response.objects.count()
    response = client.post(url, {**paper_form(ANSWERS), "q4": "excellent", "q24": ["mum", "unicorn"]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Question 4: &#39;excellent&#39; is not one of the choices" in html
    assert 'value="female" checked' in html  # the rest is kept for correcting
    assert Response.objects.count() == before


def test_paper_entry_marks_the_school_as_taking_part(client, users, edition):
    client.force_login(users["administrator"])
    SchoolParticipation.objects.filter(edition=edition, school__code="kilnhurst").update(
        status=SchoolParticipation.TECHNICAL_FAILURE
    )
    client.post(reverse("surveys:paper_entry", args=[edition.slug, "kilnhurst"]), paper_form(ANSWERS))
    participation = SchoolParticipation.objects.get(edition=edition, school__code="kilnhurst")
    assert participation.status == SchoolParticipation.PARTICIPATED


def test_the_paper_school_list_counts_what_was_typed_in(client, users, edition):
    client.force_login(users["performance_officer"])
    client.post(reverse("surveys:paper_entry", args=[edition.slug, "harthill"]), paper_form(ANSWERS))
    html = client.get(reverse("surveys:paper_schools", args=[edition.slug])).content.decode()
    row = re.search(r"Harthill Primary</th>.*?</tr>", html, re.S).group(0)
    assert re.search(r'app-numeric">1</td>', row)
    assert "Other primary schools" not in html  # rows standing for several schools take no questionnaires


@pytest.mark.parametrize("role", ["lead_officer", "viewer", "school"])
def test_only_survey_managers_type_in_paper_questionnaires(client, users, edition, role):
    client.force_login(users[role])
    before = Response.objects.count()
    response = client.post(
        reverse("surveys:paper_entry", args=[edition.slug, "harthill"]), paper_form(ANSWERS)
    )
    assert response.status_code == 403
    assert Response.objects.count() == before


def test_a_group_row_or_unknown_school_has_no_paper_page(client, users, edition):
    client.force_login(users["performance_officer"])
    assert (
        client.get(reverse("surveys:paper_entry", args=[edition.slug, "other-wentworth-north"])).status_code
        == 404
    )
    assert client.get(reverse("surveys:paper_entry", args=[edition.slug, "nowhere"])).status_code == 404
