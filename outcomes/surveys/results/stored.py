"""A release's stored outputs read back into results, as the pages, workbooks and PDFs draw them:
the inverse of ``as_json``. Read once per process and kept (a release never changes)."""

import threading
from decimal import Decimal

from outcomes.surveys.results.figures import (
    AreaParticipation,
    Count,
    Group,
    GroupResult,
    OptionResult,
    Participation,
    ParticipationRow,
    QuestionResult,
    Results,
    RowResult,
)
from outcomes.surveys.suppression import PRIMARY, SECONDARY

_KEPT: dict[tuple, tuple] = {}
_KEPT_SIZE = 32
_lock = threading.Lock()


def _decimal(value) -> Decimal | None:
    # Percentages are stored to one decimal place; repr of such a float gives it back exactly.
    return None if value is None else Decimal(repr(value))


def _rule(reason: str | None) -> str | None:
    if not reason:
        return None
    return SECONDARY if "secondary" in reason else PRIMARY


def _count(value, reason) -> Count:
    return Count(value, reason if value is None else None, _rule(reason) if value is None else None)


def _group(entry: dict) -> GroupResult:
    group = Group(entry["breakdown"], entry["group"], entry["label"])
    options = [
        OptionResult(
            name=o["option"],
            label=o["label"],
            count=_count(o["count"], o["reason"]),
            percentage=_decimal(o["percentage"]),
            of_shown=_decimal(o["of_shown"]["percentage"]),
            of_respondents=_decimal(o["of_respondents"]["percentage"]),
            reason=o["reason"],
            borough=_decimal(o.get("borough_percentage")),
            borough_reason=o.get("borough_reason"),
            previous=[{**p, "percentage": _decimal(p["percentage"])} for p in o.get("previous", [])],
        )
        for o in entry["options"]
    ]
    return GroupResult(
        group,
        _count(entry["respondents"]["count"], entry["respondents"]["reason"]),
        _count(entry["shown"]["count"], entry["shown"]["reason"]),
        _count(entry["answered"]["count"], entry["answered"]["reason"]),
        options,
    )


def results_from_json(data: dict, edition, school=None) -> Results:
    questions = [
        QuestionResult(
            q["name"],
            q["key"],
            q["number"],
            q["label"],
            q["type"],
            q["section"],
            [
                RowResult(r["row"], r["label"], [_group(g) for g in r["breakdowns"]], r.get("comparison", {}))
                for r in q["rows"]
            ],
        )
        for q in data["questions"]
    ]
    return Results(
        edition=edition,
        school=school,
        threshold=data["threshold"],
        groups=[Group(g["breakdown"], g["group"], g["label"]) for g in data.get("groups", [])],
        respondents=_count(data["respondents"]["count"], data["respondents"]["reason"]),
        questions=questions,
    )


def _row(entry: dict) -> ParticipationRow:
    return ParticipationRow(
        entry["school"],
        entry["name"],
        entry["area"],
        entry["status"],
        _count(entry["respondents"], entry["reason"]),
        entry["roll"],
        _decimal(entry["rate"]),
        entry["reason"],
    )


def participation_from_json(data: dict) -> Participation:
    coverage = data["coverage"]
    respondents = data["respondents"]
    return Participation(
        schools=[_row(entry) for entry in data["participation"]],
        areas=[
            AreaParticipation(
                a["area"],
                a["schools"],
                _count(a["respondents"], a["reason"]),
                a["roll"],
                _decimal(a["rate"]),
                a["reason"],
            )
            for a in data["participation_by_area"]
        ],
        respondents=_count(respondents["count"], respondents["reason"]),
        roll=coverage["roll"],
        coverage=_decimal(coverage["rate"]),
        participating_schools=coverage["participating_schools"],
        participating_roll=coverage["participating_roll"],
        participating_rate=_decimal(coverage["participating_rate"]),
    )


def own_participation_from_json(data: dict) -> ParticipationRow:
    return _row(data["participation"][0])


def kept(key: tuple, build):
    """What ``build`` made for ``key`` (a release's id and scope), made once per process."""
    with _lock:
        found = _KEPT.get(key)
    if found is None:
        found = build()
        with _lock:
            while len(_KEPT) >= _KEPT_SIZE:
                _KEPT.pop(next(iter(_KEPT)))
            _KEPT[key] = found
    return found
