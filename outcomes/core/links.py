"""Never link a person to a page they cannot open: one helper decides, before a link is drawn.

Each app registers, for a kind of object, a function ``(user, obj) -> url or None`` that asks the
app's own access helper. Templates call ``link_to(obj, text)``: a link where the reader may follow
it, the text alone where they may not (a viewer sees "P1 M6", not a link to a 404).
"""

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

_OPENERS: dict[type, Callable[[Any, Any], str | None]] = {}


def register(model: type, opener: Callable[[Any, Any], str | None]) -> None:
    _OPENERS[model] = opener


def url_for(user, obj) -> str | None:
    """The address of ``obj``'s page if ``user`` may open it, else None."""
    for model in type(obj).__mro__:
        opener = _OPENERS.get(model)
        if opener is not None:
            return opener(user, obj)
    raise LookupError(f"no page is registered for {type(obj).__name__}")


def link_to(user, obj, text: str, classes: str = "govuk-link") -> Markup:
    url = url_for(user, obj)
    if url is None:
        return escape(text)
    return Markup('<a class="{}" href="{}">{}</a>').format(classes, url, text)
