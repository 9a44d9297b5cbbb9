"""Owners of the actions on a body's action tracker (outcomes/governance), before an action falls
due and when it is overdue. Only owners linked to a person with a sign-in can be reminded: an owner
written as words ("All RLSCB members") has nobody to write to. The performance clinics' agreed
actions are actions of the tracker too (decision 0142): this source reminds their owners, and the
kinds people had chosen for them were carried over to these (migration reminders 0002)."""

from collections.abc import Iterator
from datetime import date

from django.conf import settings

from outcomes.core import links
from outcomes.core.formatting import format_date
from outcomes.governance.models import Action
from outcomes.reminders import rules
from outcomes.reminders.sources import Due, Entry, Kind

DUE = "governance.due"
OVERDUE = "governance.overdue"
OPEN = [status for status, _ in Action.STATUSES if status not in Action.CLOSED]


def days_before() -> int:
    return int(getattr(settings, "REMINDERS_ACTION_DAYS_BEFORE", 3))


class GovernanceActions:
    key = "governance-actions"
    title = "Actions of the partnership's boards and performance clinics"
    kinds: tuple[Kind, ...] = (
        Kind(DUE, "When an action you own falls due", "A few days before its due date"),
        Kind(
            OVERDUE,
            "When an action you own is overdue",
            "Once, the day after its due date, while it is still open",
        ),
    )

    def applies_to(self, user) -> bool:
        person = getattr(user, "person", None)
        return person is not None and Action.objects.filter(owners=person).exists()

    def due(self, today: date, *, ahead: int = 0) -> Iterator[Due]:
        actions = (
            Action.objects.filter(status__in=OPEN, due_on__isnull=False)
            .select_related("body")
            .prefetch_related("owners__user")
        )
        for action in actions:
            due_on = action.due_on
            if due_on is None:
                continue  # the query leaves these out; said again for the type checker
            occasion = rules.occasion(due_on, days_before(), today, ahead=ahead)
            if occasion is None:
                continue
            for owner in action.owners.all():
                user = getattr(owner, "user", None)
                if user is not None and user.is_active:
                    yield self._reminder(action, user, due_on, occasion == rules.OVERDUE)

    def _reminder(self, action: Action, user, due_on: date, overdue: bool) -> Due:
        body = action.body.label
        due = f"{due_on:%A} {format_date(due_on)}"
        if overdue:
            subject = f"Overdue: {body} action {action.number}, due on {due}"
            summary = f"{body} action {action.number} was due on {due} and is still open."
        else:
            subject = f"{body} action {action.number} is due on {due}"
            summary = f"{body} action {action.number} is due on {due}."
        # The action's page only for those who may open it: a link to a refusal is a dead end.
        path = links.url_for(user, action)
        return Due(
            user=user,
            kind=OVERDUE if overdue else DUE,
            item=rules.occasion_item(f"governance-action:{action.pk}", due_on),
            subject=subject,
            summary=summary,
            entries=(Entry(f"Action {action.number}: {' '.join(action.details.split())}", path),),
            path=path,
            action="The action and its updates",
            due_on=due_on,
            overdue=overdue,
        )
