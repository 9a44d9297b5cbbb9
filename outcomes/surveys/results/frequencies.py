"""Frequencies of one scope (the borough, or one school): every question's table for every group,
built in questionnaire order and suppressed (docs/decisions/0030, 0031)."""

import gc
from collections.abc import Hashable

import numpy as np
from threadpoolctl import threadpool_limits

from outcomes.surveys.questionnaire import FIRST_CHOICE, NOT_ANSWERED, NOT_SHOWN, TICKED
from outcomes.surveys.results.counting import Breakdowns, Tally, tally
from outcomes.surveys.results.figures import (
    ALL,
    ANALYSED_TYPES,
    Count,
    Group,
    GroupResult,
    OptionResult,
    QuestionResult,
    Results,
    RowResult,
    percentage,
    suppression_threshold,
)
from outcomes.surveys.results.routing import Conditions
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


class Scope:
    """One scope's tables (the borough, or one school), built item by item in questionnaire order
    so that a figure shared with an earlier table (a group's size, the pupils routed to a question)
    keeps the decision made there."""

    def __init__(self, q, breakdowns: Breakdowns, tally_: Tally, threshold: int, forced=frozenset()):
        self.q, self.b, self.t, self.threshold = q, breakdowns, tally_, threshold
        self.conditions = Conditions(q)
        # Figures another output of the same release (or an earlier release) needs hidden here,
        # as figure identities (``figure_identity``): hidden as secondary, and protected in turn.
        self.forced = {self._key_of(identity) for identity in forced}
        # Every figure's true value by identity, for the checks across a release's outputs.
        self.truth: dict[tuple, int] = {}
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

    def _key_of(self, identity: tuple) -> Hashable:
        """The table key of a figure identity (question, grid row, group key, what)."""
        question, row_name, gk, what = identity
        gk = tuple(gk)
        if what == "respondents":
            return ("respondents", gk)
        if what == "answered":
            return ("answered", question, row_name, gk)
        if what == "shown":
            item = self.q.by_name[question]
            row = next((r for r in item.rows if r.name == row_name), None) if row_name else None
            return self._shown_key(self.conditions.link(item, row), gk)
        return ("count", question, row_name, what[1], gk)

    def _decision(self, key, decided: Decided | None, hidden: Suppression | None, shown: bool):
        """A shown figure of a hidden group is hidden with it; else a figure forced hidden is."""
        if hidden is not None and shown:
            return Decided(hidden)
        if decided is None and shown:
            return self._forced(key)
        return decided

    def _forced(self, key) -> Decided | None:
        return Decided(Suppression(SECONDARY, SECONDARY_REASON)) if key in self.forced else None

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
                key,
                int(sum(counts[c] for c in cells)),
                tuple(atom[c] for c in cells),
                base=base,
                level=level,
                decided=self._forced(key),
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
                decided = self._decision(key, decided, hidden, shown)
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
        truth = self.truth
        truth[(item.name, row_name, gk, "respondents")] = self.values.get(("respondents", gk), 0)
        truth[(item.name, row_name, gk, "shown")] = self.values.get(shown_key, 0)
        truth[(item.name, row_name, gk, "answered")] = self.values.get(
            ("answered", item.name, row_name, gk), 0
        )
        options = []
        if item.type != "text":
            for choice in item.choices:
                count = self.count(("count", item.name, row_name, choice.name, gk))
                truth[(item.name, row_name, gk, ("option", choice.name))] = self.values.get(
                    ("count", item.name, row_name, choice.name, gk), 0
                )
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


def analyse_codes(
    edition, q, codes: np.ndarray, *, school=None, threshold: int | None = None, forced=frozenset()
) -> Results:
    """Every question's frequencies for the responses in ``codes`` (one scope), suppressed."""
    # Hundreds of small decompositions: BLAS threads only fight over the cores (17 ms each, not 0.5).
    # Some hundred thousand short-lived objects, none in a cycle: the cyclic collector would only walk
    # the results kept in the process over and over (up to a tenth of a school report).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with threadpool_limits(limits=1, user_api="blas"):
            return _analyse_codes(edition, q, codes, school=school, threshold=threshold, forced=forced)
    finally:
        if collecting:
            gc.enable()


def _analyse_codes(
    edition, q, codes: np.ndarray, *, school=None, threshold=None, forced=frozenset()
) -> Results:
    threshold = threshold or suppression_threshold(edition)
    breakdowns = Breakdowns(q)
    scope = Scope(q, breakdowns, tally(codes, breakdowns), threshold, forced)
    scope.demographics()
    questions = [scope.question_result(item) for item in q.items if item.type in ANALYSED_TYPES]
    return Results(
        edition=edition,
        school=school,
        threshold=threshold,
        groups=scope.groups(),
        respondents=scope.count(("respondents", ALL)),
        questions=questions,
        truth=scope.truth,
    )
