"""When a reminder is due: the rules, one by one (issue 17, decision 0117)."""

from datetime import date, timedelta

DUE = "due"
OVERDUE = "overdue"

# The weekly digest goes on Mondays (date.weekday()).
DIGEST_WEEKDAY = 0
# It looks a week ahead, further than the reminders sent one by one: what falls due before the
# next digest is in this one.
DIGEST_AHEAD_DAYS = 6


def occasion(due_on: date, days_before: int, today: date, *, ahead: int = 0) -> str | None:
    """DUE from ``days_before`` days before ``due_on`` (``ahead`` more for a digest) to the day
    itself, OVERDUE after it, otherwise nothing yet."""
    if today > due_on:
        return OVERDUE
    if today >= due_on - timedelta(days=max(days_before, 0) + max(ahead, 0)):
        return DUE
    return None


def digest_day(today: date) -> bool:
    return today.weekday() == DIGEST_WEEKDAY


def digest_week(today: date) -> str:
    """The week a digest is for, as its once-only key: "2014-W50"."""
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"


def occasion_item(subject: str, due_on: date) -> str:
    """What a reminder is about, as its once-only key: the thing and its date. A date moved (a round
    extended, an action put back) is a new occasion, reminded again."""
    return f"{subject}@{due_on.isoformat()}"
