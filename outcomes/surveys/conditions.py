"""Conditions that decide whether a question is shown (the ``relevant`` column of the workbook).

The grammar is XLSForm's, cut down to what a questionnaire needs (docs/decisions/0021-survey-workbook.md):

    ${name} = 'choice'   ${name} != 'choice'   ${grid.row} = 'choice'
    selected(${name}, 'choice')   answered(${name})   not(...)   ... and ...   ... or ...   ( ... )

A question is shown when its section's condition and its own hold, evaluated on the answers to
questions that are themselves shown; a condition that refers to a hidden question hides its
question too, so conditions nest (Q25 = Yes shows Q26 only inside the Q22 young-carer branch).
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache


class ConditionError(ValueError):
    """A condition that cannot be read; the message says where in the text."""


@dataclass(frozen=True)
class Ref:
    name: str
    row: str | None = None

    def __str__(self) -> str:
        return f"${{{self.name}.{self.row}}}" if self.row else f"${{{self.name}}}"


@dataclass(frozen=True)
class Compare:
    ref: Ref
    op: str  # "=" or "!="
    value: str


@dataclass(frozen=True)
class Selected:
    ref: Ref
    value: str


@dataclass(frozen=True)
class Answered:
    ref: Ref


@dataclass(frozen=True)
class Not:
    expr: "Expr"


@dataclass(frozen=True)
class And:
    parts: tuple["Expr", ...]


@dataclass(frozen=True)
class Or:
    parts: tuple["Expr", ...]


Expr = Compare | Selected | Answered | Not | And | Or

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<ref>\$\{\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\.\s*(?P<row>[A-Za-z_][A-Za-z0-9_]*)\s*)?\})
      | (?P<string>'[^']*'|"[^"]*"|‘[^’]*’)
      | (?P<op>!=|=)
      | (?P<punct>[(),])
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    )""",
    re.VERBOSE,
)


def _tokens(text: str) -> list[tuple[str, object, int]]:
    tokens: list[tuple[str, object, int]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            raise ConditionError(f"cannot read '{text[pos:].strip()[:20]}' at character {pos + 1}")
        start = match.start(match.lastgroup) + 1 if match.lastgroup else pos + 1
        if match.group("ref"):
            tokens.append(
                ("ref", Ref(match.group("name").lower(), (match.group("row") or "").lower() or None), start)
            )
        elif match.group("string") is not None:
            tokens.append(("string", match.group("string")[1:-1], start))
        elif match.group("op"):
            tokens.append(("op", match.group("op"), start))
        elif match.group("punct"):
            tokens.append((match.group("punct"), match.group("punct"), start))
        else:
            tokens.append(("word", match.group("word").lower(), start))
        pos = match.end()
    return tokens


# Deeper than any questionnaire needs; a deeper condition is refused with a message.
MAX_DEPTH = 50


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = _tokens(text)
        self.i = 0
        self.depth = 0

    def peek(self) -> tuple[str, object, int] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, kind: str, what: str):
        token = self.peek()
        if token is None or token[0] != kind:
            where = f"at character {token[2]}" if token else "at the end"
            raise ConditionError(f"expected {what} {where}")
        self.i += 1
        return token[1]

    def parse(self) -> Expr:
        if not self.tokens:
            raise ConditionError("the condition is empty")
        expr = self.or_expr()
        token = self.peek()
        if token is not None:
            raise ConditionError(f"unexpected '{token[1]}' at character {token[2]}")
        return expr

    def or_expr(self) -> Expr:
        parts = [self.and_expr()]
        while (token := self.peek()) and token[:2] == ("word", "or"):
            self.i += 1
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self) -> Expr:
        parts = [self.unary()]
        while (token := self.peek()) and token[:2] == ("word", "and"):
            self.i += 1
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self) -> Expr:
        token = self.peek()
        if token is None:
            raise ConditionError("the condition ends too soon")
        kind, value, at = token
        if kind == "(" or (kind == "word" and value == "not"):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                # Checked while parsing, so that a condition nested thousands deep is refused before
                # it could exhaust the stack here or in evaluate() and check().
                raise ConditionError(f"brackets and not() are nested more than {MAX_DEPTH} deep")
        if kind == "(":
            self.i += 1
            expr = self.or_expr()
            self.take(")", "')'")
            self.depth -= 1
            return expr
        if kind == "ref":
            self.i += 1
            op = self.take("op", "'=' or '!='")
            return Compare(value, op, self.take("string", "a choice name in quotes"))
        if kind == "word" and value in {"not", "selected", "answered"}:
            self.i += 1
            self.take("(", f"'(' after {value}")
            if value == "not":
                expr: Expr = Not(self.or_expr())
                self.depth -= 1
            elif value == "answered":
                expr = Answered(self.take("ref", "a question such as ${q1}"))
            else:
                ref = self.take("ref", "a question such as ${q1}")
                self.take(",", "','")
                expr = Selected(ref, self.take("string", "a choice name in quotes"))
            self.take(")", "')'")
            return expr
        raise ConditionError(f"unexpected '{value}' at character {at}")


def parse(text: str) -> Expr | None:
    """The condition written in ``text``, or None when it is blank (always shown)."""
    if text is None or not str(text).strip():
        return None
    return _Parser(str(text)).parse()


def references(expr: Expr | None) -> list[Ref]:
    """Every question (and grid row) the condition reads, in the order written."""
    if expr is None:
        return []
    if isinstance(expr, Compare | Selected | Answered):
        return [expr.ref]
    if isinstance(expr, Not):
        return references(expr.expr)
    return [ref for part in expr.parts for ref in references(part)]


def _value(ref: Ref, answers: Mapping):
    value = answers.get(ref.name)
    if ref.row is not None:
        return value.get(ref.row) if isinstance(value, dict) else None
    return value


def _is_answered(value) -> bool:
    if isinstance(value, dict):
        return any(_is_answered(v) for v in value.values())
    if isinstance(value, list | tuple | set | frozenset):
        return len(value) > 0
    return value not in (None, "")


def evaluate(expr: Expr | None, answers: Mapping) -> bool:
    """Whether the condition holds for these answers (question name -> choice name, list of names
    for tick-boxes, {row: choice} for grids). An unanswered question equals nothing, so
    ``${q} != 'x'`` holds when q is unanswered, as in XLSForm."""
    if expr is None:
        return True
    if isinstance(expr, Compare):
        equal = _value(expr.ref, answers) == expr.value
        return equal if expr.op == "=" else not equal
    if isinstance(expr, Selected):
        value = _value(expr.ref, answers)
        if isinstance(value, list | tuple | set | frozenset):
            return expr.value in value
        if isinstance(value, dict):  # a whole grid: any row with this answer
            return expr.value in value.values()
        return value == expr.value
    if isinstance(expr, Answered):
        return _is_answered(_value(expr.ref, answers))
    if isinstance(expr, Not):
        return not evaluate(expr.expr, answers)
    if isinstance(expr, And):
        return all(evaluate(part, answers) for part in expr.parts)
    return any(evaluate(part, answers) for part in expr.parts)


@dataclass
class Visibility:
    """What a pupil with these answers is shown: questions (by name), and for grids their rows."""

    sections: set[str] = field(default_factory=set)
    questions: set[str] = field(default_factory=set)
    rows: dict[str, list[str]] = field(default_factory=dict)

    def shows(self, name: str) -> bool:
        return name in self.questions


@lru_cache(maxsize=4096)
def _references(expr: Expr) -> tuple[Ref, ...]:
    return tuple(references(expr))


def visibility(questionnaire, answers: Mapping) -> Visibility:
    """Which sections, questions and grid rows are shown, given the answers so far.

    ``questionnaire`` has ``sections`` (each with ``name``, ``condition`` and ``items``) whose items
    have ``name``, ``condition`` and ``rows`` (each with ``name`` and ``condition``), in the order
    pupils meet them (questionnaire.Questionnaire is one)."""
    seen = Visibility()
    shown = seen.questions
    shown_rows = seen.rows
    shown_answers: dict = {}

    def holds(condition) -> bool:
        for ref in _references(condition):
            if ref.name not in shown:
                return False
            if ref.row is not None and ref.row not in shown_rows.get(ref.name, ()):
                return False
        return evaluate(condition, shown_answers)

    for section in questionnaire.sections:
        if section.condition is not None and not holds(section.condition):
            continue
        seen.sections.add(section.name)
        for item in section.items:
            if item.condition is not None and not holds(item.condition):
                continue
            shown.add(item.name)
            answer = answers.get(item.name)
            if item.rows:
                rows = [row.name for row in item.rows if row.condition is None or holds(row.condition)]
                shown_rows[item.name] = rows
                if isinstance(answer, dict) and len(rows) < len(item.rows):
                    answer = {row: answer[row] for row in rows if row in answer}
            shown_answers[item.name] = answer
    return seen


def shown_answers(questionnaire, answers: Mapping, seen: Visibility | None = None) -> dict:
    """The answers with those to hidden questions and rows dropped (a pupil may have answered on
    one page before changing an answer that hides it, or ticked it on paper anyway). ``seen`` is
    the visibility for these answers, when already known."""
    seen = seen or visibility(questionnaire, answers)
    kept: dict = {}
    shown = seen.questions
    for name, answer in answers.items():
        if name not in shown or not answer:
            continue
        if isinstance(answer, dict):
            rows = seen.rows.get(name, ())
            answer = {row: value for row, value in answer.items() if value and row in rows}
            if not answer:
                continue
        kept[name] = answer
    return kept


def check(expr: Expr | None, earlier: Mapping, *, describe: str = "the condition") -> Iterable[str]:
    """Problems with a condition, given the questions that come before it: ``earlier`` maps a
    question name to an object with ``type``, ``choice_names`` and ``row_names``."""
    problems = []
    for ref in references(expr):
        target = earlier.get(ref.name)
        if target is None:
            problems.append(f"{describe} refers to {ref}, which is not a question that comes before it")
            continue
        if ref.row is not None:
            if target.type != "grid":
                problems.append(f"{describe} refers to a row of {ref.name}, which is not a grid")
            elif ref.row not in target.row_names:
                problems.append(f"{describe} refers to {ref}, but the grid {ref.name} has no row '{ref.row}'")
        elif target.type in {"note", "school"}:
            problems.append(f"{describe} refers to {ref}, which takes no answer")
    for node in _comparisons(expr):
        target = earlier.get(node.ref.name)
        if target is None:
            continue
        if isinstance(node, Compare) and target.type == "select_multiple":
            problems.append(
                f"{describe} compares {node.ref} with '=': use selected({node.ref}, '{node.value}') "
                "for a tick-as-many question"
            )
        if isinstance(node, Compare) and target.type == "grid" and node.ref.row is None:
            problems.append(
                f"{describe} compares the whole grid {node.ref.name}: name a row, as in "
                f"${{{node.ref.name}.row}}, or use selected({node.ref}, '{node.value}') for any row"
            )
        if target.type == "text":
            problems.append(f"{describe} compares the free text {node.ref}: only answered() may be used")
        elif target.type not in {"note", "school"} and node.value not in target.choice_names:
            problems.append(f"{describe} uses '{node.value}', which is not a choice of {node.ref.name}")
    return problems


def _comparisons(expr: Expr | None) -> list[Compare | Selected]:
    if expr is None or isinstance(expr, Answered):
        return []
    if isinstance(expr, Compare | Selected):
        return [expr]
    if isinstance(expr, Not):
        return _comparisons(expr.expr)
    return [node for part in expr.parts for node in _comparisons(part)]
