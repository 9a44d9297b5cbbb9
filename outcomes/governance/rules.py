"""The tracker's rules (issue 15; seed 003 L2978-3033), each named once here and unit-tested."""

from datetime import date


class Refused(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(" ".join(problems))


def discharge_problems(action, on: date, evidence: str) -> list[str]:
    """An action is discharged only with its evidence (the agenda item, minute, paper or document
    that shows it done), on or after the day it was raised, and only once."""
    problems = []
    if not (evidence or "").strip():
        problems.append("Enter the evidence that the action is done, such as the agenda item or minute")
    if on < action.raised_on:
        problems.append("The action cannot be discharged before the day it was raised")
    if not action.is_open:
        problems.append("The action is already closed")
    return problems


def may_update(action, person) -> bool:
    """A lead officer updates the actions they own (linked as an owner), while they are open."""
    return person is not None and action.is_open and action.owners.filter(pk=person.pk).exists()


# --- minutes (seed 002 L1556-1912, seed 003 L56-268; decisions 0139-0141) ---------------------

RUNNING = "running"
PER_MEETING = "per_meeting"


def next_minute_number(numbering: str, body_numbers: list[int], meeting_numbers: list[int]) -> int:
    """The number the next minute of a meeting takes. Running across meetings: one more than the
    highest number of the body's minutes up to this meeting (269, 270 ... on from the partnership's
    last; D23, D24 ... with the scrutiny panel's prefix); per meeting: one more than the meeting's
    highest, from 1. ``body_numbers``: the numbers of the body's minutes of this and earlier meetings."""
    if numbering == PER_MEETING:
        return max(meeting_numbers, default=0) + 1
    return max([*body_numbers, *meeting_numbers], default=0) + 1


def minute_label(minute) -> str:
    """The minute's number as the minutes print it: its body's prefix and its number (269, D24)."""
    return f"{minute.meeting.body.minute_prefix}{minute.number}"


def minute_number_problems(number: int | None, taken: list[int]) -> list[str]:
    """A number typed for a minute (the first of a body new to Outcomes, 269) is whole and free."""
    if number is None:
        return []
    if number < 1:
        return ["A minute number is 1 or more"]
    if number in taken:
        return [f"This meeting already has a minute {number}"]
    return []


def resolution_problems(
    kind: str,
    *,
    text: str,
    amendment: str = "",
    target_body=None,
    due_on: date | None = None,
    due_rule: str = "",
    owner_text: str = "",
    owners=(),
) -> list[str]:
    """What each kind of resolution needs besides its words: an amendment's text; the body a matter
    is referred to; the body to report back to and by when; an action's owner and when it is due."""
    problems = []
    if not (text or "").strip():
        problems.append("Enter the resolution as resolved, for example: That the report be noted")
    if kind == "approved_amended" and not (amendment or "").strip():
        problems.append("Enter the amendment the approval was subject to")
    if kind in ("referred", "report_back") and target_body is None:
        problems.append(
            "Choose the body the matter is referred to"
            if kind == "referred"
            else "Choose the body to report back to"
        )
    if kind in ("report_back", "action") and due_on is None and not (due_rule or "").strip():
        problems.append("Enter when it is due: a date, or a rule such as within two months of its submission")
    if kind == "action" and not (owner_text or "").strip() and not list(owners):
        problems.append("Enter the action's owner")
    return problems


def may_minute_problems(meeting, today: date) -> list[str]:
    """Minutes are written for a meeting that took place: not a cancelled one, nor one to come."""
    if meeting.state == "cancelled":
        return ["The meeting was cancelled: it has no minutes"]
    if meeting.date > today:
        return ["The meeting has not taken place yet: minutes are written after it"]
    return []


def circulation_problems(meeting, minute_count: int, on: date) -> list[str]:
    problems = []
    if minute_count == 0:
        problems.append("Write at least one minute before circulating the draft")
    if on < meeting.date:
        problems.append("The draft minutes cannot be circulated before the meeting")
    if meeting.state in ("minutes_approved", "published"):
        problems.append("The minutes have already been approved")
    return problems


def approval_problems(meeting, approving) -> list[str]:
    """Minutes are approved at a later meeting of the same body (seed 003 L63: "The minutes of the
    meeting held on 19th March, 2014, were considered and approved as a correct record"), after
    their draft was circulated, and once."""
    problems = []
    if approving is None:
        return ["Choose the meeting that approved the minutes"]
    if approving.body_id != meeting.body_id:
        problems.append("Minutes are approved at a meeting of the same body")
    if approving.date <= meeting.date:
        problems.append("Minutes are approved at a later meeting than the one they record")
    if approving.state == "cancelled":
        problems.append("A cancelled meeting approves nothing")
    if meeting.circulated_on is None:
        problems.append("Circulate the draft minutes before recording their approval")
    if meeting.state in ("minutes_approved", "published"):
        problems.append("The minutes have already been approved")
    return problems


def publication_problems(meeting, content: dict, previous: dict | None) -> list[str]:
    """Minutes are published once approved; published again only as a correction that changes them."""
    if meeting.state not in ("minutes_approved", "published"):
        return ["Record the minutes' approval at a later meeting before publishing them"]
    if not content.get("minutes"):
        return ["The minutes have no minute to publish"]
    if previous is not None and previous == content:
        return ["Nothing has changed since the version published: correct the minutes first"]
    return []


def resolution_removal_problems(resolution) -> list[str]:
    """A resolution that raised an action leaves the minutes only while that action is untouched
    (no update, no new action from it, still open): the action goes with it. Otherwise the tracker
    already records work on it, and the action is withdrawn instead (decision 0140)."""
    action = resolution.action
    if action is None:
        return []
    if action.updates.exists() or action.children.exists() or not action.is_open:
        return [
            f"Action {action.number}, raised by this resolution, has been worked on: "
            "withdraw the action in the tracker instead"
        ]
    return []


def discharge_item_problems(action, item) -> list[str]:
    """An action is discharged by pointing at the later agenda item that took the report: an item of
    a meeting on or after the day the action was raised."""
    if item is None:
        return ["Choose the agenda item that shows the action done"]
    if item.meeting.date < action.raised_on:
        return ["The agenda item is of a meeting before the action was raised"]
    return []
