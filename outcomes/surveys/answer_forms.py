"""The forms pupils (and staff typing in paper questionnaires) answer: how an edition's questionnaire
is cut into pages, how one page's answers are read from a POST and checked, and the parameters of
the GOV.UK components that show each question (docs/decisions/0025-survey-pages-and-conditions.md).

The rules about answers (which choices exist, mandatory questions, "None of these" on its own, what a
condition shows) are the questionnaire's (questionnaire.py, conditions.py); this module only turns
them into pages and messages.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from markupsafe import Markup

from outcomes.surveys import conditions
from outcomes.surveys.questionnaire import (
    TEXT_MAX_LENGTH,
    ItemSpec,
    Questionnaire,
    SectionSpec,
    clean_text,
)

ANSWERED_TYPES = {"select_one", "yes_no_dk", "select_multiple", "grid", "text"}
# Short answer sets sit side by side; longer ones stack so that a phone shows them whole.
INLINE_MAX_CHOICES = 3
INLINE_MAX_LABEL = 14


@dataclass(frozen=True)
class Page:
    """One pupil page: a section, or the part of a section after a question that decides what
    follows ("More about ..."), so that nothing on a page depends on an answer on the same page."""

    number: int  # 1-based position among all the edition's pages
    section: SectionSpec
    items: tuple[ItemSpec, ...]
    part: int  # 1 for the section's first page

    @property
    def heading(self) -> str:
        return self.section.heading if self.part == 1 else f"More about {_lower_first(self.section.heading)}"


def _lower_first(text: str) -> str:
    # Section headings in the seed are in capitals ("OUT OF SCHOOL"); "More about out of school" reads
    # better than "More about OUT OF SCHOOL".
    return text.lower() if text.isupper() else text[:1].lower() + text[1:]


def _item_references(item: ItemSpec) -> set[str]:
    names = {ref.name for ref in conditions.references(item.condition)}
    for row in item.rows:
        names |= {ref.name for ref in conditions.references(row.condition)}
    return names


def split_section(section: SectionSpec) -> list[list[ItemSpec]]:
    """The section's items in pages: a new page starts at an item (or grid row) whose condition
    reads an answer given on the page being filled."""
    parts: list[list[ItemSpec]] = [[]]
    for item in section.items:
        on_this_page = {i.name for i in parts[-1]}
        if parts[-1] and _item_references(item) & on_this_page:
            parts.append([])
        parts[-1].append(item)
    return [part for part in parts if part]


_PAGES: "WeakKeyDictionary[Questionnaire, list[Page]]" = WeakKeyDictionary()


def pages(q: Questionnaire) -> list[Page]:
    """Every page of the questionnaire in order (shown or not: see ``shown_items``)."""
    cached = _PAGES.get(q)
    if cached is None:
        cached = []
        for section in q.sections:
            for part, items in enumerate(split_section(section), start=1):
                cached.append(Page(len(cached) + 1, section, tuple(items), part))
        _PAGES[q] = cached
    return cached


def shown_items(page: Page, seen: conditions.Visibility) -> list[ItemSpec]:
    if page.section.name not in seen.sections:
        return []
    return [item for item in page.items if seen.shows(item.name)]


def page_is_shown(page: Page, seen: conditions.Visibility) -> bool:
    return bool(shown_items(page, seen))


def next_page(q: Questionnaire, after: int, seen: conditions.Visibility) -> Page | None:
    """The first page after page number ``after`` that has something to show (None: the end)."""
    return next((p for p in pages(q)[after:] if page_is_shown(p, seen)), None)


def previous_page(q: Questionnaire, before: int, seen: conditions.Visibility) -> Page | None:
    return next((p for p in reversed(pages(q)[: before - 1]) if page_is_shown(p, seen)), None)


def page_of(q: Questionnaire, name: str) -> Page | None:
    return next((p for p in pages(q) if any(i.name == name for i in p.items)), None)


# --- Reading and checking one page ---------------------------------------------------------------


def row_input_name(item: ItemSpec, row: str) -> str:
    # Question and row names are [a-z][a-z0-9_]*, so a dash cannot be part of either.
    return f"{item.name}-{row}"


def _is_blank(value) -> bool:
    return value in (None, "", [], {})


@dataclass
class AnswerForm:
    """The answers to some questions of a questionnaire, read from a POST and checked.

    ``items`` are the questions on the page (already those shown); ``rows`` the shown rows of each
    grid; ``answers`` every answer given so far (conditions and mandatory checks need them);
    ``require`` is False for paper questionnaires, where a pupil may have left a box empty; ``seen``
    is the visibility for ``answers`` when already known (a page's questions are shown or not by
    earlier answers only, so it holds once this page's answers are merged in)."""

    questionnaire: Questionnaire
    items: list[ItemSpec]
    answers: Mapping = field(default_factory=dict)
    rows: Mapping[str, list[str]] | None = None
    data: Mapping | None = None
    require: bool = True
    errors: dict[str, str] = field(default_factory=dict)
    cleaned: dict = field(default_factory=dict)
    seen: conditions.Visibility | None = None
    repeated: dict[str, str] = field(default_factory=dict)

    def shown_rows(self, item: ItemSpec) -> list[str]:
        if self.rows is not None and item.name in self.rows:
            return list(self.rows[item.name])
        return item.row_names

    def read(self) -> dict:
        """This page's answers as the questionnaire keeps them (blank answers left out). A
        question that takes one answer (or a grid row) sent with two different ones is noted in
        ``repeated``: only a forged or broken form can do that, and neither value can be kept."""
        page: dict = {}
        data = self.data or {}
        self.repeated = {}
        for item in self.items:
            if item.type not in ANSWERED_TYPES:
                continue
            if item.type == "select_multiple":
                value = [v for v in _getlist(data, item.name) if v]
            elif item.type == "grid":
                value = {}
                for row in self.shown_rows(item):
                    chosen = _one(data, row_input_name(item, row))
                    if chosen is None:
                        self.repeated[item.name] = "Select one answer only for each row"
                    elif chosen:
                        value[row] = chosen
            elif item.type == "text":
                value = clean_text(data.get(item.name) or "")
            else:
                value = _one(data, item.name)
                if value is None:
                    self.repeated[item.name] = "Select one answer only"
                    value = ""
            if not _is_blank(value):
                page[item.name] = value
        return page

    def is_valid(self) -> bool:
        page = self.read()
        names = {item.name for item in self.items if item.type in ANSWERED_TYPES}
        merged = {k: v for k, v in self.answers.items() if k not in names}
        merged.update(page)
        problems = self.questionnaire.check_answers(merged, names=names, require=self.require, seen=self.seen)
        problems.update(self.repeated)
        self.errors = {
            name: pupil_message(self.questionnaire.by_name[name], message)
            for name, message in problems.items()
            if name in names
        }
        self.cleaned = page
        return not self.errors

    def value(self, item: ItemSpec):
        """What to show in the inputs: what was posted, or the answer given before."""
        if self.data is not None:
            if not self.cleaned:
                self.cleaned = self.read()
            return self.cleaned.get(item.name)
        return self.answers.get(item.name)

    def error_list(self) -> list[dict]:
        """The GOV.UK error summary's items, in page order, each linking to its first input."""
        return [
            {"text": self.errors[item.name], "href": f"#{first_input_id(item, self.shown_rows(item))}"}
            for item in self.items
            if item.name in self.errors
        ]

    def fields(self) -> list[dict]:
        return [
            component(item, self.value(item), self.errors.get(item.name), self.shown_rows(item))
            for item in self.items
        ]


def _one(data: Mapping, name: str) -> str | None:
    """The one value sent under ``name`` ("" for none), or None when different values were sent."""
    values = {v for v in _getlist(data, name) if v}
    if len(values) > 1:
        return None
    return values.pop() if values else ""


def _getlist(data: Mapping, name: str) -> list:
    if hasattr(data, "getlist"):
        return data.getlist(name)
    value = data.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def question_title(item: ItemSpec) -> str:
    return f"{item.number}. {item.label}" if item.number else item.label


def pupil_message(item: ItemSpec, message: str) -> str:
    """The questionnaire's message, saying which question it is about (two questions may both be
    "I am:")."""
    message = message[:1].upper() + message[1:]
    return f"Question {item.number}: {message}" if item.number else message


def first_input_id(item: ItemSpec, rows: list[str] | None = None) -> str:
    if item.type == "grid":
        rows = rows if rows is not None else item.row_names
        return row_input_name(item, rows[0]) if rows else item.name
    return item.name


# --- GOV.UK component parameters ------------------------------------------------------------------


def _hint(item: ItemSpec) -> dict | None:
    return {"text": item.hint} if item.hint else None


def _error(message: str | None) -> dict | None:
    return {"text": message} if message else None


def _inline(item: ItemSpec) -> bool:
    return len(item.choices) <= INLINE_MAX_CHOICES and all(
        len(c.label) <= INLINE_MAX_LABEL for c in item.choices
    )


def _details(item_or_section) -> dict | None:
    if not item_or_section.info:
        return None
    return {"summaryText": item_or_section.info_title or "What does this mean?", "text": item_or_section.info}


def component(item: ItemSpec, value, error: str | None, rows: list[str] | None = None) -> dict:
    """What the template needs to show one item: ``kind`` names the GOV.UK component, ``params``
    are its parameters (for a grid, ``rows`` holds one radios component per row)."""
    base = {
        "kind": item.type,
        "name": item.name,
        "title": question_title(item),
        "details": _details(item),
        "item": item,
    }
    title = question_title(item)
    if item.type in {"select_one", "yes_no_dk"} and item.appearance == "list":
        items = [{"value": "", "text": "Choose an answer"}]
        items += [{"value": c.name, "text": c.label, "selected": value == c.name} for c in item.choices]
        return {
            **base,
            "kind": "select",
            "params": {
                "id": item.name,
                "name": item.name,
                "items": items,
                "label": {"text": title, "classes": "govuk-label--m"},
                "hint": _hint(item),
                "errorMessage": _error(error),
            },
        }
    if item.type in {"select_one", "yes_no_dk"}:
        return {
            **base,
            "kind": "radios",
            "params": {
                "idPrefix": item.name,
                "name": item.name,
                "classes": "govuk-radios--inline" if _inline(item) else "",
                "fieldset": {"legend": {"text": title, "classes": "govuk-fieldset__legend--m"}},
                "hint": _hint(item),
                "errorMessage": _error(error),
                "items": [
                    {"value": c.name, "text": c.label, "checked": value == c.name} for c in item.choices
                ],
            },
        }
    if item.type == "select_multiple":
        ticked = set(value or ())
        choices: list[dict] = []
        for c in item.choices:
            if c.exclusive and choices:
                choices.append({"divider": "or"})
            entry = {"value": c.name, "text": c.label, "checked": c.name in ticked}
            if c.exclusive:
                entry["behaviour"] = "exclusive"
            choices.append(entry)
        hint = item.hint or "Tick all that apply."
        return {
            **base,
            "kind": "checkboxes",
            "params": {
                "idPrefix": item.name,
                "name": item.name,
                "fieldset": {"legend": {"text": title, "classes": "govuk-fieldset__legend--m"}},
                "hint": {"text": hint},
                "errorMessage": _error(error),
                "items": choices,
            },
        }
    if item.type == "grid":
        return {
            **base,
            "kind": "grid",
            "heading_id": f"{item.name}-heading",
            "hint": item.hint,
            "error": error,
            "rows": _grid_rows(item, value or {}, rows, error),
        }
    if item.type == "text":
        hint = item.hint or "You do not have to write anything here."
        return {
            **base,
            "kind": "textarea",
            "params": {
                "id": item.name,
                "name": item.name,
                "rows": 5,
                "value": value or "",
                "label": {"text": title, "classes": "govuk-label--m"},
                "hint": {
                    "text": f"{hint} Do not write your name or anything else that could show who you are. "
                    f"Up to {TEXT_MAX_LENGTH} characters."
                },
                "errorMessage": _error(error),
                "attributes": {"maxlength": str(TEXT_MAX_LENGTH)},
            },
        }
    return {**base, "kind": item.type}  # note, school: shown as text


def _grid_rows(item: ItemSpec, value: Mapping, rows: list[str] | None, error: str | None) -> list[dict]:
    shown = set(rows if rows is not None else item.row_names)
    out = []
    for row in item.rows:
        if row.name not in shown:
            continue
        name = row_input_name(item, row.name)
        # The question is part of each row's legend, so that a screen reader hears "6. I eat: Fruit".
        legend = Markup('<span class="govuk-visually-hidden">{} </span>{}').format(
            question_title(item), row.label
        )
        out.append(
            {
                "idPrefix": name,
                "name": name,
                "classes": "govuk-radios--inline govuk-radios--small",
                "fieldset": {
                    "legend": {"html": legend, "classes": "govuk-fieldset__legend--s"},
                    "describedBy": f"{item.name}-error" if error else "",
                },
                "formGroup": {"classes": "govuk-!-margin-bottom-4"},
                "items": [
                    {"value": c.name, "text": c.label, "checked": value.get(row.name) == c.name}
                    for c in item.choices
                ],
            }
        )
    return out


# --- Describing conditions (paper entry shows every question with when it applies) -----------------


def describe_condition(q: Questionnaire, expr) -> str:
    """A condition in words, naming questions by number and choices by label."""
    if expr is None:
        return ""
    if isinstance(expr, conditions.Compare | conditions.Selected):
        target = q.by_name.get(expr.ref.name)
        where = _describe_ref(q, expr.ref)
        choice = target.choice(expr.value) if target else None
        label = f"“{choice.label}”" if choice else f"“{expr.value}”"
        if isinstance(expr, conditions.Selected):
            if target is not None and target.type == "grid" and expr.ref.row is None:
                return f"any row of {where} is {label}"
            return f"{label} is ticked at {where}"
        return f"{where} is {label}" if expr.op == "=" else f"{where} is not {label}"
    if isinstance(expr, conditions.Answered):
        return f"{_describe_ref(q, expr.ref)} is answered"
    if isinstance(expr, conditions.Not):
        return f"not ({describe_condition(q, expr.expr)})"
    joiner = " and " if isinstance(expr, conditions.And) else " or "
    return joiner.join(
        f"({describe_condition(q, part)})"
        if isinstance(part, conditions.And | conditions.Or)
        else describe_condition(q, part)
        for part in expr.parts
    )


def _describe_ref(q: Questionnaire, ref) -> str:
    target = q.by_name.get(ref.name)
    if target is None:
        return ref.name
    where = f"question {target.number}" if target.number else f"“{target.label}”"
    if ref.row is not None:
        row = next((r for r in target.rows if r.name == ref.row), None)
        where += f", “{row.label if row else ref.row}”"
    return where


def applies_when(q: Questionnaire, item: ItemSpec) -> str:
    """When an item applies, in words ("" when always): its section's condition and its own."""
    section = next((s for s in q.sections if s.name == item.section), None)
    parts = [describe_condition(q, c) for c in (section.condition if section else None, item.condition) if c]
    return " and ".join(parts)
