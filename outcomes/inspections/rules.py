"""The rules of inspection recommendations, each in one function (issue 16; decisions 0163-0165).

Two figures are never confused:

- ``within_original_timescale``: of the recommendations whose ORIGINAL due date has passed as at the
  date, those completed on or before that original date. A revised date never helps: the seed's target
  is "90% of recommendations met in original timescale" (seed 002 L1487).
- ``complete_of_all_monitored``: of all recommendations monitored as at the date, those complete by
  then ("89% of all inspection recommendations monitored are complete", L1488).

The rules read ``Facts``, the dates of one recommendation, so they know no model and are tested alone.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from outcomes.core.formatting import format_date

DEFAULT_TARGET = Decimal(90)
DEFAULT_AT_RISK_DAYS = 14

WITHIN_DEFINITION = (
    "Of the recommendations whose original due date had passed by the date, those completed on or "
    "before their original due date. A revised date does not change it."
)
COMPLETE_DEFINITION = (
    "Of all the recommendations monitored on the date (superseded ones left out), those complete by then."
)
NONE_DUE = "no recommendation due yet"
NONE_MONITORED = "no recommendation monitored yet"


class Refused(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Revision:
    due_on: date
    agreed_on: date


@dataclass(frozen=True)
class Facts:
    """One recommendation's dates, as the rules need them."""

    monitored_from: date
    original_due: date | None = None
    completed_on: date | None = None
    superseded_on: date | None = None
    revisions: Sequence[Revision] = field(default_factory=tuple)
    # The due dates of its linked actions that are still open.
    open_action_dues: Sequence[date] = field(default_factory=tuple)


# --- a recommendation as at a date --------------------------------------------------------------


def is_monitored(facts: Facts, day: date) -> bool:
    """Monitored from its day until it is superseded (a superseded recommendation counts in neither
    figure: the one that replaced it does)."""
    if facts.monitored_from > day:
        return False
    return facts.superseded_on is None or facts.superseded_on > day


def is_complete(facts: Facts, day: date) -> bool:
    return facts.completed_on is not None and facts.completed_on <= day


def original_due_passed(facts: Facts, day: date) -> bool:
    """Passed once the day after it begins: a recommendation due today is not yet late."""
    return facts.original_due is not None and facts.original_due < day


def met_original_timescale(facts: Facts) -> bool:
    return (
        facts.original_due is not None
        and facts.completed_on is not None
        and facts.completed_on <= facts.original_due
    )


def is_late(facts: Facts, day: date) -> bool:
    """Late against its original timescale: the original date has passed and it was not completed on
    or before it, whether it is still open or was completed afterwards, revised date or not."""
    return is_monitored(facts, day) and original_due_passed(facts, day) and not met_original_timescale(facts)


def revised_due(facts: Facts, day: date) -> date | None:
    """The due date of the latest revision agreed by ``day``, or None."""
    agreed = [r for r in facts.revisions if r.agreed_on <= day]
    if not agreed:
        return None
    return max(agreed, key=lambda r: r.agreed_on).due_on


def is_at_risk(facts: Facts, day: date, within_days: int = DEFAULT_AT_RISK_DAYS) -> bool:
    """At risk of missing its ORIGINAL date, flagged before the date passes (decision 0165): open,
    the original date not yet passed, and either due within ``within_days`` days or with a linked
    action still open past its own due date."""
    if not is_monitored(facts, day) or is_complete(facts, day):
        return False
    if facts.original_due is None or original_due_passed(facts, day):
        return False
    if facts.original_due - day <= timedelta(days=within_days):
        return True
    return any(due < day for due in facts.open_action_dues)


# --- the two figures ------------------------------------------------------------------------------


def percent(numerator: int, denominator: int) -> Decimal | None:
    """To one decimal place, halves up; None where nothing is counted (never a 0% or 100% of none)."""
    if denominator == 0:
        return None
    exact = Decimal(numerator) * 100 / Decimal(denominator)
    return exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Figure:
    name: str
    numerator: int
    denominator: int
    definition: str
    empty_words: str

    @property
    def percent(self) -> Decimal | None:
        return percent(self.numerator, self.denominator)

    @property
    def exact(self) -> Fraction | None:
        return Fraction(self.numerator * 100, self.denominator) if self.denominator else None

    def meets(self, target: Decimal) -> bool | None:
        """Against the target on the exact figure, so 89.96% does not meet 90% by rounding."""
        exact = self.exact
        return None if exact is None else exact >= Fraction(target)

    @property
    def percent_text(self) -> str:
        """ "66.7%", "75%", or the words for none counted ("no recommendation due yet")."""
        if not self.denominator:
            return self.empty_words
        return f"{self.percent:f}".removesuffix(".0") + "%"

    @property
    def words(self) -> str:
        if not self.denominator:
            return self.empty_words
        return f"{self.percent_text} ({self.numerator} of {self.denominator})"


def within_original_timescale(facts: Iterable[Facts], day: date) -> Figure:
    due = [f for f in facts if is_monitored(f, day) and original_due_passed(f, day)]
    met = [f for f in due if met_original_timescale(f)]
    return Figure("Completed within the original timescale", len(met), len(due), WITHIN_DEFINITION, NONE_DUE)


def complete_of_all_monitored(facts: Iterable[Facts], day: date) -> Figure:
    monitored = [f for f in facts if is_monitored(f, day)]
    done = [f for f in monitored if is_complete(f, day)]
    return Figure(
        "Complete, of all monitored", len(done), len(monitored), COMPLETE_DEFINITION, NONE_MONITORED
    )


# --- changes refused ------------------------------------------------------------------------------


def original_due_problems(agreed_on: date | None, current: date | None, proposed: date | None) -> list[str]:
    """The original due date is agreed once and never edited afterwards: a later date is a revision."""
    if agreed_on is not None and proposed != current:
        return [
            f"The original due date was agreed on {format_date(agreed_on)} and is never changed: "
            "give a revised date instead."
        ]
    if proposed is None:
        return ["Enter the original due date"]
    return []


def revision_problems(
    *, original_due: date | None, due_on: date, reason: str, agreed_by: str, status: str = "open"
) -> list[str]:
    problems = []
    if status != "open":
        problems.append("Only an open recommendation's date is revised.")
    if original_due is None:
        problems.append("Agree the original due date first: a revision is measured against it.")
    elif due_on <= original_due:
        problems.append(f"The revised date must be after the original due date ({format_date(original_due)})")
    if not reason.strip():
        problems.append("Enter the reason the date is revised")
    if not agreed_by.strip():
        problems.append("Enter who agreed the revised date")
    return problems


def completion_problems(
    *, status: str, on: date, evidence: str, monitored_from: date, today: date
) -> list[str]:
    """Complete only with its evidence, like an action's discharge (governance rules.discharge_problems)."""
    problems = []
    if status != "open":
        problems.append("Only an open recommendation is completed.")
    if not evidence.strip():
        problems.append("Enter the evidence that shows it complete")
    if on > today:
        problems.append("The date it was completed cannot be in the future")
    if on < monitored_from:
        problems.append(
            f"The date it was completed is before it was monitored ({format_date(monitored_from)})"
        )
    return problems


def supersede_problems(*, status: str, reason: str) -> list[str]:
    problems = []
    if status != "open":
        problems.append("Only an open recommendation is superseded.")
    if not reason.strip():
        problems.append("Enter why it is superseded")
    return problems
