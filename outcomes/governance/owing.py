"""What I owe: the signed-in person's open actions across every body, and the milestones they lead
still to update in an open round, with due and overdue in words (never colour alone); and, for the
performance officer, a body's open actions by owner (decision 0146). Risks to review follow with the
risk register (issue 16)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import F

from outcomes.core.formatting import format_date
from outcomes.governance.models import Action
from outcomes.plans import access as plan_access
from outcomes.plans.models import Round, Update

# Dated actions by the soonest due, those with a rule or no date after, on every database (SQLite
# puts nulls first, PostgreSQL last).
SOONEST_DUE = F("due_on").asc(nulls_last=True)


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
        .order_by(SOONEST_DUE, "body__name", "number")
    )
    return [Owed(action, *due_words(action, today)) for action in actions]


@dataclass
class MilestoneOwed:
    round: Round
    milestone: object
    due: str
    overdue: bool


def round_due_words(closes: date, today: date) -> tuple[str, bool]:
    """A round's closing date as the update's due date, in the words of ``due_words``."""
    return due_words(Action(due_on=closes), today)


def milestones_to_update(user, today: date) -> list[MilestoneOwed]:
    """The milestones a lead officer leads with no update yet in an open round of their plan."""
    if not plan_access.is_lead_officer(user):
        return []
    milestones = list(
        plan_access.led_milestones(user).filter(retired_at__isnull=True).select_related("priority__plan")
    )
    plans = {m.priority.plan_id for m in milestones}
    rounds = Round.objects.filter(plan_id__in=plans, closed_at__isnull=True).select_related("plan")
    done = set(
        Update.objects.filter(round__in=rounds, milestone__in=milestones).values_list(
            "round_id", "milestone_id"
        )
    )
    owed = []
    for round_ in rounds:
        for milestone in milestones:
            if milestone.priority.plan_id == round_.plan_id and (round_.pk, milestone.pk) not in done:
                owed.append(MilestoneOwed(round_, milestone, *round_due_words(round_.closes, today)))
    return sorted(owed, key=lambda o: (o.round.closes, o.milestone.priority.number, o.milestone.number))


@dataclass
class OwnerOwes:
    owner: str
    owed: list[Owed]

    @property
    def overdue(self) -> int:
        return sum(1 for item in self.owed if item.overdue)


NO_OWNER = "No owner recorded"


def owed_on_body(body, today: date) -> tuple[list[OwnerOwes], list[Owed]]:
    """A body's open actions by owner, for the performance officer who chases them: each named owner
    (a person, else the words the log gives, "All RLSCB members"), an action with two owners under
    both; and the open actions once each, for the totals."""
    actions = (
        body.actions.exclude(status__in=Action.CLOSED)
        .prefetch_related("owners")
        .order_by(SOONEST_DUE, "number")
    )
    every = [Owed(action, *due_words(action, today)) for action in actions]
    by_owner: dict[str, list[Owed]] = {}
    for item in every:
        names = [person.name for person in item.action.owners.all()]
        for name in names or [item.action.owner_text.strip() or NO_OWNER]:
            by_owner.setdefault(name, []).append(item)
    # The actions nobody owns come first (they are the first to put right), then owners A to Z.
    order = sorted(by_owner, key=lambda name: (name != NO_OWNER, name.casefold()))
    return [OwnerOwes(name, by_owner[name]) for name in order], every
