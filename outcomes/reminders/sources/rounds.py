"""Lead officers, before a round's update window closes and when it is overdue: the milestones they
lead that have no update yet, each linked to its update page."""

from collections.abc import Iterator
from datetime import date

from django.urls import reverse

from outcomes.accounts.models import User
from outcomes.accounts.roles import Role
from outcomes.core.formatting import format_date
from outcomes.plans import access as plan_access
from outcomes.plans import rules as plan_rules
from outcomes.plans.models import Milestone, Round
from outcomes.plans.services import milestones_in_round, no_update_key
from outcomes.reminders import rules
from outcomes.reminders.sources import Due, Entry, Kind

CLOSING = "rounds.closing"
OVERDUE = "rounds.overdue"


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class RoundUpdates:
    key = "rounds"
    title = "Updates to plans"
    kinds: tuple[Kind, ...] = (
        Kind(
            CLOSING,
            "Before an update window closes",
            "When a round closes soon and milestones you lead have no update yet",
        ),
        Kind(
            OVERDUE,
            "When an update window has closed without your updates",
            "Once, the day after the close date, while the round is still open",
        ),
    )

    def applies_to(self, user) -> bool:
        return plan_access.is_lead_officer(user)

    def due(self, today: date, *, ahead: int = 0) -> Iterator[Due]:
        leads = list(
            User.objects.filter(role=Role.LEAD_OFFICER, is_active=True, person__isnull=False).select_related(
                "person"
            )
        )
        if not leads:
            return
        for round_ in Round.objects.filter(closed_at__isnull=True, opens__lte=today).select_related("plan"):
            occasion = rules.occasion(round_.closes, round_.plan.remind_days_before, today, ahead=ahead)
            if occasion is None:
                continue
            # The milestones a close would mark "no update" (close_round's own rules): the round's
            # milestones (retired ones left out) without an update.
            in_round = milestones_in_round(round_, Milestone.objects.filter(priority__plan=round_.plan))
            missing = set(
                plan_rules.blue_at_close(
                    (m.pk for m in in_round), round_.updates.values_list("milestone_id", flat=True)
                )
            )
            if not missing:
                continue
            for user in leads:
                led = list(
                    plan_access.led_milestones(user)
                    .filter(pk__in=missing)
                    .select_related("priority")
                    .order_by("priority__number", "number")
                )
                if led:
                    yield self._reminder(user, round_, led, occasion == rules.OVERDUE)

    def _reminder(self, user, round_: Round, led: list[Milestone], overdue: bool) -> Due:
        plan = round_.plan
        closes = f"{round_.closes:%A} {format_date(round_.closes)}"
        count = _plural(len(led), "milestone")
        blue = plan.rag_statuses.filter(key=no_update_key(plan)).first()
        if overdue:
            subject = f"Overdue: {round_.title} closed on {closes}; {count} you lead still to update"
            summary = (
                f"The update window of '{round_.title}' ({plan.title}) closed on {closes} and {count} you "
                f"lead {'has' if len(led) == 1 else 'have'} no update yet. The round is still open: update "
                f"{'it' if len(led) == 1 else 'them'} now, or when it is closed "
                f"{'it' if len(led) == 1 else 'they'} will be shown as "
                f"'{blue.label if blue else 'no update provided'}'."
            )
        else:
            subject = f"{round_.title} closes on {closes}: {count} you lead to update"
            summary = (
                f"The update window of '{round_.title}' ({plan.title}) closes on {closes}. {count} you lead "
                f"{'has' if len(led) == 1 else 'have'} no update yet."
            )
        entries = tuple(
            Entry(
                f"{m.reference}: {_short(m.text)}",
                reverse("plans:update", args=[plan.slug, round_.slug, m.priority.number, m.number]),
            )
            for m in led
        )
        return Due(
            user=user,
            kind=OVERDUE if overdue else CLOSING,
            item=rules.occasion_item(f"round:{round_.pk}", round_.closes),
            subject=subject,
            summary=summary,
            entries=entries,
            path=f"{reverse('plans:my_milestones')}?round={plan.slug}/{round_.slug}",
            action="Your milestones in this round",
            due_on=round_.closes,
            overdue=overdue,
        )
