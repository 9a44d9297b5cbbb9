"""Every endpoint answers with a table: named, typed columns and rows of typed values, one page at
a time, as JSON or as CSV (decision 0122). CSV goes through core/downloads, so numbers stay numbers
and text a spreadsheet could run is made safe; JSON gives the same values as JSON numbers.

Rows come in a stable order that the endpoint gives (ending with something unique), so that page 2
follows page 1 even while records change; ``updated_since`` keeps the rows changed at or after a
time, and every answer says ``as_of``, the time to ask from next time.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from ninja import Router, Schema
from pydantic import Field, create_model

from outcomes.core.downloads import Number, attachment, csv_bytes
from outcomes.core.downloads.writers import json_bytes

# A record is stamped when it is saved, but others see it only when its transaction commits: a LAIT
# import's recompute stamps its figures at its start and commits minutes later under load. So
# ``as_of`` is this long before the read began; the next read takes some rows again, and misses none.
AS_OF_MARGIN = timedelta(minutes=5)
DEFAULT_PAGE_SIZE = 500
MAX_PAGE_SIZE = 5000

KINDS: dict[str, Any] = {
    "text": str,
    "integer": int,
    "number": float,
    "date": date,
    "datetime": datetime,
    "boolean": bool,
}


@dataclass(frozen=True)
class Column:
    key: str  # the JSON field and CSV heading
    kind: str  # one of KINDS
    description: str = ""


@dataclass
class Listing:
    """What an endpoint hands back: its columns, the items in their stable order (a queryset or a
    list) and how an item becomes a row of values in column order."""

    name: str  # the file name of a CSV download
    columns: Sequence[Column]
    items: QuerySet | Sequence
    to_row: Callable[[Any], Sequence] = tuple


# --- the query every table takes -----------------------------------------------------------------


def paging_schema(name: str, *, since: bool):
    fields: dict[str, Any] = {
        "format": (Literal["json", "csv"], Field("json", description="json (the default) or csv")),
        "page": (int, Field(1, ge=1, description="The page, from 1")),
        "page_size": (
            int,
            Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Rows a page, at most 5000"),
        ),
    }
    if since:
        fields["updated_since"] = (
            datetime | None,
            Field(
                None,
                description="Only rows changed at or after this time (ISO 8601; a date alone is its "
                "midnight, a time without an offset is UK time). Use the as_of of the previous answer.",
            ),
        )
    return create_model(name, __base__=Schema, **fields)


Paging = paging_schema("Paging", since=False)
PagingSince = paging_schema("PagingSince", since=True)


def since_of(params) -> datetime | None:
    found = getattr(params, "updated_since", None)
    if found is not None and timezone.is_naive(found):
        found = timezone.make_aware(found)
    return found


# --- the answer's shape, for the OpenAPI description ------------------------------------------------

CSV_AND_REFUSALS = {
    "responses": {
        200: {
            "content": {
                "text/csv": {
                    "schema": {
                        "type": "string",
                        "description": "With format=csv: the page's rows under the same column names, "
                        "UTF-8 with a byte-order mark; X-Total-Count and Link headers for the pages.",
                    }
                }
            }
        },
        401: {"description": "No token, or one that is unknown, revoked or of an account switched off"},
        403: {"description": "Your role may not read this (as on the pages)"},
        404: {"description": "No such record, or none you may know of"},
    }
}


class TableRouter(Router):
    """Every endpoint is a GET answering a table, in JSON or CSV."""

    def get(self, path: str, **kwargs):  # type: ignore[override]
        kwargs.setdefault("openapi_extra", CSV_AND_REFUSALS)
        return super().get(path, **kwargs)


def page_schema(name: str, columns: Sequence[Column]):
    row = create_model(
        f"{name}Row",
        **{c.key: (KINDS[c.kind] | None, Field(None, description=c.description)) for c in columns},
    )
    return create_model(
        f"{name}Page",
        count=(int, Field(description="Rows in every page together")),
        page=(int, ...),
        page_size=(int, ...),
        pages=(int, ...),
        next=(str | None, Field(None, description="The next page's address; null on the last")),
        previous=(str | None, None),
        as_of=(datetime, Field(description="When this answer was read: updated_since for next time")),
        results=(list[row], ...),  # type: ignore[valid-type]
    )


# --- values --------------------------------------------------------------------------------------


def local(value):
    """Times in the UK, as the pages show them (CSV has no place for an offset)."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def json_value(value):
    if isinstance(value, Number):
        value = value.rounded()
    if isinstance(value, Decimal | Fraction | float):
        exact = (
            Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else value
        )
        return int(exact) if exact == int(exact) else float(exact)
    if isinstance(value, datetime):
        return local(value).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


# --- the response --------------------------------------------------------------------------------


def _count(items) -> int:
    return items.count() if isinstance(items, QuerySet) else len(items)


def _page_url(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{urlencode(sorted(query.items()))}")


def respond(request: HttpRequest, listing: Listing, params) -> HttpResponse:
    """One page of ``listing`` in the format asked for."""
    as_of = timezone.now().replace(microsecond=0) - AS_OF_MARGIN
    count = _count(listing.items)
    size = params.page_size
    pages = max(1, -(-count // size))
    start = (params.page - 1) * size
    rows = [[local(v) for v in listing.to_row(item)] for item in listing.items[start : start + size]]
    following = _page_url(request, params.page + 1) if params.page < pages else None
    preceding = _page_url(request, min(params.page - 1, pages)) if params.page > 1 else None
    if params.format == "csv":
        response = attachment(csv_bytes([c.key for c in listing.columns], rows), f"{listing.name}.csv")
        links = [f'<{u}>; rel="{r}"' for u, r in ((following, "next"), (preceding, "prev")) if u]
        if links:
            response["Link"] = ", ".join(links)
        response["X-Total-Count"] = str(count)
        return response
    body = {
        "count": count,
        "page": params.page,
        "page_size": size,
        "pages": pages,
        "next": following,
        "previous": preceding,
        "as_of": json_value(as_of),
        "results": [
            {c.key: json_value(v) for c, v in zip(listing.columns, row, strict=True)} for row in rows
        ],
    }
    response = HttpResponse(json_bytes(body), content_type="application/json")
    add_never_cache_headers(response)
    return response
