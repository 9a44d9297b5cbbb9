"""A pupil's journey through the demo questionnaire (primary-2009) with the Django client: the school's
link or code, one section per page, conditional questions, answers saved once at the end, and
nothing kept that could say who answered."""

import re
import time as time_module
from datetime import date, time, timedelta
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.management import call_command
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from outcomes.core.models import ChangeRecord
from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.models import AccessLink, Edition, Response, TextAnswer
from outcomes.surveys.views.pupils import SENT, STATE

pytestmark = pytest.mark.django_db

INPUT = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"')
SEND = reverse("surveys:pupil_send")

# One pupil's answers to every question; a page asks only those its conditions show.
ANSWERS = {
    "q1": "female",
    "q2": "wentworth_north",
    "q3": "white",
    "q4": "good",
    "q5": "yes",
    "q6": {"fruit": "daily", "vegetables": "weekly"},
    "q8": "home",
    "q9": "cereal",
    "q10": ["swimming", "cycling"],
    "q17": "yes",
    "q18": "no",
    "q22": {"children": "never", "older_person": "never"},
    "q23": "yes",
    "q24": ["mum"],
    "q25": "yes",
    "q26": "no",
    "q27": ["teacher"],
    "q30": "no",
    "q31": "last_year",
    "q38": "never",
    "q41": "never",
    "q47": "A skate park near the library",
}


class Pupil:
    """A pupil at a browser: reads each page's questions, answers those it is asked, and goes on."""

    def __init__(self, client):
        self.client = client
        self.location = ""
        self.asked: list[str] = []  # question names, in the order the pages showed them
        self.pages: list[str] = []

    def start(self, link: AccessLink):
        response = self.client.post(reverse("surveys:pupil_link", args=[link.token]))
        assert response.status_code == 302, response.content[:300]
        self.location = response["Location"]
        return response

    @staticmethod
    def questions(html: str) -> list[str]:
        names = []
        for name in INPUT.findall(html):
            question = name.split("-")[0]
            if name != "csrfmiddlewaretoken" and question not in names:
                names.append(question)
        return names

    @staticmethod
    def form_data(names: list[str], answers: dict) -> dict:
        data: dict = {}
        for name in names:
            value = answers.get(name)
            if isinstance(value, dict):
                data.update({f"{name}-{row}": choice for row, choice in value.items()})
            elif value is not None:
                data[name] = value
        return data

    def answer_page(self, answers: dict):
        page = self.client.get(self.location)
        assert page.status_code == 200, (self.location, page.status_code)
        names = self.questions(page.content.decode())
        self.asked += names
        self.pages.append(self.location)
        response = self.client.post(self.location, self.form_data(names, answers))
        if response.status_code == 302:
            self.location = response["Location"]
        return response

    def answer_all(self, answers: dict):
        for _ in range(40):
            if self.location == SEND:
                return
            response = self.answer_page(answers)
            assert response.status_code == 302, response.content.decode()[:2000]
        raise AssertionError("the questionnaire never ended")

    def send(self):
        assert self.location == SEND
        return self.client.post(SEND)

    def complete(self, link: AccessLink, answers: dict):
        self.start(link)
        self.answer_all(answers)
        return self.send()


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings):
    cache.clear()
    # Read the link afresh on every page, so that a test's change to it shows at once.
    settings.SURVEY_LINK_CACHE_SECONDS = 0
    yield
    cache.clear()


@pytest.fixture
def edition():
    return Edition.objects.get(slug="primary-2009")


@pytest.fixture
def link(edition):
    return AccessLink.objects.select_related("school").get(edition=edition, school__code="swinton-brookfield")


@pytest.fixture
def other_link(edition):
    return AccessLink.objects.select_related("school").get(edition=edition, school__code="harthill")


@pytest.fixture
def pupil(client):
    return Pupil(client)


def saved_answers(response: Response) -> dict:
    q = questionnaires.load(response.edition)
    answers = q.decode(bytes(response.codes))
    for text in response.texts.all():
        answers[text.question.name] = text.text
    return answers


# --- The way in ------------------------------------------------------------------------------------------


def test_the_school_code_leads_to_its_link_whatever_the_case_and_spaces(client, link):
    typed = " ".join([link.code[:3].lower(), link.code[3:]])
    response = client.post(reverse("surveys:pupil_start"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("surveys:pupil_link", args=[link.token])


def test_a_wrong_code_is_an_error_on_the_code_page(client):
    response = client.post(reverse("surveys:pupil_start"), {"code": "AAAAAAA"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'href="#code"' in html
    assert "Enter the code your teacher gave you" in html


def test_the_confidentiality_promise_comes_first_and_the_school_is_named(client, link, edition):
    html = client.get(reverse("surveys:pupil_link", args=[link.token])).content.decode()
    assert "For pupils at Swinton Brookfield Primary" in html
    promise = html.index("Your teachers and parents will not see what you have put")
    assert (
        promise < html.index("Welcome to this year&#39;s Lifestyle Survey") < html.index("Start the survey")
    )
    assert client.session.get(STATE) is None  # reading the first page starts nothing


def test_the_session_is_bound_to_one_link_and_ends_with_the_browser(client, pupil, link):
    pupil.start(link)
    assert client.session.get_expire_at_browser_close()
    state = client.session[STATE]
    # When it is forgotten if nobody answers (decision 0074): a whole minute, within the idle time.
    until = state.pop("until")
    assert until % 60 == 0
    assert 0 < until - time_module.time() <= 31 * 60
    assert state == {"link": link.token, "rev": link.edition.revision, "answers": {}, "done": []}
    state["until"] = until
    # Nothing else: no address, no device (the expiry is "when the browser closes").
    assert dict(client.session.items()) == {STATE: state, "_session_expiry": 0}


def test_a_page_reads_only_the_session_from_the_database(
    client, pupil, link, settings, django_assert_num_queries
):
    settings.SURVEY_LINK_CACHE_SECONDS = 60
    pupil.start(link)
    client.get(pupil.location)  # reads the link, its edition and window once
    with django_assert_num_queries(1):
        assert client.get(pupil.location).status_code == 200


def test_the_next_pupil_at_the_same_computer_starts_afresh(client, pupil, link):
    pupil.start(link)
    pupil.answer_page(ANSWERS)
    first_key = client.session.session_key
    html = client.get(reverse("surveys:pupil_link", args=[link.token])).content.decode()
    assert "Starting clears any answers on this computer that have not been sent" in html
    assert "carry on" not in html.lower()
    Pupil(client).start(link)
    assert client.session.session_key != first_key
    assert not Session.objects.filter(session_key=first_key).exists()
    assert client.session[STATE]["answers"] == {}


def test_the_pages_need_a_started_questionnaire(client):
    for url in (reverse("surveys:pupil_page", args=[1]), SEND):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == reverse("surveys:pupil_start")


# --- Pages and conditions ----------------------------------------------------------------------------------


def test_one_section_per_page_with_the_school_preset(client, pupil, link):
    pupil.start(link)
    response = client.get(pupil.location)
    # A shared school computer must not keep a pupil's page for the next one's Back button.
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "About you and your school" in html
    assert "Swinton Brookfield Primary" in html
    assert Pupil.questions(html) == ["q1", "q2", "q3", "q4"]
    assert 'name="school"' not in html  # preset by the link, not an answer


def test_q1_and_q3_are_mandatory(client, pupil, link):
    pupil.start(link)
    response = pupil.answer_page({"q4": "good"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: " in html
    assert "Question 1: Select an answer for &#39;I am:&#39;" in html
    assert "Question 3: Select an answer for &#39;I am:&#39;" in html
    assert 'href="#q1"' in html
    assert 'href="#q3"' in html
    assert 'value="good" checked' in html  # what was given is kept
    assert client.session[STATE]["answers"] == {}
    assert pupil.answer_page({"q1": "male", "q3": "asian"}).status_code == 302


def test_q9_is_not_asked_after_i_dont_have_breakfast(pupil, link):
    pupil.complete(link, {**ANSWERS, "q8": "none"})
    assert "q8" in pupil.asked
    assert "q9" not in pupil.asked
    pupil_with_breakfast = Pupil(pupil.client)
    pupil_with_breakfast.complete(link, ANSWERS)
    assert pupil_with_breakfast.asked.index("q9") == pupil_with_breakfast.asked.index("q8") + 1


def test_the_young_carer_questions_follow_a_sometimes_in_one_row_of_q22(pupil, link):
    young_carer = ["q23", "q24", "q25", "q26", "q27"]
    pupil.complete(link, ANSWERS)  # never looks after anyone
    assert not set(young_carer) & set(pupil.asked)

    carer = Pupil(pupil.client)
    carer.complete(link, {**ANSWERS, "q22": {"children": "never", "older_person": "sometimes"}})
    asked = carer.asked
    assert asked[asked.index("q22") + 1 : asked.index("q22") + 6] == young_carer

    # Q26 is nested: only for a carer who knows the Young Carers Service.
    unaware = Pupil(pupil.client)
    unaware.complete(link, {**ANSWERS, "q22": {"children": "daily", "older_person": "never"}, "q25": "no"})
    assert "q25" in unaware.asked
    assert "q27" in unaware.asked
    assert "q26" not in unaware.asked


def test_back_links_skip_the_pages_a_pupil_was_not_shown(client, pupil, link):
    pupil.start(link)
    first = pupil.location
    pupil.answer_page(ANSWERS)
    html = client.get(pupil.location).content.decode()
    assert f'href="{first}"' in html
    assert ">Back<" in html
    pupil.answer_page({**ANSWERS, "q8": "none"})  # the food page: q9 will not be asked
    activities = client.get(pupil.location).content.decode()
    assert "Activities and fitness" in activities
    assert f'href="{reverse("surveys:pupil_page", args=[2])}"' in activities


def test_a_pupil_cannot_skip_ahead_or_send_early(client, pupil, link):
    pupil.start(link)
    pupil.answer_page(ANSWERS)
    second = pupil.location
    assert client.get(reverse("surveys:pupil_page", args=[10]))["Location"] == second
    assert client.get(SEND)["Location"] == second
    assert client.post(SEND)["Location"] == second


def test_changing_an_earlier_answer_drops_the_questions_it_hides(client, pupil, link):
    """Q9 answered, then Q8 changed to "I don't have breakfast": Q9's answer is not saved."""
    pupil.start(link)
    pupil.answer_page(ANSWERS)
    food = pupil.location
    pupil.answer_page(ANSWERS)
    pupil.answer_page(ANSWERS)  # q9
    assert client.session[STATE]["answers"]["q9"] == "cereal"
    client.post(food, Pupil.form_data(["q5", "q6", "q8"], {**ANSWERS, "q8": "none"}))
    pupil.location = reverse("surveys:pupil_page", args=[4])
    before = set(Response.objects.values_list("pk", flat=True))
    pupil.answer_all(ANSWERS)
    pupil.send()
    (saved,) = Response.objects.exclude(pk__in=before)
    answers = saved_answers(saved)
    assert answers["q8"] == "none"
    assert "q9" not in answers


# --- Saving ---------------------------------------------------------------------------------------------


def test_the_answers_given_are_saved_once_and_nothing_else(client, pupil, link):
    before = set(Response.objects.filter(school=link.school).values_list("pk", flat=True))
    response = pupil.complete(link, ANSWERS)
    assert response.status_code == 302
    assert response["Location"] == reverse("surveys:pupil_done", args=["primary-2009"])
    (saved,) = Response.objects.filter(school=link.school).exclude(pk__in=before)
    assert saved.mode == Response.ONLINE
    assert saved.completed_on == date.today()
    assert (saved.gender, saved.ethnic_group) == ("female", "White or White British")
    expected = {name: value for name, value in ANSWERS.items() if name in pupil.asked}
    # Not asked: the young carer's questions (Q22 all "never"), Q18-19 were (Q17 yes), Q31 was not (Q30 no).
    assert {"q23", "q24", "q25", "q26", "q27", "q31"}.isdisjoint(expected)
    assert saved_answers(saved) == expected
    assert TextAnswer.objects.get(response=saved).text == "A skate park near the library"


def test_the_end_page_thanks_the_pupil_and_gives_the_help_promised(client, pupil, link):
    response = pupil.complete(link, ANSWERS)
    html = client.get(response["Location"]).content.decode()
    assert "Your answers have been sent" in html
    assert "Thank you for taking part" in html
    assert "ChildLine free on 0800 1111" in html
    assert "Young Carers Service" in html


def test_a_failed_save_saves_nothing_and_keeps_the_answers(client, pupil, link):
    pupil.start(link)
    pupil.answer_all(ANSWERS)
    before = Response.objects.count()
    with (
        mock.patch.object(TextAnswer.objects, "bulk_create", side_effect=DatabaseError("disk full")),
        pytest.raises(DatabaseError),
    ):
        client.post(SEND)
    assert Response.objects.count() == before
    assert client.session[STATE]["answers"]["q47"] == ANSWERS["q47"]
    assert pupil.send().status_code == 302
    assert Response.objects.count() == before + 1


# --- Anonymity ---------------------------------------------------------------------------------------


def test_nothing_that_could_identify_the_pupil_is_kept_or_logged(client, link, caplog):
    address, agent = "203.0.113.77", "PupilBrowser/9.9 (school laptop 14)"
    client.defaults.update(REMOTE_ADDR=address, HTTP_USER_AGENT=agent)
    records_before = ChangeRecord.objects.count()
    before = set(Response.objects.values_list("pk", flat=True))
    pupil = Pupil(client)
    caplog.set_level("DEBUG")
    pupil.start(link)
    session_key = client.session.session_key
    assert Session.objects.filter(session_key=session_key).exists()
    pupil.answer_all(ANSWERS)
    response = pupil.send()

    # The answers are gone from the session. Its row keeps only the mark that the questionnaire went
    # (for a second click of Send) until midnight, so its expiry says the day, not the time; the
    # browser forgets the cookie.
    row = Session.objects.get(session_key=session_key)
    assert row.get_decoded() == {SENT: link.edition.slug, "_session_expiry": 0}
    assert timezone.localtime(row.expire_date).time() == time.min
    assert response.cookies["sessionid"].value == ""
    # No audit record of an online response (its time would date the pupil's answers).
    assert ChangeRecord.objects.count() == records_before
    (saved,) = Response.objects.exclude(pk__in=before)
    fields = {f.name for f in Response._meta.get_fields() if f.concrete}
    assert fields == {"id", "edition", "school", "mode", "completed_on", "gender", "ethnic_group", "codes"}
    assert isinstance(saved.completed_on, date)
    # Nothing anywhere in the survey, session or audit tables carries the address or the device.
    dump = call_command_output("dumpdata", "surveys", "sessions", "core")
    assert address not in dump
    assert agent not in dump
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert address not in logged
    assert agent not in logged
    # Nor did the code try to: the log filter (core/logs.py) would have blanked an address, so its
    # mark must not appear either.
    assert "[address]" not in logged


def call_command_output(*args) -> str:
    import io

    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_a_signed_in_member_of_staff_trying_the_link_stays_signed_in(client, users, link):
    client.force_login(users["performance_officer"])
    Pupil(client).complete(link, ANSWERS)
    assert STATE not in client.session
    assert client.get(reverse("home:home")).status_code == 200


# --- One school, one edition -------------------------------------------------------------------------------


def test_starting_through_another_schools_link_forgets_the_first(client, pupil, link, other_link):
    pupil.start(link)
    pupil.answer_page(ANSWERS)
    harthill_before = Response.objects.filter(school=other_link.school).count()
    brookfield_before = Response.objects.filter(school=link.school).count()

    other = Pupil(client)
    other.start(other_link)
    assert {k: v for k, v in client.session[STATE].items() if k != "until"} == {
        "link": other_link.token,
        "rev": other_link.edition.revision,
        "answers": {},
        "done": [],
    }
    # Page 2 is not reachable before page 1 is answered again for this school.
    assert client.get(reverse("surveys:pupil_page", args=[2]))["Location"] == reverse(
        "surveys:pupil_page", args=[1]
    )
    other.answer_all({**ANSWERS, "q1": "male"})
    other.send()
    assert Response.objects.filter(school=other_link.school).count() == harthill_before + 1
    assert Response.objects.filter(school=link.school).count() == brookfield_before


def test_a_pupil_session_reaches_no_staff_page(client, pupil, link):
    from tests.surveys.integration.role_rows_surveys_authoring import ROWS as AUTHORING
    from tests.surveys.integration.role_rows_surveys_pupils import ROWS as PUPILS
    from tests.surveys.integration.role_rows_surveys_results import ROWS as RESULTS

    pupil.start(link)
    checked = 0
    for name, kwargs, method, expected in [*AUTHORING, *RESULTS, *PUPILS]:
        if "anonymous" in expected:
            continue  # open to everyone (the pupils' own pages)
        response = getattr(client, method)(reverse(name, kwargs=kwargs))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("accounts:login")), name
        checked += 1
    assert checked >= 2  # at least paper entry's pages


def test_an_unknown_link_or_a_draft_editions_link_is_not_found(client, link, edition):
    assert client.get(reverse("surveys:pupil_link", args=["not-a-real-token"])).status_code == 404
    Edition.objects.filter(pk=edition.pk).update(state=Edition.DRAFT)
    assert client.get(reverse("surveys:pupil_link", args=[link.token])).status_code == 404


# --- The window -------------------------------------------------------------------------------------------


def test_the_link_says_the_survey_is_closed_after_the_window_and_its_extensions(client, pupil, link, edition):
    pupil.start(link)
    url = reverse("surveys:pupil_link", args=[link.token])
    edition.extensions.all().delete()
    html = client.get(url).content.decode()
    assert "This survey is closed" in html
    assert "not taking answers any more" in html
    for page in (pupil.location, SEND):
        assert "This survey is closed" in client.get(page).content.decode()
    assert "This survey is closed" in client.post(url).content.decode()
    # An extension with its reason opens it again.
    edition.extensions.create(closes=date.today() + timedelta(days=1), reason="Snow again")
    assert "Start the survey" in client.get(url).content.decode()


def test_before_it_opens_the_link_says_when(client, link, edition):
    Edition.objects.filter(pk=edition.pk).update(opens=date.today() + timedelta(days=3))
    html = client.get(reverse("surveys:pupil_link", args=[link.token])).content.decode()
    assert "This survey is closed" in html
    assert "opens on" in html


def test_a_closed_edition_or_a_switched_off_link_takes_no_answers(client, pupil, link, edition):
    pupil.start(link)
    pupil.answer_all(ANSWERS)
    AccessLink.objects.filter(pk=link.pk).update(active=False)
    before = Response.objects.count()
    assert "This survey is closed" in client.post(SEND).content.decode()
    AccessLink.objects.filter(pk=link.pk).update(active=True)
    Edition.objects.filter(pk=edition.pk).update(state=Edition.CLOSED)
    assert "This survey is closed" in client.post(SEND).content.decode()
    assert Response.objects.count() == before
