"""Reading an uploaded JSON document: refused whole when it is not JSON, too deep, or too large,
with numbers kept exactly so that the typed readers can judge them (decision 0061)."""

import json
from decimal import Decimal

from outcomes.core.imports import cells
from outcomes.core.imports.limits import limits
from outcomes.core.imports.problems import ImportFailed, Problem
from outcomes.core.imports.tables import check_size

Path = tuple[str | int, ...]


def json_location(path: Path) -> str:
    text = "$"
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _number(raw: str):
    # A float that overflows would become infinity, and a 5,000-digit integer cannot be read by
    # int() at all: both are kept as Decimal, which the typed readers refuse with their place.
    number = float(raw)
    return number if cells._finite(number) else Decimal(raw)


def _integer(raw: str):
    return int(raw) if len(raw) <= 30 else Decimal(raw)


def read_json(raw: bytes | str, source: str) -> dict:
    check_size(raw.encode() if isinstance(raw, str) else raw, source)
    try:
        data = json.loads(raw, parse_float=_number, parse_int=_integer)
    except UnicodeDecodeError:
        raise ImportFailed(source, [Problem("", "the file is not UTF-8 text")]) from None
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            source, [Problem(f"line {exc.lineno}, column {exc.colno}", f"this is not valid JSON ({exc.msg})")]
        ) from None
    except RecursionError:
        raise ImportFailed(source, [_too_deep()]) from None
    if not isinstance(data, dict):
        raise ImportFailed(source, [Problem("$", "the document must be a JSON object")])
    if depth(data) > limits().json_depth:
        raise ImportFailed(source, [_too_deep()])
    return data


def depth(value) -> int:
    """How many objects and lists lie inside each other (counted without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def _too_deep() -> Problem:
    return Problem(
        "", f"objects and lists are nested more than {limits().json_depth} deep: this is not a plan document"
    )


def check_free_json(value, path: Path, fail, *, max_length: int = cells.EXCEL_CELL_CHARACTERS) -> None:
    """Free-form JSON kept as it is (a milestone's tables): every number finite and of a size a
    spreadsheet holds, every text storable. ``fail(path, message)`` records each problem."""
    stack = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, dict):
            stack.extend((child, (*where, str(key))) for key, child in item.items())
        elif isinstance(item, list):
            stack.extend((child, (*where, index)) for index, child in enumerate(item))
        elif isinstance(item, str):
            try:
                cells.text(item, max_length=max_length, strip=False)
            except cells.BadValue as exc:
                fail(where, str(exc))
        elif isinstance(item, Decimal) or (
            isinstance(item, int | float) and not isinstance(item, bool) and abs(item) >= 10**15
        ):
            fail(where, f"{cells.plain(item)[:20]} is not a number that can be stored")
