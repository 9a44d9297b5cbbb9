"""Saving responses through the one service every route uses (services.record_response)."""

from datetime import date

import pytest

from outcomes.core.models import ChangeRecord
from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.models import (
    Choice,
    Edition,
    GridRow,
    Question,
    Response,
    School,
    SchoolParticipation,
    Section,
    Survey,
    TextAnswer,
)
from outcomes.surveys.services import InvalidAnswers, record_response
from outcomes.surveys.storage import answer_matrix


@pytest.fixture
def edition(db):
    survey = Survey.objects.create(name="Test survey", slug="test-survey")
    edition = Edition.objects.create(
        survey=survey,
        year=2030,
        phase="primary",
        year_groups="5",
        slug="primary-2030",
        title="Test 2030",
        confidentiality="Your teachers will not see your answers.",
        opens=date(2030, 10, 1),
        closes=date(2030, 12, 1),
        state=Edition.LIVE,
    )
    section = Section.objects.create(edition=edition, order=1, name="about", heading="About you")
    order = iter(range(1, 100))

    def question(name, type_, names=(), rows=(), **kw):
        q = Question.objects.create(
            edition=edition,
            section=section,
            order=next(order),
            name=name,
            key=name,
            type=type_,
            label=name,
            **kw,
        )
        for i, n in enumerate(names):
            Choice.objects.create(
                question=q, order=i, name=n, label=n.capitalize(), group=kw.get("group", "")
            )
        for i, r in enumerate(rows):
            GridRow.objects.create(question=q, order=i, name=r, label=r)
        return q

    question("q1", "select_one", ("male", "female"), required=True, breakdown="gender")
    eth = question("q3", "select_one", ("white", "asian", "dont_know"), breakdown="ethnicity")
    eth.choices.filter(name="asian").update(group="Asian or Asian British")
    eth.choices.filter(name="white").update(group="White")
    question("q22", "grid", ("never", "sometimes"), ("children", "older"))
    question("q23", "select_one", ("yes", "no"), relevant="selected(${q22}, 'sometimes')", required=True)
    question("q47", "text")
    return edition


@pytest.fixture
def school(db):
    return School.objects.create(name="Test Primary", code="T001", phase="primary")


def test_a_response_is_saved_with_its_answers_and_nothing_else(edition, school):
    response = record_response(
        edition,
        school,
        {"q1": "female", "q3": "asian", "q22": {"children": "sometimes"}, "q23": "yes", "q47": " A park "},
        on=date(2030, 10, 5),
    )
    saved = Response.objects.get(pk=response.pk)
    assert saved.completed_on == date(2030, 10, 5)
    assert (saved.gender, saved.ethnic_group, saved.mode) == ("female", "Asian or Asian British", "online")
    q = questionnaires.load(edition)
    assert q.decode(bytes(saved.codes)) == {
        "q1": "female",
        "q3": "asian",
        "q22": {"children": "sometimes"},
        "q23": "yes",
        "q47": True,
    }
    assert TextAnswer.objects.get(response=saved).text == "A park"
    fields = {f.name for f in Response._meta.get_fields()}
    assert fields == {
        "id",
        "edition",
        "school",
        "mode",
        "completed_on",
        "gender",
        "ethnic_group",
        "codes",
        "texts",
    }
    assert not ChangeRecord.objects.filter(object_id=str(saved.pk)).exists()


def test_mandatory_questions_are_required_online_but_not_on_paper(edition, school, users):
    answers = {"q3": "white", "q22": {"children": "sometimes"}}
    with pytest.raises(InvalidAnswers) as refused:
        record_response(edition, school, answers)
    assert set(refused.value.problems) == {"q1", "q23"}
    assert not Response.objects.filter(edition=edition).exists()
    record_response(edition, school, answers, mode="paper", user=users["performance_officer"])
    participation = SchoolParticipation.objects.get(edition=edition, school=school)
    assert participation.status == SchoolParticipation.PARTICIPATED
    assert ChangeRecord.objects.filter(object_id=str(participation.pk), action="paper_entered").count() == 1


def test_answers_to_hidden_questions_are_not_kept(edition, school):
    response = record_response(
        edition, school, {"q1": "male", "q22": {"children": "never"}, "q23": "yes"}, mode="paper"
    )
    matrix = answer_matrix(edition)
    q = matrix.questionnaire
    assert len(matrix) == 1
    assert matrix.codes[0, q.slot_index[("q23", None)]] == questionnaires.NOT_SHOWN
    assert matrix.codes[0, q.slot_index[("q22", "older")]] == questionnaires.NOT_ANSWERED
    assert list(matrix.gender) == ["male"]
    assert list(matrix.school) == [school.pk]
    assert response.ethnic_group == ""
