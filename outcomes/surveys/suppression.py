"""Small-number suppression: no figure based on fewer than ``threshold`` pupils is shown, and no
suppressed figure can be worked out from the figures that are (SPEC §3, METHODS 13;
docs/decisions/0031-small-number-suppression.md).

A table is a list of figures, margins included. Each figure counts pupils and is written as the sum
of *atoms*: the finest cells of the table, which are never shown themselves (for a question split by
gender and by ethnic group, the pupils of one gender and one ethnic group who gave one answer). The
gender rows, the ethnic-group rows, the all-pupils row and every base are then sums over the same
atoms, so "can a hidden figure be worked out from totals or from another breakdown?" becomes one
question of linear algebra: it can exactly when its atom vector is a combination of the vectors of
the figures that are shown.

The rules, each a function below and tested one by one:

- ``small_count``: a count of 1 to threshold - 1 pupils is suppressed (primary).
- ``small_base``: a figure that is a share of a base of 1 to threshold - 1 pupils is suppressed too
  (primary), zeros included: "none of the 6 pupils" says as much as "all 6".
- ``decided elsewhere``: a figure that is also another table's figure (a group's size, the pupils
  routed to a question by an earlier answer) keeps that table's decision.
- ``derivable``: the hidden figures that the shown ones give away.
- ``complement``: each derivable figure is protected by hiding one more figure (secondary): a cell
  that its working-out uses, the smallest non-zero one first, a total only when no cell will do.

Zero is shown: a true zero says nothing about any pupil, and hiding it protects little.
"""

import logging
import threading
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

logger = logging.getLogger(__name__)

PRIMARY = "primary"
SECONDARY = "secondary"
SECONDARY_REASON = "secondary suppression"
DEFAULT_THRESHOLD = 10
CELL, MARGIN, TOTAL = 0, 1, 2
# Vectors are sums of 0/1 atoms; a residual this small is rounding, not a figure's own information.
_TOLERANCE = 1e-7


def primary_reason(threshold: int) -> str:
    return f"fewer than {threshold} pupils"


@dataclass(frozen=True)
class Suppression:
    rule: str  # PRIMARY or SECONDARY
    reason: str


@dataclass(frozen=True)
class Decided:
    """The decision another table has already made about the same figure (None: shown there)."""

    suppression: Suppression | None


@dataclass(frozen=True)
class Figure:
    """One count in a table: its value and the atoms it adds up.

    ``base`` is the key of the figure it is a share of (a percentage's denominator). ``level`` says
    how reluctantly it is hidden as a complement: CELL (a group's count), MARGIN (the all-pupils
    count that the groups add up to), TOTAL (a base, which every percentage of its row needs).
    ``shown`` is False for a
    figure printed nowhere that still follows from figures that are (the pupils not shown a
    question: all pupils less those shown it); it is protected like the others when it is small.
    """

    key: Hashable
    value: int
    atoms: tuple[int, ...]
    base: Hashable | None = None
    level: int = 0
    shown: bool = True
    decided: Decided | None = None


class Unprotectable(ValueError):
    """A small figure follows from figures that other tables have already shown."""


def small_count(value: int, threshold: int) -> bool:
    """A count of some pupils, but fewer than the threshold."""
    return 0 < value < threshold


def small_base(base_value: int | None, threshold: int) -> bool:
    """A share of a base of some pupils, but fewer than the threshold."""
    return base_value is not None and 0 < base_value < threshold


def zero_proofs(
    known: Sequence[tuple[int, Figure]], empty: set[int] | None = None
) -> dict[int, frozenset[int]]:
    """Atoms that the shown figures prove empty, since no count is negative, each with the figures
    that prove it: the atoms of a figure of 0, and what a figure has beyond figures inside it that
    add up to as much (all 300 pupils shown a question answered it, so no boy or girl among them
    left it blank). ``empty``, when given, are the atoms that are in fact empty: only a figure with
    one of them can hold a proof, which spares looking at the others."""
    proofs: dict[int, frozenset[int]] = {}
    sets = [(index, frozenset(f.atoms), f.value) for index, f in known]
    for index, atoms, value in sets:
        if value == 0:
            for atom in atoms:
                proofs.setdefault(atom, frozenset([index]))
    outers = sets if empty is None else [found for found in sets if not found[1].isdisjoint(empty)]
    # A figure that another has already been, atoms and value (a question shown to every pupil: its
    # shown base is its respondents), would prove the same atoms again: the first proof stands.
    done: set[tuple[frozenset[int], int]] = set()
    for outer_index, outer, value in outers:
        if (outer, value) in done:
            continue
        done.add((outer, value))
        inside = []
        for found in sorted(((i, a, v) for i, a, v in sets if a < outer), key=lambda found: -len(found[1])):
            # The twin of the figure just before it is never added after it, and starting from it
            # adds the same figures in the same order: it changes nothing.
            if not (inside and found[1] and found[1:] == inside[-1][1:]):
                inside.append(found)
        # Start from each figure inside and add the others that do not overlap it: the White and the
        # not-stated pupils may add up to all pupils as well as the boys and the girls do.
        for start in range(len(inside)):
            covered: set[int] = set()
            used = [outer_index]
            total = 0
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


def known_zero_atoms(known: Sequence[Figure]) -> set[int]:
    """The atoms that the ``known`` figures prove empty."""
    return set(zero_proofs(list(enumerate(known))))


def primary_suppression(figure: Figure, values: dict, threshold: int) -> Suppression | None:
    """The primary rules: small counts, and anything based on a small base."""
    if small_count(figure.value, threshold) or small_base(values.get(figure.base), threshold):
        return Suppression(PRIMARY, primary_reason(threshold))
    return None


# The same shown figures recur from table to table of a report (every question with four answers and
# the same small groups hidden gives the same vectors): each decomposition is kept, keyed by the
# exact matrix, and is the one computing it again would give. Least recently used out past the
# budget; the repeats come close together (a school report: 2 decompositions in 3 found here).
_DECOMPOSITIONS: dict[tuple, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
_DECOMPOSITIONS_BYTES = 16 * 2**20
_decompositions_lock = threading.Lock()
_decompositions_size = 0


def _svd(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    global _decompositions_size
    key = (matrix.shape, matrix.dtype.str, matrix.tobytes())
    with _decompositions_lock:
        found = _DECOMPOSITIONS.pop(key, None)
        if found is not None:
            _DECOMPOSITIONS[key] = found
            return found
    found = np.linalg.svd(matrix, full_matrices=False)
    for part in found:
        part.setflags(write=False)
    size = len(key[2]) + sum(part.nbytes for part in found)
    with _decompositions_lock:
        if key not in _DECOMPOSITIONS:
            _DECOMPOSITIONS[key] = found
            _decompositions_size += size
        while _decompositions_size > _DECOMPOSITIONS_BYTES and len(_DECOMPOSITIONS) > 1:
            oldest = next(iter(_DECOMPOSITIONS))
            _decompositions_size -= len(oldest[2]) + sum(part.nbytes for part in _DECOMPOSITIONS.pop(oldest))
    return found


def forget_decompositions() -> None:
    """Drop the kept decompositions (benchmarks time a process that has none)."""
    global _decompositions_size
    with _decompositions_lock:
        _DECOMPOSITIONS.clear()
        _decompositions_size = 0


class Shown:
    """What the figures shown give away: one singular value decomposition of their vectors."""

    def __init__(self, vectors: np.ndarray, known: Sequence[int]):
        self.vectors, self.known = vectors, list(known)
        matrix = vectors[self.known] if self.known else np.zeros((0, vectors.shape[1]))
        if matrix.size:
            u, singular, vt = _svd(matrix)
            rank = int(np.sum(singular > _TOLERANCE * max(1.0, singular[0])))
        else:
            u, singular, vt, rank = np.zeros((len(self.known), 0)), np.zeros(0), None, 0
        self.u, self.singular, self.rank = u, singular, rank
        self.basis = vt[:rank] if vt is not None else np.zeros((0, vectors.shape[1]))

    def derivable(self, hidden: Sequence[int]) -> list[int]:
        """Which ``hidden`` figures are combinations of the shown ones: worked out exactly."""
        if not hidden:
            return []
        targets = self.vectors[list(hidden)]
        residual = targets - (targets @ self.basis.T) @ self.basis if self.rank else targets
        norms = np.linalg.norm(residual, axis=1)
        return [index for index, norm in zip(hidden, norms, strict=True) if norm < _TOLERANCE]

    def working_out(self, target: int) -> tuple[set[int], set[int]]:
        """The shown figures one working-out of ``target`` uses, and those every working-out
        uses (hiding one of these is enough): a figure is needed by every working-out when it
        has a weight in one and no combination of shown figures that adds up to nothing can
        cancel it."""
        left = self.u[:, : self.rank]
        weights = left @ ((self.basis @ self.vectors[target]) / self.singular[: self.rank])
        # A shown figure that no combination of the others makes (its leverage is 1) cannot be
        # replaced in a working-out: if it has a weight, every working-out uses it.
        leverage = np.sum(left * left, axis=1)
        used, essential = set(), set()
        for position, index in enumerate(self.known):
            if abs(weights[position]) > _TOLERANCE:
                used.add(index)
                if leverage[position] > 1 - _TOLERANCE:
                    essential.add(index)
        return used, essential


def derivable(vectors: np.ndarray, hidden: Sequence[int], known: Sequence[int]) -> list[int]:
    """Which of the ``hidden`` rows of ``vectors`` are combinations of the ``known`` rows: the
    figures that can be worked out exactly from the figures shown."""
    return Shown(vectors, known).derivable(hidden)


def complement(
    figures: Sequence[Figure], shown: Shown, target: int, free: set[int], alone: set[int], proofs: set[int]
) -> int:
    """The figure to hide so that ``target`` can no longer be worked out, in this order of search:
    one that gives it away with the figures decided elsewhere (``alone``: it must go whatever else
    does); one whose hiding is enough; the best one its working-out uses, or of those proving some
    of its atoms empty (``proofs``) (another round follows). "Best" is cells before margins before
    totals, smallest first, as statistical offices choose complementary cells; never a zero, which
    marked "secondary suppression" would be known to be 0 (it would be "fewer than 10" otherwise)."""

    def preference(index: int):
        figure = figures[index]
        return (figure.level, figure.value, index)

    free = {index for index in free if figures[index].value > 0}
    if alone & free:
        return min(alone & free, key=preference)
    used, essential = shown.working_out(target)
    for candidates in (essential & free, (used | proofs) & free, free):
        if candidates:
            return min(candidates, key=preference)
    raise Unprotectable(f"nothing left to hide protects {figures[target].key!r}")


def _giving_away_alone(
    vectors: np.ndarray, target: int, fixed_basis: np.ndarray, candidates: list[int]
) -> set[int]:
    """The candidates from which, with the fixed figures (``fixed_basis`` spans them), ``target``
    follows on its own."""

    def outside(rows: np.ndarray) -> np.ndarray:
        return rows - (rows @ fixed_basis.T) @ fixed_basis if len(fixed_basis) else rows

    if not candidates:
        return set()
    aim = outside(vectors[target][None, :])[0]
    rest = outside(vectors[candidates])
    scale = np.einsum("ij,ij->i", rest, rest)
    usable = scale > _TOLERANCE
    share = np.where(usable, (rest @ aim) / np.where(usable, scale, 1.0), 0.0)
    misses = np.linalg.norm(aim[None, :] - share[:, None] * rest, axis=1)
    found = zip(candidates, usable, misses, strict=True)
    return {index for index, ok, miss in found if ok and miss < _TOLERANCE}


def _atom_matrix(figures: Sequence[Figure]) -> tuple[dict[int, int], np.ndarray]:
    """Each figure as a row of 0s and 1s over the atoms it counts, and each atom's column."""
    atom_ids = sorted({atom for figure in figures for atom in figure.atoms})
    column = {atom: position for position, atom in enumerate(atom_ids)}
    vectors = np.zeros((len(figures), len(atom_ids)))
    rows = [row for row, figure in enumerate(figures) for _ in figure.atoms]
    vectors[rows, [column[atom] for figure in figures for atom in figure.atoms]] = 1.0
    return column, vectors


def _primary(
    figures: Sequence[Figure], threshold: int
) -> tuple[dict[int, Suppression], list[int], list[int], set[int]]:
    """The first pass: figures hidden by the primary rule (or decided by an earlier table), those
    shown, and which of the shown ones are still free to hide."""
    values = {figure.key: figure.value for figure in figures}
    decisions: dict[int, Suppression] = {}
    known: list[int] = []
    protect: list[int] = []
    free: set[int] = set()
    for index, figure in enumerate(figures):
        if figure.decided is not None:
            decision = figure.decided.suppression
        else:
            decision = primary_suppression(figure, values, threshold)
        if decision is not None:
            decisions[index] = decision
            protect.append(index)
        elif figure.shown or figure.decided is not None:
            known.append(index)
            if figure.shown and figure.decided is None:
                free.add(index)
    return decisions, known, protect, free


def suppress(
    figures: Sequence[Figure], threshold: int = DEFAULT_THRESHOLD, empty: Iterable[int] | None = None
) -> dict[Hashable, Suppression]:
    """The figures of one table to suppress, with the rule and reason for each (keys not in the
    result are shown). ``empty`` may list the atoms that hold no pupil, to save time: only they can
    be proved empty. Pure: the same figures always give the same answer."""
    empty = set(empty) if empty is not None else None
    if threshold < 1:
        raise ValueError("the threshold must be at least 1")
    column, vectors = _atom_matrix(figures)
    decisions, known, protect, free = _primary(figures, threshold)
    if not protect:
        return {}

    def empty_atoms(rows: list[int]) -> dict[int, frozenset[int]]:
        """Columns of atoms the shown figures prove empty (known to be 0), with their proofs."""
        found = zero_proofs([(i, figures[i]) for i in rows], empty)
        return {column[atom]: proof for atom, proof in found.items()}

    def without(columns: Iterable[int]) -> np.ndarray:
        return np.delete(vectors, sorted(columns), axis=1) if columns else vectors

    fixed_rows = [index for index in known if index not in free]
    fixed = Shown(without(empty_atoms(fixed_rows)), fixed_rows)
    # What other tables' figures already give away is theirs to protect, and they have; a figure of
    # no atoms is nothing but a structural zero.
    theirs = set(fixed.derivable(protect))
    protect = [i for i in protect if figures[i].atoms and i not in theirs]
    # Inside a figure shown as 0 everything is 0: that says nothing about any group in particular.
    shown_zero = {atom for i in known if figures[i].value == 0 for atom in figures[i].atoms}
    protect = [i for i in protect if not set(figures[i].atoms) <= shown_zero]

    secondary = Suppression(SECONDARY, SECONDARY_REASON)
    unprotectable: set[int] = set()
    zeros = empty_atoms(known)
    reduced = without(zeros)
    fixed_basis = Shown(reduced, fixed_rows).basis
    while protect:
        shown = Shown(reduced, known)
        given_away = [i for i in shown.derivable(protect) if i not in unprotectable]
        if not given_away:
            break
        target = given_away[0]
        # A working-out may use atoms proved empty: the figures proving them are part of it.
        proofs = {f for c in np.flatnonzero(vectors[target]) for f in zeros.get(int(c), ())}
        try:
            alone = _giving_away_alone(reduced, target, fixed_basis, sorted(free))
            chosen = complement(figures, shown, target, free, alone, proofs)
        except Unprotectable:
            # Everything that could be hidden is: say so rather than fail the whole report.
            logger.warning("Survey suppression: %s can be worked out", figures[target].key)
            unprotectable.add(target)
            continue
        known.remove(chosen)
        free.discard(chosen)
        protect.append(chosen)
        decisions[chosen] = secondary
        if any(chosen in proof for proof in zeros.values()):
            zeros = empty_atoms(known)
            reduced = without(zeros)
            fixed_basis = Shown(reduced, fixed_rows).basis
    return {figures[index].key: decision for index, decision in decisions.items() if figures[index].shown}


def two_way_figures(
    cells: dict[tuple[Hashable, Hashable], int],
    *,
    row_totals: bool = True,
    column_totals: bool = True,
    grand_total: bool = True,
    decided: dict[Hashable, Decided] | None = None,
) -> list[Figure]:
    """The figures of a table of counts with its margins: cell (r, c) is atom (r, c); row totals are
    keyed ("row", r), column totals ("column", c) and the grand total "total". A cell's base is its
    row total, a row total's base the grand total."""
    decided = decided or {}
    rows = list(dict.fromkeys(r for r, _ in cells))
    columns = list(dict.fromkeys(c for _, c in cells))
    atom = {key: position for position, key in enumerate(cells)}
    figures = [
        Figure(
            key, value, (atom[key],), base=("row", key[0]) if row_totals else None, decided=decided.get(key)
        )
        for key, value in cells.items()
    ]

    def margin(key, members: Iterable[tuple[Hashable, Hashable]], base=None) -> Figure:
        members = [m for m in members if m in cells]
        return Figure(
            key,
            sum(cells[m] for m in members),
            tuple(atom[m] for m in members),
            base=base,
            level=TOTAL,
            decided=decided.get(key),
        )

    if row_totals:
        figures += [
            margin(("row", r), [(r, c) for c in columns], "total" if grand_total else None) for r in rows
        ]
    if column_totals:
        figures += [margin(("column", c), [(r, c) for r in rows]) for c in columns]
    if grand_total:
        figures.append(margin("total", cells))
    return figures


def follows(figures: Sequence[Figure], hidden: dict[Hashable, Suppression], atoms: Iterable[int]) -> bool:
    """Whether the sum of ``atoms`` can be worked out from a table's figures as shown (``hidden``
    being what ``suppress`` returned for it): a figure of another table that adds up those atoms
    is then as good as shown."""
    atom_ids = sorted({atom for figure in figures for atom in figure.atoms})
    column = {atom: position for position, atom in enumerate(atom_ids)}
    known = [f for f in figures if f.key not in hidden and (f.shown or f.decided is not None)]
    rows = np.zeros((len(known) + 1, len(atom_ids)))
    for row, figure in enumerate(known):
        rows[row, [column[a] for a in figure.atoms]] = 1.0
    wanted = [column[a] for a in atoms if a in column]
    rows[-1, wanted] = 1.0
    zeros = [column[a] for a in zero_proofs(list(enumerate(known)))]
    if zeros:
        rows = np.delete(rows, zeros, axis=1)
    return bool(derivable(rows, [len(known)], list(range(len(known)))))
