"""The data checks shown where the data is entered: the milestone update form and the message after
saving, the milestone's page, the round page, the indicator upload result and the survey edition
and schools pages (issue 11)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from outcomes.plans.models import Update
from outcomes.surveys.models import SchoolRoll

pytestmark = pytest.mark.django_db

UPDATE_M27 = "/plans/cypp-2013-16/rounds/june-2014/updates/1/27/"
EXPLAIN_M27 = "/data-quality/arithmetic-in-update/plans/cypp-2013-16/p1/m27/june-2014/"
MEALS = "The update says the change is 530, but from 16,553 to 17,087 is 534."


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_the_lead_sees_the_checks_on_the_update_form_but_cannot_mark_them_explained(client, users):
    client.force_login(users["lead_officer"])  # Ron Parry leads P1 M26-28, the school meals
    page = text(client.get(UPDATE_M27))
    assert "Data checks on this update: 1 thing to look at" in page
    assert MEALS in page
    assert 'href="/plans/cypp-2013-16/priorities/1/milestones/27/"' in page
    assert EXPLAIN_M27 not in page
    client.force_login(users["performance_officer"])
    assert EXPLAIN_M27 in text(client.get(UPDATE_M27))


def test_saving_an_update_that_breaks_a_rule_says_so_at_once(client, users):
    client.force_login(users["lead_officer"])
    version = Update.objects.get(
        round__slug="june-2014", milestone__priority__number=1, milestone__number=26
    ).version
    response = client.post(
        "/plans/cypp-2013-16/rounds/june-2014/updates/1/26/",
        {"text": "• No update: the figures are not published yet", "status": "amber", "version": version},
        follow=True,
    )
    page = text(response)
    assert "Update for P1 M26 saved" in page
    assert "The data checks found 1 thing to look at." in page
    assert "The update says there is no information or no update, but its status is Amber, not Blue." in page


def test_the_milestone_page_lists_the_checks_on_it(client, users):
    client.force_login(users["performance_officer"])
    page = text(client.get("/plans/cypp-2013-16/priorities/1/milestones/27/"))
    assert "Data checks on this milestone: 1 thing to look at" in page
    assert MEALS in page
    assert EXPLAIN_M27 in page


def test_the_round_page_lists_the_checks_on_the_round(client, users):
    client.force_login(users["performance_officer"])
    page = text(client.get("/plans/cypp-2013-16/rounds/june-2014/"))
    assert "Data checks on this round:" in page
    assert MEALS in page
    assert "priority 5, milestone 14, Update June 2014" in page


def test_the_indicator_upload_result_lists_the_checks_on_the_values_imported(client, users):
    client.force_login(users["performance_officer"])
    header = "Indicator code,Area,Period,Value,Numerator,Denominator,Status,Missing reason\n"
    upload = SimpleUploadedFile("ni59.csv", (header + "NI 59,,November 2010,104,,,,\n").encode())
    response = client.post(reverse("indicators:upload"), {"file": upload})
    assert response.status_code == 302
    assert "?run=" in response["Location"]
    page = text(client.get(response["Location"]))
    assert "Data checks on the values imported: 1 thing to look at" in page
    assert "The value 104% is above 100%." in page
    upload = SimpleUploadedFile("ni59.csv", (header + "NI 59,,November 2010,88,,,,\n").encode())
    page = text(client.get(client.post(reverse("indicators:upload"), {"file": upload})["Location"]))
    assert "The data checks found nothing to look at in the values imported." in page


def test_the_survey_pages_list_responses_above_a_schools_roll(client, users):
    client.force_login(users["performance_officer"])
    SchoolRoll.objects.filter(school__code="swinton-brookfield", year=2009, year_group=5).update(pupils=70)
    message = "81 pupils answered, but the roll in Year 5 for 2009/10 is 70."
    edition = text(client.get(reverse("surveys:edition", args=["primary-2009"])))
    assert "Data checks on this edition: 1 thing to look at" in edition
    assert message in edition
    schools = text(client.get(reverse("surveys:schools")))
    assert "Data checks on schools and rolls: 1 thing to look at" in schools
    assert message in schools


def test_the_plan_page_keeps_its_checks_folded_away(client, users):
    client.force_login(users["performance_officer"])
    page = text(client.get("/plans/cypp-2013-16/"))
    assert '<details class="govuk-details app-data-checks">' in page
    assert "Data checks on this plan: 21 things to look at" in page
    assert MEALS in page


def test_the_clinic_page_lists_its_actions_past_their_date(client, users):
    client.force_login(users["performance_officer"])
    page = text(
        client.get(reverse("indicators:clinic", args=["2014-06-30-breastfeeding-performance-clinic"]))
    )
    assert "Data checks on this clinic: 3 things to look at" in page
    assert "was due by 30 September 2014 (owner: Mary Smith) and is still open." in page


def test_a_paper_questionnaire_that_takes_a_school_past_its_roll_says_so(client, users):
    from tests.surveys.integration.test_survey_pupils import ANSWERS
    from tests.surveys.integration.test_survey_pupils_limits_and_paper import paper_form

    client.force_login(users["performance_officer"])
    SchoolRoll.objects.filter(school__code="harthill", year=2009, year_group=5).update(
        pupils=22
    )  # 22 answered
    not_for_this_pupil = {"q1", "q23", "q24", "q25", "q26", "q27", "q31"}
    answers = {k: v for k, v in ANSWERS.items() if k not in not_for_this_pupil} | {"q8": "none"}
    url = reverse("surveys:paper_entry", args=["primary-2009", "harthill"])
    page = text(client.post(url, paper_form(answers), follow=True))
    assert "Paper questionnaire saved for Harthill Primary." in page
    assert "The data checks found 1 thing to look at." in page
    assert "23 pupils answered, but the roll in Year 5 for 2009/10 is 22." in page
