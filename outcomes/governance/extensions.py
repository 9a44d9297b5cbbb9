"""What apps above governance add to its pages without governance importing them (the floors).

``owed``: more of what a person owes, for "What I owe" (the risk register's reviews due, issue 16).
A provider takes the signed-in user and today and returns ``Owing`` lines.

``standing``: what a body's standing item carries at a meeting (the risk register's reviews due
on the Trust Board's "Risk register" item). A provider takes the body, the item's title, the day
and the reader and returns a ``Standing`` panel, or None when the item is not its own.

Apps register their providers in their AppConfig.ready.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Line:
    text: str
    path: str | None = None  # None: no page the reader may open, so no link
    note: str = ""
    overdue: bool = False


@dataclass(frozen=True)
class Owing:
    """A group of things owed: a heading ("Risks to review") and a line each."""

    heading: str
    lines: list[Line]
    empty: str = ""


@dataclass(frozen=True)
class Standing:
    """What a standing item carries: a heading and lines, shown under the item on the agenda."""

    item_title: str
    heading: str
    lines: list[Line] = field(default_factory=list)
    empty: str = ""


OwedProvider = Callable[[object, date], Owing | None]
StandingProvider = Callable[[object, str, date, object], Standing | None]

_OWED: dict[str, OwedProvider] = {}
_STANDING: dict[str, StandingProvider] = {}


def register_owed(key: str, provider: OwedProvider) -> None:
    _OWED[key] = provider


def register_standing(key: str, provider: StandingProvider) -> None:
    _STANDING[key] = provider


def owed(user, today: date) -> list[Owing]:
    return [group for provider in _OWED.values() if (group := provider(user, today)) is not None]


def standing(body, titles, on: date, user) -> list[Standing]:
    """The panels of the body's standing items (by title) at a meeting on ``on``."""
    out = []
    for title in titles:
        for provider in _STANDING.values():
            panel = provider(body, title, on, user)
            if panel is not None:
                out.append(panel)
    return out
