"""The read API (decision 0120): django-ninja, every endpoint read-only behind a bearer token,
its OpenAPI description at /api/openapi.json. The endpoints live in ``endpoints/``, one module
per app they read."""

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from outcomes.api.auth import BearerToken
from outcomes.api.endpoints import governance, indicators, inspections, plans, risks, surveys


class OutcomesApi(NinjaAPI):
    def get_root_path(self, path_params: dict) -> str:  # noqa: ARG002 - ninja's signature
        # The examples page stands at /api/ in place of ninja's own home page (api_urls below).
        return reverse("api:examples")


api = OutcomesApi(
    title="Outcomes read API",
    version="1",
    description=(
        "Read-only. Send a token made on your API tokens page as `Authorization: Bearer <token>`: it "
        "reads what you may read on the pages, no more. Every list is paginated (`page`, `page_size`) "
        "in a stable order, as JSON or, with `format=csv`, as CSV; lists of records that change take "
        "`updated_since`. Survey results are read from published releases only, with small numbers "
        "suppressed as on the pages."
    ),
    auth=BearerToken(),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url=None,
)
api.add_router("", plans.router, tags=["Plans and rounds"])
api.add_router("", indicators.router, tags=["Indicators"])
api.add_router("", surveys.router, tags=["Survey results"])
api.add_router("", governance.router, tags=["Bodies, actions, meetings and minutes"])
api.add_router("", inspections.router, tags=["Inspections and recommendations"])
api.add_router("", risks.router, tags=["Risk registers"])


@api.exception_handler(AuthenticationError)
def unauthorised(request: HttpRequest, exc: AuthenticationError):  # noqa: ARG001 - ninja's signature
    response = api.create_response(
        request, {"detail": "Send a valid token: Authorization: Bearer <token>."}, status=401
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404):
    """The access helpers' own words ("No such body", "No results of this edition have been released
    to you"): ninja would answer "Not Found" for every one outside DEBUG."""
    return api.create_response(request, {"detail": str(exc) or "Not found."}, status=404)


def api_urls() -> list:
    """The endpoints' URL patterns, for the api app's namespace (ninja's own home page left out: the
    examples page takes /api/)."""
    patterns, _, _ = api.urls
    return [p for p in patterns if getattr(p, "name", None) != "api-root"]
