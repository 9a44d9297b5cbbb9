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
