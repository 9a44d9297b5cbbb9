"""The rules of the "Report to Members" template (seed notes-002 §2.2, notes-003 §4), one function
each. They read plain values, not the database, so that each is tested on its own.

- header_fields: fields 1-4 are Meeting, Date, Title and Directorate (or Programme Area), in that
  order, each filled in and printed with its own label (seed 003 L273-276 left them empty).
- required_sections: every required section of the template has text (seed 002 L99 lost §8).
- contact: a paper says who to ask: a contact name, and a telephone number or an e-mail address.
- numbering: the header fields are 1-4; the sections written follow on, an optional section left
  empty takes no number (seed 002 numbers Equality and Diversity 11 and Background Papers 12).
- template_problems: a template keeps the four header fields first, with their labels.
"""

from collections.abc import Sequence
from dataclasses import dataclass

# The four header fields: key, the labels it may be printed with (the first is the template's).
HEADER_FIELDS: list[tuple[str, tuple[str, ...]]] = [
    ("meeting", ("Meeting",)),
    ("date", ("Date",)),
    ("title", ("Title",)),
    ("directorate", ("Directorate", "Programme Area")),
]
HEADER_KEYS = [key for key, _ in HEADER_FIELDS]


@dataclass(frozen=True)
class Part:
    """One section of a paper as the rules see it."""

    key: str
    label: str  # as printed in this paper
    text: str
    required: bool
    is_field: bool = False
    template_label: str = ""

    @property
    def written(self) -> bool:
        return bool(self.text.strip())


def _plain(label: str) -> str:
    return " ".join(label.replace(":", " ").split()).casefold()


def header_fields(parts: Sequence[Part]) -> list[str]:
    """What is wrong with fields 1-4, one sentence per field, naming it by number and label."""
    problems = []
    by_key = {p.key: p for p in parts}
    for number, (key, labels) in enumerate(HEADER_FIELDS, start=1):
        part = by_key.get(key)
        name = f"{number} {labels[0]}"
        if part is None:
            problems.append(f"Field {name} is missing from the paper.")
            continue
        if _plain(part.label) not in {_plain(label) for label in labels}:
            allowed = " or ".join(f"“{label}”" for label in labels)
            problems.append(f"Field {name} is printed as “{part.label}”: it must read {allowed}.")
        if not part.written:
            problems.append(f"Field {name} is empty.")
    if [p.key for p in parts[: len(HEADER_KEYS)]] != HEADER_KEYS and len(problems) == 0:
        problems.append("Fields 1-4 must come first, in the order Meeting, Date, Title, Directorate.")
    return problems


def required_sections(parts: Sequence[Part]) -> list[str]:
    """Each required section of the template left empty, named as the template names it."""
    return [
        f"The section “{p.template_label or p.label}” is required and has not been written."
        for p in parts
        if p.required and not p.is_field and not p.written
    ]


def contact(name: str, telephone: str, email: str) -> list[str]:
    problems = []
    if not name.strip():
        problems.append("The contact name is empty.")
    if not telephone.strip() and not email.strip():
        problems.append("The contact needs a telephone number or an e-mail address.")
    return problems


def numbering(parts: Sequence[Part]) -> list[int | None]:
    """The number printed before each part: header fields 1-4, then the sections shown in turn; an
    optional section with nothing written is left out and numbered None."""
    numbers: list[int | None] = []
    following = 0
    for part in parts:
        if part.is_field or part.required or part.written:
            following += 1
            numbers.append(following)
        else:
            numbers.append(None)
    return numbers


def template_problems(sections: Sequence[tuple[str, str, bool, bool]]) -> list[str]:
    """A template's sections as (key, label, required, is_field) in order: the first four are the
    header fields with their own labels, required; no other section is a header field."""
    problems = []
    head = list(sections[: len(HEADER_FIELDS)])
    for number, ((key, labels), found) in enumerate(
        zip(HEADER_FIELDS, head + [None] * (len(HEADER_FIELDS) - len(head)), strict=True), start=1
    ):
        if found is None or found[0] != key:
            problems.append(f"Field {number} must be “{labels[0]}”.")
            continue
        _, label, required, is_field = found
        if _plain(label) not in {_plain(each) for each in labels}:
            problems.append(f"Field {number} must be labelled “{labels[0]}”, not “{label}”.")
        if not required or not is_field:
            problems.append(f"Field {number} “{labels[0]}” is a required one-line field.")
    for key, label, _, is_field in sections[len(HEADER_FIELDS) :]:
        if is_field or key in HEADER_KEYS:
            problems.append(f"“{label}” cannot be a header field: only fields 1-4 are.")
    return problems
