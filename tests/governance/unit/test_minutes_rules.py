"""The minutes' rules: numbering running across meetings (with a prefix) or per meeting, the label,
what each kind of resolution needs, who may approve and when, publication only once approved."""

from datetime import date
from types import SimpleNamespace

from outcomes.governance.rules import (
    approval_problems,
    circulation_problems,
    discharge_item_problems,
    may_minute_problems,
    minute_label,
    minute_number_problems,
    next_minute_number,
    publication_problems,
    resolution_problems,
)

MAY_21 = date(2014, 5, 21)
JULY_16 = date(2014, 7, 16)


def test_running_numbers_follow_the_bodys_last_minute():
    # The partnership: 269, 270 ... on from the last minute of its earlier meetings.
    assert next_minute_number("running", [267, 268], []) == 269
    assert next_minute_number("running", [267, 268, 269], [269]) == 270
    # The first minute of a body new to Outcomes is 1 unless a number is given.
    assert next_minute_number("running", [], []) == 1


def test_per_meeting_numbers_start_again_at_one():
    assert next_minute_number("per_meeting", [1, 2, 3, 4], []) == 1
    assert next_minute_number("per_meeting", [1, 2, 3, 4, 1, 2], [1, 2]) == 3


def test_the_label_prints_the_bodys_prefix():
    def minute(prefix, number):
        return SimpleNamespace(
            number=number, meeting=SimpleNamespace(body=SimpleNamespace(minute_prefix=prefix))
        )

    assert minute_label(minute("", 269)) == "269"
    assert minute_label(minute("D", 24)) == "D24"
    assert next_minute_number("running", [22, 23], []) == 24


def test_a_typed_number_is_whole_and_free():
    assert minute_number_problems(None, [1]) == []
    assert minute_number_problems(269, []) == []
    assert minute_number_problems(269, [269]) == ["This meeting already has a minute 269"]
    assert minute_number_problems(0, []) == ["A minute number is 1 or more"]


def test_noted_and_approved_need_only_their_words():
    assert resolution_problems("noted", text="That the report be noted.") == []
    assert resolution_problems("approved", text="That the response be approved.") == []
    assert resolution_problems("noted", text="  ") == [
        "Enter the resolution as resolved, for example: That the report be noted"
    ]


def test_an_approval_with_amendment_needs_the_amendment():
    assert resolution_problems("approved_amended", text="That the draft be approved.") == [
        "Enter the amendment the approval was subject to"
    ]
    assert resolution_problems("approved_amended", text="That ...", amendment="Add GPs.") == []


def test_a_referral_needs_the_body():
    assert resolution_problems("referred", text="That the report be forwarded.") == [
        "Choose the body the matter is referred to"
    ]
    assert resolution_problems("referred", text="That ...", target_body=object()) == []


def test_a_report_back_needs_the_body_and_when():
    problems = resolution_problems("report_back", text="That the response be reported back.")
    assert problems == [
        "Choose the body to report back to",
        "Enter when it is due: a date, or a rule such as within two months of its submission",
    ]
    body = object()
    assert (
        resolution_problems("report_back", text="That ...", target_body=body, due_rule="within two months")
        == []
    )
    assert resolution_problems("report_back", text="That ...", target_body=body, due_on=JULY_16) == []


def test_an_action_needs_an_owner_and_when():
    assert resolution_problems("action", text="That Sue Wilson circulate the report.") == [
        "Enter when it is due: a date, or a rule such as within two months of its submission",
        "Enter the action's owner",
    ]
    assert resolution_problems("action", text="That ...", owner_text="Sue Wilson", due_on=JULY_16) == []
    assert resolution_problems("action", text="That ...", owners=[object()], due_rule="by September") == []


def a_meeting(**fields):
    values = {"pk": 1, "body_id": 1, "date": MAY_21, "state": "draft_minutes", "circulated_on": MAY_21}
    values.update(fields)
    return SimpleNamespace(**values)


def test_minutes_are_written_for_a_meeting_that_took_place():
    assert may_minute_problems(a_meeting(state="held"), MAY_21) == []
    assert may_minute_problems(a_meeting(state="cancelled"), MAY_21) == [
        "The meeting was cancelled: it has no minutes"
    ]
    assert may_minute_problems(a_meeting(), date(2014, 5, 20)) == [
        "The meeting has not taken place yet: minutes are written after it"
    ]


def test_circulation_needs_a_minute_and_comes_after_the_meeting():
    assert circulation_problems(a_meeting(), 2, MAY_21) == []
    assert circulation_problems(a_meeting(), 0, MAY_21) == [
        "Write at least one minute before circulating the draft"
    ]
    assert circulation_problems(a_meeting(), 1, date(2014, 5, 1)) == [
        "The draft minutes cannot be circulated before the meeting"
    ]


def test_minutes_are_approved_at_a_later_meeting_of_the_same_body_once_circulated():
    meeting = a_meeting()
    assert approval_problems(meeting, a_meeting(pk=2, date=JULY_16)) == []
    assert approval_problems(meeting, meeting) == [
        "Minutes are approved at a later meeting than the one they record"
    ]
    assert approval_problems(meeting, a_meeting(pk=2, date=date(2014, 3, 19))) == [
        "Minutes are approved at a later meeting than the one they record"
    ]
    assert approval_problems(meeting, a_meeting(pk=3, body_id=2, date=JULY_16)) == [
        "Minutes are approved at a meeting of the same body"
    ]
    assert approval_problems(a_meeting(circulated_on=None), a_meeting(pk=2, date=JULY_16)) == [
        "Circulate the draft minutes before recording their approval"
    ]
    assert approval_problems(a_meeting(state="minutes_approved"), a_meeting(pk=2, date=JULY_16)) == [
        "The minutes have already been approved"
    ]
    assert approval_problems(meeting, None) == ["Choose the meeting that approved the minutes"]


def test_minutes_are_published_once_approved_and_again_only_when_corrected():
    content = {"minutes": [{"number": 269}]}
    assert publication_problems(a_meeting(), content, None) == [
        "Record the minutes' approval at a later meeting before publishing them"
    ]
    assert publication_problems(a_meeting(state="minutes_approved"), content, None) == []
    assert publication_problems(a_meeting(state="published"), content, dict(content)) == [
        "Nothing has changed since the version published: correct the minutes first"
    ]
    assert publication_problems(a_meeting(state="published"), content, {"minutes": []}) == []


def test_an_action_is_discharged_by_an_item_of_a_meeting_since_it_was_raised():
    action = SimpleNamespace(raised_on=MAY_21)
    assert discharge_item_problems(action, SimpleNamespace(meeting=a_meeting(date=JULY_16))) == []
    assert discharge_item_problems(action, SimpleNamespace(meeting=a_meeting(date=date(2014, 3, 19)))) == [
        "The agenda item is of a meeting before the action was raised"
    ]
    assert discharge_item_problems(action, None) == ["Choose the agenda item that shows the action done"]
