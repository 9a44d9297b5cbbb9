"""Owners of the actions agreed at performance clinics (outcomes/indicators), before an action
falls due and when it is overdue."""

from collections.abc import Iterator
from datetime import date

from django.conf import settings
from django.urls import reverse

from outcomes.core.formatting import format_date
from outcomes.indicators import access as indicator_access
from outcomes.indicators.models import AgreedAction
from outcomes.reminders import rules
from outcomes.reminders.sources import Due, Entry, Kind

DUE = "actions.due"
OVERDUE = "actions.overdue"


def days_before() -> int:
    return int(getattr(settings, "REMINDERS_ACTION_DAYS_BEFORE", 3))


class ClinicActions:
    key = "clinic-actions"
    title = "Actions agreed at performance clinics"
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
        return person is not None and AgreedAction.objects.filter(owner=person).exists()

    def due(self, today: date, *, ahead: int = 0) -> Iterator[Due]:
        actions = AgreedAction.objects.filter(
            status=AgreedAction.OPEN,
            due__isnull=False,
            owner__user__isnull=False,
            owner__user__is_active=True,
        ).select_related("clinic", "owner__user")
        for action in actions:
            due_on, owner = action.due, action.owner
            if due_on is None or owner is None or owner.user is None:
                continue  # the query leaves these out; said again for the type checker
            occasion = rules.occasion(due_on, days_before(), today, ahead=ahead)
            if occasion is not None:
                yield self._reminder(action, owner.user, due_on, occasion == rules.OVERDUE)

    def _reminder(self, action: AgreedAction, user, due_on: date, overdue: bool) -> Due:
        clinic = action.clinic
        due = f"{due_on:%A} {format_date(due_on)}"
        meeting = f"{clinic.title} ({format_date(clinic.date)})"
        if overdue:
            subject = f"Overdue: action {action.number} of {clinic.title}, due on {due}"
            summary = f"Action {action.number} agreed at {meeting} was due on {due} and is still open."
        else:
            subject = f"Action {action.number} of {clinic.title} is due on {due}"
            summary = f"Action {action.number} agreed at {meeting} is due on {due}."
        # The clinic's page only for those who may open it: a link to a refusal is a dead end.
        path = None
        if indicator_access.can_read_clinics(user):
            path = reverse("indicators:clinic", args=[clinic.slug]) + "#actions"
        return Due(
            user=user,
            kind=OVERDUE if overdue else DUE,
            item=rules.occasion_item(f"clinic-action:{action.pk}", due_on),
            subject=subject,
            summary=summary,
            entries=(Entry(f"Action {action.number}: {' '.join(action.text.split())}", path),),
            path=path,
            action="The clinic and its actions",
            due_on=due_on,
            overdue=overdue,
        )
