"""Conditions of the questionnaire: reading them, evaluating them, and what a pupil is shown."""

import pytest

from outcomes.surveys import conditions
from outcomes.surveys.conditions import And, Answered, Compare, ConditionError, Not, Or, Ref, Selected
from outcomes.surveys.questionnaire import (
    NOT_ANSWERED,
    NOT_SHOWN,
    NOT_TICKED,
    TICKED,
    ChoiceSpec,
    InvalidAnswers,
    ItemSpec,
    Questionnaire,
    RowSpec,
    SectionSpec,
)


def choices(*names):
    return [ChoiceSpec(n, n.replace("_", " ").capitalize()) for n in names]


def item(name, type_="select_one", relevant="", names=("yes", "no"), rows=(), required=False, **kw):
    return ItemSpec(
        name=name,
        type=type_,
        label=f"Question {name}",
        relevant=relevant,
        condition=conditions.parse(relevant),
        required=required,
        choices=choices(*names) if type_ not in {"text", "note", "school"} else [],
        rows=[RowSpec(r, r) for r in rows],
        **kw,
    )


@pytest.fixture
def young_carers():
    """The shape of seed 002's Q8/Q9 and Q22-Q27 (nested) branches."""
    return Questionnaire(
        [
            SectionSpec(
                "about",
                "About you",
                items=[
                    item("q1", names=("male", "female"), required=True, breakdown="gender"),
                    item("q8", names=("home", "club", "none")),
                    item("q9", relevant="${q8} != 'none'", names=("cereal", "toast")),
                ],
            ),
            SectionSpec(
                "out",
                "Out of school",
                items=[
                    item("q22", "grid", names=("never", "sometimes", "every"), rows=("children", "older")),
                    item(
                        "q23",
                        relevant="selected(${q22}, 'sometimes') or selected(${q22}, 'every')",
                        required=True,
                    ),
                    item("q24", "select_multiple", relevant="answered(${q23})", names=("mum", "dad", "none")),
                    item("q25", relevant="selected(${q22}, 'sometimes') or selected(${q22}, 'every')"),
                    item("q26", relevant="${q25} = 'yes'"),
                    item("q47", "text"),
                ],
            ),
            SectionSpec("end", "Smoking", relevant="${q1} = 'male'", items=[item("q38")]),
        ]
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("${q8} = 'none'", Compare(Ref("q8"), "=", "none")),
        ('${Q8}!="none"', Compare(Ref("q8"), "!=", "none")),
        ("${q22.children} = 'sometimes'", Compare(Ref("q22", "children"), "=", "sometimes")),
        ("selected(${q10}, 'golf')", Selected(Ref("q10"), "golf")),
        ("answered(${q23})", Answered(Ref("q23"))),
        ("not(${q8} = 'none')", Not(Compare(Ref("q8"), "=", "none"))),
        (
            "${a} = 'x' or ${b} = 'y' and ${c} = 'z'",
            Or(
                (Compare(Ref("a"), "=", "x"), And((Compare(Ref("b"), "=", "y"), Compare(Ref("c"), "=", "z"))))
            ),
        ),
        (
            "(${a} = 'x' or ${b} = 'y') and ${c} = 'z'",
            And(
                (Or((Compare(Ref("a"), "=", "x"), Compare(Ref("b"), "=", "y"))), Compare(Ref("c"), "=", "z"))
            ),
        ),
    ],
)
def test_conditions_are_read_as_written(text, expected):
    assert conditions.parse(text) == expected


def test_a_blank_condition_means_always_shown():
    assert conditions.parse("") is None
    assert conditions.parse("   ") is None
    assert conditions.evaluate(None, {}) is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("${q8} = none", "expected a choice name in quotes at character 9"),
        ("${q8} == 'x'", "at character"),
        ("${q8} = 'x' and", "ends too soon"),
        ("(${q8} = 'x'", "expected ')' at the end"),
        ("${q8} = 'x' ${q9} = 'y'", "unexpected"),
        ("selected(${q8} 'x')", "expected ','"),
        ("q8 = 'x'", "unexpected 'q8' at character 1"),
        ("${q8} = 'x' & ${q9} = 'y'", "cannot read '&"),
    ],
)
def test_unreadable_conditions_say_where(text, message):
    with pytest.raises(ConditionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        conditions.parse(text)


@pytest.mark.parametrize(
    ("text", "answers", "holds"),
    [
        ("${q8} = 'none'", {"q8": "none"}, True),
        ("${q8} = 'none'", {"q8": "home"}, False),
        ("${q8} = 'none'", {}, False),
        ("${q8} != 'none'", {}, True),  # unanswered equals nothing
        ("${q8} != 'none'", {"q8": "none"}, False),
        ("selected(${q10}, 'golf')", {"q10": ["golf", "rugby"]}, True),
        ("selected(${q10}, 'golf')", {"q10": ["rugby"]}, False),
        ("${g.r2} = 'x'", {"g": {"r1": "x", "r2": "y"}}, False),
        ("${g.r1} = 'x'", {"g": {"r1": "x", "r2": "y"}}, True),
        ("selected(${g}, 'y')", {"g": {"r1": "x", "r2": "y"}}, True),
        ("selected(${g}, 'z')", {"g": {"r1": "x", "r2": "y"}}, False),
        ("answered(${q47})", {"q47": "more parks"}, True),
        ("answered(${q47})", {"q47": ""}, False),
        ("answered(${g})", {"g": {"r1": None}}, False),
        ("not(${q8} = 'none')", {"q8": "none"}, False),
        ("${a} = 'x' or ${b} = 'y'", {"b": "y"}, True),
        ("${a} = 'x' and ${b} = 'y'", {"b": "y"}, False),
    ],
)
def test_conditions_evaluate_on_answers(text, answers, holds):
    assert conditions.evaluate(conditions.parse(text), answers) is holds


def test_no_breakfast_hides_the_breakfast_question(young_carers):
    assert young_carers.visibility({"q8": "home"}).shows("q9")
    assert young_carers.visibility({}).shows("q9")
    assert not young_carers.visibility({"q8": "none"}).shows("q9")


def test_young_carer_questions_appear_when_any_row_of_the_grid_triggers(young_carers):
    never = {"q22": {"children": "never", "older": "never"}}
    assert not young_carers.visibility(never).shows("q23")
    assert not young_carers.visibility({}).shows("q25")
    one_row = {"q22": {"children": "never", "older": "every"}}
    seen = young_carers.visibility(one_row)
    assert seen.shows("q23")
    assert seen.shows("q25")
    assert not seen.shows("q26")  # nested: needs q25 = yes as well
    assert young_carers.visibility({**one_row, "q25": "yes"}).shows("q26")


def test_a_condition_on_a_hidden_question_hides_its_question_too(young_carers):
    # q25 answered Yes, then the pupil changed q22 so that q25 is hidden: q26 goes with it.
    answers = {"q22": {"children": "never"}, "q25": "yes", "q23": "yes"}
    seen = young_carers.visibility(answers)
    assert not seen.shows("q25")
    assert not seen.shows("q26")
    assert not seen.shows("q24")


def test_a_section_condition_applies_to_every_item_in_it(young_carers):
    assert young_carers.visibility({"q1": "male"}).shows("q38")
    assert "end" not in young_carers.visibility({"q1": "female"}).sections
    assert not young_carers.visibility({"q1": "female"}).shows("q38")


def test_answers_to_hidden_questions_are_dropped(young_carers):
    answers = {
        "q1": "female",
        "q8": "none",
        "q9": "toast",
        "q22": {"children": "never"},
        "q25": "yes",
        "q38": "yes",
    }
    assert young_carers.shown_answers(answers) == {"q1": "female", "q8": "none", "q22": {"children": "never"}}


def test_mandatory_questions_are_checked_only_where_shown(young_carers):
    assert young_carers.check_answers({}) == {"q1": "Select an answer for 'Question q1'"}
    carer = {"q1": "male", "q22": {"children": "sometimes"}}
    assert set(young_carers.check_answers(carer)) == {"q23"}
    assert young_carers.check_answers(carer, require=False) == {}
    assert young_carers.check_answers({}, names={"q8"}) == {}


@pytest.mark.parametrize(
    ("answers", "name", "message"),
    [
        ({"q1": "other"}, "q1", "'other' is not one of the choices"),
        ({"q1": "male", "q99": "x"}, "q99", "no such question"),
        ({"q1": "male", "q24": ["mum", "none"]}, "q24", "Select 'None' on its own"),
        ({"q1": "male", "q22": {"pets": "never"}}, "q22", "'pets' is not a row"),
        ({"q1": "male", "q22": {"older": "always"}}, "q22", "'always' is not one of the choices"),
        ({"q1": "male", "q47": "x" * 2001}, "q47", "no more than 2000"),
    ],
)
def test_impossible_answers_are_refused(young_carers, answers, name, message):
    young_carers.by_name["q24"].choices[-1].exclusive = True
    problems = young_carers.check_answers(answers)
    assert message in problems[name]


def test_answers_are_packed_one_byte_per_slot_and_read_back(young_carers):
    answers = {
        "q1": "female",
        "q8": "club",
        "q9": "toast",
        "q22": {"children": "every"},
        "q23": "no",
        "q24": ["dad"],
        "q47": "A skate park",
    }
    codes = young_carers.encode(answers)
    assert len(codes) == len(young_carers.slots) == 1 + 1 + 1 + 2 + 1 + 3 + 1 + 1 + 1 + 1
    slot = young_carers.slot_index
    assert codes[slot[("q22", "older")]] == NOT_ANSWERED
    assert codes[slot[("q26", None)]] == NOT_SHOWN
    assert codes[slot[("q25", None)]] == NOT_ANSWERED
    assert [codes[slot[("q24", c)]] for c in ("mum", "dad", "none")] == [NOT_TICKED, TICKED, NOT_TICKED]
    assert codes[slot[("q38", None)]] == NOT_SHOWN  # a section for boys only
    assert young_carers.decode(codes) == {**answers, "q47": True}


def test_breakdowns_are_copied_from_the_marked_questions(young_carers):
    assert young_carers.breakdown_values({"q1": "female"}) == ("female", "")
    assert young_carers.breakdown_values({}) == ("", "")


def test_invalid_answers_name_the_question():
    error = InvalidAnswers({"q1": "Select an answer"})
    assert str(error) == "q1: Select an answer"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("${q9} = 'x'", "not a question that comes before it"),
        ("${q1.row} = 'male'", "not a grid"),
        ("${q22.pets} = 'never'", "has no row 'pets'"),
        ("${q22} = 'never'", "compares the whole grid"),
        ("${q24} = 'mum'", "use selected(${q24}, 'mum')"),
        ("${q1} = 'boy'", "'boy', which is not a choice of q1"),
        ("${q47} = 'x'", "only answered() may be used"),
    ],
)
def test_conditions_are_checked_against_earlier_questions(young_carers, text, problem):
    earlier = {name: young_carers.by_name[name] for name in ("q1", "q22", "q24", "q47")}
    problems = list(conditions.check(conditions.parse(text), earlier))
    assert any(problem in p for p in problems), problems


def test_a_sound_condition_has_no_problems(young_carers):
    earlier = {name: young_carers.by_name[name] for name in ("q1", "q22", "q24")}
    text = "${q1} = 'male' and selected(${q24}, 'mum') or ${q22.older} = 'every'"
    assert list(conditions.check(conditions.parse(text), earlier)) == []
