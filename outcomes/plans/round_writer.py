"""A round of a plan document written with its updates, by a new plan's import and by a merge."""

from datetime import datetime, time

from django.utils import timezone

from outcomes.core.formatting import fraction_text
from outcomes.plans import rules
from outcomes.plans.models import Plan, Round, Update


def write_round(plan: Plan, r: dict, by_number: dict, no_update: str | None) -> None:
    """A round of the document with its updates; ``by_number`` gives each (priority, milestone)
    number's milestone."""
    closes_at = timezone.make_aware(datetime.combine(r["closes"], time(17, 0)))
    round_ = Round.objects.create(
        plan=plan,
        slug=r["slug"],
        title=r["title"],
        opens=r["opens"],
        closes=r["closes"],
        closed_at=closes_at if r["closed"] else None,
        published_at=closes_at if r["published"] else None,
    )
    updates = [
        Update(
            round=round_,
            milestone=by_number[(u["priority"], u["milestone"])],
            text=u["text"],
            weights={k: fraction_text(v) for k, v in u["weights"].items()},
            tables=u["tables"],
            direction=u.get("direction") or "",
            current=u.get("current") or "",
            state=u["state"],
            submitted_at=closes_at,
            approved_at=closes_at if u["state"] == Update.APPROVED else None,
        )
        for u in r["updates"]
    ]
    if r["closed"] and no_update:
        # A closed round follows the Blue-at-close rule even when it arrives by import.
        reported = {u.milestone.pk for u in updates}
        in_round = [
            m.pk
            for m in by_number.values()
            if rules.retired_stay_where_reported(retired=m.is_retired, reported_in_round=m.pk in reported)
        ]
        missing = rules.blue_at_close(in_round, reported)
        updates += [
            Update(
                round=round_,
                milestone_id=pk,
                weights={no_update: "1"},
                state=Update.NO_UPDATE,
                submitted_at=closes_at,
            )
            for pk in missing
        ]
    Update.objects.bulk_create(updates)
