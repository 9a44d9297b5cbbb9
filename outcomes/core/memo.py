"""A small per-process memo of values that may be a few seconds stale.

The pupils' pages read the same link, limit and end page for every pupil of a class; asking the
database each time costs more than the rest of the request. What is kept here changes rarely (a
link switched off, a roll corrected, an end page reworded), and such a change takes effect within
the time given by SURVEY_LINK_CACHE_SECONDS (0 turns the memo off, as the tests that change these
things do).
"""

import time
import weakref
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from django.conf import settings

T = TypeVar("T")
DEFAULT_SECONDS = 10


def memo_seconds() -> float:
    return float(getattr(settings, "SURVEY_LINK_CACHE_SECONDS", DEFAULT_SECONDS))


class Memo(Generic[T]):
    """Values by key, each kept for memo_seconds() after it was made; at most ``size`` of them."""

    def __init__(self, size: int = 10000):
        self.size = size
        self._kept: dict[Hashable, tuple[float, T]] = {}
        _ALL.add(self)

    def get(self, key: Hashable, make: Callable[[], T], keep_if: Callable[[T], bool] = bool) -> T:
        """The kept value for key, or make() (kept only when keep_if holds: a missing link is not)."""
        keep = memo_seconds()
        now = time.monotonic()
        kept = self._kept.get(key)
        if kept is not None and now - kept[0] < keep:
            return kept[1]
        value = make()
        if keep > 0 and keep_if(value):
            if len(self._kept) >= self.size:
                self._kept.clear()
            self._kept[key] = (now, value)
        return value

    def clear(self) -> None:
        self._kept.clear()


_ALL: "weakref.WeakSet[Memo]" = weakref.WeakSet()


def clear_all() -> None:
    """Forget everything every memo keeps (the tests do, between tests whose databases differ)."""
    for memo in list(_ALL):
        memo.clear()
