"""Changing an edition's window, state and small-number threshold, each recorded in its history."""

from datetime import date

from django.db import transaction

from outcomes.core.models import record_change
from outcomes.surveys.models import (
    Edition,
    WindowExtension,
    borough_suppression_threshold,
    suppression_threshold_problem,
)


def extend_window(edition: Edition, *, closes: date, reason: str, user) -> WindowExtension:
    """Keep the survey open longer, saying why (seed 002: "extended ... due to snow")."""
    if closes <= edition.effective_closes:
        raise ValueError("an extension must close later than the survey now closes")
    before = edition.effective_closes
    with transaction.atomic():
        extension = WindowExtension.objects.create(
            edition=edition, closes=closes, reason=reason, made_by=user
        )
        record_change(
            user=user,
            obj=edition,
            action="extended",
            summary=f"Extended {edition.title} to {closes:%-d %B %Y}: {reason}",
            before={"closes": before.isoformat()},
            after={"closes": closes.isoformat(), "reason": reason},
        )
    return extension


def set_state(edition: Edition, state: str, *, user) -> None:
    """Draft (being written), live (the links work inside the window) or closed."""
    if state not in {s for s, _ in Edition.STATES}:
        raise ValueError(f"unknown state {state!r}")
    if state == edition.state:
        return
    before = edition.state
    edition.state = state
    edition.save(update_fields=["state"])
    record_change(
        user=user,
        obj=edition,
        action="state",
        summary=f"{edition.title} is now {edition.get_state_display().lower()}",
        before={"state": before},
        after={"state": state},
    )


def set_suppression_threshold(edition: Edition, value: int | None, *, user) -> None:
    """Give the edition its own small-number threshold (None: the borough's). Raises ValueError
    with the reason when the rule refuses it (models.suppression_threshold_problem)."""
    problem = suppression_threshold_problem(value)
    if problem:
        raise ValueError(problem)
    if value == edition.suppression_threshold:
        return
    before = edition.suppression_threshold
    edition.suppression_threshold = value
    with transaction.atomic():
        edition.save(update_fields=["suppression_threshold"])
        record_change(
            user=user,
            obj=edition,
            action="suppression_threshold",
            summary=(
                f"Small-number threshold of {edition.title}: {_threshold_words(before)}, "
                f"now {_threshold_words(value)}"
            ),
            before={"suppression_threshold": before},
            after={"suppression_threshold": value},
        )


def _threshold_words(value: int | None) -> str:
    if value is None:
        return f"the borough's ({borough_suppression_threshold()} pupils)"
    return f"{value} pupils"
