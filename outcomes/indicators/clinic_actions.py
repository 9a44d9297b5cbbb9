"""The actions agreed at a clinic, as the clinic's pages show and change them.

The actions live in the one action tracker of the governance app (decision 0142), on a floor above
this one, so indicators must not import it. Instead governance registers a ``Tracker`` when it is
ready (as apps above plans register milestone panels in plans/panels.py); the clinic pages, the
clinic list and its downloads ask the tracker and know nothing else of it.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from outcomes.indicators.models import Clinic


@dataclass(frozen=True)
class AgreedAction:
    """One action agreed at a clinic, in the clinic's words."""

    clinic: Clinic
    number: int
    text: str
    owner_name: str
    due: date | None
    # The tracker's status in words ("Ongoing", "Discharged") and whether it is still open.
    status: str
    is_open: bool
    # What the clinic that followed it up found (the evidence, or its latest dated update).
    follow_up: str
    followed_up_at: Clinic | None
    # The action's own page in the tracker, where the reader may open it (None otherwise).
    url: str | None = None


class Tracker(Protocol):
    def agreed_at(self, clinic: Clinic, user) -> list[AgreedAction]:
        """The actions agreed at ``clinic``, by number."""
        ...

    def followed_up_at(self, clinic: Clinic, user) -> list[AgreedAction]:
        """The earlier clinics' actions that ``clinic`` followed up."""
        ...

    def open_earlier(self, clinic: Clinic, user) -> list[AgreedAction]:
        """Actions still open from earlier clinics about the same indicators, not followed up here."""
        ...

    def counts(self) -> dict[int, tuple[int, int]]:
        """Per clinic id: how many actions were agreed there and how many are still open."""
        ...

    def form(self, data, *, clinic: Clinic, number: int | None = None) -> Any:
        """The form that adds an action to ``clinic`` (or changes its action ``number``: Http404 if
        there is none). Its ``save(user)`` returns the action's number and raises
        core.conflicts.SaveConflict when someone saved the action after the form was opened."""
        ...

    def after_conflict(self, form, data, conflict) -> tuple[Any, dict]:
        """The form bound again to what was typed, and the other person's saved version."""
        ...


_TRACKER: list[Tracker] = []


def register_tracker(tracker: Tracker) -> None:
    """Registering again replaces it (apps may be made ready twice in tests)."""
    _TRACKER[:] = [tracker]


def tracker() -> Tracker:
    if not _TRACKER:
        raise RuntimeError("No action tracker is registered for the clinics' agreed actions")
    return _TRACKER[0]
