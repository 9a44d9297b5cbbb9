"""Every change to the register goes through here, in a transaction, recorded in words
(core/history.py): matrix versions, registers, risks, ratings, reviews, mitigating actions, and
candidates proposed, accepted and rejected."""

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from outcomes.core.models import record_change
from outcomes.risks import rules
from outcomes.risks.models import Matrix, Rating, Register, Review, Risk


class Refused(Exception):
    """A change the rules refuse, with the reason in words."""


# --- the matrix ----------------------------------------------------------------------------------


def current_matrix() -> Matrix:
    """The version in force: the newest not superseded, the default 5 x 5 made on first use."""
    matrix = Matrix.objects.filter(superseded_at__isnull=True).order_by("-version").first()
    if matrix is None:
        matrix = Matrix.objects.create(
            version=(Matrix.objects.aggregate(n=Max("version"))["n"] or 0) + 1,
            likelihoods=rules.DEFAULT_LIKELIHOODS,
            impacts=rules.DEFAULT_IMPACTS,
            levels=rules.DEFAULT_LEVELS,
            cells=rules.default_cells(),
        )
    return matrix


def in_use(matrix: Matrix) -> bool:
    return matrix.ratings.exists()


def _matrix_after(matrix: Matrix) -> dict:
    return {
        "name": matrix.name,
        "likelihoods": matrix.likelihoods,
        "impacts": matrix.impacts,
        "levels": [f"{lv['name']} ({lv['colour']})" for lv in matrix.levels],
    }


@transaction.atomic
def new_matrix_version(*, user, name: str, likelihoods, impacts, levels, cells) -> Matrix:
    """A new version supersedes the one in force; ratings already made keep theirs."""
    problems = rules.matrix_problems(likelihoods, impacts, levels, cells)
    if problems:
        raise Refused("; ".join(problems))
    previous = Matrix.objects.select_for_update().filter(superseded_at__isnull=True).first()
    number = (Matrix.objects.aggregate(n=Max("version"))["n"] or 0) + 1
    matrix = Matrix.objects.create(
        version=number, name=name, likelihoods=likelihoods, impacts=impacts, levels=levels, cells=cells
    )
    Matrix.objects.exclude(pk=matrix.pk).filter(superseded_at__isnull=True).update(
        superseded_at=timezone.now(), updated_at=timezone.now()
    )
    record_change(
        user=user,
        obj=matrix,
        action="matrix_version",
        summary=f"Matrix version {number} made"
        + (f", superseding version {previous.version}" if previous else ""),
        after=_matrix_after(matrix),
    )
    return matrix


@transaction.atomic
def edit_matrix(*, user, matrix: Matrix, **fields) -> Matrix:
    """Only a version nobody has rated on may be corrected in place."""
    matrix = Matrix.objects.select_for_update().get(pk=matrix.pk)
    rules.version_in_use_not_editable(in_use(matrix))
    before = _matrix_after(matrix)
    for name, value in fields.items():
        setattr(matrix, name, value)
    problems = rules.matrix_problems(matrix.likelihoods, matrix.impacts, matrix.levels, matrix.cells)
    if problems:
        raise Refused("; ".join(problems))
    matrix.save()
    record_change(
        user=user,
        obj=matrix,
        action="matrix_edited",
        summary=f"Matrix version {matrix.version} corrected",
        before=before,
        after=_matrix_after(matrix),
    )
    return matrix


# --- registers and risks -------------------------------------------------------------------------


def register_snapshot(register: Register) -> dict:
    return {
        "name": register.name,
        "kind": register.kind,
        "owner": register.owner.name if register.owner else None,
        "reviewed_by": register.reviewed_by.name if register.reviewed_by else None,
        "standing_item": register.standing_item,
    }


@transaction.atomic
def save_register(*, user, register: Register | None = None, **fields) -> Register:
    before = register_snapshot(register) if register else None
    if register is None:
        register = Register.objects.create(**fields)
        summary = f"Register {register.name} set up"
    else:
        for name, value in fields.items():
            setattr(register, name, value)
        register.save()
        summary = f"Register {register.name} changed"
    record_change(
        user=user,
        obj=register,
        action="register_saved",
        summary=summary,
        before=before,
        after=register_snapshot(register),
    )
    return register


RISK_FIELDS = [
    "reference",
    "title",
    "cause",
    "event",
    "consequence",
    "owner",
    "treatment",
    "status",
    "review_months",
    "next_review",
]


def snapshot(risk: Risk) -> dict:
    return {
        "reference": risk.reference,
        "title": risk.title,
        "cause": risk.cause,
        "event": risk.event,
        "consequence": risk.consequence,
        "owner": risk.owner.name if risk.owner else None,
        "treatment": risk.treatment,
        "status": risk.status,
        "review_months": risk.review_months,
        "next_review": risk.next_review.isoformat() if risk.next_review else None,
        "rejected_reason": risk.rejected_reason,
    }


def next_reference(register: Register) -> str:
    taken = set(register.risks.values_list("reference", flat=True))
    number = register.risks.count() + 1
    while f"R{number}" in taken:
        number += 1
    return f"R{number}"


def _record(user, risk: Risk, action: str, summary: str, before=None) -> None:
    record_change(
        user=user,
        obj=risk,
        action=action,
        summary=summary,
        before=before,
        after=snapshot(risk),
        subject_key=f"risk:{risk.pk}",
    )


@transaction.atomic
def add_risk(*, user, register: Register, title: str, on: date | None = None, **fields) -> Risk:
    on = on or timezone.localdate()
    reference = fields.pop("reference", "") or next_reference(register)
    if register.risks.filter(reference=reference).exists():
        raise Refused(f"The register already has a risk {reference}: give another reference")
    risk = Risk.objects.create(register=register, reference=reference, title=title, opened_on=on, **fields)
    if risk.next_review is None:
        risk.next_review = rules.next_review_after(on, risk.review_months)
        risk.save(update_fields=["next_review"])
    _record(user, risk, "risk_added", f"Risk {risk.reference} added to {register.name}")
    return risk


@transaction.atomic
def edit_risk(*, user, risk: Risk, expected_version: int | None = None, **fields) -> Risk:
    current = Risk.objects.select_for_update().get(pk=risk.pk)
    if expected_version is not None and current.version != expected_version:
        raise Refused("Someone else changed this risk while you were editing it: look at it again")
    reference = fields.get("reference", current.reference)
    if reference != current.reference and current.register.risks.filter(reference=reference).exists():
        raise Refused(f"The register already has a risk {fields['reference']}")
    before = snapshot(current)
    for name, value in fields.items():
        setattr(current, name, value)
    if current.status == Risk.CLOSED and current.closed_on is None:
        current.closed_on = timezone.localdate()
    current.version += 1
    current.save()
    _record(user, current, "risk_edited", f"Risk {current.reference} changed", before)
    return current


def latest_rating(risk: Risk, on: date | None = None) -> Rating | None:
    ratings = risk.ratings.all()
    if on is not None:
        ratings = ratings.filter(on__lte=on)
    return ratings.select_related("matrix").order_by("-on", "-id").first()


def _level_words(matrix: Matrix, likelihood, impact) -> str | None:
    level = rules.level_of(matrix, likelihood, impact)
    if level is None:
        return None
    steps = (
        f"likelihood {likelihood} {matrix.likelihoods[likelihood - 1]}, "
        f"impact {impact} {matrix.impacts[impact - 1]}"
    )
    return f"{level.name} ({steps})"


def rating_words(rating: Rating | None) -> dict:
    if rating is None:
        return {}
    m = rating.matrix
    return {
        "before": _level_words(m, rating.before_likelihood, rating.before_impact),
        "after": _level_words(m, rating.after_likelihood, rating.after_impact),
        "target": _level_words(m, rating.target_likelihood, rating.target_impact),
    }


def _check_on_matrix(matrix: Matrix, pairs) -> None:
    for likelihood, impact in pairs:
        try:
            rules.level_of(matrix, likelihood, impact)
        except ValueError as problem:
            raise Refused(str(problem)) from None


@transaction.atomic
def rate(
    *,
    user,
    risk: Risk,
    on: date,
    before: tuple[int, int],
    after: tuple[int, int],
    target: tuple[int | None, int | None] = (None, None),
) -> Rating:
    """New ratings on the version in force, kept beside the earlier ones (they stay on theirs)."""
    matrix = current_matrix()
    _check_on_matrix(matrix, [before, after, target])
    previous = latest_rating(risk)
    rating = Rating.objects.create(
        risk=risk,
        on=on,
        matrix=matrix,
        entered_by=user if user and user.is_authenticated else None,
        before_likelihood=before[0],
        before_impact=before[1],
        after_likelihood=after[0],
        after_impact=after[1],
        target_likelihood=target[0],
        target_impact=target[1],
    )
    record_change(
        user=user,
        obj=risk,
        action="risk_rated",
        summary=f"Risk {risk.reference} rated on matrix version {matrix.version}",
        before=rating_words(previous) or None,
        after=rating_words(rating),
        subject_key=f"risk:{risk.pk}",
    )
    Risk.objects.filter(pk=risk.pk).update(updated_at=timezone.now())
    return rating


@transaction.atomic
def add_review(
    *,
    user,
    risk: Risk,
    on: date,
    after: tuple[int, int],
    comment: str = "",
    meeting=None,
    before: tuple[int, int] | None = None,
    target: tuple[int | None, int | None] | None = None,
) -> Review:
    """A review: the rating it found (before and target carried from the last rating unless given),
    and the next review ``review_months`` later."""
    if risk.status != Risk.OPEN:
        raise Refused("Only an open risk is reviewed")
    last = latest_rating(risk)
    if before is None:
        if last is None:
            raise Refused("Rate the risk before mitigation first")
        before = (last.before_likelihood, last.before_impact)
    if target is None:
        target = (last.target_likelihood, last.target_impact) if last else (None, None)
    rating = rate(user=user, risk=risk, on=on, before=before, after=after, target=target)
    review = Review.objects.create(
        risk=risk,
        on=on,
        meeting=meeting,
        rating=rating,
        comment=comment,
        entered_by=user if user and user.is_authenticated else None,
    )
    previous = snapshot(risk)
    risk.next_review = rules.next_review_after(on, risk.review_months)
    risk.version += 1
    risk.save(update_fields=["next_review", "version", "updated_at"])
    where = f" at the {meeting.body.label} on {meeting.date:%d %B %Y}" if meeting else ""
    record_change(
        user=user,
        obj=risk,
        action="risk_reviewed",
        summary=f"Risk {risk.reference} reviewed{where}: {trend_of(review)}",
        before=previous,
        after={**snapshot(risk), "comment": comment},
        subject_key=f"risk:{risk.pk}",
    )
    return review


def trend_of(review: Review) -> str:
    """The review's trend against the one before it (after-mitigation ratings), in words."""
    earlier = (
        Review.objects.filter(risk=review.risk, on__lte=review.on)
        .exclude(pk=review.pk)
        .exclude(on=review.on, id__gt=review.id)
        .select_related("rating__matrix")
        .order_by("-on", "-id")
        .first()
    )
    current = review.rating
    now = rules.score(current.matrix, current.after_likelihood, current.after_impact)
    if earlier is None:
        return rules.trend(None, now)
    was = earlier.rating
    return rules.trend(rules.score(was.matrix, was.after_likelihood, was.after_impact), now)


# --- candidates ----------------------------------------------------------------------------------


@transaction.atomic
def propose_candidate(
    *,
    register: Register,
    title: str,
    source_key: str,
    source_text: str,
    source_url: str = "",
    owner=None,
    on: date | None = None,
) -> Risk | None:
    """A candidate risk (ratings blank) for the register's owner, once per source: a second proposal
    from a source that already raised one (waiting, accepted or rejected) changes nothing."""
    if Risk.objects.filter(register=register, source_key=source_key).exists():
        return None
    on = on or timezone.localdate()
    risk = Risk.objects.create(
        register=register,
        reference=next_reference(register),
        title=title[:300],
        owner=owner,
        status=Risk.CANDIDATE,
        source_key=source_key,
        source_text=source_text,
        source_url=source_url,
        proposed_on=on,
    )
    _record(
        None, risk, "candidate_proposed", f"Candidate risk {risk.reference} proposed: {source_text}"[:300]
    )
    return risk


@transaction.atomic
def accept_candidate(
    *,
    user,
    risk: Risk,
    on: date,
    before: tuple[int, int],
    after: tuple[int, int],
    target: tuple[int | None, int | None] = (None, None),
    **fields,
) -> Risk:
    """The register's owner accepts a candidate by rating it: it is open from ``on``."""
    current = Risk.objects.select_for_update().get(pk=risk.pk)
    if current.status != Risk.CANDIDATE:
        raise Refused("Only a candidate waiting for the register's owner is accepted")
    previous = snapshot(current)
    for name, value in fields.items():
        setattr(current, name, value)
    current.status = Risk.OPEN
    current.opened_on = on
    if current.next_review is None:
        current.next_review = rules.next_review_after(on, current.review_months)
    current.version += 1
    current.save()
    _record(
        user,
        current,
        "candidate_accepted",
        f"Candidate {current.reference} accepted onto the register",
        previous,
    )
    rate(user=user, risk=current, on=on, before=before, after=after, target=target)
    return current


@transaction.atomic
def reject_candidate(*, user, risk: Risk, reason: str) -> Risk:
    current = Risk.objects.select_for_update().get(pk=risk.pk)
    if current.status != Risk.CANDIDATE:
        raise Refused("Only a candidate waiting for the register's owner is rejected")
    if not reason.strip():
        raise Refused("Say why the candidate is rejected")
    previous = snapshot(current)
    current.status = Risk.REJECTED
    current.rejected_reason = reason.strip()
    current.version += 1
    current.save()
    _record(user, current, "candidate_rejected", f"Candidate {current.reference} rejected", previous)
    return current


@transaction.atomic
def suggest_rerating(*, risk: Risk, text: str, on: date | None = None) -> Risk:
    """A notice on the risk that its source has returned to Green: its ratings are left as they are."""
    risk.suggestion = text
    risk.suggested_on = on or timezone.localdate()
    risk.save(update_fields=["suggestion", "suggested_on", "updated_at"])
    record_change(
        user=None,
        obj=risk,
        action="rerating_suggested",
        summary=f"Re-rating of {risk.reference} suggested",
        after={"suggestion": text},
        subject_key=f"risk:{risk.pk}",
    )
    return risk


@transaction.atomic
def dismiss_suggestion(*, user, risk: Risk) -> Risk:
    before = {"suggestion": risk.suggestion}
    risk.suggestion = ""
    risk.suggested_on = None
    risk.save(update_fields=["suggestion", "suggested_on", "updated_at"])
    record_change(
        user=user,
        obj=risk,
        action="suggestion_dismissed",
        summary=f"Re-rating notice of {risk.reference} dismissed",
        before=before,
        after={"suggestion": ""},
        subject_key=f"risk:{risk.pk}",
    )
    return risk
