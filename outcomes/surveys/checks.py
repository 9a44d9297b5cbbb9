"""The data-quality rules of the survey's schools, rolls and responses, registered into the one
registry of ``outcomes/core/checks.py`` when the app is ready.

Every rule takes the same optional scope: ``edition`` and ``school``. Counts of responses are
counts of anonymous questionnaires; nothing here reads an answer.
"""

from collections import defaultdict

from django.db.models import Count, Sum
from django.urls import reverse

from outcomes.core.checks import Finding, register
from outcomes.surveys.models import Edition, Response, School, SchoolParticipation, SchoolRoll

APP = "surveys"


def _editions(edition=None):
    editions = Edition.objects.order_by("-year", "phase", "slug")
    return editions.filter(pk=edition.pk) if edition is not None else editions


def _response_counts(edition: Edition, school=None) -> dict[int, int]:
    responses = Response.objects.filter(edition=edition)
    if school is not None:
        responses = responses.filter(school=school)
    return dict(responses.values_list("school").annotate(n=Count("id")).values_list("school", "n"))


def _rolls(edition: Edition, school_ids) -> dict[int, int]:
    rolls = SchoolRoll.objects.filter(
        school__in=school_ids, year=edition.year, year_group__in=edition.year_group_list
    )
    return dict(rolls.values_list("school").annotate(n=Sum("pupils")).values_list("school", "n"))


def _year_groups(edition: Edition) -> str:
    groups = edition.year_group_list
    return (
        "Year " + " and ".join(str(g) for g in groups)
        if len(groups) < 3
        else "Years " + ", ".join(map(str, groups))
    )


def _finding(rule: str, edition: Edition, school: School, message: str, evidence: str, url: str) -> Finding:
    return Finding(
        rule,
        f"{edition.title}, {school.name}",
        url,
        f"surveys/{edition.slug}/{school.code}",
        message,
        evidence,
        frozenset({f"edition:{edition.pk}", f"school:{school.pk}"}),
    )


@register(
    name="responses-above-roll",
    title="A school's responses above its roll",
    description=(
        "A school cannot have more pupils answering than it has on roll in the year groups the "
        "edition is for: either the roll or the responses are wrong (a class typed in twice, say)."
    ),
    app=APP,
    source="issue 11; notes-002 §3.2",
)
def responses_above_roll(edition=None, school=None):
    for found in _editions(edition):
        counts = _response_counts(found, school)
        rolls = _rolls(found, counts)
        schools = School.objects.in_bulk(counts)
        for school_id, responses in sorted(counts.items(), key=lambda item: schools[item[0]].name):
            roll = rolls.get(school_id)
            if roll is None or responses <= roll:
                continue
            yield _finding(
                "responses-above-roll",
                found,
                schools[school_id],
                f"{responses:,} pupils answered, but the roll in {_year_groups(found)} for "
                f"{found.year}/{(found.year + 1) % 100:02d} is {roll:,}.",
                f"{responses}/{roll}",
                reverse("surveys:schools"),
            )


@register(
    name="responses-without-roll",
    title="Responses from a school with no roll",
    description=(
        "The response rate needs each answering school's roll for the edition's year groups; "
        "without it the school is left out of the rate."
    ),
    app=APP,
    source="SPEC §3 (response rates)",
)
def responses_without_roll(edition=None, school=None):
    for found in _editions(edition):
        counts = _response_counts(found, school)
        rolls = _rolls(found, counts)
        schools = School.objects.in_bulk(counts)
        for school_id, responses in sorted(counts.items(), key=lambda item: schools[item[0]].name):
            if school_id in rolls:
                continue
            yield _finding(
                "responses-without-roll",
                found,
                schools[school_id],
                f"{responses:,} pupils answered, but the school has no roll in {_year_groups(found)} for "
                f"{found.year}/{(found.year + 1) % 100:02d}, so its response rate cannot be worked out.",
                f"{responses}/none",
                reverse("surveys:schools"),
            )


@register(
    name="participation-contradicts-responses",
    title="A school recorded as not taking part that has responses",
    description=(
        "A school whose pupils answered took part: its participation should say so (seed 002 "
        "counts schools taking part three different ways)."
    ),
    app=APP,
    source="notes-002 §10.1",
)
def participation_contradicts_responses(edition=None, school=None):
    for found in _editions(edition):
        counts = _response_counts(found, school)
        statuses = defaultdict(lambda: None)
        statuses.update(
            SchoolParticipation.objects.filter(edition=found, school__in=counts).values_list(
                "school", "status"
            )
        )
        labels = dict(SchoolParticipation.STATUSES)
        schools = School.objects.in_bulk(counts)
        for school_id, responses in sorted(counts.items(), key=lambda item: schools[item[0]].name):
            status = statuses[school_id]
            if status in (None, SchoolParticipation.PARTICIPATED):
                continue
            yield _finding(
                "participation-contradicts-responses",
                found,
                schools[school_id],
                f"Recorded as “{labels[status]}”, but {_pupils(responses)} answered.",
                f"{status}/{responses}",
                reverse("surveys:edition", args=[found.slug]),
            )


def _pupils(count: int) -> str:
    return f"{count:,} pupil{'' if count == 1 else 's'}"
