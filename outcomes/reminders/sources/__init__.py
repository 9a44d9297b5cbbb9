"""Where reminders come from: a registry of sources, one module each (decision 0117).

A source knows one kind of thing that falls due (a round's update window, a clinic's agreed action)
and says, for a day, who should be reminded of what. Adding one (the governance action tracker of
issue 15, risk reviews of issue 16) is a module here with a class like ``rounds.RoundUpdates``,
registered in ``RemindersConfig.ready``; the sending, the once-only record, the preferences page and
the weekly digest take it up without change.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol


@dataclass(frozen=True)
class Kind:
    """A kind of reminder a person may switch off on their preferences page."""

    key: str  # "rounds.closing"
    label: str  # "Before an update window closes"
    hint: str = ""


@dataclass(frozen=True)
class Entry:
    """One thing due, as a line of the message, with the page to do it in (None: no page the
    person may open, so no link)."""

    text: str
    path: str | None = None


@dataclass(frozen=True)
class Due:
    """One reminder for one person: what is due, by when, and where to do it."""

    user: Any
    kind: str
    # Once-only key of the item and occasion (rules.occasion_item).
    item: str
    subject: str
    # What is due, in a sentence or two.
    summary: str
    entries: tuple[Entry, ...]
    # The page to go to, and the words of the link.
    path: str | None
    action: str
    due_on: date
    overdue: bool


class Source(Protocol):
    key: str
    title: str
    kinds: tuple[Kind, ...]

    def applies_to(self, user) -> bool:
        """Whether this source could ever remind ``user`` (its kinds are offered on their page)."""
        ...

    def due(self, today: date, *, ahead: int = 0) -> Iterable[Due]:
        """Every reminder due ``today`` (with ``ahead`` days more warning, for the digest)."""
        ...


_SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    _SOURCES[source.key] = source


def all_sources() -> list[Source]:
    return list(_SOURCES.values())


def all_kinds() -> list[Kind]:
    return [kind for source in all_sources() for kind in source.kinds]


def kinds_for(user) -> list[tuple[Source, Kind]]:
    return [(source, kind) for source in all_sources() if source.applies_to(user) for kind in source.kinds]
