"""Destructive or public actions ask to confirm first, without JavaScript.

The button that starts such an action posts as before; the view asks ``confirm_first`` and, until
the person has confirmed, answers with a page that says what will happen and posts the same fields
again with ``confirm=yes``. The first POST therefore changes nothing.
"""

from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONFIRM_FIELD = "confirm"


@dataclass(frozen=True)
class Confirmation:
    title: str  # "Withdraw the link of Swinton Brookfield?"
    consequences: list[str]  # what will happen, one sentence each
    button: str  # "Withdraw the link"
    cancel_url: str
    warning: bool = True  # a red button for what cannot be undone; green for publishing
    caption: str = ""
    # What will happen in detail, under headings: [(heading, [line, ...]), ...] (a merge's preview).
    details: list[tuple[str, list[str]]] = field(default_factory=list)


def is_confirmed(request: HttpRequest) -> bool:
    return request.method == "POST" and request.POST.get(CONFIRM_FIELD) == "yes"


def confirm_first(request: HttpRequest, confirmation: Confirmation, section: str = "") -> HttpResponse | None:
    """None once the person has confirmed; until then the confirmation page (nothing changed)."""
    if is_confirmed(request):
        return None
    fields = [
        (name, value)
        for name in request.POST
        if name not in ("csrfmiddlewaretoken", CONFIRM_FIELD)
        for value in request.POST.getlist(name)
    ]
    return render(
        request,
        "core/confirm.html",
        {"section": section, "confirmation": confirmation, "fields": fields, "action": request.path},
    )
