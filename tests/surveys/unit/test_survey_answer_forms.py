"""The pupils' answer forms: pages cut where an answer decides what follows, answers read from a POST
and checked, and the GOV.UK components each question is shown with."""

import pytest
from django.http import QueryDict

from outcomes.surveys import conditions
from outcomes.surveys.answer_forms import (
    AnswerForm,
    applies_when,
    component,
    describe_condition,
    next_page,
    page_of,
    pages,
    previous_page,
    shown_items,
    split_section,
)
from outcomes.surveys.questionnaire import ChoiceSpec, ItemSpec, Questionnaire, RowSpec, SectionSpec

CARER = "selected(${q22}, 'sometimes') or selected(${q22}, 'daily')"


def item(name, type_="select_one", relevant="", names=("yes", "no"), rows=(), number=None, **kw):
    labels = {"none": "I don't have breakfast", "sometimes": "Sometimes", "daily": "Every or most days"}
    return ItemSpec(
        name=name,
        type=type_,
        label=f"Label of {name}",
        number=number if number is not None else (int(name[1:]) if name[1:].isdigit() else None),
        relevant=relevant,
        choices=[ChoiceSpec(n, labels.get(n, n.capitalize())) for n in names]
        if type_ not in {"text", "note", "school"}
        else [],
        rows=[r if isinstance(r, RowSpec) else RowSpec(r, f"Row {r}") for r in rows],
        **kw,
    )


def section(name, items, relevant=""):
    spec = SectionSpec(name, name.upper().replace("_", " "), relevant=relevant, items=items)
    for i in items:
        i.section = name
    return spec


@pytest.fixture
def q():
    """The shape of seed 002's first sections and its Q8/Q9 and Q22-Q27 branches."""
    return Questionnaire(
        [
            section(
                "about",
                [
                    item("q1", names=("male", "female"), required=True, breakdown="gender"),
                    item("school", "school", number=None),
                    item("q2", names=("north", "south", "dont_know"), appearance="list"),
                    item("q3", names=("white", "asian", "other"), required=True),
                ],
            ),
            section(
                "food",
                [
                    item(
                        "q5",
                        "yes_no_dk",
                        names=("yes", "no", "dont_know"),
                        info="Five a day",
                        info_title="5 a day",
                    ),
                    item("q6", "grid", names=("never", "weekly", "daily"), rows=("fruit", "veg")),
                    item("q8", names=("home", "club", "none")),
                    item("q9", relevant="${q8} != 'none'", names=("cereal", "toast")),
                ],
            ),
            section(
                "out",
                [
                    item("q20", "grid", names=("never", "sometimes", "daily"), rows=("friends",)),
                    item("q22", "grid", names=("never", "sometimes", "daily"), rows=("children", "older")),
                    item("q23", relevant=CARER),
                    item("q24", "select_multiple", names=("mum", "dad", "nobody"), relevant=CARER),
                    item("q25", relevant=CARER),
                    item("q26", relevant="${q25} = 'yes'"),
                    item("q27", "select_multiple", names=("teacher", "nurse"), relevant=CARER),
                ],
            ),
            section("boys", [item("q40")], relevant="${q1} = 'male'"),
            section("end", [item("q47", "text")]),
        ]
    )


def names(page_or_items):
    items = page_or_items.items if hasattr(page_or_items, "items") else page_or_items
    return [i.name for i in items]


# --- Pages ---------------------------------------------------------------------------------------------


def test_a_question_that_reads_an_answer_on_its_page_starts_the_next_page(q):
    assert [names(p) for p in pages(q)] == [
        ["q1", "school", "q2", "q3"],
        ["q5", "q6", "q8"],
        ["q9"],
        ["q20", "q22"],
        ["q23", "q24", "q25"],
        ["q26", "q27"],
        ["q40"],
        ["q47"],
    ]
    assert [p.number for p in pages(q)] == list(range(1, 9))


def test_follow_up_pages_are_headed_more_about_their_section(q):
    food, more = pages(q)[1:3]
    assert (food.heading, food.part) == ("FOOD", 1)
    assert (more.heading, more.part) == ("More about food", 2)


def test_a_grid_row_whose_condition_reads_the_page_also_starts_a_new_page():
    grid = item(
        "q7", "grid", names=("yes", "no"), rows=(RowSpec("a", "A"), RowSpec("b", "B", "${q6} = 'yes'"))
    )
    parts = split_section(section("s", [item("q5"), item("q6"), grid, item("q8")]))
    assert [names(p) for p in parts] == [["q5", "q6"], ["q7", "q8"]]


def test_a_condition_on_an_earlier_section_does_not_split_a_page(q):
    # q9's page holds only q9, and q40's section depends on q1 (another page): one page each.
    assert names(page_of(q, "q40")) == ["q40"]
    assert page_of(q, "q26").number == 6


def test_hidden_pages_are_skipped_forwards_and_backwards(q):
    no_breakfast = q.visibility({"q1": "female", "q8": "none"})
    assert next_page(q, 2, no_breakfast).number == 4  # q9's page is skipped
    assert previous_page(q, 4, no_breakfast).number == 2
    breakfast = q.visibility({"q1": "female", "q8": "home"})
    assert next_page(q, 2, breakfast).number == 3
    # Not a carer, not a boy: after the out-of-school page comes the last page.
    assert next_page(q, 4, no_breakfast).number == 8
    assert next_page(q, 8, no_breakfast) is None


def test_the_young_carer_pages_show_after_a_sometimes_in_one_row(q):
    carer = {"q22": {"children": "never", "older": "sometimes"}, "q25": "no"}
    seen = q.visibility(carer)
    assert next_page(q, 4, seen).number == 5
    assert names(shown_items(page_of(q, "q26"), seen)) == ["q27"]  # q26 only after q25 = yes
    seen = q.visibility({**carer, "q25": "yes"})
    assert names(shown_items(page_of(q, "q26"), seen)) == ["q26", "q27"]


# --- Reading and checking answers ------------------------------------------------------------------------


def post(text: str) -> QueryDict:
    return QueryDict(text)


def test_a_page_reads_each_kind_of_answer_and_leaves_blanks_out(q):
    items = [q.by_name[n] for n in ("q5", "q6", "q8")]
    form = AnswerForm(q, items, data=post("q5=dont_know&q6-fruit=daily&q6-veg=&q8="))
    assert form.is_valid()
    assert form.cleaned == {"q5": "dont_know", "q6": {"fruit": "daily"}}
    form = AnswerForm(q, [q.by_name["q24"], q.by_name["q47"]], data=post("q24=mum&q24=dad&q47=++A+park++"))
    assert form.read() == {"q24": ["mum", "dad"], "q47": "A park"}


def test_only_the_shown_rows_of_a_grid_are_read(q):
    form = AnswerForm(
        q, [q.by_name["q22"]], rows={"q22": ["older"]}, data=post("q22-children=daily&q22-older=never")
    )
    assert form.read() == {"q22": {"older": "never"}}


def test_mandatory_questions_say_which_question_they_are(q):
    form = AnswerForm(q, pages(q)[0].items, data=post("q2=north"))
    assert not form.is_valid()
    assert form.errors == {
        "q1": "Question 1: Select an answer for 'Label of q1'",
        "q3": "Question 3: Select an answer for 'Label of q3'",
    }
    assert form.error_list() == [
        {"text": "Question 1: Select an answer for 'Label of q1'", "href": "#q1"},
        {"text": "Question 3: Select an answer for 'Label of q3'", "href": "#q3"},
    ]
    assert AnswerForm(q, pages(q)[0].items, data=post("q1=male&q3=asian")).is_valid()


def test_paper_questionnaires_may_leave_mandatory_questions_blank(q):
    assert AnswerForm(q, pages(q)[0].items, data=post("q2=north"), require=False).is_valid()


def test_a_choice_that_is_not_offered_is_refused(q):
    form = AnswerForm(q, [q.by_name["q8"], q.by_name["q6"]], data=post("q8=bed&q6-fruit=hourly"))
    assert not form.is_valid()
    assert form.errors["q8"] == "Question 8: 'bed' is not one of the choices"
    assert form.errors["q6"] == "Question 6: 'hourly' is not one of the choices"
    assert form.error_list()[1]["href"] == "#q6-fruit"


def test_none_of_these_cannot_be_ticked_with_another_answer():
    multiple = item("q24", "select_multiple", names=("mum", "dad", "nobody"))
    multiple.choices[2].exclusive = True
    q = Questionnaire([section("s", [multiple])])
    form = AnswerForm(q, [multiple], data=post("q24=mum&q24=nobody"))
    assert not form.is_valid()
    assert form.errors["q24"].startswith("Question 24: Select 'Nobody' on its own")


def test_a_page_shows_what_was_posted_or_else_what_was_answered_before(q):
    items = [q.by_name["q8"]]
    assert AnswerForm(q, items, answers={"q8": "club"}).value(items[0]) == "club"
    assert AnswerForm(q, items, answers={"q8": "club"}, data=post("q8=home")).value(items[0]) == "home"


# --- Components --------------------------------------------------------------------------------------------


def test_single_choice_questions_are_radios_with_the_answer_checked(q):
    field = component(q.by_name["q8"], "club", None)
    assert field["kind"] == "radios"
    assert field["params"]["fieldset"]["legend"]["text"] == "8. Label of q8"
    assert [i["checked"] for i in field["params"]["items"]] == [False, True, False]
    assert field["params"]["errorMessage"] is None
    # Yes / No / Don't know sits on one line; long option lists stack.
    assert "inline" in component(q.by_name["q5"], None, None)["params"]["classes"]
    assert "inline" not in field["params"]["classes"]


def test_a_list_question_is_a_drop_down_with_a_blank_first_option(q):
    field = component(q.by_name["q2"], "south", "Question 2: wrong")
    assert field["kind"] == "select"
    assert field["params"]["items"][0] == {"value": "", "text": "Choose an answer"}
    assert [i.get("selected") for i in field["params"]["items"][1:]] == [False, True, False]
    assert field["params"]["errorMessage"] == {"text": "Question 2: wrong"}


def test_tick_as_many_puts_none_of_these_apart(q):
    multiple = item("q24", "select_multiple", names=("mum", "dad", "nobody"))
    multiple.choices[2].exclusive = True
    field = component(multiple, ["dad"], None)
    assert field["kind"] == "checkboxes"
    entries = field["params"]["items"]
    assert entries[2] == {"divider": "or"}
    assert entries[3]["behaviour"] == "exclusive"
    assert [e.get("checked") for e in entries] == [False, True, None, False]


def test_each_row_of_a_grid_is_a_fieldset_whose_legend_names_the_question(q):
    field = component(q.by_name["q22"], {"older": "daily"}, None, rows=["children", "older"])
    assert field["kind"] == "grid"
    children, older = field["rows"]
    assert children["name"] == "q22-children"
    assert str(children["fieldset"]["legend"]["html"]) == (
        '<span class="govuk-visually-hidden">22. Label of q22 </span>Row children'
    )
    assert [i["checked"] for i in older["items"]] == [False, False, True]
    assert len(component(q.by_name["q22"], None, None, rows=["older"])["rows"]) == 1


def test_information_pop_ups_and_free_text_warnings(q):
    assert component(q.by_name["q5"], None, None)["details"] == {
        "summaryText": "5 a day",
        "text": "Five a day",
    }
    text = component(q.by_name["q47"], "A park", None)
    assert text["kind"] == "textarea"
    assert text["params"]["value"] == "A park"
    assert "Do not write your name" in text["params"]["hint"]["text"]


# --- Conditions in words (paper entry) ---------------------------------------------------------------------


def test_conditions_are_described_with_question_numbers_and_choice_labels(q):
    assert applies_when(q, q.by_name["q9"]) == "question 8 is not “I don't have breakfast”"
    assert applies_when(q, q.by_name["q23"]) == (
        "any row of question 22 is “Sometimes” or any row of question 22 is “Every or most days”"
    )
    assert applies_when(q, q.by_name["q40"]) == "question 1 is “Male”"
    assert applies_when(q, q.by_name["q8"]) == ""
    expr = conditions.parse("${q22.older} = 'daily' and not(answered(${q25}))")
    assert describe_condition(q, expr) == (
        "question 22, “Row older” is “Every or most days” and not (question 25 is answered)"
    )
