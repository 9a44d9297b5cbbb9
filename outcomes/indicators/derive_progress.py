"""How the long indicator work (the LAIT import, the recompute) says how far it has gone: a
``progress(fraction, message)`` callable, 0 to 1, that a job turns into its page's bar."""

from collections.abc import Callable

Progress = Callable[[float, str], None]


def no_progress(fraction: float, message: str) -> None:
    """Told nothing, says nothing: the default when nobody watches."""


def part_of(progress: Progress, start: float, end: float) -> Progress:
    """A step's own 0-1 progress as the stretch from ``start`` to ``end`` of the whole."""

    def told(fraction: float, message: str) -> None:
        progress(start + (end - start) * min(1.0, max(0.0, fraction)), message)

    return told
