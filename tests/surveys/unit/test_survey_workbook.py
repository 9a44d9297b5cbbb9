"""Reading a questionnaire workbook: every problem is found and located by sheet, row and column."""

import io
from datetime import date

import pytest
from openpyxl import Workbook

from outcomes.core.imports import ImportFailed
from outcomes.surveys import workbook as edition_workbook
from outcomes.surveys.demo_data import primary_2009
from outcomes.surveys.workbook import read_workbook

SETTINGS = [
    ["title", "slug", "year", "phase", "year_groups", "opens", "closes", "confidentiality"],
    ["Test 2030", "primary-2030", 2030, "primary", "5", date(2030, 10, 1), date(2030, 12, 1), "Private."],
]
CHOICES = [
    ["list_name", "name", "label", "group", "exclusive"],
    ["yes_no", "yes", "Yes", None, None],
    ["yes_no", "no", "No", None, None],
    ["often", "never", "Never", None, None],
    ["often", "daily", "Every day", None, None],
    ["who", "mum", "Mum", None, None],
    ["who", "nobody", "Nobody", None, "yes"],
]
HEADER = ["type", "name", "label", "required", "relevant"]


def workbook(survey_rows, settings=SETTINGS, choices=CHOICES) -> bytes:
    wb = Workbook()
    wb.active.title = "survey"
    for row in [HEADER, *survey_rows]:
        wb["survey"].append(row)
    for title, rows in (("choices", choices), ("settings", settings)):
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


GOOD = [
    ["begin section", "about", "About you"],
    ["select_one yes_no", "q1", "Do you?", "yes"],
    ["grid often", "q2", "How often?"],
    ["row", "fruit", "Fruit"],
    ["row", "veg", "Vegetables"],
    ["select_multiple who", "q3", "Who?", None, "${q1} = 'yes' and ${q2.fruit} = 'daily'"],
    ["note", "thanks", "Thank you"],
    ["end section"],
]


def problems_of(data: bytes) -> list[str]:
    with pytest.raises(ImportFailed) as failed:
        read_workbook(data, "test.xlsx")
    return [str(p) for p in failed.value.problems]


def test_a_sound_workbook_is_read_with_numbers_choices_rows_and_conditions():
    draft = read_workbook(workbook(GOOD), "test.xlsx")
    assert draft.settings["slug"] == "primary-2030"
    assert draft.settings["opens"] == date(2030, 10, 1)
    items = draft.sections[0].items
    assert [(i.name, i.number) for i in items] == [("q1", 1), ("q2", 2), ("q3", 3), ("thanks", None)]
    assert items[0].required is True
    assert items[1].row_names == ["fruit", "veg"]
    assert items[2].choices[1].exclusive is True
    assert items[2].condition is not None


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            [["select_one yes_no", "q1", "Outside"]],
            "sheet 'survey', row 2, column A (type): every question must be inside a section",
        ),
        (
            [["begin section", "s", "S"], ["select_one colours", "q1", "Colour?"], ["end section"]],
            "sheet 'survey', row 3, column A (type): there is no list called 'colours' on the choices sheet",
        ),
        (
            [["begin section", "s", "S"], ["select_one yes_no", "Q 1", "Bad name"], ["end section"]],
            "sheet 'survey', row 3, column B (name): 'q 1' is not a valid question name",
        ),
        (
            [
                ["begin section", "s", "S"],
                ["yes_no_dk", "q1", "A"],
                ["yes_no_dk", "q1", "B"],
                ["end section"],
            ],
            "sheet 'survey', row 4, column B (name): the name 'q1' is used twice",
        ),
        (
            [["begin section", "s", "S"], ["yes_no_dk", "q1", "A", "maybe"], ["end section"]],
            "sheet 'survey', row 3, column D (required): 'maybe' should be yes or left blank",
        ),
        (
            [
                ["begin section", "s", "S"],
                ["grid often", "q1", "Grid"],
                ["yes_no_dk", "q2", "B"],
                ["end section"],
            ],
            "sheet 'survey', row 3, column A (type): the grid 'q1' has no rows",
        ),
        (
            [["begin section", "s", "S"], ["row", "r1", "Row"], ["end section"]],
            "sheet 'survey', row 3, column A (type): a row must follow a grid question or another row",
        ),
        (
            [
                ["begin section", "s", "S"],
                ["yes_no_dk", "q1", "A", None, "${q2} = 'yes'"],
                ["yes_no_dk", "q2", "B"],
                ["end section"],
            ],
            "sheet 'survey', row 3, column E (relevant): the condition refers to ${q2}, which is not a "
            "question that comes before it",
        ),
        (
            [
                ["begin section", "s", "S"],
                ["yes_no_dk", "q1", "A"],
                ["yes_no_dk", "q2", "B", None, "${q1} = yes"],
            ],
            "sheet 'survey', row 4, column E (relevant): the condition cannot be read: expected a choice "
            "name in quotes at character 9",
        ),
        (
            [
                ["begin section", "s", "S"],
                ["yes_no_dk", "q1", "A"],
                ["yes_no_dk", "q2", "B", None, "${q1} = 'si'"],
            ],
            "sheet 'survey', row 4, column E (relevant): the condition uses 'si', which is not a choice "
            "of q1",
        ),
        (
            [["begin section", "s", "S"], ["select_one who", "q1", "A"], ["end section"]],
            "sheet 'survey', row 3, column A (type): the list 'who' has an exclusive choice",
        ),
        (
            [["begin section", "s", "S"], ["yes_no_dk", "q1", "A"]],
            "sheet 'survey', row 3, column A (type): section 's' is not ended",
        ),
        (
            [["begin section", "s", "S"], ["multiple choice", "q1", "A"], ["end section"]],
            "sheet 'survey', row 3, column A (type): 'multiple choice' is not a type",
        ),
    ],
)
def test_each_problem_is_located_by_sheet_row_and_column(rows, expected):
    assert any(p.startswith(expected) for p in problems_of(workbook(rows))), problems_of(workbook(rows))


def test_every_problem_is_reported_at_once():
    rows = [
        ["begin section", "s", "S"],
        ["select_one nowhere", "q1", "A"],
        ["yes_no_dk", "q2", "", "perhaps"],
        ["yes_no_dk", "q3", "C", None, "${q9} = 'yes'"],
        ["end section"],
    ]
    assert len(problems_of(workbook(rows))) == 4


@pytest.mark.parametrize(
    ("settings_rows", "expected"),
    [
        (
            [SETTINGS[0], ["T", "Primary 2030", 2030, "primary", "5", "2030-10-01", "2030-12-01", "P"]],
            "column B (slug)",
        ),
        (
            [SETTINGS[0], ["T", "p-2030", 1850, "primary", "5", "2030-10-01", "2030-12-01", "P"]],
            "column C (year)",
        ),
        (
            [SETTINGS[0], ["T", "p-2030", 2030, "infant", "5", "2030-10-01", "2030-12-01", "P"]],
            "column D (phase)",
        ),
        (
            [SETTINGS[0], ["T", "p-2030", 2030, "primary", "five", "2030-10-01", "2030-12-01", "P"]],
            "(year_groups)",
        ),
        (
            [SETTINGS[0], ["T", "p-2030", 2030, "primary", "5", "1 Oct", "2030-12-01", "P"]],
            "column F (opens)",
        ),
        (
            [SETTINGS[0], ["T", "p-2030", 2030, "primary", "5", "2030-10-01", "2030-09-01", "P"]],
            "column G (closes)",
        ),
        (
            [SETTINGS[0], ["T", "p-2030", 2030, "primary", "5", "2030-10-01", "2030-12-01", None]],
            "(confidentiality)",
        ),
        ([SETTINGS[0]], "there must be exactly one row of settings"),
        (
            [SETTINGS[0], ["T", "schools", 2030, "primary", "5", "2030-10-01", "2030-12-01", "P"]],
            "used by the survey",
        ),
    ],
)
def test_settings_are_checked(settings_rows, expected):
    assert any(expected in p for p in problems_of(workbook(GOOD, settings=settings_rows)))


def test_unknown_and_missing_columns_are_named():
    settings = [[*SETTINGS[0][:-1], "confidentialty"], SETTINGS[1]]
    found = problems_of(workbook(GOOD, settings=settings))
    assert "sheet 'settings', row 1, column H: 'confidentialty' is not a column of this sheet" in found[0]
    assert "the column 'confidentiality' is missing" in found[1]


def test_a_missing_sheet_or_a_file_that_is_not_a_workbook_is_refused():
    wb = Workbook()
    wb.active.title = "survey"
    out = io.BytesIO()
    wb.save(out)
    assert problems_of(out.getvalue()) == [
        "the workbook has no sheet called 'settings'",
        "the workbook has no sheet called 'choices'",
    ]
    assert problems_of(b"not a workbook") == ["this is not an Excel workbook (.xlsx)"]


def test_choices_are_checked():
    choices = [CHOICES[0], ["yes_no", "yes", "Yes"], ["yes_no", "yes", "Again"], ["yes_no", "2", "Two"]]
    found = problems_of(workbook(GOOD, choices=choices))
    assert "sheet 'choices', row 3, column B (name): 'yes' appears twice in the list 'yes_no'" in found
    assert any(
        p.startswith("sheet 'choices', row 4, column B (name): '2' is not a valid choice name") for p in found
    )


@pytest.fixture(scope="module")
def demo_questionnaire():
    return read_workbook(primary_2009.workbook_bytes(), "primary-2009.xlsx").questionnaire


def test_the_2009_questionnaire_has_everything_the_seed_lists(demo_questionnaire):
    q = demo_questionnaire
    numbered = [i for i in q.items if i.number]
    assert [i.number for i in numbered] == list(range(1, 49))
    assert len(q.sections) == 10
    assert [i.name for i in q.items if i.required] == ["q1", "q3"]
    assert [i.name for i in q.items if i.type == "school"] == ["school"]
    assert [i.name for i in q.items if i.info] == ["q5", "q23"]
    assert [i.name for i in q.items if i.type == "text"] == ["q47"]
    assert q.by_name["q2"].appearance == "list"
    assert len(q.by_name["q3"].choices) == 10
    assert [i.name for i in q.items if i.type == "grid"] == [
        "q6", "q7", "q12", "q15", "q16", "q20", "q21", "q22", "q28", "q29", "q32", "q37", "q45", "q46"
    ]  # fmt: skip
    assert [len(q.by_name[n].rows) for n in ("q6", "q7", "q12", "q20", "q21", "q45", "q46")] == [
        12,
        6,
        9,
        19,
        7,
        10,
        8,
    ]
    # The reconstructions of notes-002 §3.3 (decision 0022).
    assert "always" in q.by_name["q15"].choice_names
    assert q.by_name["q15"].row_names == ["enjoy", "good_marks", "try_best"]
    assert q.by_name["q31"].choice_names[0] == "more_than_year"
    assert q.by_name["q30"].indicator == "NI 69"


@pytest.mark.parametrize(
    ("answers", "shown", "hidden"),
    [
        ({"q8": "home"}, ["q9"], []),
        ({"q8": "none"}, [], ["q9"]),
        ({"q17": "yes"}, ["q18", "q19"], []),
        ({"q17": "dont_know"}, [], ["q18", "q19"]),
        ({"q22": {"children": "never", "older_person": "never"}}, [], ["q23", "q24", "q25", "q26", "q27"]),
        ({"q22": {"children": "never", "older_person": "sometimes"}}, ["q23", "q24", "q25", "q27"], ["q26"]),
        ({"q22": {"children": "daily"}, "q25": "yes"}, ["q26"], []),
        ({"q22": {"children": "never"}, "q25": "yes"}, [], ["q26"]),
        ({"q30": "yes"}, ["q31", "q32", "q33", "q34"], []),
        ({"q30": "no"}, [], ["q31", "q32", "q33", "q34"]),
        ({"q38": "daily"}, ["q39"], []),
        ({"q38": "tried"}, [], ["q39"]),
        ({"q41": "tried"}, ["q42"], []),
        ({"q41": "daily"}, ["q42"], []),
        ({"q41": "never"}, [], ["q42"]),
    ],
)
def test_the_2009_branches_show_and_hide_as_the_seed_says(demo_questionnaire, answers, shown, hidden):
    seen = demo_questionnaire.visibility(answers)
    assert all(seen.shows(name) for name in shown)
    assert not any(seen.shows(name) for name in hidden)


def test_the_template_is_a_valid_questionnaire():
    draft = read_workbook(edition_workbook.template_workbook(), "template.xlsx")
    assert {i.type for s in draft.sections for i in s.items} == {
        "select_one", "school", "yes_no_dk", "grid", "select_multiple", "text", "note"
    }  # fmt: skip
