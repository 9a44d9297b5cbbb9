"""An edition's questionnaire in memory: sections, items, choices, grid rows, parsed conditions and
the answer slots (docs/decisions/0020-survey-answer-storage.md).

Pupils' pages, paper entry, the generator and the analysis all work from this one structure, so
they agree on what is shown and on how answers are packed into ``Response.codes``.

Answers are a dict keyed by question name: a choice name for single choice, Yes/No/Don't know and
list questions; a list of choice names for tick-as-many; {row name: choice name} for grids; text
for free text. A missing key (or None, "", [] or {}) is no answer.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from outcomes.surveys import conditions

NOT_SHOWN = 0
NOT_ANSWERED = 1
FIRST_CHOICE = 2  # the code of the choice with order n is FIRST_CHOICE + n
NOT_TICKED, TICKED = FIRST_CHOICE, FIRST_CHOICE + 1
MAX_CHOICES = 250  # one byte per slot
TEXT_MAX_LENGTH = 2000

# A paper questionnaire with no answer kept is refused under this key (it names no question).
BLANK = "__blank__"
BLANK_MESSAGE = (
    "The questionnaire is blank: type in at least one of the pupil's answers to a question that "
    "applies to them, or put the paper aside"
)

# Line breaks as typed (Word's soft line break and the page break included) become newlines; every
# other control character (NUL, escape, delete, C1) is dropped: a pupil cannot see them, databases
# refuse NUL and spreadsheets refuse most of them.
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def clean_text(value: str) -> str:
    """Free text as it is kept: control characters gone, line breaks as newlines, trimmed."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub("\n", value)).strip()


YES_NO_DK_CHOICES = [("yes", "Yes"), ("no", "No"), ("dont_know", "Don't know")]


@dataclass
class ChoiceSpec:
    name: str
    label: str
    group: str = ""
    exclusive: bool = False


@dataclass
class RowSpec:
    name: str
    label: str
    relevant: str = ""
    condition: conditions.Expr | None = None

    def __post_init__(self):
        if self.condition is None and self.relevant:
            self.condition = conditions.parse(self.relevant)


@dataclass
class ItemSpec:
    name: str
    type: str
    label: str
    key: str = ""
    number: int | None = None
    hint: str = ""
    info: str = ""
    info_title: str = ""
    required: bool = False
    relevant: str = ""
    condition: conditions.Expr | None = None
    appearance: str = ""
    breakdown: str = ""
    list_name: str = ""
    indicator: str = ""
    indicator_choices: str = ""
    tags: str = ""
    choices: list[ChoiceSpec] = field(default_factory=list)
    rows: list[RowSpec] = field(default_factory=list)
    section: str = ""
    id: int | None = None

    def __post_init__(self):
        if self.condition is None and self.relevant:
            self.condition = conditions.parse(self.relevant)

    @property
    def choice_names(self) -> list[str]:
        return [c.name for c in self.choices]

    @property
    def row_names(self) -> list[str]:
        return [r.name for r in self.rows]

    @property
    def is_answered(self) -> bool:
        return self.type in {"select_one", "yes_no_dk", "select_multiple", "grid", "text"}

    def choice(self, name: str) -> ChoiceSpec | None:
        return next((c for c in self.choices if c.name == name), None)

    def code(self, choice_name: str) -> int:
        return FIRST_CHOICE + self.choice_names.index(choice_name)


@dataclass
class SectionSpec:
    name: str
    heading: str
    intro: str = ""
    info: str = ""
    info_title: str = ""
    relevant: str = ""
    condition: conditions.Expr | None = None
    items: list[ItemSpec] = field(default_factory=list)

    def __post_init__(self):
        if self.condition is None and self.relevant:
            self.condition = conditions.parse(self.relevant)


@dataclass(frozen=True)
class Slot:
    """One byte of ``Response.codes``: a question, a row of a grid, or one box of a tick-as-many."""

    index: int
    question: str
    row: str | None = None
    choice: str | None = None


class InvalidAnswers(ValueError):
    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(f"{name}: {message}" for name, message in problems.items()))


class Questionnaire:
    def __init__(self, sections: list[SectionSpec]):
        self.sections = sections
        self.items = [item for section in sections for item in section.items]
        self.by_name = {item.name: item for item in self.items}
        self.slots: list[Slot] = []
        self.slot_index: dict[tuple[str, str | None], int] = {}
        self._item_slots: dict[str, range] = {}
        for item in self.items:
            if item.type == "grid":
                keys = [(item.name, row.name) for row in item.rows]
            elif item.type == "select_multiple":
                keys = [(item.name, choice.name) for choice in item.choices]
            elif item.is_answered:
                keys = [(item.name, None)]
            else:
                keys = []
            self._item_slots[item.name] = range(len(self.slots), len(self.slots) + len(keys))
            for key in keys:
                self.slot_index[key] = len(self.slots)
                self.slots.append(
                    Slot(
                        index=len(self.slots),
                        question=item.name,
                        row=key[1] if item.type == "grid" else None,
                        choice=key[1] if item.type == "select_multiple" else None,
                    )
                )

        self._codes = {
            item.name: {c.name: FIRST_CHOICE + i for i, c in enumerate(item.choices)} for item in self.items
        }
        self._rows = {item.name: frozenset(row.name for row in item.rows) for item in self.items}
        self._required = [item for item in self.items if item.required and item.is_answered]
        # What encode() walks: (type, name, first slot, choice codes, row or choice names).
        self._plan = [
            (
                item.type,
                item.name,
                self._item_slots[item.name].start,
                self._codes[item.name],
                [r.name for r in item.rows] if item.type == "grid" else item.choice_names,
            )
            for item in self.items
            if item.is_answered
        ]

    def item_slots(self, name: str) -> range:
        """The slots of one question, in order (rows of a grid, boxes of a tick-as-many)."""
        return self._item_slots.get(name, range(0))

    def breakdown_item(self, kind: str) -> ItemSpec | None:
        return next((item for item in self.items if item.breakdown == kind), None)

    def visibility(self, answers: Mapping) -> conditions.Visibility:
        return conditions.visibility(self, answers)

    def shown_answers(self, answers: Mapping, seen: conditions.Visibility | None = None) -> dict:
        return conditions.shown_answers(self, answers, seen)

    def check_answers(
        self, answers: Mapping, *, names=None, require: bool = True, seen: conditions.Visibility | None = None
    ) -> dict[str, str]:
        """Problems with the answers, by question name, looking only at ``names`` when given (one
        page). ``require`` checks that shown mandatory questions are answered (online, not paper);
        ``seen`` is the visibility for these answers, when already known."""
        problems: dict[str, str] = {}
        by_name = self.by_name
        for name, answer in answers.items():
            item = by_name.get(name)
            if item is None:
                problems[name] = "there is no such question in this questionnaire"
            elif not item.is_answered:
                if answer not in (None, ""):
                    problems[name] = "this item takes no answer"
            elif names is None or name in names:
                message = _answer_problem(item, answer, self._codes[name], self._rows[name])
                if message:
                    problems[name] = message
        if require:
            seen = seen or self.visibility(answers)
            for item in self._required:
                if (
                    (names is None or item.name in names)
                    and item.name not in problems
                    and item.name in seen.questions
                    and not conditions.evaluate(conditions.Answered(conditions.Ref(item.name)), answers)
                ):
                    problems[item.name] = f"Select an answer for '{_short(item.label)}'"
        return problems

    def encode(self, answers: Mapping, seen: conditions.Visibility | None = None) -> bytes:
        """The slot bytes of a response; answers to hidden questions are not kept. ``seen`` is the
        visibility for these answers, when already known."""
        seen = seen or self.visibility(answers)
        codes = bytearray(len(self.slots))
        shown = seen.questions
        for kind, name, start, code, parts in self._plan:
            if name not in shown:
                continue
            answer = answers.get(name)
            if kind == "grid":
                shown_rows = seen.rows.get(name, ())
                answer = answer if isinstance(answer, dict) else {}
                for offset, row in enumerate(parts):
                    if row in shown_rows:
                        value = answer.get(row)
                        codes[start + offset] = code[value] if value else NOT_ANSWERED
            elif kind == "select_multiple":
                for offset, choice in enumerate(parts):
                    codes[start + offset] = (
                        (TICKED if choice in answer else NOT_TICKED) if answer else NOT_ANSWERED
                    )
            elif kind == "text":
                codes[start] = FIRST_CHOICE if (answer or "").strip() else NOT_ANSWERED
            else:
                codes[start] = code[answer] if answer else NOT_ANSWERED
        return bytes(codes)

    def decode(self, codes: bytes) -> dict:
        """The answers packed in ``codes`` (free text appears as True: it is stored apart)."""
        answers: dict = {}
        for item in self.items:
            slots = self.item_slots(item.name)
            if not item.is_answered:
                continue
            values = [codes[i] for i in slots]
            if item.type == "grid":
                chosen = {
                    row.name: item.choices[v - FIRST_CHOICE].name
                    for row, v in zip(item.rows, values, strict=True)
                    if v >= FIRST_CHOICE
                }
                if chosen:
                    answers[item.name] = chosen
            elif item.type == "select_multiple":
                ticked = [c.name for c, v in zip(item.choices, values, strict=True) if v == TICKED]
                if ticked:
                    answers[item.name] = ticked
            elif item.type == "text":
                if values[0] >= FIRST_CHOICE:
                    answers[item.name] = True
            elif values[0] >= FIRST_CHOICE:
                answers[item.name] = item.choices[values[0] - FIRST_CHOICE].name
        return answers

    def breakdown_values(self, answers: Mapping) -> tuple[str, str]:
        """(gender, collapsed ethnic group) as stored on the response, "" when not answered."""
        gender = ethnic = ""
        item = self.breakdown_item("gender")
        if item and isinstance(answers.get(item.name), str):
            gender = answers[item.name]
        item = self.breakdown_item("ethnicity")
        if item and isinstance(answers.get(item.name), str):
            choice = item.choice(answers[item.name])
            ethnic = (choice.group or choice.label) if choice else ""
        return gender, ethnic


def _short(label: str) -> str:
    return label if len(label) <= 80 else label[:77] + "..."


def _text_problem(answer) -> str:
    if not isinstance(answer, str):
        return "the answer must be text"
    if len(answer) > TEXT_MAX_LENGTH:
        return f"Write no more than {TEXT_MAX_LENGTH} characters"
    return ""


def _multiple_problem(item: ItemSpec, answer, codes: Mapping[str, int]) -> str:
    if not isinstance(answer, list | tuple | set | frozenset) or not all(isinstance(a, str) for a in answer):
        return "the answer must be a list of choices"
    unknown = [a for a in answer if a not in codes]
    if unknown:
        return f"'{unknown[0]}' is not one of the choices"
    if len(answer) > 1:
        exclusive = [c.label for c in item.choices if c.exclusive and c.name in answer]
        if exclusive and len(set(answer)) > 1:
            return f"Select '{exclusive[0]}' on its own, or the other answers without it"
    return ""


def _grid_problem(answer, codes: Mapping[str, int], rows: frozenset) -> str:
    if not isinstance(answer, dict):
        return "the answer must give a choice for each row"
    for row, value in answer.items():
        if row not in rows:
            return f"'{row}' is not a row of this question"
        if value not in (None, "") and value not in codes:
            return f"'{value}' is not one of the choices"
    return ""


def _answer_problem(item: ItemSpec, answer, codes: Mapping[str, int], rows: frozenset) -> str:
    if answer is None or answer == "" or answer == [] or answer == {}:
        return ""
    if item.type == "text":
        return _text_problem(answer)
    if item.type == "select_multiple":
        return _multiple_problem(item, answer, codes)
    if item.type == "grid":
        return _grid_problem(answer, codes, rows)
    if not isinstance(answer, str) or answer not in codes:
        return f"'{answer}' is not one of the choices"
    return ""


_CACHE: dict[tuple[int, int], Questionnaire] = {}


def load(edition) -> Questionnaire:
    """The edition's questionnaire, read once per process for each revision of the edition."""
    key = (edition.pk, edition.revision)
    cached = _CACHE.get(key)
    if cached is None:
        cached = _CACHE[key] = build(edition)
    return cached


def build(edition) -> Questionnaire:
    from outcomes.surveys.models import Choice, GridRow, Question, Section

    choices: dict[int, list[ChoiceSpec]] = {}
    for c in Choice.objects.filter(question__edition=edition).order_by("question_id", "order"):
        choices.setdefault(c.question_id, []).append(ChoiceSpec(c.name, c.label, c.group, c.exclusive))
    rows: dict[int, list[RowSpec]] = {}
    for r in GridRow.objects.filter(question__edition=edition).order_by("question_id", "order"):
        rows.setdefault(r.question_id, []).append(
            RowSpec(r.name, r.label, r.relevant, conditions.parse(r.relevant))
        )
    sections = {
        s.pk: SectionSpec(
            s.name, s.heading, s.intro, s.info, s.info_title, s.relevant, conditions.parse(s.relevant)
        )
        for s in Section.objects.filter(edition=edition).order_by("order")
    }
    for q in Question.objects.filter(edition=edition).order_by("order"):
        sections[q.section_id].items.append(
            ItemSpec(
                name=q.name,
                type=q.type,
                label=q.label,
                key=q.key,
                number=q.number,
                hint=q.hint,
                info=q.info,
                info_title=q.info_title,
                required=q.required,
                relevant=q.relevant,
                condition=conditions.parse(q.relevant),
                appearance=q.appearance,
                breakdown=q.breakdown,
                list_name=q.list_name,
                indicator=q.indicator,
                indicator_choices=q.indicator_choices,
                tags=q.tags,
                choices=choices.get(q.pk, []),
                rows=rows.get(q.pk, []),
                section=sections[q.section_id].name,
                id=q.pk,
            )
        )
    return Questionnaire(list(sections.values()))


def describe(q: Questionnaire, expr: conditions.Expr | None) -> str:
    """A condition in words, for the people who write and check questionnaires."""
    if expr is None:
        return ""

    def question(ref: conditions.Ref) -> tuple[str, ItemSpec | None]:
        item = q.by_name.get(ref.name)
        name = f"Q{item.number}" if item and item.number else ref.name
        if ref.row and item:
            row = next((r for r in item.rows if r.name == ref.row), None)
            name += f" ‘{row.label if row else ref.row}’"
        return name, item

    def choice(item: ItemSpec | None, value: str) -> str:
        found = item.choice(value) if item else None
        return f"‘{found.label if found else value}’"

    def words(node, nested=False) -> str:
        if isinstance(node, conditions.Compare):
            name, item = question(node.ref)
            return f"{name} is {'' if node.op == '=' else 'not '}{choice(item, node.value)}"
        if isinstance(node, conditions.Selected):
            name, item = question(node.ref)
            if item and item.type == "grid" and not node.ref.row:
                return f"any row of {name} is {choice(item, node.value)}"
            return f"{name} includes {choice(item, node.value)}"
        if isinstance(node, conditions.Answered):
            return f"{question(node.ref)[0]} is answered"
        if isinstance(node, conditions.Not):
            return f"not ({words(node.expr)})"
        joiner = " and " if isinstance(node, conditions.And) else " or "
        joined = joiner.join(words(part, True) for part in node.parts)
        return f"({joined})" if nested else joined

    return words(expr)
