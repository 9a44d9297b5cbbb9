"""The one way an edit conflict keeps the second person's text (outcomes/core/conflicts.py)."""

from datetime import UTC, date, datetime

from django import forms
from django.http import QueryDict

from outcomes.core.conflicts import conflict_message, rebind_after_conflict, saved_fields


class NoteForm(forms.Form):
    kind = forms.ChoiceField(choices=[("a", "First kind"), ("Grouped", [("b", "Second kind")])])
    text = forms.CharField(label="Note")
    due = forms.DateField(required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def test_the_form_keeps_what_was_typed_against_the_saved_version_with_the_message():
    posted = QueryDict("kind=a&text=Mine&version=3")
    form = rebind_after_conflict(NoteForm, posted, 5, "Someone saved first")
    assert form["text"].value() == "Mine"
    assert form["version"].value() == "5"
    assert form.non_field_errors() == ["Someone saved first"]
    assert posted["version"] == "3", "the request's own data is not changed"


def test_a_record_that_has_gone_leaves_no_version_so_saving_creates_it_again():
    form = rebind_after_conflict(NoteForm, QueryDict("kind=a&text=Mine&version=3"), None, "Gone")
    assert form["version"].value() == ""


def test_the_saved_version_is_shown_in_the_forms_labels_and_words():
    rows = saved_fields(NoteForm(), {"kind": "b", "text": "Theirs", "due": date(2014, 6, 30), "version": 9})
    assert rows == [("Kind", "Second kind"), ("Note", "Theirs"), ("Due", "30 June 2014")]


def test_the_message_says_who_and_when_or_someone_else():
    at = datetime(2014, 6, 30, 13, 5, tzinfo=UTC)
    assert conflict_message("this clinic", "Sam Patel", at).startswith("Sam Patel saved this clinic at ")
    assert conflict_message("this clinic", None, None).startswith(
        "Someone else saved this clinic while you were editing it."
    )
