"""A pupil fills in the Lifestyle Survey through their school's code, in Debian's chromium, with axe-core
checking every page: the young-carer questions appear only after they say they look after someone."""

import re

import pytest

from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.models import AccessLink, Response

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def heading(page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def test_a_pupil_fills_in_the_survey_and_the_young_carer_questions_follow_looking_after_someone(visitor):
    page = visitor.page
    link = AccessLink.objects.select_related("edition").get(
        edition__slug="primary-2009", school__code="swinton-brookfield"
    )
    before = set(Response.objects.filter(school=link.school).values_list("pk", flat=True))

    visitor.goto("/s/")
    page.get_by_label("What is your school's survey code?").fill(link.code.lower())
    visitor.click("button", "Continue")
    assert "For pupils at Swinton Brookfield Primary" in page.inner_text("main")
    assert "Your teachers and parents will not see what you have put" in page.inner_text("main")
    visitor.click("button", "Start the survey")

    # About you: the two mandatory questions first go unanswered.
    visitor.click("button", "Continue")
    assert page.title().startswith("Error:")
    assert "Question 1: Select an answer" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_role("radio", name="Female").check()
    page.get_by_role("radio", name="White or White British").check()
    page.get_by_label("2. I live in:").select_option(label="Wentworth North")
    visitor.click("button", "Continue")

    assert heading(page) == "Food and drink"
    page.get_by_role("group", name=re.compile(r"I eat: Fruit$")).get_by_role(
        "radio", name="Every or most days"
    ).check()
    page.get_by_role("radio", name="At home").check()
    visitor.click("button", "Continue")
    assert heading(page) == "More about food and drink"
    page.get_by_role("radio", name="Toast").check()
    visitor.click("button", "Continue")

    assert heading(page) == "Activities and fitness"
    page.get_by_role("checkbox", name="Swimming", exact=True).check()
    visitor.click("button", "Continue")
    assert heading(page) == "In school"
    visitor.click("button", "Continue")

    # Out of school, looking after nobody: no young-carer questions.
    assert heading(page) == "Out of school"
    visitor.click("button", "Continue")
    assert heading(page) == "What you think and feel"
    assert "young carer" not in page.inner_text("main")

    # Back, and this time the pupil looks after children sometimes.
    visitor.click("link", "Back")
    assert heading(page) == "Out of school"
    page.get_by_role("group", name=re.compile("I look after children")).get_by_role(
        "radio", name="Sometimes"
    ).check()
    visitor.click("button", "Continue")
    assert heading(page) == "More about out of school"
    assert page.get_by_role("group", name="23. Do you consider yourself to be a young carer?").is_visible()
    page.get_by_text("Young carer information").click()
    assert "Young Carers Service" in page.locator(".govuk-details").inner_text()
    page.get_by_role("group", name="23. Do you consider yourself to be a young carer?").get_by_role(
        "radio", name="Yes"
    ).check()
    page.get_by_role("checkbox", name="Brother/Sister").check()
    page.get_by_role("group", name="25. Do you know about the Young Carer's Service?").get_by_role(
        "radio", name="Yes"
    ).check()
    visitor.click("button", "Continue")
    # Q26 is asked because Q25 was Yes.
    assert page.get_by_role(
        "group", name=re.compile("Have you ever attended the Young Carers Service")
    ).is_visible()
    visitor.click("button", "Continue")

    for _ in range(12):
        if heading(page) == "You have reached the end of the survey":
            break
        if heading(page) == "Your local neighbourhood":
            page.get_by_label(
                "47. What other things in Rotherham would you like to see for young people?"
            ).fill("More parks")
        visitor.click("button", "Continue")
    visitor.click("button", "Send my answers")

    assert "Your answers have been sent" in page.inner_text("main")
    assert "ChildLine" in page.inner_text("main")
    (saved,) = Response.objects.filter(school=link.school).exclude(pk__in=before)
    answers = questionnaires.load(link.edition).decode(bytes(saved.codes))
    assert answers["q22"] == {"children": "sometimes"}
    assert answers["q23"] == "yes"
    assert answers["q24"] == ["sibling"]
    assert saved.texts.get().text == "More parks"
    # Sending again is not possible: the questionnaire in the session has gone.
    visitor.goto("/s/send/")
    assert "What is your school's survey code?" in page.inner_text("main")
    assert len(visitor.checked) >= 15


def test_a_performance_officer_types_in_a_paper_questionnaire(visitor):
    page = visitor.page
    before = Response.objects.filter(mode=Response.PAPER).count()
    visitor.sign_in("performance")
    visitor.goto("/surveys/primary-2009/paper/")
    visitor.click("link", "Type in a questionnaire for Harthill Primary")
    assert heading(page) == "Paper questionnaire for Harthill Primary"
    question_9 = page.get_by_role("group", name="9. Most often for breakfast I have:")
    assert "Only if question 8 is not “I don't have breakfast”" in question_9.inner_text()
    page.get_by_role("radio", name="Male", exact=True).check()
    page.get_by_role("radio", name="I don't have breakfast").check()
    question_9.get_by_role("radio", name="Toast").check()
    visitor.click("button", "Save this questionnaire")
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert "Paper questionnaire saved for Harthill Primary" in banner
    assert "(question 9)" in banner
    assert Response.objects.filter(mode=Response.PAPER).count() == before + 1


def test_a_pupil_on_a_shared_computer_clears_the_last_ones_answers_and_starts_again(visitor):
    """Issue 12 item 16: "Start again" asks on a page, then clears the answers, without JavaScript."""
    page = visitor.page
    link = AccessLink.objects.get(edition__slug="primary-2009", school__code="swinton-brookfield")
    visitor.goto(f"/s/{link.token}/")
    visitor.click("button", "Start the survey")
    page.get_by_role("radio", name="Female").check()
    page.get_by_role("radio", name="White or White British").check()
    page.get_by_label("2. I live in:").select_option(label="Wentworth North")
    visitor.click("button", "Continue")
    assert heading(page) == "Food and drink"

    # The next pupil finds the half-finished questionnaire and starts again.
    visitor.click("link", "Start again")
    assert heading(page) == "Clear the answers and start again?"
    visitor.click("button", "Clear the answers")
    assert "For pupils at Swinton Brookfield Primary" in page.inner_text("main")
    visitor.goto("/s/page/1/")
    assert heading(page) == "What is your school's survey code?"
    visitor.goto(f"/s/{link.token}/")
    visitor.click("button", "Start the survey")
    assert not page.get_by_role("radio", name="Female").is_checked()
