"""Histories are written in words (issue 11 item 8): no stored data such as {'green': '1/2'}."""

from outcomes.core.history import Field, plain_words, sentences
from outcomes.plans.history import rag_words

LABELS = {"green": "Green", "amber": "Amber", "red": "Red", "blue": "Blue"}
FIELDS = {
    "rag": Field("Status", lambda v: rag_words(v, LABELS)),
    "text": Field("Text", quoted=True),
    "kind": Field("Kind", {"clinic": "Performance clinic"}.get),
    "follow_up": Field("Follow-up", quoted=True),
}


def test_a_split_status_reads_as_people_say_it():
    assert rag_words({"amber": "1"}, LABELS) == "Amber"
    assert rag_words({"amber": "1/2", "green": "1/2"}, LABELS) == "1/2 Green, 1/2 Amber"
    assert rag_words({"on_track": "1"}, LABELS) == "On track"  # a colour the plan no longer has


def test_a_status_change_is_one_sentence():
    lines = sentences({"rag": {"amber": "1"}}, {"rag": {"green": "1/2", "amber": "1/2"}}, FIELDS)
    assert lines == ["Status changed from Amber to 1/2 Green, 1/2 Amber."]


def test_nothing_to_nothing_is_not_a_change():
    # It read "follow_up: – →" (None before, "" after).
    assert sentences({"follow_up": None, "kind": "clinic"}, {"follow_up": "", "kind": "clinic"}, FIELDS) == []


def test_set_removed_and_created_read_differently():
    assert sentences({"follow_up": ""}, {"follow_up": "Chase the data"}, FIELDS) == [
        "Follow-up set to “Chase the data”."
    ]
    assert sentences({"follow_up": "Chase"}, {"follow_up": ""}, FIELDS) == [
        "Follow-up removed (was “Chase”)."
    ]
    assert sentences(None, {"kind": "clinic", "text": "Agreed"}, FIELDS) == [
        "Kind: Performance clinic.",
        "Text: “Agreed”.",
    ]


def test_fields_without_a_description_still_read_as_words():
    assert sentences({"due_date": "2014-03-31"}, {"due_date": "2014-06-30"}, {}) == [
        "Due date changed from 31 March 2014 to 30 June 2014."
    ]
    assert plain_words(True) == "yes"
    assert plain_words({"green": "1/2", "red": "1/2"}) == "1/2 green, 1/2 red"
    for line in sentences({"x": {"a": 1}}, {"x": [1, 2]}, {}):
        assert "{" not in line
        assert "[" not in line
