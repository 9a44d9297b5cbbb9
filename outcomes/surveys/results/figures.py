"""What survey results are made of: a figure as it may be shown (``Count``), the groups a table is
split by, and the result of each question, grid row, group and option, with the one function that
computes every percentage."""

from dataclasses import dataclass, field
from decimal import Decimal

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
    # Each figure's true value by identity (question, grid row, group key, what): kept while a
    # release is made, never stored or shown.
    truth: dict = field(default_factory=dict, repr=False)

    def question(self, name: str) -> QuestionResult:
        return next(q for q in self.questions if q.name == name)

    def figures(self):
        """Every figure as shown, by identity: (question, grid row, group key, what) -> Count, where
        what is "respondents", "shown", "answered" or ("option", name)."""
        for question in self.questions:
            for row in question.rows:
                for group in row.groups:
                    gk = group.group.key
                    yield (question.name, row.name, gk, "respondents"), group.respondents
                    yield (question.name, row.name, gk, "shown"), group.shown
                    yield (question.name, row.name, gk, "answered"), group.answered
                    for option in group.options:
                        yield (question.name, row.name, gk, ("option", option.name)), option.count


def beside_borough(results: Results, borough: Results) -> None:
    """Put the borough's percentage (all pupils, of those who answered) beside each of a school's."""
    for question in results.questions:
        other = borough.question(question.name)
        for row, borough_row in zip(question.rows, other.rows, strict=True):
            everyone = borough_row.group(ALL)
            for group in row.groups:
                for option, theirs in zip(group.options, everyone.options, strict=True):
                    option.borough, option.borough_reason = theirs.percentage, theirs.reason
