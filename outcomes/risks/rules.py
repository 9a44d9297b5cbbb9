"""The register's named rules (issue 16), each a plain function unit-tested on its own:
level_of, score, trend, review_state, next_review_after, red_share / proposes_candidate,
suggests_rerating, version_in_use_not_editable, matrix_problems."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

# The default 5 x 5 matrix (decision 0156): the steps' labels, four levels named in words, each with
# a colour on which white text has 4.5:1 contrast (WCAG 1.4.3), and the level of every cell, likelihood
# rows from "Rare" up, impact columns from "Negligible" up.
DEFAULT_LIKELIHOODS = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]
DEFAULT_IMPACTS = ["Negligible", "Minor", "Moderate", "Major", "Catastrophic"]
DEFAULT_LEVELS = [
    {"key": "low", "name": "Low", "colour": "#00703c"},
    {"key": "medium", "name": "Medium", "colour": "#8a6100"},
    {"key": "high", "name": "High", "colour": "#d4351c"},
    {"key": "very_high", "name": "Very high", "colour": "#942514"},
]


def default_cells() -> list[list[str]]:
    """A cell's level by its score (likelihood x impact, 1 to 25): 1-4 low, 5-9 medium, 10-16 high,
    20-25 very high, the bands most councils' 5 x 5 matrices use."""
    rows = []
    for likelihood in range(1, 6):
        row = []
        for impact in range(1, 6):
            product = likelihood * impact
            key = (
                "low"
                if product <= 4
                else "medium"
                if product <= 9
                else "high"
                if product <= 16
                else "very_high"
            )
            row.append(key)
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Level:
    key: str
    name: str
    colour: str
    rank: int  # 0 for the lowest level

    @property
    def text_colour(self) -> str:
        return "#ffffff"


def levels(matrix) -> list[Level]:
    return [Level(lv["key"], lv["name"], lv["colour"], i) for i, lv in enumerate(matrix.levels)]


def level_of(matrix, likelihood: int | None, impact: int | None) -> Level | None:
    """The level of a rating, read from the matrix version it was made on; None when unrated."""
    if likelihood is None or impact is None:
        return None
    if not (1 <= likelihood <= len(matrix.likelihoods) and 1 <= impact <= len(matrix.impacts)):
        raise ValueError(f"likelihood {likelihood} or impact {impact} is off the matrix")
    key = matrix.cells[likelihood - 1][impact - 1]
    return next(level for level in levels(matrix) if level.key == key)


def score(matrix, likelihood: int, impact: int) -> tuple[int, int]:
    """How severe a rating is, for comparing two: its level first, then likelihood x impact."""
    level = level_of(matrix, likelihood, impact)
    return (level.rank if level else -1, likelihood * impact)


BETTER = "Better"
SAME = "Same"
WORSE = "Worse"
FIRST = "First review"


def trend(previous: tuple[int, int] | None, current: tuple[int, int]) -> str:
    """The trend of a review against the previous one, in words: a lower score is better."""
    if previous is None:
        return FIRST
    if current < previous:
        return BETTER
    if current > previous:
        return WORSE
    return SAME


DUE_SOON_DAYS = 14
NOT_DUE = "not due"
DUE = "due"
OVERDUE = "overdue"


def review_state(next_review: date | None, today: date, soon: int = DUE_SOON_DAYS) -> str:
    """A review is due from ``soon`` days before its date, overdue the day after it."""
    if next_review is None:
        return NOT_DUE
    if next_review < today:
        return OVERDUE
    if next_review <= today + timedelta(days=soon):
        return DUE
    return NOT_DUE


def review_words(next_review: date | None, today: date) -> str:
    from outcomes.core.formatting import format_date

    if next_review is None:
        return "No review date"
    days = (next_review - today).days
    if days < 0:
        return (
            f"Review overdue: was due {format_date(next_review)} ({-days} day{'s' if days != -1 else ''} ago)"
        )
    if days == 0:
        return f"Review due today, {format_date(next_review)}"
    return f"Review due {format_date(next_review)} (in {days} day{'s' if days != 1 else ''})"


def next_review_after(on: date, months: int) -> date:
    """The review ``months`` after ``on`` (quarterly: 3), on the same day or the month's last."""
    month = on.month - 1 + months
    year, month = on.year + month // 12, month % 12 + 1
    return date(year, month, min(on.day, calendar.monthrange(year, month)[1]))


def share(weights: dict[str, Fraction], styles: dict[str, str], style: str) -> Fraction:
    """The share of an update's status in one colour (a plan's RAG keys mapped to their styles)."""
    return sum((value for key, value in weights.items() if styles.get(key) == style), Fraction(0))


HALF = Fraction(1, 2)


def proposes_candidate(weights: dict[str, Fraction], styles: dict[str, str]) -> bool:
    """A row approved with at least half its status Red proposes a candidate risk (decision 0157):
    the CYPP splits a status ("1/2 Red, 1/2 Amber"), and a half-red row is a red risk to the board."""
    return share(weights, styles, "red") >= HALF


def suggests_rerating(weights: dict[str, Fraction], styles: dict[str, str]) -> bool:
    """A row back to at least half Green suggests the risk it raised be rated again (never rated)."""
    return share(weights, styles, "green") >= HALF


class MatrixInUse(Exception):
    """A matrix version that ratings were made on is kept as it is: a change is a new version."""


def version_in_use_not_editable(in_use: bool) -> None:
    if in_use:
        raise MatrixInUse("This version has ratings made on it: make a new version instead.")


def matrix_problems(
    likelihoods: list[str], impacts: list[str], levels_: list[dict], cells: list[list[str]]
) -> list[str]:
    """What is wrong with a matrix, in words (an empty list: nothing)."""
    problems = []
    if not 2 <= len(likelihoods) <= 10 or any(not str(x).strip() for x in likelihoods):
        problems.append("Give between 2 and 10 likelihood steps, each with a label")
    if not 2 <= len(impacts) <= 10 or any(not str(x).strip() for x in impacts):
        problems.append("Give between 2 and 10 impact steps, each with a label")
    keys = [lv.get("key") for lv in levels_]
    if not levels_ or len(set(keys)) != len(keys) or any(not lv.get("name") for lv in levels_):
        problems.append("Give each level a different name")
    if any(
        not str(lv.get("colour", "")).startswith("#") or len(str(lv.get("colour"))) != 7 for lv in levels_
    ):
        problems.append("Give each level a colour as #rrggbb")
    if len(cells) != len(likelihoods) or any(len(row) != len(impacts) for row in cells):
        problems.append("Give a level for every cell: one row per likelihood, one column per impact")
    elif any(cell not in keys for row in cells for cell in row):
        problems.append("Every cell's level must be one of the levels named")
    return problems
