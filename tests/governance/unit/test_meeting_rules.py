"""The meetings' rules (rules.py), one test or more each: each fails when its rule breaks."""

from datetime import date
from types import SimpleNamespace

from outcomes.governance import rules


def test_weekday_matches_date_against_the_meeting_date():
    assert rules.weekday_matches_date("Thursday 5th June 2014", date(2014, 6, 5)) == []
    problems = rules.weekday_matches_date("Thursday 6th June 2014", date(2014, 6, 6))
    assert problems == ["“Thursday 6th June 2014” names a Thursday, but 6 June 2014 was a Friday."]


def test_weekday_matches_date_reads_the_date_from_any_text():
    assert rules.weekday_matches_date("Wednesday, 16th July, 2014") == []
    assert rules.weekday_matches_date("held on Friday 5th June 2014")[0].endswith("was a Thursday.")
    # No weekday, or no date to hold it against: nothing to say.
    assert rules.weekday_matches_date("minutes of meeting held on 6th June, 2014") == []
    assert rules.weekday_matches_date("Thursday afternoon") == []
    assert rules.weekday_matches_date("Monday 31st April 2014") == ["“31st April 2014” is not a date."]


def test_present_and_apologies_overlap_by_name():
    lines = [("John Radford", "present"), ("Steve Ashley", "apologies"), ("john  radford", "apologies")]
    assert rules.present_and_apologies_overlap(lines) == ["John Radford"]
    assert rules.present_and_apologies_overlap([("A", "present"), ("B", "apologies")]) == []


def test_members_unaccounted():
    members = [(1, "Steve Ashley"), (2, "John Radford"), (3, "Sue Cassin")]
    assert rules.members_unaccounted(members, {1, 3}) == ["John Radford"]
    assert rules.members_unaccounted(members, {1, 2, 3}) == []


def test_another_body_minutes_date_mismatch_gives_the_nearest_meeting():
    met = [date(2014, 3, 6), date(2014, 6, 5), date(2014, 9, 4)]
    assert rules.another_body_minutes_date_mismatch(date(2014, 6, 6), met) == date(2014, 6, 5)
    assert rules.another_body_minutes_date_mismatch(date(2014, 6, 5), met) is None
    # No meeting of the body held: nothing to compare with.
    assert rules.another_body_minutes_date_mismatch(date(2014, 6, 6), []) is None


def test_agenda_number_gaps_and_unnumbered_items():
    items = [
        ("Apologies", "1", False),
        ("Declarations", "2", False),
        ("Alcohol", "", False),
        ("Notice", "4", False),
    ]
    assert rules.agenda_number_gaps(items) == ["The item “Alcohol” has no number."]
    gap = [("A", "1", False), ("B", "2", False), ("C", "4", False)]
    assert rules.agenda_number_gaps(gap) == ["The numbers jump from 2 to 4 (at “C”)."]
    sub = [("Issues", "4", False), ("LAC Council Update", "", True), ("CSE", "5", False)]
    assert rules.agenda_number_gaps(sub) == ["The item “LAC Council Update” has no number."]
    lettered = [("Minutes", "16", False), ("6th October", "(a)", True), ("Next", "17", False)]
    assert rules.agenda_number_gaps(lettered) == []
    # An agenda printed with no numbers at all (Outcomes numbers it) has nothing to check.
    assert rules.agenda_number_gaps([("A", "", False), ("B", "", False)]) == []


def test_action_without_owner_or_due():
    fine = {
        "is_open": True,
        "owner_text": "Steve Ashley",
        "has_owners": False,
        "due_on": date(2014, 9, 4),
        "due_rule": "",
    }
    assert rules.action_without_owner_or_due(**fine) == []
    assert rules.action_without_owner_or_due(**{**fine, "due_on": None, "due_rule": "by September"}) == []
    assert rules.action_without_owner_or_due(**{**fine, "owner_text": " ", "due_on": None}) == [
        "The action has no owner.",
        "The action has no due date, nor a due rule in words.",
    ]
    assert rules.action_without_owner_or_due(**{**fine, "owner_text": "", "has_owners": True}) == []
    # A closed action owes nothing.
    assert (
        rules.action_without_owner_or_due(**{**fine, "is_open": False, "owner_text": "", "due_on": None})
        == []
    )


def _paper(sections, template):
    """A paper as papers.content reads it: the template's sections and what was written."""
    ts = [
        SimpleNamespace(pk=i, key=key, label=label, required=required, kind=kind, position=i, FIELD="field")
        for i, (key, label, required, kind) in enumerate(template, start=1)
    ]
    written = [
        SimpleNamespace(template_section=ts[i], label=ts[i].label, text=text, template_section_id=ts[i].pk)
        for i, text in enumerate(sections)
    ]

    class Manager:
        def __init__(self, rows):
            self.rows = rows

        def all(self):
            return self.rows

        def select_related(self, *args):
            return self.rows

    return SimpleNamespace(template=SimpleNamespace(sections=Manager(ts)), sections=Manager(written))


HEADER = [
    ("meeting", "Meeting", True, "field"),
    ("date", "Date", True, "field"),
    ("title", "Title", True, "field"),
    ("directorate", "Directorate", True, "field"),
]


def test_paper_missing_sections_uses_the_papers_rules():
    template = [*HEADER, ("summary", "Summary", True, "section"), ("finance", "Finance", False, "section")]
    whole = _paper(["CYPFP", "16 July 2014", "LACC Update", "IYSS", "The LACC met.", ""], template)
    assert rules.paper_missing_sections(whole) == []
    empty = _paper(["CYPFP", "16 July 2014", "LACC Update", "IYSS", "", ""], template)
    assert rules.paper_missing_sections(empty) == [
        "The section “Summary” is required and has not been written."
    ]
