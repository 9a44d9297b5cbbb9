"""What I owe: the signed-in person's open actions across every body, with due and overdue in words
(never colour alone). Milestones to update and risks follow (issue 15)."""

from dataclasses import dataclass
from datetime import date

from outcomes.core.formatting import format_date
from outcomes.governance.models import Action


@dataclass
class Owed:
    action: Action
    due: str
    overdue: bool


def due_words(action: Action, today: date) -> tuple[str, bool]:
    """The due date in words and whether it has passed: "Due 4 September 2014 (overdue by 3 days)"."""
    if action.due_on is None:
        return (f"Due {action.due_rule}" if action.due_rule else "No due date"), False
    days = (action.due_on - today).days
    when = format_date(action.due_on)
    if days < 0:
        late = -days
        return f"Overdue: was due {when} ({late} day{'s' if late != 1 else ''} ago)", True
    if days == 0:
        return f"Due today, {when}", False
    return f"Due {when} (in {days} day{'s' if days != 1 else ''})", False


def owed_by(person, today: date) -> list[Owed]:
    if person is None:
        return []
    actions = (
        Action.objects.filter(owners=person)
        .exclude(status__in=Action.CLOSED)
        .select_related("body")
        .order_by("due_on", "body__name", "number")
    )
    return [Owed(action, *due_words(action, today)) for action in actions]
