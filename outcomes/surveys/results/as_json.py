"""The results as plain data: what ``survey_report`` prints."""

from decimal import Decimal

from outcomes.surveys.results.figures import Count, Participation, ParticipationRow, Results


def _number(value: Decimal | None):
    return None if value is None else float(value)


def _count_json(count: Count) -> dict:
    return {"count": count.value, "reason": count.reason}


def results_as_json(
    results: Results, participation_: Participation | None = None, own: ParticipationRow | None = None
) -> dict:
    """The results as plain data (``survey_report`` prints this): per question, grid row, group and
    option the ``count``, ``base`` (those who answered) and ``percentage``, null where suppressed
    with the ``reason``; and participation."""
    edition, school = results.edition, results.school
    data: dict = {
        "edition": {
            "slug": edition.slug,
            "title": edition.title,
            "year": edition.year,
            "phase": edition.phase,
        },
        "scope": (
            {"kind": "school", "school": school.code, "name": school.name} if school else {"kind": "borough"}
        ),
        "threshold": results.threshold,
        "suppression_note": (
            f"Figures based on fewer than {results.threshold} pupils are not shown (null, with the reason), "
            "nor are figures from which they could be worked out."
        ),
        "respondents": _count_json(results.respondents),
        "groups": [{"breakdown": g.kind, "group": g.name, "label": g.label} for g in results.groups],
        "questions": [],
    }
    for question in results.questions:
        rows = []
        for row in question.rows:
            groups = []
            for group in row.groups:
                answered = group.answered
                options = []
                for option in group.options:
                    entry = {
                        "option": option.name,
                        "label": option.label,
                        "count": option.count.value,
                        "base": answered.value,
                        "percentage": _number(option.percentage),
                        "reason": option.reason,
                        "of_shown": {"base": group.shown.value, "percentage": _number(option.of_shown)},
                        "of_respondents": {
                            "base": group.respondents.value,
                            "percentage": _number(option.of_respondents),
                        },
                    }
                    if school is not None:
                        entry["borough_percentage"] = _number(option.borough)
                        entry["borough_reason"] = option.borough_reason
                    if option.previous:
                        entry["previous"] = [
                            {**p, "percentage": _number(p["percentage"])} for p in option.previous
                        ]
                    options.append(entry)
                groups.append(
                    {
                        "breakdown": group.group.kind,
                        "group": group.group.name,
                        "label": group.group.label,
                        "respondents": _count_json(group.respondents),
                        "shown": _count_json(group.shown),
                        "answered": _count_json(group.answered),
                        "options": options,
                    }
                )
            entry = {"row": row.name, "label": row.label, "breakdowns": groups}
            if row.comparison:
                entry["comparison"] = row.comparison
            rows.append(entry)
        data["questions"].append(
            {
                "name": question.name,
                "key": question.key,
                "number": question.number,
                "label": question.label,
                "type": question.type,
                "section": question.section,
                "rows": rows,
            }
        )
    if participation_ is not None:
        data["participation"] = [_participation_json(row) for row in participation_.schools]
        data["participation_by_area"] = [
            {
                "area": area.name,
                "schools": area.schools,
                "respondents": area.respondents.value,
                "roll": area.roll,
                "rate": _number(area.rate),
                "reason": area.reason,
            }
            for area in participation_.areas
        ]
        data["coverage"] = {
            "respondents": participation_.respondents.value,
            "roll": participation_.roll,
            "rate": _number(participation_.coverage),
            "participating_schools": participation_.participating_schools,
            "participating_roll": participation_.participating_roll,
            "participating_rate": _number(participation_.participating_rate),
        }
    if own is not None:
        data["participation"] = [_participation_json(own)]
    return data


def _participation_json(row: ParticipationRow) -> dict:
    return {
        "school": row.code,
        "name": row.name,
        "area": row.area,
        "status": row.status,
        "respondents": row.respondents.value,
        "roll": row.roll,
        "rate": _number(row.rate),
        "reason": row.reason,
    }
