"""The survey's scheduled job (core/scheduler.py): questionnaires left half-answered are forgotten
soon after their idle time, not only when someone runs clearsessions (issue 17)."""

from datetime import datetime, timedelta

from outcomes.core import scheduler
from outcomes.surveys import pupil_sessions


@scheduler.register(
    name="surveys.clear_pupil_sessions",
    title="Clear expired sessions and questionnaires left unanswered past their idle time",
    app="surveys",
    every=timedelta(minutes=15),
)
def clear_pupil_sessions(now: datetime) -> str:  # noqa: ARG001 (the sessions carry their own times)
    cleared = pupil_sessions.clear_expired()["questionnaires"]
    return (
        "Expired sessions cleared; "
        f"{cleared} questionnaire{'' if cleared == 1 else 's'} left unanswered forgotten."
    )
