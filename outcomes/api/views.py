"""The API's pages for people: a person's own tokens (list, make, revoke) and the page of examples.
Every signed-in person has both: a token reads only what its owner may read, so anyone may have one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from outcomes.api import tokens as token_store
from outcomes.api.service import api
from outcomes.core.confirm import Confirmation, confirm_first

NAME_LIMIT = 100


def _tokens_page(request: HttpRequest, *, name: str = "", error: str = "", status: int = 200) -> HttpResponse:
    mine = token_store.tokens_of(request.user)
    return render(
        request,
        "api/tokens.html",
        {
            "section": "api",
            "active": [t for t in mine if t.is_active],
            "revoked": [t for t in mine if not t.is_active],
            "name": name,
            "error": error,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """Your tokens; a POST with a name makes one and shows it, this once."""
    if request.method == "GET":
        return _tokens_page(request)
    name = request.POST.get("name", "").strip()
    if not name:
        return _tokens_page(request, error="Enter a name for the token, such as “Power BI scorecard”")
    if len(name) > NAME_LIMIT:
        return _tokens_page(
            request, name=name, error=f"A token's name must be {NAME_LIMIT} characters or fewer"
        )
    made, token = token_store.create_token(request.user, name)
    return render(
        request,
        "api/token_created.html",
        {"section": "api", "made": made, "token": token, "base": request.build_absolute_uri("/api/")},
    )


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    token = token_store.get_token_of(request.user, pk)
    asked = confirm_first(
        request,
        Confirmation(
            title=f"Revoke the token “{token.name}”?",
            consequences=[
                f"Anything that reads the API with this token (it starts {token.prefix}) will be refused "
                "from now on.",
                "A revoked token cannot be brought back: make a new one if you need it again.",
            ],
            button="Revoke the token",
            cancel_url=reverse("api:tokens"),
        ),
        section="api",
    )
    if asked is not None:
        return asked
    token_store.revoke(token, by=request.user)
    messages.success(request, f"The token “{token.name}” has been revoked.")
    return redirect("api:tokens")


def endpoints() -> list[dict]:
    """Every endpoint of the OpenAPI description, for the examples page."""
    schema = api.get_openapi_schema()
    found = []
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            found.append(
                {
                    "path": path,
                    "summary": (operation.get("description") or "").split("\n\n")[0],
                    "since": any(p["name"] == "updated_since" for p in operation.get("parameters", [])),
                }
            )
    return found


@login_required
@require_GET
def examples(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "api/examples.html",
        {"section": "api", "base": request.build_absolute_uri("/api/").rstrip("/"), "endpoints": endpoints()},
    )
