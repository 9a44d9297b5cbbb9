"""What makes suppression fast changes none of its answers (outcomes/surveys/suppression.py): kept
decompositions give the decisions that computing them again gives, and proving atoms empty skips
twin figures without losing or changing a proof."""

import random

import numpy as np
import pytest

from outcomes.surveys import suppression
from outcomes.surveys.suppression import Decided, Figure, suppress, two_way_figures, zero_proofs


def tables(seed: int, n: int = 30) -> list[list[Figure]]:
    """Small two-way tables of counts, many with small cells, some of the same shape and zeros."""
    rng = random.Random(seed)
    found = []
    for _ in range(n):
        rows, columns = rng.choice([(2, 3), (3, 3), (3, 4)])
        cells = {
            (r, c): rng.choice([0, rng.randint(1, 9), rng.randint(10, 40), rng.randint(10, 40)])
            for r in range(rows)
            for c in range(columns)
        }
        decided = {("row", 0): Decided(None)} if rng.random() < 0.5 else {}
        found.append(two_way_figures(cells, decided=decided))
    return found


def test_kept_decompositions_give_the_decisions_computed_afresh(monkeypatch):
    figures = tables(seed=3)
    afresh = []
    for table in figures:
        suppression.forget_decompositions()
        afresh.append(suppress(table))
    suppression.forget_decompositions()
    first = [suppress(table) for table in figures]  # kept from table to table
    computed = []
    svd = np.linalg.svd
    monkeypatch.setattr(np.linalg, "svd", lambda *a, **k: computed.append(1) or svd(*a, **k))
    second = [suppress(table) for table in figures]
    assert first == afresh
    assert second == afresh
    assert computed == []  # the second time, every decomposition was found kept
    assert sum(len(hidden) for hidden in afresh) > len(figures)


def straightforward_zero_proofs(known, empty=None) -> dict:
    """zero_proofs as first written: every figure touching an empty atom, every start, no shortcut."""
    proofs = {}
    sets = [(index, frozenset(f.atoms), f.value) for index, f in known]
    for index, atoms, value in sets:
        if value == 0:
            for atom in atoms:
                proofs.setdefault(atom, frozenset([index]))
    outers = sets if empty is None else [s for s in sets if not s[1].isdisjoint(empty)]
    for outer_index, outer, value in outers:
        inside = sorted(((i, a, v) for i, a, v in sets if a < outer), key=lambda s: -len(s[1]))
        for start in range(len(inside)):
            covered, used, total = set(), [outer_index], 0
            for index, atoms, inner_value in inside[start:] + inside[:start]:
                if not atoms.isdisjoint(covered):
                    continue
                covered |= atoms
                used.append(index)
                total += inner_value
                if total == value:
                    for atom in outer - covered:
                        proofs.setdefault(atom, frozenset(used))
                    break
                if total > value:
                    break
    return proofs


def figures_with_twins(rng: random.Random) -> tuple[list[tuple[int, Figure]], set[int]]:
    """Figures over a few atoms holding 0 to 11 pupils, some twice (a question's shown base that is
    its respondents), now and then one of no atoms; and the atoms that hold no pupil."""
    atoms = range(rng.randint(1, 12))
    pupils = {a: rng.choice([0, 0, 1, 2, 5, 11]) for a in atoms}
    known = []
    for i in range(rng.randint(1, 14)):
        members = tuple(a for a in atoms if rng.random() < 0.5)
        value = sum(pupils[a] for a in members)
        known.append((3 * i, Figure(("f", i), value, members)))
        if rng.random() < 0.4:
            known.append((3 * i + 1, Figure(("twin", i), value, members)))
        if rng.random() < 0.1:
            known.append((3 * i + 2, Figure(("none", i), 0, ())))
    return known, {a for a in atoms if not pupils[a]}


@pytest.mark.parametrize("seed", range(4))
def test_twin_figures_prove_what_the_straightforward_search_proves(seed):
    rng = random.Random(seed)
    for _ in range(500):
        known, empty = figures_with_twins(rng)
        for given in (None, empty):
            assert zero_proofs(known, given) == straightforward_zero_proofs(known, given)


def test_a_question_shown_to_all_still_proves_its_blank_answers_empty():
    # Boys 6 + girls 6 shown a question (its shown base is its respondents: the same figure twice),
    # all of whom answered it: no boy and no girl left it blank.
    boys, girls = (0, 1), (2, 3)  # the (answered, blank) atoms of each
    figures = [
        Figure("respondents", 12, boys + girls),
        Figure("shown", 12, boys + girls),
        Figure("answered", 12, (0, 2)),
        Figure("boys", 6, boys),
        Figure("girls", 6, girls),
    ]
    known = list(enumerate(figures))
    proofs = zero_proofs(known, {1, 3})
    assert set(proofs) == {1, 3}
    assert proofs == straightforward_zero_proofs(known, {1, 3})
