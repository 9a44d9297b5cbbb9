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


# --- agendas (decision 0136) -----------------------------------------------------------------------


def item_problems(
    *, kind: str, exempt: bool, exempt_reason: str, other_body, other_meeting_date, parent
) -> list[str]:
    """What an agenda item needs: an exempt item its reason (the paragraph of Schedule 12A); another
    body's minutes that body and the date of its meeting ("held on 6th June"); a sub-item a parent that
    is not itself a sub-item (numbers go 7.1, never 7.1.1)."""
    problems = []
    if exempt and not (exempt_reason or "").strip():
        problems.append("Enter why the item is exempt, such as the paragraph of Schedule 12A")
    if kind == "other_minutes" and other_body is None:
        problems.append("Choose the body whose minutes these are")
    if kind == "other_minutes" and other_meeting_date is None:
        problems.append("Enter the date of the meeting whose minutes these are")
    if parent is not None and parent.parent_id is not None:
        problems.append("A sub-item goes under a main item, not under another sub-item")
    return problems


def section_removal_problems(section) -> list[str]:
    """A heading is removed only once it holds no items: its items are moved or removed first."""
    if section.items.exists():
        return ["Move or remove the heading's items first: removing it would move them to the top"]
    return []


def moved(things: list, thing, direction: str) -> list:
    """``things`` in order with ``thing`` one place up or down (unchanged at either end)."""
    order = list(things)
    at = order.index(thing)
    to = at - 1 if direction == "up" else at + 1
    if direction not in ("up", "down") or not 0 <= to < len(order):
        return order
    order[at], order[to] = order[to], order[at]
    return order
