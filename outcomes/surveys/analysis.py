"""Survey results: frequencies for every question with their bases, split by gender and by collapsed
ethnic group, for the borough or one school, with small numbers suppressed (SPEC §3; notes-002 §3.4;
docs/decisions/0030-survey-results-analysis.md, 0031-small-number-suppression.md).

The responses are read in one query into a matrix of answer codes (``storage.codes_and_schools``) and
counted with one ``numpy.bincount`` per answer slot into *atoms*: the pupils of one gender and one
ethnic group with one answer code. Every figure of a table (a count, a base, a group's size) is a
sum of atoms, which is what the suppression works on.

Bases (notes-002 §3.4 items 8-10): *respondents* (every pupil in the scope), *shown* (the pupils
the questionnaire's conditions showed the question to: answer code not 0, decided by the
conditions engine when the response was saved) and *answered* (code 2 or more). A percentage's
base is the pupils who answered unless it says otherwise.
"""

import gc
from collections.abc import Hashable
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
from threadpoolctl import threadpool_limits

from outcomes.surveys import conditions
from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.questionnaire import FIRST_CHOICE, NOT_ANSWERED, NOT_SHOWN, TICKED
from outcomes.surveys.suppression import (
    CELL,
    MARGIN,
    PRIMARY,
    SECONDARY,
    SECONDARY_REASON,
    TOTAL,
    Decided,
    Figure,
    Suppression,
    follows,
    primary_reason,
    suppress,
)

ALL = ("all", "")
NOT_STATED = "Not stated"
CHANGED_NOTE = "This question has been changed since last year therefore comparisons cannot be made"
NEW_NOTE = "This question was not asked last year"
NO_EARLIER_NOTE = "There is no earlier edition to compare with"
ANALYSED_TYPES = {"select_one", "yes_no_dk", "select_multiple", "grid", "text"}


def suppression_threshold(edition=None) -> int:
    """Fewer pupils than this and a figure is not shown: the edition's threshold, never below the
    borough's (setting SURVEY_SUPPRESSION_THRESHOLD); the borough's without an edition."""
    from outcomes.surveys.models import borough_suppression_threshold

    return edition.suppression_threshold_in_force if edition is not None else borough_suppression_threshold()


def percentage(count: int | None, base: int | None) -> Decimal | None:
    """count as a percentage of base, to one decimal place, half up; None when either is not shown
    or the base is empty. Every percentage of the survey results is computed here."""
    if count is None or not base:
        return None
    # round_half_up(Fraction(100 * count, base), 1) in whole numbers: the same value (counts are not
    # negative), without the Fraction and Decimal division that took a tenth of a school report.
    return Decimal((2000 * count + base) // (2 * base)).scaleb(-1)


@dataclass(frozen=True)
class Count:
    """A figure as it may be shown: its value, or None with the reason it is suppressed."""

    value: int | None
    reason: str | None = None
    rule: str | None = None

    @property
    def suppressed(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class Group:
    kind: str  # "all", "gender" or "ethnicity"
    name: str  # the stored value: a gender choice name or a collapsed ethnic group ("" = not stated)
    label: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.name)


@dataclass
class OptionResult:
    name: str
    label: str
    count: Count
    percentage: Decimal | None  # of those who answered
    of_shown: Decimal | None
    of_respondents: Decimal | None
    reason: str | None  # why the percentage is not shown (the count's or the base's reason)
    borough: Decimal | None = None  # school reports: the borough's percentage (of those who answered)
    borough_reason: str | None = None
    previous: list[dict] = field(default_factory=list)


@dataclass
class GroupResult:
    group: Group
    respondents: Count
    shown: Count
    answered: Count
    options: list[OptionResult]


@dataclass
class RowResult:
    name: str | None  # a grid row's name; None for a question that is not a grid
    label: str
    groups: list[GroupResult]
    comparison: dict = field(default_factory=dict)

    def group(self, key) -> GroupResult | None:
        return next((g for g in self.groups if g.group.key == tuple(key)), None)


@dataclass
class QuestionResult:
    name: str
    key: str
    number: int | None
    label: str
    type: str
    section: str
    rows: list[RowResult]


@dataclass
class ParticipationRow:
    code: str
    name: str
    area: str
    status: str
    respondents: Count
    roll: int
    rate: Decimal | None
    reason: str | None


@dataclass
class AreaParticipation:
    name: str
    schools: int  # schools that took part
    respondents: Count
    roll: int
    rate: Decimal | None
    reason: str | None


@dataclass
class Participation:
    schools: list[ParticipationRow]
    areas: list[AreaParticipation]
    respondents: Count
    roll: int  # every pupil of the edition's year groups in the borough
    coverage: Decimal | None  # respondents / roll
    participating_schools: int
    participating_roll: int
    participating_rate: Decimal | None  # respondents / roll of the schools that took part


@dataclass
class Results:
    edition: object
    school: object | None  # None: the borough
    threshold: int
    groups: list[Group]
    respondents: Count
    questions: list[QuestionResult]

    def question(self, name: str) -> QuestionResult:
        return next(q for q in self.questions if q.name == name)


# --- counting -------------------------------------------------------------------------------------


@dataclass
class Tally:
    """Atom counts of one scope: ``slots[s, g, e, code]`` pupils of gender index g and ethnic-group
    index e with answer code ``code`` in slot s; ``demographics[g_code, e_code]`` pupils by their
    codes of the gender and ethnicity questions."""

    slots: np.ndarray
    demographics: np.ndarray | None
    respondents: int


class Breakdowns:
    """The gender and ethnic groups of an edition, and how an answer code maps to them."""

    def __init__(self, q: questionnaires.Questionnaire):
        self.q = q
        self.gender_item = q.breakdown_item("gender")
        self.ethnic_item = q.breakdown_item("ethnicity")
        self.genders = (
            [Group("gender", c.name, c.label) for c in self.gender_item.choices] if (self.gender_item) else []
        )
        self.genders.append(Group("gender", "", NOT_STATED))
        groups: list[str] = []
        if self.ethnic_item:
            for choice in self.ethnic_item.choices:
                name = choice.group or choice.label
                if name not in groups:
                    groups.append(name)
        self.ethnic_groups = [Group("ethnicity", name, name) for name in groups]
        self.ethnic_groups.append(Group("ethnicity", "", NOT_STATED))
        # The code of each breakdown question -> group index ("not stated" last).
        self.gender_of_code = self._code_map(self.gender_item, [g.name for g in self.genders[:-1]], False)
        self.ethnic_of_code = self._code_map(self.ethnic_item, groups, True)

    def _code_map(self, item, names: list[str], by_group: bool) -> np.ndarray:
        size = FIRST_CHOICE + (len(item.choices) if item else 0)
        mapping = np.full(size, len(names), dtype=np.int64)
        for order, choice in enumerate(item.choices if item else []):
            name = (choice.group or choice.label) if by_group else choice.name
            mapping[FIRST_CHOICE + order] = names.index(name)
        return mapping

    def slot_of(self, item) -> int | None:
        return self.q.item_slots(item.name).start if item else None


def tally(codes: np.ndarray, breakdowns: Breakdowns) -> Tally:
    """Count every slot's answer codes by gender and ethnic group: one bincount per slot."""
    q = breakdowns.q
    n = codes.shape[0]
    genders, ethnic = len(breakdowns.genders), len(breakdowns.ethnic_groups)
    width = FIRST_CHOICE + max((len(item.choices) for item in q.items), default=0)
    width = max(width, TICKED + 1)
    gender_slot, ethnic_slot = (
        breakdowns.slot_of(breakdowns.gender_item),
        breakdowns.slot_of(breakdowns.ethnic_item),
    )
    g = (
        breakdowns.gender_of_code[codes[:, gender_slot]]
        if gender_slot is not None
        else np.full(n, genders - 1)
    )
    e = (
        breakdowns.ethnic_of_code[codes[:, ethnic_slot]]
        if ethnic_slot is not None
        else np.full(n, ethnic - 1)
    )
    cell = (g * ethnic + e) * width
    by_slot = np.ascontiguousarray(codes.T)
    slots = np.empty((len(q.slots), genders, ethnic, width), dtype=np.int64)
    for s in range(len(q.slots)):
        slots[s] = np.bincount(cell + by_slot[s], minlength=genders * ethnic * width).reshape(
            genders, ethnic, width
        )
    demographics = None
    if gender_slot is not None and ethnic_slot is not None:
        gw, ew = len(breakdowns.gender_of_code), len(breakdowns.ethnic_of_code)
        demographics = np.bincount(
            by_slot[gender_slot].astype(np.int64) * ew + by_slot[ethnic_slot], minlength=gw * ew
        ).reshape(gw, ew)
    return Tally(slots=slots, demographics=demographics, respondents=n)


# --- building the tables ---------------------------------------------------------------------------


def _conjuncts(expr) -> list:
    if expr is None:
        return []
    if isinstance(expr, conditions.And):
        return [part for p in expr.parts for part in _conjuncts(p)]
    return [expr]


class Conditions:
    """What each question's (or grid row's) conditions make its *shown* base equal to, so that the
    same pupils are suppressed alike wherever they are counted: the pupils shown Q31 are the pupils
    who answered Yes to Q30; those not shown Q9 are those who answered "I don't have breakfast"."""

    def __init__(self, q: questionnaires.Questionnaire):
        self.q = q
        self.section_of = {item.name: section for section in q.sections for item in section.items}
        # Asked for every table and every group of it; the questionnaire does not change meanwhile.
        self._links: dict[tuple, tuple] = {}

    def parts(self, item, row=None) -> tuple:
        section = self.section_of[item.name]
        return tuple(
            _conjuncts(section.condition)
            + _conjuncts(item.condition)
            + _conjuncts(row.condition if row else None)
        )

    def link(self, item, row=None):
        """("respondents",) when always shown; ("same", key) when shown exactly to the pupils of an
        earlier figure; ("complement", key) when hidden exactly from them; ("sum", keys) when shown
        to the pupils of several; ("own", parts) otherwise."""
        key = (item.name, row.name if row else None)
        if key not in self._links:
            self._links[key] = self._link(item, row)
        return self._links[key]

    def _link(self, item, row):
        parts = self.parts(item, row)
        if not parts:
            return ("respondents",)
        own = ("own", parts)
        for index, part in enumerate(parts):
            rest = parts[:index] + parts[index + 1 :]
            refs = conditions.references(part)
            if not refs or len({(r.name, r.row) for r in refs}) != 1:
                continue
            target = self.q.by_name.get(refs[0].name)
            if target is None:
                continue
            target_row = next((r for r in target.rows if r.name == refs[0].row), None)
            implied = set(self.parts(target, target_row))
            if not set(rest) <= implied:
                continue
            found = self._simple(part, target, refs[0].row, bool(implied))
            if found is not None:
                return found
        return own

    def _simple(self, part, target, row, target_conditional: bool):
        if isinstance(part, conditions.Compare) and target.type in {"select_one", "yes_no_dk", "grid"}:
            if target.type == "grid" and row is None:
                return None
            key = ("count", target.name, row, part.value)
            if part.op == "=":
                return ("same", key)
            return None if target_conditional else ("complement", key)
        if isinstance(part, conditions.Selected) and target.type == "select_multiple":
            return ("same", ("count", target.name, None, part.value))
        if isinstance(part, conditions.Selected) and target.type in {"select_one", "yes_no_dk"}:
            return ("same", ("count", target.name, None, part.value))
        if isinstance(part, conditions.Answered) and target.type != "grid":
            return ("same", ("answered", target.name, None))
        if isinstance(part, conditions.Or):
            keys = []
            for sub in part.parts:
                if not (isinstance(sub, conditions.Compare) and sub.op == "="):
                    return None
                keys.append(("count", target.name, row, sub.value))
            if target.type == "grid" and row is None:
                return None
            return ("sum", tuple(keys))
        return None


class Scope:
    """One scope's tables (the borough, or one school), built item by item in questionnaire order
    so that a figure shared with an earlier table (a group's size, the pupils routed to a question)
    keeps the decision made there."""

    def __init__(self, q, breakdowns: Breakdowns, tally_: Tally, threshold: int):
        self.q, self.b, self.t, self.threshold = q, breakdowns, tally_, threshold
        self.conditions = Conditions(q)
        self.decisions: dict[Hashable, Suppression | None] = {}
        self.values: dict[Hashable, int] = {}
        self.group_sizes: dict[tuple, int] = {}
        self.hidden_groups: dict[tuple, Suppression] = {}
        # Each question's (grid row's) figures and what was suppressed, for the questions after it.
        self.tables: dict[tuple, tuple[list[Figure], dict]] = {}
        # Tables of the same shape have the same atoms: each figure's tuple is made once.
        self.atoms: dict[tuple, tuple[int, ...]] = {}
        self.members: dict[tuple[str, str], list[tuple[int, int]]] = {}
        # Answers whose pupils together are a later question's shown base ("tried it" or "drink
        # every or most days" for Q42): their total is protected in the earlier table too.
        self.unions: dict[tuple, set[tuple]] = {}
        for item in q.items:
            for row in item.rows if item.type == "grid" else [None]:
                link = self.conditions.link(item, row)
                if link[0] == "sum":
                    _, target, target_row, _ = link[1][0]
                    self.unions.setdefault((target, target_row), set()).add(link[1])

    # -- groups -------------------------------------------------------------------------------
    def groups(self) -> list[Group]:
        """All pupils, then the gender and ethnic groups that have any pupils here (not stated
        only when someone did not state it)."""
        return [Group("all", "", "All pupils")] + [
            g for g in self.b.genders + self.b.ethnic_groups if self.group_sizes.get(g.key, 0) > 0
        ]

    def _members(self, group: Group):
        """(gender index, ethnic index) pairs in a group, leaving out groups without pupils here
        (their absence is published, so their cells are known to be empty)."""
        # Asked for every group of every table; the sizes it depends on change only in demographics().
        if group.key not in self.members:
            self.members[group.key] = self._find_members(group)
        return self.members[group.key]

    def _find_members(self, group: Group):
        genders = [i for i, g in enumerate(self.b.genders) if self.group_sizes.get(g.key, 0)]
        ethnic = [i for i, e in enumerate(self.b.ethnic_groups) if self.group_sizes.get(e.key, 0)]
        if group.kind == "gender":
            genders = [self.b.genders.index(group)]
        elif group.kind == "ethnicity":
            ethnic = [self.b.ethnic_groups.index(group)]
        return [(g, e) for g in genders for e in ethnic]

    def record(self, figures: list[Figure], decisions: dict) -> None:
        for figure in figures:
            self.values[figure.key] = figure.value
            if figure.decided is not None:
                self.decisions.setdefault(figure.key, figure.decided.suppression)
            else:
                self.decisions[figure.key] = decisions.get(figure.key)

    def count(self, key) -> Count:
        decision = self.decisions.get(key)
        if decision is not None:
            return Count(None, decision.reason, decision.rule)
        return Count(self.values.get(key, 0))

    # -- the demographic table: the gender and ethnicity questions and the groups' sizes ---------
    def demographics(self) -> None:
        b = self.b
        figures: list[Figure] = []
        gw, ew = len(b.gender_of_code), len(b.ethnic_of_code)
        counts = self.t.demographics
        if counts is None:
            counts = np.zeros((gw, ew), dtype=np.int64)
            counts[0, 0] = self.t.respondents
        atom = {(gc, ec): gc * ew + ec for gc in range(gw) for ec in range(ew)}

        def figure(key, cells, level=CELL, base=None):
            cells = list(cells)
            return Figure(
                key, int(sum(counts[c] for c in cells)), tuple(atom[c] for c in cells), base=base, level=level
            )

        every = list(atom)
        figures.append(figure(("respondents", ALL), every, level=TOTAL))
        for index, group in enumerate(b.genders):
            cells = [c for c in every if b.gender_of_code[c[0]] == index]
            figures.append(figure(("respondents", group.key), cells, level=TOTAL))
            self.group_sizes[group.key] = int(sum(counts[c] for c in cells))
        for index, group in enumerate(b.ethnic_groups):
            cells = [c for c in every if b.ethnic_of_code[c[1]] == index]
            figures.append(figure(("respondents", group.key), cells, level=TOTAL))
            self.group_sizes[group.key] = int(sum(counts[c] for c in cells))
        self.group_sizes[ALL] = self.t.respondents
        self.members.clear()
        for item, position in ((b.gender_item, 0), (b.ethnic_item, 1)):
            if item is None:
                continue
            answered = [c for c in every if c[position] >= FIRST_CHOICE]
            figures.append(figure(("answered", item.name, None, ALL), answered, level=TOTAL))
            for order, choice in enumerate(item.choices):
                cells = [c for c in every if c[position] == FIRST_CHOICE + order]
                figures.append(
                    figure(
                        ("count", item.name, None, choice.name, ALL),
                        cells,
                        base=("answered", item.name, None, ALL),
                    )
                )
        decisions = suppress(figures, self.threshold)
        self.record(figures, decisions)
        for group in b.genders + b.ethnic_groups:
            decision = self.decisions.get(("respondents", group.key))
            if decision is not None:
                self.hidden_groups[group.key] = decision

    # -- one question, or one row of a grid ---------------------------------------------------
    def item_table(self, item, row=None, groups=None) -> list[Figure]:
        """The figures of one question (or grid row) for every group: counts, answered, shown,
        respondents, and the pupils not shown it where a condition can hide it."""
        groups = groups or self.groups()
        link = self.conditions.link(item, row)
        outcomes, values = self._outcomes(item, row, conditional=link != ("respondents",))
        index = {outcome: position for position, outcome in enumerate(outcomes)}
        answered = [o for o in outcomes if o not in (NOT_SHOWN, NOT_ANSWERED) and not isinstance(o, tuple)]
        if item.type == "select_multiple" or item.type == "text":
            answered = ["answered"]
        shown_outcomes = [o for o in outcomes if o != NOT_SHOWN and not isinstance(o, tuple)]
        every = [o for o in outcomes if not isinstance(o, tuple)]
        row_name = row.name if row else None
        ethnic, width = len(self.b.ethnic_groups), len(outcomes)
        # Each figure's outcome columns, the same in every group.
        every_columns = tuple(index[o] for o in every)
        shown_columns = tuple(index[o] for o in shown_outcomes)
        answered_columns = tuple(index[o] for o in answered)
        unions = [
            (union, tuple(index[FIRST_CHOICE + item.choice_names.index(key[3])] for key in union))
            for union in sorted(self.unions.get((item.name, row_name), ()))
        ]
        options = []
        if item.type != "text":
            for order, choice in enumerate(item.choices):
                outcome = ("ticked", order) if item.type == "select_multiple" else FIRST_CHOICE + order
                options.append((choice.name, (index[outcome],)))
        figures: list[Figure] = []
        for group in groups:
            gk, members = group.key, self._members(group)
            hidden = self.hidden_groups.get(gk)
            cells = tuple(g * ethnic + e for g, e in members)
            totals = values[list(cells)].sum(axis=0).tolist()

            def make(
                key,
                columns,
                *,
                base=None,
                level=None,
                shown=True,
                decided=None,
                cells=cells,
                hidden=hidden,
                kind=group.kind,
                totals=totals,
            ) -> Figure:
                ids = self._atom_ids(cells, columns, width)
                value = sum(map(totals.__getitem__, columns))
                if hidden is not None and shown:
                    decided = Decided(hidden)
                if level is None:
                    level = MARGIN if kind == "all" else CELL
                return Figure(key, value, ids, base=base, level=level, shown=shown, decided=decided)

            answered_key = ("answered", item.name, row_name, gk)
            respondents = self._decided(("respondents", gk))
            figures.append(make(("respondents", gk), every_columns, level=TOTAL, decided=respondents))
            shown_key, shown_decided = self._shown(link, gk)
            figures.append(make(shown_key, shown_columns, level=TOTAL, decided=shown_decided))
            if link[0] == "complement":
                key = (*link[1], gk)
                figures.append(make(key, (index[NOT_SHOWN],), shown=False, decided=self._decided(key)))
            elif link[0] == "own":
                figures.append(make(("not_shown", link[1], gk), (index[NOT_SHOWN],), shown=False))
            figures.append(make(answered_key, answered_columns, level=TOTAL))
            for union, columns in unions:
                figures.append(make(("union", union, gk), columns, shown=False))
            for name, columns in options:
                figures.append(make(("count", item.name, row_name, name, gk), columns, base=answered_key))
        empty = [cell * width + column for cell, column in zip(*np.nonzero(values == 0), strict=True)]
        decisions = suppress(figures, self.threshold, empty=empty)
        self.record(figures, decisions)
        self.tables[(item.name, row_name)] = (figures, decisions)
        return figures

    def _atom_ids(self, cells: tuple[int, ...], columns: tuple[int, ...], width: int) -> tuple[int, ...]:
        """The atoms of the outcomes ``columns`` in the group of ``cells`` (gender x ethnic)."""
        key = (cells, columns, width)
        found = self.atoms.get(key)
        if found is None:
            found = self.atoms[key] = tuple(cell * width + column for cell in cells for column in columns)
        return found

    def _outcomes(self, item, row, *, conditional: bool) -> tuple[list, np.ndarray]:
        """The outcomes that split a question's pupils (not shown, not answered, each answer; for
        tick-as-many: answered, and each box ticked apart) and their counts [gender x ethnic, outcome]."""
        slots = list(self.q.item_slots(item.name))
        if item.type == "grid":
            slots = [self.q.slot_index[(item.name, row.name)]]
        counts = self.t.slots[slots[0]]
        genders, ethnic = counts.shape[0], counts.shape[1]
        flat = counts.reshape(genders * ethnic, -1)
        outcomes: list = [NOT_SHOWN] if conditional else []
        columns = [flat[:, NOT_SHOWN]] if conditional else []
        outcomes.append(NOT_ANSWERED)
        columns.append(flat[:, NOT_ANSWERED])
        if item.type in {"select_multiple", "text"}:
            outcomes.append("answered")
            columns.append(flat[:, FIRST_CHOICE:].sum(axis=1))
        if item.type == "select_multiple":
            for order, slot in enumerate(slots):
                outcomes.append(("ticked", order))
                columns.append(self.t.slots[slot].reshape(genders * ethnic, -1)[:, TICKED])
        elif item.type != "text":
            for order in range(len(item.choices)):
                outcomes.append(FIRST_CHOICE + order)
                columns.append(flat[:, FIRST_CHOICE + order])
        return outcomes, np.stack(columns, axis=1)

    def _decided(self, key) -> Decided | None:
        if key not in self.decisions:
            return None
        return Decided(self.decisions[key])

    @staticmethod
    def _shown_key(link, gk):
        """The key of the shown base."""
        if link[0] == "respondents":
            return ("respondents", gk)
        if link[0] == "same":
            return (*link[1], gk)
        return ("shown", link[1], gk)

    def _shown(self, link, gk):
        """The key of the shown base and, when an earlier table decided it, that decision."""
        kind = link[0]
        key = self._shown_key(link, gk)
        if kind == "sum":
            keys = [(*k, gk) for k in link[1]]
            if not all(k in self.decisions for k in keys):
                return key, None
            value = sum(self.values.get(k, 0) for k in keys)
            if 0 < value < self.threshold:
                # The earlier table protected this total as a figure of its own.
                return key, Decided(
                    self.decisions.get(("union", link[1], gk))
                    or Suppression(PRIMARY, primary_reason(self.threshold))
                )
            if all(self.decisions[k] is None for k in keys) or self._sum_follows(keys):
                return key, Decided(None)
            return key, Decided(Suppression(SECONDARY, SECONDARY_REASON))
        return key, self._decided(key)

    def _sum_follows(self, keys) -> bool:
        """Whether the earlier table's figures as shown give away the sum of these of its figures
        (the boys who tried alcohol or drink it daily: all boys who answered less those who never
        did), so that the same pupils counted elsewhere need no hiding."""
        _, item, row, *_ = keys[0]
        figures, hidden = self.tables.get((item, row), ([], {}))
        by_key = {f.key: f for f in figures}
        if not all(k in by_key for k in keys):
            return False
        return follows(figures, hidden, [a for k in keys for a in by_key[k].atoms])

    # -- results -------------------------------------------------------------------------------
    def question_result(self, item) -> QuestionResult:
        is_breakdown = item.breakdown in {"gender", "ethnicity"}
        groups = [Group("all", "", "All pupils")] if is_breakdown else self.groups()
        rows = item.rows if item.type == "grid" else [None]
        results = []
        for row in rows:
            if not is_breakdown:
                self.item_table(item, row, groups)
            results.append(
                RowResult(
                    row.name if row else None,
                    row.label if row else item.label,
                    [self.group_result(item, row, group) for group in groups],
                )
            )
        return QuestionResult(
            item.name, item.key or item.name, item.number, item.label, item.type, item.section, results
        )

    def group_result(self, item, row, group: Group) -> GroupResult:
        row_name = row.name if row else None
        gk = group.key
        shown_key = self._shown_key(self.conditions.link(item, row), gk)
        respondents = self.count(("respondents", gk))
        shown = self.count(shown_key)
        answered = self.count(("answered", item.name, row_name, gk))
        options = []
        if item.type != "text":
            for choice in item.choices:
                count = self.count(("count", item.name, row_name, choice.name, gk))
                options.append(
                    OptionResult(
                        name=choice.name,
                        label=choice.label,
                        count=count,
                        percentage=percentage(count.value, answered.value),
                        of_shown=percentage(count.value, shown.value),
                        of_respondents=percentage(count.value, respondents.value),
                        reason=count.reason or answered.reason,
                    )
                )
        return GroupResult(group, respondents, shown, answered, options)


def analyse_codes(edition, q, codes: np.ndarray, *, school=None, threshold: int | None = None) -> Results:
    """Every question's frequencies for the responses in ``codes`` (one scope), suppressed."""
    # Hundreds of small decompositions: BLAS threads only fight over the cores (17 ms each, not 0.5).
    # Some hundred thousand short-lived objects, none in a cycle: the cyclic collector would only walk
    # the results kept in the process over and over (up to a tenth of a school report).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with threadpool_limits(limits=1, user_api="blas"):
            return _analyse_codes(edition, q, codes, school=school, threshold=threshold)
    finally:
        if collecting:
            gc.enable()


def _analyse_codes(edition, q, codes: np.ndarray, *, school=None, threshold: int | None = None) -> Results:
    threshold = threshold or suppression_threshold(edition)
    breakdowns = Breakdowns(q)
    scope = Scope(q, breakdowns, tally(codes, breakdowns), threshold)
    scope.demographics()
    questions = [scope.question_result(item) for item in q.items if item.type in ANALYSED_TYPES]
    return Results(
        edition=edition,
        school=school,
        threshold=threshold,
        groups=scope.groups(),
        respondents=scope.count(("respondents", ALL)),
        questions=questions,
    )


# --- the results of an edition ---------------------------------------------------------------------

_CACHE: dict[tuple, Results] = {}
_CACHE_SIZE = 16
# Each edition's answer codes and every response's school, as last read, with the fingerprint of
# that read: a school report takes its rows from them, in the same request as the borough's figures
# it is compared with, rather than reading the school's responses again.
_ANSWERS: dict[int, tuple[tuple, questionnaires.Questionnaire, np.ndarray, np.ndarray]] = {}
_ANSWERS_EDITIONS = 3


def _fingerprint(edition) -> tuple:
    """What changes when the responses do: their number and the sum of their (random) keys, or of a
    64-bit hash of each on PostgreSQL. A response added, removed or put in the place of another
    changes it."""
    from django.db import connection

    from outcomes.surveys.models import Response

    if connection.vendor == "postgresql":
        # Summed by the server: every request waits for this, and it takes half as long as the
        # extreme keys as text did.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*), sum(uuid_hash_extended(id, 0)) FROM {Response._meta.db_table} "
                "WHERE edition_id = %s",
                [edition.pk],
            )
            n, total = cursor.fetchone()
        return (edition.pk, edition.revision, n, total)
    # SQLite (development and tests, hundreds of responses) has no hash to sum: the keys themselves.
    keys = Response.objects.filter(edition=edition).values_list("id", flat=True)
    return (edition.pk, edition.revision, len(keys), sum(key.int for key in keys))


def _cached(key: tuple, build):
    if key not in _CACHE:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = build()
    return _CACHE[key]


def _answers(edition, fingerprint: tuple) -> tuple[questionnaires.Questionnaire, np.ndarray, np.ndarray]:
    """The edition's questionnaire, answer codes and each response's school, as of ``fingerprint``."""
    from outcomes.surveys import storage

    kept = _ANSWERS.pop(edition.pk, None)
    if kept is None or kept[0] != fingerprint:
        kept = (fingerprint, *storage.codes_and_schools(edition))
    while len(_ANSWERS) >= _ANSWERS_EDITIONS:
        _ANSWERS.pop(next(iter(_ANSWERS)))
    _ANSWERS[edition.pk] = kept
    return kept[1:]


def _borough(edition, threshold: int, fingerprint: tuple) -> Results:
    def build() -> Results:
        q, codes, _ = _answers(edition, fingerprint)
        return analyse_codes(edition, q, codes, threshold=threshold)

    return _cached((fingerprint, None, threshold), build)


def borough_results(edition, *, threshold: int | None = None, compare: bool = True) -> Results:
    """Every question's borough-wide frequencies, split by gender and ethnic group, suppressed, and
    compared with earlier editions where the question is unchanged."""
    threshold = threshold or suppression_threshold(edition)
    results = _borough(edition, threshold, _fingerprint(edition))
    if compare:
        compare_with_earlier(results)
    return results


def school_results(edition, school, *, threshold: int | None = None) -> Results:
    """One school's frequencies (with its own gender and ethnic splits), each beside the borough's
    percentage, suppressed."""
    threshold = threshold or suppression_threshold(edition)
    # One fingerprint for both: the school's figures and the borough's beside them are of the same
    # responses, and kept (or renewed) together.
    fingerprint = _fingerprint(edition)

    def build() -> Results:
        q, codes, schools = _answers(edition, fingerprint)
        results = analyse_codes(edition, q, codes[schools == school.pk], school=school, threshold=threshold)
        borough = _borough(edition, threshold, fingerprint)
        for question in results.questions:
            other = borough.question(question.name)
            for row, borough_row in zip(question.rows, other.rows, strict=True):
                everyone = borough_row.group(ALL)
                for group in row.groups:
                    for option, theirs in zip(group.options, everyone.options, strict=True):
                        option.borough, option.borough_reason = theirs.percentage, theirs.reason
        return results

    return _cached((fingerprint, school.pk, threshold), build)


def _same_question(item, earlier) -> bool:
    """Unchanged since the earlier edition: same type, label and choices (names and labels)."""
    return (
        earlier is not None
        and earlier.type == item.type
        and earlier.label.strip() == item.label.strip()
        and [(c.name, c.label) for c in earlier.choices] == [(c.name, c.label) for c in item.choices]
    )


def compare_with_earlier(results: Results) -> None:
    """Set each row's comparison and each all-pupils option's earlier percentages, going back
    edition by edition while the question stays unchanged (notes-002 §3.4 items 2 and 11)."""
    from outcomes.surveys.models import Edition

    edition = results.edition
    if edition is None:
        return
    earlier_editions = list(
        Edition.objects.filter(survey_id=edition.survey_id, phase=edition.phase, year__lt=edition.year)
        .exclude(pk=edition.pk)
        .order_by("-year")
    )
    earlier_results: dict[int, Results] = {}

    def results_of(other) -> Results:
        if other.pk not in earlier_results:
            # The stricter of the two: the earlier edition's figures are never shown here below the
            # threshold its own reports kept to.
            threshold = max(results.threshold, suppression_threshold(other))
            earlier_results[other.pk] = borough_results(other, threshold=threshold, compare=False)
        return earlier_results[other.pk]

    q = questionnaires.load(edition)
    for question in results.questions:
        item = q.by_name[question.name]
        for row in question.rows:
            row.comparison = {"status": "none", "note": NO_EARLIER_NOTE, "editions": []}
            for option in row.group(ALL).options:
                option.previous = []
            for position, other in enumerate(earlier_editions):
                theirs = questionnaires.load(other)
                found = next((i for i in theirs.items if (i.key or i.name) == question.key), None)
                their_row = None
                if found is not None and row.name is not None:
                    their_row = next((r for r in found.rows if r.name == row.name), None)
                unchanged = _same_question(item, found) and (
                    row.name is None or (their_row is not None and their_row.label == row.label)
                )
                if not unchanged:
                    if position == 0:
                        note = CHANGED_NOTE if found is not None else NEW_NOTE
                        status = "changed" if found else "new"
                        row.comparison = {"status": status, "note": note, "editions": []}
                    break
                previous = results_of(other).question(found.name)
                their_result = next(r for r in previous.rows if r.name == row.name).group(ALL)
                editions = [*row.comparison.get("editions", []), {"slug": other.slug, "year": other.year}]
                row.comparison = {"status": "compared", "note": "", "editions": editions}
                for option in row.group(ALL).options:
                    theirs_option = next(o for o in their_result.options if o.name == option.name)
                    option.previous.append(
                        {
                            "edition": other.slug,
                            "year": other.year,
                            "percentage": theirs_option.percentage,
                            "reason": theirs_option.reason,
                        }
                    )


def participation(edition, *, threshold: int | None = None) -> Participation:
    """Respondents, roll and response rate by school and by area, and the borough's coverage
    (seed 002: 572 of 2,996 Year 5 pupils = 19%; 80% within the 15 schools that took part), with
    respondent counts of fewer than ``threshold`` suppressed and what would give them away."""
    from django.db.models import Sum

    from outcomes.surveys.models import School, SchoolParticipation, SchoolRoll
    from outcomes.surveys.services import respondents_by_school

    threshold = threshold or suppression_threshold(edition)
    answered = respondents_by_school(edition)
    rolls = {
        row["school"]: row["pupils"]
        for row in SchoolRoll.objects.filter(year=edition.year, year_group__in=edition.year_group_list)
        .values("school")
        .annotate(pupils=Sum("pupils"))
        .order_by()
    }
    statuses = dict(SchoolParticipation.objects.filter(edition=edition).values_list("school_id", "status"))
    labels = dict(SchoolParticipation.STATUSES)
    schools = [
        s
        for s in School.objects.filter(phase=edition.phase)
        .select_related("area")
        .order_by("area__order", "area__name", "is_group", "name")
        if s.pk in rolls or s.pk in answered or s.pk in statuses
    ]
    total = sum(answered.values())
    area_names = list(dict.fromkeys(s.area.name if s.area else "" for s in schools))
    figures = [Figure(("school", s.pk), answered.get(s.pk, 0), (s.pk,)) for s in schools]
    for name in area_names:
        members = [s for s in schools if (s.area.name if s.area else "") == name]
        figures.append(
            Figure(
                ("area", name),
                sum(answered.get(s.pk, 0) for s in members),
                tuple(s.pk for s in members),
                level=MARGIN,
            )
        )
    borough_decision = borough_results(edition, threshold=threshold, compare=False).respondents
    figures.append(
        Figure(
            ("respondents", ALL),
            total,
            tuple(s.pk for s in schools),
            level=TOTAL,
            decided=Decided(
                Suppression(borough_decision.rule, borough_decision.reason)
                if borough_decision.suppressed
                else None
            ),
        )
    )
    hidden = suppress(figures, threshold)

    def count(key, value) -> Count:
        decision = hidden.get(key)
        return Count(None, decision.reason, decision.rule) if decision else Count(value)

    rows = []
    for s in schools:
        status = SchoolParticipation.PARTICIPATED if answered.get(s.pk) else statuses.get(s.pk, "")
        respondents = count(("school", s.pk), answered.get(s.pk, 0))
        roll = rolls.get(s.pk, 0)
        rows.append(
            ParticipationRow(
                s.code,
                s.name,
                s.area.name if s.area else "",
                labels.get(status, ""),
                respondents,
                roll,
                percentage(respondents.value, roll),
                respondents.reason,
            )
        )
    areas = []
    for name in area_names:
        members = [s for s in schools if (s.area.name if s.area else "") == name]
        respondents = count(("area", name), sum(answered.get(s.pk, 0) for s in members))
        roll = sum(rolls.get(s.pk, 0) for s in members)
        areas.append(
            AreaParticipation(
                name,
                sum(1 for s in members if answered.get(s.pk)),
                respondents,
                roll,
                percentage(respondents.value, roll),
                respondents.reason,
            )
        )
    everyone = count(("respondents", ALL), total)
    borough_roll = sum(rolls.get(s.pk, 0) for s in schools)
    taking_part = [s for s in schools if answered.get(s.pk)]
    their_roll = sum(rolls.get(s.pk, 0) for s in taking_part)
    return Participation(
        schools=rows,
        areas=areas,
        respondents=everyone,
        roll=borough_roll,
        coverage=percentage(everyone.value, borough_roll),
        participating_schools=len(taking_part),
        participating_roll=their_roll,
        participating_rate=percentage(everyone.value, their_roll),
    )


def school_participation(results: Results) -> ParticipationRow:
    """A school's own respondents, roll and rate, as its report shows them."""
    from django.db.models import Sum

    from outcomes.surveys.models import SchoolRoll

    school, edition = results.school, results.edition
    roll = (
        SchoolRoll.objects.filter(
            school=school, year=edition.year, year_group__in=edition.year_group_list
        ).aggregate(pupils=Sum("pupils"))["pupils"]
        or 0
    )
    respondents = results.respondents
    return ParticipationRow(
        school.code,
        school.name,
        school.area.name if school.area else "",
        "",
        respondents,
        roll,
        percentage(respondents.value, roll),
        respondents.reason,
    )


# --- as data ---------------------------------------------------------------------------------------


def _number(value: Decimal | None):
    return None if value is None else float(value)


def _count_json(count: Count) -> dict:
    return {"count": count.value, "reason": count.reason}


def results_as_json(
    results: Results, participation_: Participation | None = None, own: ParticipationRow | None = None
) -> dict:
    """The results as plain data (``survey_report`` prints this): per question, grid row, group and
    option the ``count``, ``base`` (those who answered) and ``percentage``, null where suppressed
    with the ``reason``; and participation."""
    edition, school = results.edition, results.school
    data: dict = {
        "edition": {
            "slug": edition.slug,
            "title": edition.title,
            "year": edition.year,
            "phase": edition.phase,
        },
        "scope": (
            {"kind": "school", "school": school.code, "name": school.name} if school else {"kind": "borough"}
        ),
        "threshold": results.threshold,
        "suppression_note": (
            f"Figures based on fewer than {results.threshold} pupils are not shown (null, with the reason), "
            "nor are figures from which they could be worked out."
        ),
        "respondents": _count_json(results.respondents),
        "questions": [],
    }
    for question in results.questions:
        rows = []
        for row in question.rows:
            groups = []
            for group in row.groups:
                answered = group.answered
                options = []
                for option in group.options:
                    entry = {
                        "option": option.name,
                        "label": option.label,
                        "count": option.count.value,
                        "base": answered.value,
                        "percentage": _number(option.percentage),
                        "reason": option.reason,
                        "of_shown": {"base": group.shown.value, "percentage": _number(option.of_shown)},
                        "of_respondents": {
                            "base": group.respondents.value,
                            "percentage": _number(option.of_respondents),
                        },
                    }
                    if school is not None:
                        entry["borough_percentage"] = _number(option.borough)
                        entry["borough_reason"] = option.borough_reason
                    if option.previous:
                        entry["previous"] = [
                            {**p, "percentage": _number(p["percentage"])} for p in option.previous
                        ]
                    options.append(entry)
                groups.append(
                    {
                        "breakdown": group.group.kind,
                        "group": group.group.name,
                        "label": group.group.label,
                        "respondents": _count_json(group.respondents),
                        "shown": _count_json(group.shown),
                        "answered": _count_json(group.answered),
                        "options": options,
                    }
                )
            entry = {"row": row.name, "label": row.label, "breakdowns": groups}
            if row.comparison:
                entry["comparison"] = row.comparison
            rows.append(entry)
        data["questions"].append(
            {
                "name": question.name,
                "key": question.key,
                "number": question.number,
                "label": question.label,
                "type": question.type,
                "section": question.section,
                "rows": rows,
            }
        )
    if participation_ is not None:
        data["participation"] = [_participation_json(row) for row in participation_.schools]
        data["participation_by_area"] = [
            {
                "area": area.name,
                "schools": area.schools,
                "respondents": area.respondents.value,
                "roll": area.roll,
                "rate": _number(area.rate),
                "reason": area.reason,
            }
            for area in participation_.areas
        ]
        data["coverage"] = {
            "respondents": participation_.respondents.value,
            "roll": participation_.roll,
            "rate": _number(participation_.coverage),
            "participating_schools": participation_.participating_schools,
            "participating_roll": participation_.participating_roll,
            "participating_rate": _number(participation_.participating_rate),
        }
    if own is not None:
        data["participation"] = [_participation_json(own)]
    return data


def _participation_json(row: ParticipationRow) -> dict:
    return {
        "school": row.code,
        "name": row.name,
        "area": row.area,
        "status": row.status,
        "respondents": row.respondents.value,
        "roll": row.roll,
        "rate": _number(row.rate),
        "reason": row.reason,
    }
