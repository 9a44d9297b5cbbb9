"""A ``Document`` as JSON and back, so a published document can be frozen as it was and rendered
again in any format, the same way (a publication's content keeps it; decision 0095).

Numbers keep their kind: a Decimal as its text, a fraction as "n/d", so 28.5 and 57/2 come back as
they went in. Every block names its kind."""

from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

from outcomes.documents.model import (
    BulletList,
    Cell,
    Document,
    Figure,
    Heading,
    Note,
    Paragraph,
    Row,
    Run,
    Section,
    Table,
)

KINDS: dict[str, type] = {
    cls.__name__.lower(): cls
    for cls in (Heading, Paragraph, BulletList, Note, Table, Figure, Section, Row, Cell, Run)
}


def _value(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, int | float | str):
        return value
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, Fraction):
        return {"fraction": f"{value.numerator}/{value.denominator}"}
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, list | tuple):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {"dict": {str(k): _value(v) for k, v in value.items()}}
    if type(value) in KINDS.values():
        return {
            "kind": type(value).__name__.lower(),
            **{f.name: _value(getattr(value, f.name)) for f in fields(value)},
        }
    raise TypeError(f"cannot keep {value!r} in a document")


def _read(data: Any) -> Any:
    if isinstance(data, list):
        return [_read(v) for v in data]
    if not isinstance(data, dict):
        return data
    if "kind" in data:
        cls = KINDS[data["kind"]]
        return cls(**{k: _read(v) for k, v in data.items() if k != "kind"})
    (tag, text), *_ = data.items()
    if tag == "decimal":
        return Decimal(text)
    if tag == "fraction":
        return Fraction(text)
    if tag == "datetime":
        return datetime.fromisoformat(text)
    if tag == "date":
        return date.fromisoformat(text)
    if tag == "dict":
        return {k: _read(v) for k, v in text.items()}
    raise ValueError(f"not part of a document: {data!r}")


def document_as_json(document: Document) -> dict:
    """``document`` as plain JSON values (dicts, lists, strings, numbers)."""
    return {f.name: _value(getattr(document, f.name)) for f in fields(document)}


def document_from_json(data: dict) -> Document:
    """The document ``document_as_json`` gave."""
    return Document(**{k: _read(v) for k, v in data.items()})
