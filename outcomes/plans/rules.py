"""The rules of SPEC §1, each in one place under the name people use for it.

Every figure of a progress report comes from these functions; the renderers only display them.
"""

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from outcomes.core.formatting import format_weight, round_half_up
from outcomes.core.fractions import NotAFraction, parse_fraction


class RuleViolation(ValueError):
    """Data that breaks one of the plan rules; the message says what is wrong."""


@dataclass(frozen=True)
class RagDefinition:
    key: str
    label: str
    description: str
    style: str
    means_no_update: bool = False
    is_key_issue: bool = False
    counts_as: str = ""


# The seed's legend (seed 003 lines 605-610), the default vocabulary of a new plan.
DEFAULT_RAG = (
    RagDefinition(
        "green",
        "Green",
        "The delivery milestone is complete and/or is exceeding the identified target",
        "green",
    ),
    RagDefinition(
        "amber",
        "Amber",
        "The delivery milestone is ongoing and/or there are no issues with the project",
        "amber",
    ),
    RagDefinition(
        "red",
        "Red",
        "The delivery milestone is at risk of not being delivered within the timescales "
        "identified and/or there are issues with the project",
        "red",
        is_key_issue=True,
    ),
    RagDefinition(
        "blue", "Blue", "No information available or no update provided", "blue", means_no_update=True
    ),
)

NO_RED_MILESTONES_TEXT = "No delivery milestones identified as having a RED Rag status"
SPLIT_STATUS_NOTE = (
    "Please note: some of the delivery milestones have split RAG statuses which accounts for the "
    "above scoring."
)


def rag_weights_sum_to_one(weights: Mapping[str, object], allowed_keys: Sequence[str]) -> dict[str, Fraction]:
    """Split status rule: a milestone's RAG weights are exact fractions over the plan's colours,
    each above 0, summing to exactly 1 (halves, thirds...). Returns them in vocabulary order."""
    if not weights:
        raise RuleViolation("give a RAG status: at least one colour with a weight")
    exact: dict[str, Fraction] = {}
    for key, raw in weights.items():
        if key not in allowed_keys:
            raise RuleViolation(
                f"'{key}' is not a RAG status of this plan (expected one of {', '.join(allowed_keys)})"
            )
        try:
            value = parse_fraction(raw)
        except NotAFraction as exc:
            raise RuleViolation(f"the weight for {key} is not valid: {exc}") from None
        if value < 0:
            raise RuleViolation(f"the weight for {key} is negative ({raw})")
        if value > 0:
            exact[key] = value
    total = sum(exact.values(), Fraction(0))
    if total != 1:
        shown = " + ".join(f"{k} {v}" for k, v in exact.items()) or "nothing"
        raise RuleViolation(f"RAG weights must sum to exactly 1, but {shown} = {total}")
    return {key: exact[key] for key in allowed_keys if key in exact}


def blue_at_close(milestone_ids: Iterable[int], updated_ids: Iterable[int]) -> list[int]:
    """Blue at close: when a round closes, every milestone without an update is given the plan's
    no-update colour (Blue by default). Returns the milestones that need it."""
    updated = set(updated_ids)
    return [m for m in milestone_ids if m not in updated]


def closes_itself(*, automatically: bool, closes: date, closed: bool, today: date) -> bool:
    """A round closes itself when its plan says so, once its close date has passed: the close date
    is the last day of the update window, so lead officers have the whole of it (decision 0115)."""
    return automatically and not closed and today > closes


def is_split_status(weights: Mapping[str, Fraction]) -> bool:
    return sum(1 for w in weights.values() if w) > 1


@dataclass
class OverviewRow:
    priority: object
    counts: dict[str, Fraction]
    total: int


def overview_counts(
    rows: Iterable[tuple[object, list[Mapping[str, Fraction]]]], keys: Sequence[str]
) -> tuple[list[OverviewRow], dict[str, Fraction], int]:
    """Overview rule: each reported priority's cell is the exact sum of its milestones' weights for
    that colour; its Total is the number of milestones; the Total row sums the rows exactly."""
    result: list[OverviewRow] = []
    column_totals = {key: Fraction(0) for key in keys}
    grand_total = 0
    for priority, milestone_weights in rows:
        counts = {key: Fraction(0) for key in keys}
        for weights in milestone_weights:
            for key, weight in weights.items():
                counts[key] += weight
        result.append(OverviewRow(priority, counts, len(milestone_weights)))
        for key in keys:
            column_totals[key] += counts[key]
        grand_total += len(milestone_weights)
    return result, column_totals, grand_total


def largest_remainder(values: Mapping[str, Fraction], places: int = 0) -> dict[str, Decimal]:
    """Largest-remainder rounding: each value rounded down to ``places`` decimals, then the units
    still needed for the figures to add up to their exact sum (rounded) given one each to the values
    that lost most; a tie goes to the larger value, then to the earlier key. A value that is already
    exact at ``places`` never moves, because only values with a remainder can receive a unit."""
    scale = 10**places
    keys = list(values)
    scaled = {k: Fraction(values[k]) * scale for k in keys}
    floors = {k: math.floor(v) for k, v in scaled.items()}
    wanted = int(round_half_up(sum(scaled.values(), Fraction(0))))
    order = sorted(keys, key=lambda k: (-(scaled[k] - floors[k]), -scaled[k], keys.index(k)))
    for key in order[: max(wanted - sum(floors.values()), 0)]:
        floors[key] += 1
    return {k: Decimal(floors[k]).scaleb(-places) if places else Decimal(floors[k]) for k in keys}


def percentages_of_total(column_totals: Mapping[str, Fraction], grand_total: int) -> dict[str, int]:
    """% row rule: each colour's exact total as a percentage of all milestones, in whole numbers
    that add up to 100 (largest remainder; seed 003: 25.05, 64.68, 10.27, 0 -> 25, 65, 10, 0)."""
    if grand_total == 0:
        return dict.fromkeys(column_totals, 0)
    shares = {key: Fraction(value) * 100 / grand_total for key, value in column_totals.items()}
    return {key: int(value) for key, value in largest_remainder(shares, 0).items()}


ROW_PLACES = 1  # priority rows: 28.5, 4.3 (seed 003 F1)


@dataclass(frozen=True)
class ColumnGap:
    """A column whose priority figures, as shown, do not add up to its Total as shown."""

    key: str
    rows_sum: Decimal
    total: int


@dataclass(frozen=True)
class OverviewFigures:
    """The overview exactly as every rendering shows it (HTML, Word, Excel, JSON)."""

    rows: list[dict[str, Decimal]]
    totals: dict[str, int]
    grand_total: int
    percents: dict[str, int]
    gaps: list[ColumnGap]


def overview_rounding(
    rows: Sequence[OverviewRow], column_totals: Mapping[str, Fraction], grand_total: int
) -> OverviewFigures:
    """Overview rounding rule (decision 0050). Priority rows to one decimal place, each adding up
    to its number of milestones; the Total row in whole numbers adding up to the grand total; the
    % row in whole numbers adding up to 100; all by largest remainder from the exact weights.
    A column of one-decimal figures cannot always add up to a whole-number total (seed 003: Green
    12 + 3.5 + 14 + 4.3 + 6 = 39.8 against 40), so such columns are returned as gaps, to be named
    in the note beside the table."""
    shown_rows = [largest_remainder(row.counts, ROW_PLACES) for row in rows]
    totals = {k: int(v) for k, v in largest_remainder(column_totals, 0).items()}
    gaps = []
    for key, total in totals.items():
        rows_sum = sum((r[key] for r in shown_rows), Decimal(0))
        if shown_rows and rows_sum != total:
            gaps.append(ColumnGap(key, rows_sum, total))
    return OverviewFigures(
        shown_rows, totals, grand_total, percentages_of_total(column_totals, grand_total), gaps
    )


def overview_rounding_note(gaps: Sequence[ColumnGap], labels: Mapping[str, str]) -> str | None:
    """The sentence beside the overview that says which columns do not add up, and why."""
    if not gaps:
        return None
    shown = "; ".join(
        f"{labels.get(g.key, g.key)} {format_weight(g.rows_sum, ROW_PLACES)} against {g.total}" for g in gaps
    )
    return (
        "Each priority's figures are shown to one decimal place and add up to its total; the Total "
        "and % rows are the exact sums rounded to whole numbers so that they add up to "
        f"the number of milestones and to 100. So a column can differ from its Total by rounding: {shown}."
    )


def key_issue_milestones(
    milestone_weights: Iterable[tuple[object, Mapping[str, Fraction]]], key_issue_keys: Iterable[str]
) -> list[object]:
    """Key issues rule: the milestones with any weight in a key-issue colour (Red), in order."""
    keys = set(key_issue_keys)
    return [m for m, weights in milestone_weights if any(weights.get(k, 0) > 0 for k in keys)]


_NO_INFORMATION = re.compile(
    r"\bno (?:update|available data|data (?:is )?available|information)\b|\bnot (?:yet )?published\b",
    re.IGNORECASE,
)


def no_information_but_not_blue(
    text: str, weights: Mapping[str, Fraction], no_update_key: str | None
) -> bool:
    """Blue means "no information available or no update provided": an update whose words say so
    but whose status is another colour is worth a second look (seed 003 P1 M10, P5 M14, M21)."""
    if not no_update_key or weights.get(no_update_key, 0) == 1:
        return False
    return bool(_NO_INFORMATION.search(text or ""))


def link_problems(
    links: Iterable[tuple[tuple[int, int], tuple[int, int]]], existing: set[tuple[int, int]]
) -> dict[tuple[int, int], list[str]]:
    """Cross-link rule: a link points to a milestone that exists, and the milestone it points to
    links back (seed 003 P1 M17 names P5 M17 where P5 M25 is meant)."""
    pairs = set(links)
    problems: dict[tuple[int, int], list[str]] = {}
    for source, target in sorted(pairs):
        if target not in existing:
            problems.setdefault(source, []).append(
                f"links to priority {target[0]} milestone {target[1]}, which does not exist"
            )
        elif (target, source) not in pairs:
            problems.setdefault(source, []).append(
                f"links to priority {target[0]} milestone {target[1]}, which does not link back"
            )
    return problems


def retired_stay_where_reported(*, retired: bool, reported_in_round: bool) -> bool:
    """Retirement rule: a retired priority, action or milestone drops out of the rounds that follow,
    and stays in every round that reported it (an update held there), as it was reported."""
    return reported_in_round or not retired


def reported_items_are_retired_not_deleted(what: str, rounds_reported: int) -> None:
    """What a round has reported on is never deleted, only retired; what no round has reported on
    may be deleted (after a confirmation)."""
    if rounds_reported:
        raise RuleViolation(
            f"{what} has been reported on in {rounds_reported} round{'' if rounds_reported == 1 else 's'}, "
            "so it cannot be deleted: retire it instead. It then stays in those rounds' reports and "
            "leaves the rounds that follow."
        )


def retired_take_no_updates(reference: str, retired: bool) -> None:
    if retired:
        raise RuleViolation(f"{reference} is retired: it takes no more updates. Bring it back first.")


def merge_identity(
    incoming: Sequence[tuple[int | None, object]], held: Sequence[tuple[int, object]]
) -> list[int | None]:
    """Merge identity rule: which held item each incoming item is (its id), or None for a new one.

    An item is matched by the stable id its export carries when that id is one of the held items
    (so a renumbered or moved item stays the same item), otherwise by its key (a priority's number,
    an action's label in its priority, a milestone's number in its priority). No held item is matched
    twice: an id claims its item before any key does."""
    ids = {pk for pk, _ in held}
    by_key = {key: pk for pk, key in held}
    claimed = {item_id for item_id, _ in incoming if item_id in ids}
    matched: list[int | None] = []
    for item_id, key in incoming:
        if item_id in ids:
            matched.append(item_id)
            continue
        pk = by_key.get(key)
        if pk is not None and pk not in claimed:
            claimed.add(pk)
            matched.append(pk)
        else:
            matched.append(None)
    return matched


def delete_only_while_unreported(what: str, updates: int, published: bool = False) -> None:
    """A plan or round made by mistake may be deleted while nothing has been reported in it: no
    update held and no report published. Otherwise it stays (rename it instead)."""
    if updates or published:
        held = f"holds {updates} update{'' if updates == 1 else 's'}" if updates else "has a published report"
        raise RuleViolation(
            f"{what} {held}, so it cannot be deleted: what has been reported stays. You can rename it."
        )


# Direction of travel (seed 002 "↑Amber"): stored as a word, shown as the arrow and its meaning.
DIRECTIONS = {"up": ("↑", "improving"), "same": ("→", "no change"), "down": ("↓", "worse")}


def direction_text(direction: str) -> str:
    """ "↑ improving" for "up"; "" for none (a Complete row has no arrow)."""
    if direction not in DIRECTIONS:
        return ""
    arrow, word = DIRECTIONS[direction]
    return f"{arrow} {word}"


@dataclass(frozen=True)
class ImprovementSummary:
    """The improvement plan's summary line, computed, never typed (decision 0152)."""

    counts: dict[str, Fraction]  # by status key, with a counted-as status folded into its host
    completed: Fraction
    total: int
    percent: dict[str, int]
    line: str


def _count_text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else format_weight(value, 1)


def improvement_summary(
    rows: Iterable[Mapping[str, Fraction]],
    statuses: Sequence[tuple[str, str, str]],
    counts_as: Mapping[str, str],
) -> ImprovementSummary:
    """Improvement summary rule (seed 002 L1312): each row's status counted in its colour, a status
    that counts as another (Complete as Green) added to that one and also counted as "completed";
    percentages of all rows in whole numbers that add up to 100 (largest remainder, as the overview's
    % row). A split row counts its exact share in each colour. ``statuses`` are (key, label, style)
    in the plan's order; red, amber and green are always named, any other colour only when held
    ("Blue: 1 (3%)" for a row left without an update at close).

    ``Red: 1 (3%) Amber: 22 (76%) Green: 6 (21%), of which 2 completed``."""
    shown = [key for key, _, _ in statuses if not counts_as.get(key)]
    counts = {key: Fraction(0) for key in shown}
    completed = Fraction(0)
    total = 0
    for weights in rows:
        total += 1
        for key, weight in weights.items():
            host = counts_as.get(key) or key
            if host in counts:
                counts[host] += weight
            if counts_as.get(key):
                completed += weight
    percent = percentages_of_total(counts, total)
    labels = {key: label for key, label, _ in statuses}
    styles = {key: style for key, _, style in statuses}
    named = [k for k in shown if styles[k] in ("red", "amber", "green") or counts[k]]
    line = " ".join(f"{labels[k]}: {_count_text(counts[k])} ({percent[k]}%)" for k in named)
    if completed:
        line += f", of which {_count_text(completed)} completed"
    return ImprovementSummary(
        {k: counts[k] for k in named}, completed, total, {k: percent[k] for k in named}, line
    )


def row_overdue(due: date | None, as_at: date, complete: bool) -> bool:
    """Overdue rule: a row past its target date as at the date, and not complete. A row with no
    target date (or only "Ongoing") is never overdue; the target date itself is not yet late."""
    return due is not None and not complete and as_at > due


def is_complete(weights: Mapping[str, Fraction], complete_keys: Iterable[str]) -> bool:
    """Wholly in a status that counts as complete (Complete); a split row is not complete."""
    keys = set(complete_keys)
    return bool(weights) and all(k in keys for k, w in weights.items() if w)
