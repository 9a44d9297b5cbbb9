"""Survey frequencies against hand counts on a small questionnaire made here (outcomes/surveys/results/).

The hand counts go through the answers one pupil at a time, with the questionnaire's own rules for
what each pupil was shown; the analysis counts packed answer codes with numpy. Threshold 1 shows
every figure, so that each can be compared."""

import random
from decimal import Decimal

import numpy as np
import pytest

from outcomes.surveys.questionnaire import ChoiceSpec, ItemSpec, Questionnaire, RowSpec, SectionSpec
from outcomes.surveys.results import figures, frequencies

GROUPS = {
    "white": "White",
    "asian": "Asian",
    "black": "Black",
    "mixed": "Mixed",
    "pnta": "Other / not stated",
}


def choices(*names, groups=None):
    return [ChoiceSpec(n, n.replace("_", " ").capitalize(), (groups or {}).get(n, "")) for n in names]


def small_questionnaire() -> Questionnaire:
    about = SectionSpec(
        "about",
        "About you",
        items=[
            ItemSpec(
                "q1",
                "select_one",
                "I am",
                required=True,
                breakdown="gender",
                choices=choices("male", "female"),
            ),
            ItemSpec(
                "q2",
                "select_one",
                "Ethnicity",
                breakdown="ethnicity",
                choices=choices(*GROUPS, groups=GROUPS),
            ),
            ItemSpec(
                "q3", "select_one", "Health", choices=choices("very_good", "good", "ok", "not_very_good")
            ),
        ],
    )
    rest = SectionSpec(
        "rest",
        "Safety and food",
        items=[
            ItemSpec("q4", "yes_no_dk", "Bullied?", choices=choices("yes", "no", "dont_know")),
            ItemSpec(
                "q5", "select_one", "When?", relevant="${q4} = 'yes'", choices=choices("recent", "long_ago")
            ),
            ItemSpec(
                "q6",
                "grid",
                "I eat",
                choices=choices("never", "sometimes", "daily"),
                rows=[RowSpec("fruit", "Fruit"), RowSpec("veg", "Vegetables")],
            ),
            ItemSpec("q7", "select_multiple", "Likes", choices=choices("swim", "football", "none")),
            ItemSpec("q8", "select_one", "Breakfast", choices=choices("home", "none")),
            ItemSpec(
                "q9", "select_one", "What", relevant="${q8} != 'none'", choices=choices("cereal", "toast")
            ),
            ItemSpec("q10", "text", "Anything else"),
        ],
    )
    return Questionnaire([about, rest])


def pupil(rng: random.Random) -> dict:
    answers = {
        "q1": rng.choice(["male", "female"]),
        "q2": rng.choices(list(GROUPS), [85, 3, 4, 3, 5])[0],
        "q3": rng.choice(["very_good", "good", "ok", "not_very_good", None]),
        "q4": rng.choices(["yes", "no", "dont_know", None], [20, 65, 10, 5])[0],
        "q5": rng.choice(["recent", "long_ago", None]),
        "q6": {
            "fruit": rng.choice(["never", "sometimes", "daily"]),
            "veg": rng.choice(["never", "daily", None]),
        },
        "q7": rng.choice([["swim"], ["football"], ["swim", "football"], ["none"], []]),
        "q8": rng.choices(["home", "none"], [90, 10])[0],
        "q9": rng.choice(["cereal", "toast"]),
        "q10": rng.choice(["", "more parks"]),
    }
    return {name: value for name, value in answers.items() if value not in (None, "", [])}


@pytest.fixture(scope="module")
def survey():
    q = small_questionnaire()
    rng = random.Random(11)
    pupils = [q.shown_answers(pupil(rng)) for _ in range(400)]
    codes = np.frombuffer(b"".join(q.encode(a) for a in pupils), dtype=np.uint8).reshape(len(pupils), -1)
    return q, pupils, codes


def in_group(answers: dict, group: figures.Group) -> bool:
    if group.kind == "gender":
        return answers.get("q1", "") == group.name
    if group.kind == "ethnicity":
        return GROUPS.get(answers.get("q2"), "") == group.name
    return True


def by_hand(q, pupils, group, question, row=None) -> dict:
    """Counts of one group's answers to one question, one pupil at a time."""
    counted = {"respondents": 0, "shown": 0, "answered": 0, "options": {}}
    for answers in pupils:
        if not in_group(answers, group):
            continue
        counted["respondents"] += 1
        seen = q.visibility(answers)
        if not seen.shows(question):
            continue
        counted["shown"] += 1
        answer = answers.get(question)
        if row is not None:
            answer = (answer or {}).get(row)
        if answer:
            counted["answered"] += 1
            for name in answer if isinstance(answer, list) else [answer]:
                counted["options"][name] = counted["options"].get(name, 0) + 1
    return counted


def test_every_figure_matches_a_hand_count(survey):
    q, pupils, codes = survey
    results = frequencies.analyse_codes(None, q, codes, threshold=1)
    assert results.respondents.value == 400
    checked = 0
    for question in results.questions:
        for row in question.rows:
            for group in row.groups:
                counted = by_hand(q, pupils, group.group, question.name, row.name)
                assert group.respondents.value == counted["respondents"]
                assert group.shown.value == counted["shown"], (question.name, group.group)
                assert group.answered.value == counted["answered"], (question.name, row.name, group.group)
                for option in group.options:
                    assert option.count.value == counted["options"].get(option.name, 0)
                    checked += 1
    assert checked > 150


def test_the_questions_split_by_gender_and_ethnic_group_but_not_by_themselves(survey):
    q, _, codes = survey
    results = frequencies.analyse_codes(None, q, codes, threshold=1)
    assert [g.group.kind for g in results.question("q1").rows[0].groups] == ["all"]
    labels = [g.group.label for g in results.question("q3").rows[0].groups]
    assert labels[:3] == ["All pupils", "Male", "Female"]
    assert "White" in labels


def test_percentages_of_those_who_answered_shown_and_all_to_one_decimal_place(survey):
    q, _, codes = survey
    results = frequencies.analyse_codes(None, q, codes, threshold=1)
    when = results.question("q5").rows[0].group(figures.ALL)
    recent = when.options[0]
    assert recent.percentage == figures.percentage(recent.count.value, when.answered.value)
    assert recent.of_shown == figures.percentage(recent.count.value, when.shown.value)
    assert recent.of_respondents == figures.percentage(recent.count.value, 400)
    assert figures.percentage(1, 8) == Decimal("12.5")
    assert figures.percentage(1, 3) == Decimal("33.3")
    assert figures.percentage(1, 0) is None


def test_a_conditional_questions_shown_base_is_the_trigger_answers_count(survey):
    q, _, codes = survey
    results = frequencies.analyse_codes(None, q, codes, threshold=1)
    yes = results.question("q4").rows[0].group(figures.ALL).options[0]
    assert results.question("q5").rows[0].group(figures.ALL).shown.value == yes.count.value
    skip = results.question("q8").rows[0].group(figures.ALL).options[1]
    assert results.question("q9").rows[0].group(figures.ALL).shown.value == 400 - skip.count.value


def test_small_groups_are_suppressed_with_their_reason(survey):
    q, _, codes = survey
    results = frequencies.analyse_codes(None, q, codes, threshold=10)
    sizes = frequencies.analyse_codes(None, q, codes, threshold=1).question("q3").rows[0]
    health = results.question("q3").rows[0]
    for group in health.groups:
        size = sizes.group(group.group.key).respondents.value
        if size < 10:
            assert group.respondents.reason == "fewer than 10 pupils"
            assert all(o.count.suppressed and o.percentage is None for o in group.options)
    for group in health.groups:
        for option in group.options:
            assert option.count.value is None or option.count.value == 0 or option.count.value >= 10


def test_the_threshold_is_a_setting(settings, survey):
    q, _, codes = survey
    settings.SURVEY_SUPPRESSION_THRESHOLD = 30
    assert figures.suppression_threshold() == 30
    results = frequencies.analyse_codes(None, q, codes)
    assert results.threshold == 30
    counts = [o.count.value for qr in results.questions for r in qr.rows for g in r.groups for o in g.options]
    assert all(c is None or c == 0 or c >= 30 for c in counts)
    assert any(c is None for c in counts)
