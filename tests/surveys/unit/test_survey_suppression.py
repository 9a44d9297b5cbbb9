"""The small-number suppression rules, one by one (outcomes/surveys/suppression.py; decision 0031).

Whether a hidden figure can be worked out is checked here independently of the module: by the rank
of the shown figures' vectors, and for small tables by listing every table of non-negative whole
numbers that agrees with what is shown (what someone with the published table and a pencil can do,
knowing that a cell marked "fewer than 10 pupils" holds 1 to 9).
"""

import itertools
import random

import numpy as np
import pytest

from outcomes.surveys.suppression import (
    DEFAULT_THRESHOLD,
    PRIMARY,
    SECONDARY,
    SECONDARY_REASON,
    Decided,
    Figure,
    Suppression,
    known_zero_atoms,
    small_base,
    small_count,
    suppress,
    two_way_figures,
)

FEWER = "fewer than 10 pupils"


def recoverable_by_rank(figures: list[Figure], hidden: dict, exempt=frozenset()) -> list:
    """Hidden figures whose atom vector is a combination of the shown figures' vectors."""
    atoms = sorted({a for f in figures for a in f.atoms})
    column = {a: i for i, a in enumerate(atoms)}

    def vector(figure):
        v = np.zeros(len(atoms))
        v[[column[a] for a in figure.atoms]] = 1
        return v

    shown = [vector(f) for f in figures if f.key not in hidden and f.shown]
    base = np.array(shown) if shown else np.zeros((0, len(atoms)))
    rank = np.linalg.matrix_rank(base) if shown else 0
    found = []
    for f in figures:
        if f.key in hidden and f.key not in exempt:
            extended = np.vstack([base, vector(f)])
            if np.linalg.matrix_rank(extended) == rank:
                found.append(f.key)
    return found


def possible_values(figures: list[Figure], hidden: dict, threshold: int = 10) -> dict:
    """Every value each hidden figure can take in a table of non-negative whole numbers that shows
    what is shown, knowing what the reasons say: a figure suppressed for "fewer than 10 pupils"
    holds 0 to 9 (0 where its base is small), one suppressed to protect another holds 0 or 10 and
    more (else it would be the first kind)."""
    atoms = sorted({a for f in figures for a in f.atoms})
    shown = [f for f in figures if f.key not in hidden and f.shown]
    reasoned = [f for f in figures if f.key in hidden and f.shown]
    cap = sum(f.value for f in figures if len(f.atoms) == 1) or max(f.value for f in figures)
    bound = {a: min([f.value for f in shown if a in f.atoms], default=cap) for a in atoms}
    results = {key: set() for key in hidden}
    values: dict = {}

    def allowed(f, total: int) -> bool:
        if hidden[f.key].rule == PRIMARY:
            return total < threshold
        return total == 0 or total >= threshold

    def consistent() -> bool:
        for f in shown:
            total = sum(values.get(a, 0) for a in f.atoms)
            if total > f.value or (all(a in values for a in f.atoms) and total != f.value):
                return False
        for f in reasoned:
            if all(a in values for a in f.atoms) and not allowed(f, sum(values[a] for a in f.atoms)):
                return False
            if hidden[f.key].rule == PRIMARY and sum(values.get(a, 0) for a in f.atoms) >= threshold:
                return False
        return True

    def search(position: int) -> None:
        if position == len(atoms):
            for f in figures:
                if f.key in hidden:
                    results[f.key].add(sum(values[a] for a in f.atoms))
            return
        for value in range(bound[atoms[position]] + 1):
            values[atoms[position]] = value
            if consistent():
                search(position + 1)
        del values[atoms[position]]

    search(0)
    return results


def assert_protected(figures, hidden, threshold=10):
    assert recoverable_by_rank(figures, hidden, exempt=inside_shown_zero(figures, hidden)) == []
    exempt = inside_shown_zero(figures, hidden)
    for key, options in possible_values(figures, hidden, threshold).items():
        assert key in exempt or len(options) > 1, f"{key} can only be {options}"


def inside_shown_zero(figures, hidden) -> set:
    """Hidden figures inside a figure shown as 0: 0 too, but that says nothing about a group."""
    zero = {a for f in figures if f.key not in hidden and f.shown and f.value == 0 for a in f.atoms}
    return {f.key for f in figures if f.key in hidden and set(f.atoms) <= zero}


# --- the rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "small"), [(0, False), (1, True), (9, True), (10, False), (250, False)])
def test_a_count_of_one_to_nine_pupils_is_small(value, small):
    assert small_count(value, 10) is small


def test_the_threshold_decides_what_is_small():
    assert small_count(9, 10)
    assert not small_count(9, 5)
    assert small_count(14, 15)
    assert not small_count(15, 15)


@pytest.mark.parametrize(("base", "small"), [(None, False), (0, False), (3, True), (9, True), (10, False)])
def test_a_share_of_one_to_nine_pupils_is_based_on_too_few(base, small):
    assert small_base(base, 10) is small


def test_primary_a_small_count_is_suppressed_and_a_zero_is_shown():
    figures = two_way_figures(
        {("all", "a"): 3, ("all", "b"): 40, ("all", "c"): 0, ("all", "d"): 55},
        column_totals=False,
        grand_total=False,
    )
    hidden = suppress(figures)
    assert hidden[("all", "a")] == Suppression(PRIMARY, FEWER)
    assert ("all", "c") not in hidden
    assert ("row", "all") not in hidden


def test_primary_every_share_of_a_small_base_is_suppressed_zeros_included():
    # Six pupils, none of whom said b: showing the 0 would say what all six said.
    figures = two_way_figures({("asian", "a"): 6, ("asian", "b"): 0}, column_totals=False, grand_total=False)
    hidden = suppress(figures)
    assert hidden[("asian", "a")].rule == PRIMARY
    assert hidden[("asian", "b")].reason == FEWER
    assert hidden[("row", "asian")].rule == PRIMARY


def test_secondary_within_a_distribution_the_next_smallest_count_goes_too():
    # With the base shown, a lone suppressed 3 is 55 - 40 - 12 = 3.
    cells = {("all", "a"): 3, ("all", "b"): 40, ("all", "c"): 12, ("all", "d"): 0}
    figures = two_way_figures(cells, column_totals=False, grand_total=False)
    hidden = suppress(figures)
    assert hidden == {
        ("all", "a"): Suppression(PRIMARY, FEWER),
        ("all", "c"): Suppression(SECONDARY, SECONDARY_REASON),
    }
    assert_protected(figures, hidden)


def test_secondary_a_suppressed_male_count_is_not_total_less_female():
    cells = {("male", "yes"): 4, ("male", "no"): 40, ("female", "yes"): 30, ("female", "no"): 50}
    figures = two_way_figures(cells)
    hidden = suppress(figures)
    assert hidden[("male", "yes")].rule == PRIMARY
    # The totals stay: the whole rectangle of cells goes instead.
    assert set(hidden) == set(cells)
    assert all(hidden[key].rule == SECONDARY for key in cells if key != ("male", "yes"))
    assert_protected(figures, hidden)


def test_margins_are_hidden_only_when_no_cell_will_do():
    # One row: the only other cell is the one to hide, not the row's total.
    figures = two_way_figures({("all", "yes"): 5, ("all", "no"): 60}, column_totals=False, grand_total=False)
    assert set(suppress(figures)) == {("all", "yes"), ("all", "no")}


def test_secondary_across_two_breakdowns_of_the_same_pupils():
    """Gender and ethnic group split the same pupils: their rows share the all-pupils row, so a cell
    hidden in one breakdown must not follow from the other."""
    rng = random.Random(4)
    genders, groups, options = ["m", "f"], ["white", "asian", "other"], ["yes", "no", "dk"]
    count = {}
    for g, e, o in itertools.product(genders, groups, options):
        count[(g, e, o)] = rng.randint(8, 40) if e == "white" else rng.randint(0, 6)
    atom = {key: i for i, key in enumerate(count)}
    figures = []
    rows = (
        [("all", lambda g, e: True)]
        + [(g, lambda g2, e, g=g: g2 == g) for g in genders]
        + [(e, lambda g, e2, e=e: e2 == e) for e in groups]
    )
    for name, member in rows:
        keys = [k for k in count if member(k[0], k[1])]
        figures.append(
            Figure(("base", name), sum(count[k] for k in keys), tuple(atom[k] for k in keys), level=2)
        )
        for o in options:
            cell = [k for k in keys if k[2] == o]
            figures.append(
                Figure(
                    (name, o),
                    sum(count[k] for k in cell),
                    tuple(atom[k] for k in cell),
                    base=("base", name),
                    level=1 if name == "all" else 0,
                )
            )
    hidden = suppress(figures)
    assert any(h.rule == PRIMARY for h in hidden.values())
    assert recoverable_by_rank(figures, hidden) == []
    for f in figures:
        if f.key not in hidden:
            assert not small_count(f.value, 10)


def test_known_zeros_every_pupil_shown_answered_so_no_group_left_it_blank():
    # Atoms: (gender, answered?) - all 30 boys and 40 girls shown the question answered it.
    figures = [
        Figure("shown all", 70, (0, 1, 2, 3)),
        Figure("answered all", 70, (0, 2)),
        Figure("answered boys", 30, (0,)),
        Figure("shown boys", 30, (0, 1)),
    ]
    assert known_zero_atoms(figures) == {1, 3}


def test_a_base_that_equals_a_hidden_figure_once_no_one_skipped_is_hidden():
    """Q9 is shown to pupils who do not skip breakfast. Everyone shown it answered, so the boys who
    answered are the boys shown it: all boys less the 8 who skip breakfast."""
    # Atoms per gender: 0 skip breakfast (not shown), 1 shown and answered, 2 shown and blank.
    boys, girls = (8, 144, 0), (14, 134, 0)
    atom = lambda gender, part: gender * 3 + part  # noqa: E731
    figures = []
    for gender, counts, name in ((0, boys, "boys"), (1, girls, "girls")):
        figures += [
            Figure(
                ("pupils", name),
                sum(counts),
                tuple(atom(gender, p) for p in range(3)),
                level=2,
                decided=Decided(None),
            ),
            Figure(
                ("skip breakfast", name),
                counts[0],
                (atom(gender, 0),),
                shown=False,
                decided=Decided(
                    Suppression(PRIMARY, FEWER)
                    if counts[0] < 10
                    else Suppression(SECONDARY, SECONDARY_REASON)
                ),
            ),
            Figure(("shown", name), counts[1] + counts[2], (atom(gender, 1), atom(gender, 2)), level=2),
            Figure(("answered", name), counts[1], (atom(gender, 1),), level=2),
        ]
    figures += [
        Figure(("shown", "all"), 278, tuple(atom(g, p) for g in (0, 1) for p in (1, 2)), level=2),
        Figure(("answered", "all"), 278, tuple(atom(g, 1) for g in (0, 1)), level=2),
    ]
    hidden = suppress(figures)
    assert {("shown", "boys"), ("answered", "boys"), ("shown", "girls"), ("answered", "girls")} <= set(hidden)
    assert ("answered", "all") not in hidden


def test_a_figure_decided_in_another_table_keeps_that_decision():
    decided = {("m", "yes"): Decided(Suppression(SECONDARY, SECONDARY_REASON)), ("row", "f"): Decided(None)}
    figures = two_way_figures(
        {("m", "yes"): 12, ("m", "no"): 40, ("f", "yes"): 30, ("f", "no"): 50}, decided=decided
    )
    hidden = suppress(figures)
    assert hidden[("m", "yes")].rule == SECONDARY
    assert ("row", "f") not in hidden  # decided shown: never taken as a complement
    assert recoverable_by_rank(figures, hidden) == []


def test_the_threshold_is_an_argument():
    figures = two_way_figures(
        {("all", "a"): 7, ("all", "b"): 40, ("all", "c"): 12}, column_totals=False, grand_total=False
    )
    assert suppress(figures, threshold=5) == {}
    assert suppress(figures, threshold=DEFAULT_THRESHOLD)[("all", "a")].reason == FEWER
    assert suppress(figures, threshold=15)[("all", "c")].reason == "fewer than 15 pupils"


def test_suppression_is_pure():
    figures = two_way_figures({("m", "yes"): 4, ("m", "no"): 40, ("f", "yes"): 30, ("f", "no"): 50})
    assert suppress(figures) == suppress(list(figures))


@pytest.mark.parametrize("seed", range(40))
def test_no_hidden_cell_of_a_small_random_table_can_be_recovered(seed):
    rng = random.Random(seed)
    rows, columns = rng.choice([(2, 2), (2, 3), (3, 2)])
    cells = {
        (r, c): rng.choice([0, rng.randint(1, 9), rng.randint(10, 16)])
        for r in range(rows)
        for c in range(columns)
    }
    figures = two_way_figures(cells)
    hidden = suppress(figures)
    for f in figures:
        if f.key not in hidden:
            assert not small_count(f.value, 10), f.key
            assert not small_base({g.key: g.value for g in figures}.get(f.base), 10), f.key
    assert_protected(figures, hidden)
