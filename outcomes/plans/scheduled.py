"""The plans' scheduled job (core/scheduler.py): rounds close themselves on their close date where
the plan says so (issue 17, decision 0115)."""

from datetime import datetime, timedelta

from django.utils import timezone

from outcomes.core import scheduler
from outcomes.plans import rules, services
from outcomes.plans.models import Round


def rounds_to_close(today) -> list[Round]:
    candidates = Round.objects.filter(
        closed_at__isnull=True, closes__lt=today, plan__close_rounds_automatically=True
    ).select_related("plan")
    return [
        r
        for r in candidates
        if rules.closes_itself(
            automatically=r.plan.close_rounds_automatically, closes=r.closes, closed=r.is_closed, today=today
        )
    ]


@scheduler.register(
    name="plans.close_rounds",
    title="Close rounds at the end of their close date, where the plan says so",
    app="plans",
    every=timedelta(hours=1),
)
def close_rounds(now: datetime) -> str:
    closed, refused = [], []
    for round_ in rounds_to_close(timezone.localdate(now)):
        try:
            services.close_round(user=None, round_=round_, automatically=True)
        except services.RoundAlreadyClosed:
            continue  # closed by hand a moment ago
        except rules.RuleViolation as problem:
            # One plan's fault (no colour for "no update") must not keep the others' rounds open.
            refused.append(f"Could not close '{round_.title}' of {round_.plan.title}: {problem}")
            continue
        closed.append(f"'{round_.title}' of {round_.plan.title}")
    done = (
        f"Closed {len(closed)} round{'' if len(closed) == 1 else 's'}: {'; '.join(closed)}."
        if closed
        else "No round to close."
    )
    if refused:
        raise RoundsLeftOpen(" ".join([done, *refused]))
    return done


class RoundsLeftOpen(Exception):
    """Reported as the job's failure, so that the performance team sees it in the job's list."""
