"""The survey demo matches seed 002, and synthetic responses respect the questionnaire."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db.models import Count, Sum

from outcomes.accounts.demo import DEMO_PASSWORD
from outcomes.surveys import demo as survey_demo
from outcomes.surveys import generator
from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.models import Edition, Response, School, SchoolParticipation, SchoolRoll, TextAnswer

pytestmark = pytest.mark.django_db

# Seed 002, Figure 1 (notes-002 §11, fixture 2).
FIGURE_1 = {
    "Greasbrough Primary": 26,
    "Harthill Primary": 22,
    "Kiveton Park Meadows Junior": 125,
    "Ravenfield Primary": 21,
    "Rawmarsh Sandhill Primary": 18,
    "Rawmarsh Thorogate Junior": 49,
    "Rockingham Junior": 38,
    "St Alban's Primary": 29,
    "St Gerard's Catholic Primary": 17,
    "St Thomas C of E Primary": 6,
    "Swallownest Primary": 18,
    "Swinton Brookfield Primary": 81,
    "Swinton Fitzwilliam Primary": 48,
    "Wath Central Primary": 41,
    "Wickersley Northfield Primary": 33,
}
AREA_TOTALS = {  # the Area Assembly table
    "Rother Valley South": 147,
    "Rother Valley West": 18,
    "Rotherham North": 64,
    "Rotherham South": 0,
    "Wentworth North": 176,
    "Wentworth South": 105,
    "Wentworth Valley": 62,
}


@pytest.fixture
def edition():
    return Edition.objects.get(slug="primary-2009")


def test_respondents_per_school_are_figure_1s(edition):
    counts = dict(
        Response.objects.filter(edition=edition)
        .values_list("school__name")
        .annotate(n=Count("id"))
        .order_by()
    )
    assert counts == FIGURE_1
    assert sum(counts.values()) == 572


def test_respondents_per_area_are_the_area_assembly_tables(edition):
    by_area = dict(
        Response.objects.filter(edition=edition)
        .values_list("school__area__name")
        .annotate(n=Count("id"))
        .order_by()
    )
    assert {area: by_area.get(area, 0) for area in AREA_TOTALS} == AREA_TOTALS


def test_rolls_give_the_seeds_response_rates(edition):
    rolls = SchoolRoll.objects.filter(year=2009, year_group=5)
    participating = rolls.filter(school__name__in=FIGURE_1).aggregate(n=Sum("pupils"))["n"]
    assert participating == 715
    assert round(572 / participating * 100) == 80
    assert rolls.aggregate(n=Sum("pupils"))["n"] == 2996
    assert round(572 / 2996 * 100) == 19
    for school, respondents in FIGURE_1.items():
        assert rolls.get(school__name=school).pupils >= respondents


def test_the_four_schools_with_it_problems_are_recorded(edition):
    failed = SchoolParticipation.objects.filter(edition=edition, status=SchoolParticipation.TECHNICAL_FAILURE)
    assert sorted(failed.values_list("school__name", flat=True)) == [
        "Brinsworth Howarth Primary",
        "Kilnhurst Primary",
        "Kimberworth Community Primary",
        "St Ann's Junior",
    ]
    assert SchoolParticipation.objects.filter(edition=edition, status="participated").count() == 15


def test_the_school_sign_in_belongs_to_swinton_brookfield():
    account = authenticate(username=survey_demo.DEMO_SCHOOL_USER, password=DEMO_PASSWORD)
    assert account is not None
    assert account.role == "school"
    assert list(account.survey_schools.values_list("code", flat=True)) == ["swinton-brookfield"]


def test_loading_the_demo_again_changes_nothing(edition):
    before = (Response.objects.count(), School.objects.count(), edition.links.count())
    assert survey_demo.load_demo_surveys() is None
    assert (Response.objects.count(), School.objects.count(), edition.links.count()) == before


def test_synthetic_responses_respect_conditions_and_mandatory_questions(edition):
    q = questionnaires.load(edition)
    for response in Response.objects.filter(edition=edition):
        codes = bytes(response.codes)
        answers = q.decode(codes)
        answers = {k: ("text" if v is True else v) for k, v in answers.items()}
        seen = q.visibility(answers)
        for slot in q.slots:
            shown = seen.shows(slot.question) and (slot.row is None or slot.row in seen.rows[slot.question])
            assert (codes[slot.index] != questionnaires.NOT_SHOWN) == shown, (slot, answers)
        assert q.check_answers(answers) == {}
        assert response.gender == answers["q1"]
    assert TextAnswer.objects.filter(response__edition=edition).exists()


def test_the_demo_split_resembles_2009(edition):
    responses = Response.objects.filter(edition=edition)
    female = responses.filter(gender="female").count() / 572
    white = responses.filter(ethnic_group="White or White British").count() / 572
    assert 0.45 < female < 0.61  # 53% in 2009
    assert 0.84 < white < 0.95  # 90% in 2009


def test_the_same_seed_gives_the_same_responses(edition):
    school = School.objects.get(code="harthill")
    first = [p.response.codes for p in generator.synthetic_responses(edition, [(school, 20)], seed=5)]
    again = [p.response.codes for p in generator.synthetic_responses(edition, [(school, 20)], seed=5)]
    other = [p.response.codes for p in generator.synthetic_responses(edition, [(school, 20)], seed=6)]
    assert first == again
    assert first != other


def test_generate_responses_adds_to_one_school_or_spreads_by_roll(edition, capsys):
    call_command("generate_responses", edition="primary-2009", n=30, seed=1, school="harthill")
    assert "Added 30 synthetic responses" in capsys.readouterr().out
    assert Response.objects.filter(edition=edition, school__code="harthill").count() == 52
    before = dict(
        Response.objects.filter(edition=edition).values_list("school__code").annotate(n=Count("id"))
    )
    call_command("generate_responses", edition="primary-2009", n=1000, seed=2)
    after = dict(Response.objects.filter(edition=edition).values_list("school__code").annotate(n=Count("id")))
    added = {code: after[code] - before.get(code, 0) for code in after}
    assert sum(added.values()) == 1000
    assert added["kiveton-park-meadows"] > added["st-thomas"]  # roll 156 against 8
    assert not Response.objects.filter(school__is_group=True).exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"edition": "primary-1999", "n": 1, "seed": 1}, "There is no edition 'primary-1999'"),
        ({"edition": "primary-2009", "n": 0, "seed": 1}, "--n must be at least 1"),
        ({"edition": "primary-2009", "n": 1, "seed": 1, "school": "nowhere"}, "no school with the code"),
        ({"edition": "primary-2009", "n": 1, "seed": 1, "school": "other-rotherham-south"}, "no school with"),
    ],
)
def test_generate_responses_refuses_what_it_cannot_do(options, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate_responses", **options)
