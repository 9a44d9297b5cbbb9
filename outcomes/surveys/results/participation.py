"""Participation: respondents, roll and response rate by school and by area, suppressed."""

from outcomes.surveys.results.figures import (
    ALL,
    AreaParticipation,
    Count,
    Participation,
    ParticipationRow,
    Results,
    percentage,
    suppression_threshold,
)
from outcomes.surveys.results.kept import borough_figures
from outcomes.surveys.suppression import MARGIN, TOTAL, Decided, Figure, Suppression, suppress


def participation(
    edition,
    *,
    threshold: int | None = None,
    answered: dict[int, int] | None = None,
    borough: Results | None = None,
    decided: dict[int, Decided] | None = None,
) -> Participation:
    """Respondents, roll and response rate by school and by area, and the borough's coverage
    (seed 002: 572 of 2,996 Year 5 pupils = 19%; 80% within the 15 schools that took part), with
    respondent counts of fewer than ``threshold`` suppressed and what would give them away.

    A release passes its fixed responses (``answered``: school id -> respondents), its borough
    results, and each school's respondents as its own report decided them (``decided``), so that
    the table is protected together with the reports the same readers hold."""
    from django.db.models import Sum

    from outcomes.surveys.models import School, SchoolParticipation, SchoolRoll
    from outcomes.surveys.services import respondents_by_school

    threshold = threshold or suppression_threshold(edition)
    answered = respondents_by_school(edition) if answered is None else answered
    decided = decided or {}
    rolls = {
        row["school"]: row["pupils"]
        for row in SchoolRoll.objects.filter(year=edition.year, year_group__in=edition.year_group_list)
        .values("school")
        .annotate(pupils=Sum("pupils"))
        .order_by()
    }
    statuses = dict(SchoolParticipation.objects.filter(edition=edition).values_list("school_id", "status"))
    labels = dict(SchoolParticipation.STATUSES)
    schools = [
        s
        for s in School.objects.filter(phase=edition.phase)
        .select_related("area")
        .order_by("area__order", "area__name", "is_group", "name")
        if s.pk in rolls or s.pk in answered or s.pk in statuses
    ]
    total = sum(answered.values())
    area_names = list(dict.fromkeys(s.area.name if s.area else "" for s in schools))
    figures = [
        Figure(("school", s.pk), answered.get(s.pk, 0), (s.pk,), decided=decided.get(s.pk)) for s in schools
    ]
    for name in area_names:
        members = [s for s in schools if (s.area.name if s.area else "") == name]
        figures.append(
            Figure(
                ("area", name),
                sum(answered.get(s.pk, 0) for s in members),
                tuple(s.pk for s in members),
                level=MARGIN,
            )
        )
    borough_decision = (borough or borough_figures(edition, threshold)).respondents
    figures.append(
        Figure(
            ("respondents", ALL),
            total,
            tuple(s.pk for s in schools),
            level=TOTAL,
            decided=Decided(
                Suppression(borough_decision.rule, borough_decision.reason)
                if borough_decision.suppressed
                else None
            ),
        )
    )
    hidden = suppress(figures, threshold)

    def count(key, value) -> Count:
        decision = hidden.get(key)
        return Count(None, decision.reason, decision.rule) if decision else Count(value)

    rows = []
    for s in schools:
        status = SchoolParticipation.PARTICIPATED if answered.get(s.pk) else statuses.get(s.pk, "")
        respondents = count(("school", s.pk), answered.get(s.pk, 0))
        roll = rolls.get(s.pk, 0)
        rows.append(
            ParticipationRow(
                s.code,
                s.name,
                s.area.name if s.area else "",
                labels.get(status, ""),
                respondents,
                roll,
                percentage(respondents.value, roll),
                respondents.reason,
            )
        )
    areas = []
    for name in area_names:
        members = [s for s in schools if (s.area.name if s.area else "") == name]
        respondents = count(("area", name), sum(answered.get(s.pk, 0) for s in members))
        roll = sum(rolls.get(s.pk, 0) for s in members)
        areas.append(
            AreaParticipation(
                name,
                sum(1 for s in members if answered.get(s.pk)),
                respondents,
                roll,
                percentage(respondents.value, roll),
                respondents.reason,
            )
        )
    everyone = count(("respondents", ALL), total)
    borough_roll = sum(rolls.get(s.pk, 0) for s in schools)
    taking_part = [s for s in schools if answered.get(s.pk)]
    their_roll = sum(rolls.get(s.pk, 0) for s in taking_part)
    return Participation(
        schools=rows,
        areas=areas,
        respondents=everyone,
        roll=borough_roll,
        coverage=percentage(everyone.value, borough_roll),
        participating_schools=len(taking_part),
        participating_roll=their_roll,
        participating_rate=percentage(everyone.value, their_roll),
    )


def school_participation(results: Results) -> ParticipationRow:
    """A school's own respondents, roll and rate, as its report shows them."""
    from django.db.models import Sum

    from outcomes.surveys.models import SchoolRoll

    school, edition = results.school, results.edition
    roll = (
        SchoolRoll.objects.filter(
            school=school, year=edition.year, year_group__in=edition.year_group_list
        ).aggregate(pupils=Sum("pupils"))["pupils"]
        or 0
    )
    respondents = results.respondents
    return ParticipationRow(
        school.code,
        school.name,
        school.area.name if school.area else "",
        "",
        respondents,
        roll,
        percentage(respondents.value, roll),
        respondents.reason,
    )
