"""The register as at a date (decision 0160): the risks open on that day, each with the latest
ratings entered on or before it, the trend of its last two reviews up to it, and its next review
as it then stood; the heat map's counts per cell; and each mitigating action's progress.

Ratings are appended, never changed (models.Rating), so the ratings as at a date are read, not
reconstructed from the change history.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from outcomes.core.formatting import format_date
from outcomes.plans.models import Update
from outcomes.risks import rules
from outcomes.risks.models import Matrix, Mitigation, Rating, Register, Review, Risk
from outcomes.risks.services import current_matrix


@dataclass
class Rated:
    likelihood: int | None
    impact: int | None
    level: rules.Level | None

    def as_json(self) -> dict:
        return {
            "likelihood": self.likelihood,
            "impact": self.impact,
            "level": self.level.name if self.level else None,
        }

    @property
    def words(self) -> str:
        if self.level is None:
            return "Not rated"
        return f"{self.level.name} (L{self.likelihood} x I{self.impact})"


def rated(matrix: Matrix | None, likelihood, impact) -> Rated:
    if matrix is None or likelihood is None or impact is None:
        return Rated(None, None, None)
    return Rated(likelihood, impact, rules.level_of(matrix, likelihood, impact))


@dataclass
class Progress:
    """A mitigating action as the register prints it (D24: who, % progress, completion date)."""

    what: str
    who: str
    progress: str  # "60%", or a plan row's status in words (decision 0159)
    percent: int | None
    date: str
    obj: object  # the Action or Milestone, for a link where the reader may open it


@dataclass
class Row:
    risk: Risk
    rating: Rating | None
    before: Rated
    after: Rated
    target: Rated
    trend: str
    next_review: date | None
    latest_review: Review | None
    mitigations: list[Progress] = field(default_factory=list)

    @property
    def owner(self) -> str:
        return self.risk.owner.name if self.risk.owner else ""


def _ratings(rating: Rating | None) -> tuple[Rated, Rated, Rated]:
    m = rating.matrix if rating else None
    if rating is None:
        return rated(None, None, None), rated(None, None, None), rated(None, None, None)
    return (
        rated(m, rating.before_likelihood, rating.before_impact),
        rated(m, rating.after_likelihood, rating.after_impact),
        rated(m, rating.target_likelihood, rating.target_impact),
    )


def review_trend(reviews: list[Review]) -> str:
    """The latest review's trend against the one before (reviews oldest first)."""
    if not reviews:
        return "Not yet reviewed"
    scores = [
        rules.score(r.rating.matrix, r.rating.after_likelihood, r.rating.after_impact) for r in reviews[-2:]
    ]
    return rules.trend(scores[0] if len(scores) == 2 else None, scores[-1])


def _status_words(update: Update) -> str:
    labels = {s.key: (s.label, s.style) for s in update.round.plan.rag_statuses.all()}
    parts = []
    for key, value in update.exact_weights().items():
        label = labels.get(key, (key, ""))[0]
        parts.append(label if value == 1 else f"{value} {label}")
    return ", ".join(parts)


def mitigation_progress(mitigation: Mitigation, as_at: date | None = None) -> Progress:
    action = mitigation.action
    if action is not None:
        due = format_date(action.due_on) if action.due_on else action.due_rule
        done = f"{action.get_status_display()}" + (
            f" on {format_date(action.discharged_on)}" if action.discharged_on else ""
        )
        return Progress(
            what=action.details,
            who=action.owner_text,
            progress=f"{action.progress}%" if action.progress is not None else done,
            percent=action.progress,
            date=due or "",
            obj=action,
        )
    milestone = mitigation.milestone
    assert milestone is not None  # an action or a row (the model's check constraint)
    updates = Update.objects.filter(milestone=milestone, state=Update.APPROVED).select_related("round__plan")
    if as_at is not None:
        updates = updates.filter(approved_at__date__lte=as_at)
    update = updates.order_by("-approved_at", "-id").first()
    progress = "No approved update yet"
    if update is not None:
        progress = f"{_status_words(update)} ({update.round.title})" + (
            f": {update.text}" if update.text else ""
        )
    return Progress(
        what=f"{milestone.reference}: {milestone.text}",
        who=milestone.leads_text("delivery") or milestone.leads_text("strategy"),
        progress=progress,
        percent=None,
        date=format_date(milestone.due) if milestone.due else "",
        obj=milestone,
    )


def risk_row(risk: Risk, as_at: date | None = None) -> Row:
    ratings = [r for r in risk.ratings.all() if as_at is None or r.on <= as_at]
    rating = max(ratings, key=lambda r: (r.on, r.id), default=None)
    reviews = sorted(
        (r for r in risk.reviews.all() if as_at is None or r.on <= as_at), key=lambda r: (r.on, r.id)
    )
    before, after, target = _ratings(rating)
    if as_at is None or not reviews:
        next_review = risk.next_review if as_at is None or not risk.reviews.exists() else None
        if next_review is None and risk.opened_on:
            next_review = rules.next_review_after(risk.opened_on, risk.review_months)
    else:
        next_review = rules.next_review_after(reviews[-1].on, risk.review_months)
    return Row(
        risk=risk,
        rating=rating,
        before=before,
        after=after,
        target=target,
        trend=review_trend(reviews),
        next_review=next_review,
        latest_review=reviews[-1] if reviews else None,
        mitigations=[mitigation_progress(m, as_at) for m in risk.mitigations.all()],
    )


def _prefetched(qs):
    return qs.select_related("owner", "register").prefetch_related(
        "ratings__matrix",
        "reviews__rating__matrix",
        "reviews__meeting__body",
        "mitigations__action",
        "mitigations__milestone__priority__plan",
        "mitigations__milestone__leads",
    )


def open_on(register: Register, as_at: date):
    """The risks on the register on the day: accepted on or before it and not closed before it."""
    return _prefetched(
        register.risks.filter(status__in=[Risk.OPEN, Risk.CLOSED], opened_on__lte=as_at).filter(
            Q(closed_on__isnull=True) | Q(closed_on__gt=as_at)
        )
    )


def register_rows(register: Register, as_at: date | None = None) -> list[Row]:
    if as_at is None:
        risks = _prefetched(register.risks.filter(status=Risk.OPEN))
    else:
        risks = open_on(register, as_at)
    return [risk_row(risk, as_at) for risk in risks]


@dataclass
class HeatCell:
    likelihood: int
    impact: int
    level: rules.Level
    before: int = 0
    after: int = 0


@dataclass
class HeatMap:
    matrix: Matrix
    cells: dict[tuple[int, int], HeatCell]
    # Ratings made on a version whose cells this one does not have (a 4 x 4 after a 5 x 5).
    off_matrix: int = 0

    def count(self, which: str) -> int:
        return sum(getattr(cell, which) for cell in self.cells.values())

    def as_json(self) -> dict:
        return {
            "matrix_version": self.matrix.version,
            "likelihoods": self.matrix.likelihoods,
            "impacts": self.matrix.impacts,
            "cells": [
                {
                    "likelihood": c.likelihood,
                    "impact": c.impact,
                    "level": c.level.name,
                    "before": c.before,
                    "after": c.after,
                }
                for c in self.cells.values()
            ],
            "off_matrix": self.off_matrix,
        }


def _level(matrix: Matrix, likelihood: int, impact: int) -> rules.Level:
    level = rules.level_of(matrix, likelihood, impact)
    assert level is not None  # both steps are given
    return level


def heat_map(rows: list[Row], matrix: Matrix | None = None) -> HeatMap:
    """Counts per cell before and after mitigation, drawn on the version in force (decision 0160)."""
    matrix = matrix or current_matrix()
    cells = {
        (li, im): HeatCell(li, im, _level(matrix, li, im))
        for li in range(1, len(matrix.likelihoods) + 1)
        for im in range(1, len(matrix.impacts) + 1)
    }
    heat = HeatMap(matrix, cells)
    for row in rows:
        for which in ("before", "after"):
            r = getattr(row, which)
            if r.likelihood is None:
                continue
            cell = cells.get((r.likelihood, r.impact))
            if cell is None:
                heat.off_matrix += 1
            else:
                setattr(cell, which, getattr(cell, which) + 1)
    return heat


def in_cell(rows: list[Row], which: str, likelihood: int, impact: int) -> list[Row]:
    """The rows rated in a cell of the heat map (the cell's link lists them)."""
    return [
        r for r in rows if (getattr(r, which).likelihood, getattr(r, which).impact) == (likelihood, impact)
    ]


def reviews_due(register: Register, by: date, today: date | None = None) -> list[tuple[Risk, str, bool]]:
    """The open risks whose review falls due by ``by``: (risk, in words, overdue)."""
    today = today or by
    out = []
    for risk in (
        register.risks.filter(status=Risk.OPEN, next_review__isnull=False, next_review__lte=by)
        .select_related("owner")
        .order_by("next_review", "reference")
    ):
        state = rules.review_state(risk.next_review, today, soon=(by - today).days if by > today else 0)
        out.append((risk, rules.review_words(risk.next_review, today), state == rules.OVERDUE))
    return out
