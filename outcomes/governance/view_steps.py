"""What the governance pages share: a refusal's problems for the error summary, and the one shape of
their removals: a POST asks to confirm on its own page
(core/confirm.py); once confirmed the change is made, a refusal is shown as the rules word it, and
the person goes back where they came from (the confirmation's cancel address)."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from outcomes.core.confirm import Confirmation, confirm_first
from outcomes.governance.rules import Refused

SECTION = "governance"


def refused_errors(refused: Refused) -> list[dict]:
    """A refusal's problems for a page's error summary."""
    return [{"text": problem, "href": "#main-content"} for problem in refused.problems]


def confirm_then(
    request: HttpRequest, confirmation: Confirmation, act: Callable[[], object], done: str
) -> HttpResponse:
    asked = confirm_first(request, confirmation, SECTION)
    if asked is not None:
        return asked
    try:
        act()
    except Refused as refused:
        for problem in refused.problems:
            messages.error(request, problem)
    else:
        messages.success(request, done)
    return redirect(confirmation.cancel_url)
