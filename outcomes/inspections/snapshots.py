"""Monthly snapshots for the directorate's leadership team (seed 002 L1488: "Reports from these are
generated monthly and reviewed by DLT"): both figures and the rows as at a month's last day, frozen as
a Publication (documents/publications.py, decision 0167). Taken again, a month gets a new version; every
version stays readable."""

import calendar
from datetime import date

from outcomes.core.formatting import format_date
from outcomes.documents import publications
from outcomes.inspections import report
from outcomes.inspections.access import SNAPSHOT_KIND


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def month_before(day: date) -> tuple[int, int]:
    return (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)


def subject(year: int, month: int) -> str:
    return f"month:{year:04d}-{month:02d}"


def parse_month(text: str) -> tuple[int, int] | None:
    try:
        year, month = (int(part) for part in text.split("-"))
    except ValueError:
        return None
    return (year, month) if 1 <= month <= 12 and 1900 < year < 3000 else None


def _changes(before: dict, after: dict) -> list[str]:
    lines = []
    for key, label in (
        ("within_original_timescale", "Completed within the original timescale"),
        ("complete", "Complete"),
    ):
        old, new = before.get(key, {}), after.get(key, {})
        if (old.get("numerator"), old.get("denominator")) != (new.get("numerator"), new.get("denominator")):
            lines.append(
                f"{label}: {old.get('numerator')} of {old.get('denominator')} → "
                f"{new.get('numerator')} of {new.get('denominator')}."
            )
    return lines or ["The figures are unchanged; the rows were taken again."]


def take(*, user, year: int, month: int, at=None) -> publications.Publication:
    day = month_end(year, month)
    data = report.build(day).as_json()
    return publications.publish(
        SNAPSHOT_KIND,
        subject(year, month),
        data,
        user=user,
        title=f"Inspection recommendations as at {format_date(day)}",
        changes=_changes,
        at=at,
    )


def taken(year: int, month: int) -> bool:
    return publications.current(SNAPSHOT_KIND, subject(year, month)) is not None


def all_months() -> list[publications.Publication]:
    """The latest version of each month's snapshot, newest month first."""
    latest: dict[str, publications.Publication] = {}
    for pub in publications.Publication.objects.filter(kind=SNAPSHOT_KIND).order_by("subject", "version"):
        latest[pub.subject] = pub
    return [latest[key] for key in sorted(latest, reverse=True)]
