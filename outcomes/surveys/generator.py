"""Synthetic responses, for demonstrations and benchmarks only: they are made up.

Each synthetic pupil answers every question with plausible probabilities; the answers then go
through the same service as a real pupil's (services.prepare_response), which drops the answers
to questions their other answers hide and refuses anything a pupil could not have sent. For the
questions of the 2009 primary questionnaire the probabilities are set near the published 2009
figures (seed 002, Executive Summary), so the demo's reports look like the real ones; any other
question gets fixed, made-up weights drawn from the seed.
"""

import random
from bisect import bisect
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from itertools import accumulate

from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.models import Edition, Response, School
from outcomes.surveys.questionnaire import ItemSpec, Questionnaire
from outcomes.surveys.services import PreparedResponse, prepare_response, record_responses

NO_ANSWER = 0.03  # a pupil skips an optional question now and then

# Choice weights by question key, near the 2009 results (L115, L149-L254): 53% female; 90% White
# British, 7% not stated, 2.5% other BME, 0.5% Asian; 85% health good or very good; 87% never
# smoked, 21 tried, 9 daily; alcohol 51% never, 37% tried, 4% daily; about 57% look after someone
# (133 young carers = 41% of them); 45 know the Young Carers Service, 16 attended.
PRIORS: dict[str, dict] = {
    "q1": {"male": 47, "female": 53},
    "q3": {
        "white": 90,
        "prefer_not": 3.5,
        "dont_know": 3.5,
        "asian": 0.5,
        "black": 0.5,
        "chinese": 0.3,
        "multiple_heritage": 1.0,
        "yemeni": 0.3,
        "other": 0.2,
        "gypsy_traveller": 0.2,
    },
    "q4": {"very_good": 42, "good": 43, "ok": 12, "not_very_good": 3},
    "q8": {"home": 80, "on_the_way": 5, "breakfast_club": 7, "another_house": 4, "none": 4},
    "q22": {"never": 43, "sometimes": 40, "daily": 17},
    "q23": {"yes": 41, "no": 59},
    "q25": {"yes": 25, "no": 75},
    "q26": {"yes": 35, "no": 65},
    "q30": {"yes": 45, "no": 55},
    "q31": {"more_than_year": 39, "last_year": 21, "six_months": 13, "four_weeks": 24},
    "q38": {"never": 94, "tried": 4, "daily": 2},
    "q41": {"never": 55, "tried": 40, "daily": 5},
    "q17": {"yes": 85, "no": 8, "dont_know": 7},
}
TEXTS = [
    "More parks",
    "A skate park near where I live",
    "More clubs after school",
    "A swimming pool closer to home",
    "A youth club",
    "More things to do at weekends",
    "Bike tracks",
    "Cheaper activities",
    "A bigger library",
    "More football pitches",
]
TEXT_SHARE = 0.4


class _Model:
    """Fixed probabilities for one questionnaire, drawn once from the seed."""

    def __init__(self, q: Questionnaire, rng: random.Random):
        # One step per answered question: (type, name, required, what to draw from).
        self.steps: list[tuple[str, str, bool, object]] = []
        for item in q.items:
            if item.type in {"select_one", "yes_no_dk"}:
                data: object = self._weights(item, rng)
            elif item.type == "grid":
                data = (item.choice_names, [(row.name, self._weights(item, rng)[1]) for row in item.rows])
            elif item.type == "select_multiple":
                exclusive = [c.name for c in item.choices if c.exclusive]
                data = (
                    exclusive[0] if exclusive else None,
                    [(c.name, rng.uniform(0.08, 0.55)) for c in item.choices if not c.exclusive],
                )
            elif item.type == "text":
                data = None
            else:
                continue
            self.steps.append((item.type, item.name, item.required, data))

    @staticmethod
    def _weights(item: ItemSpec, rng: random.Random) -> tuple[list[str], list[float]]:
        """The choices and their cumulative probabilities (the last is exactly 1)."""
        names = item.choice_names
        prior = PRIORS.get(item.key)
        if prior and set(prior) <= set(names):
            weights = [prior.get(n, 0) for n in names]
        else:
            # Made up: earlier choices a little likelier, as on most attitude scales.
            n = len(names)
            weights = [rng.uniform(0.2, 1.0) * (1.0 - 0.5 * i / n) for i in range(n)]
        total = sum(weights)
        return names, [c / total for c in accumulate(weights)]

    def answers(self, rng: random.Random) -> dict:
        answers: dict = {}
        draw = rng.random
        for kind, name, required, data in self.steps:
            if not required and draw() < NO_ANSWER:
                continue
            if kind == "grid":
                names, rows = data
                answers[name] = {row: names[bisect(cumulative, draw())] for row, cumulative in rows}
            elif kind == "select_multiple":
                exclusive, ticks = data
                if exclusive and draw() < 0.1:
                    answers[name] = [exclusive]
                else:
                    chosen = [choice for choice, p in ticks if draw() < p]
                    if chosen:
                        answers[name] = chosen
            elif kind == "text":
                if draw() < TEXT_SHARE:
                    answers[name] = rng.choice(TEXTS)
            else:
                names, cumulative = data
                answers[name] = names[bisect(cumulative, draw())]
        return answers


def _school_days(start: date, end: date) -> list[date]:
    days = [start + timedelta(n) for n in range((end - start).days + 1)]
    return [d for d in days if d.weekday() < 5] or [start]


def synthetic_responses(
    edition: Edition,
    schools: Iterable[tuple[School, int]],
    *,
    seed: int,
    days: tuple[date, date] | None = None,
) -> Iterator[PreparedResponse]:
    """Prepared (unsaved) synthetic responses: ``n`` for each (school, n), reproducible by seed."""
    q = questionnaires.load(edition)
    rng = random.Random(seed)
    model = _Model(q, random.Random(f"{edition.slug}-weights"))
    start, end = days or (edition.opens, min(edition.effective_closes, date.today()))
    calendar = _school_days(start, max(start, end))
    for school, n in schools:
        for _ in range(n):
            yield prepare_response(
                edition,
                school,
                model.answers(rng),
                mode=Response.ONLINE,
                on=rng.choice(calendar),
                questionnaire=q,
            )


def generate(
    edition: Edition,
    n: int,
    *,
    seed: int,
    school: School | None = None,
    days: tuple[date, date] | None = None,
) -> int:
    """Add ``n`` synthetic responses to the edition, to one school or spread over the schools with
    a link in proportion to their roll; returns how many were added."""
    shares = [(school, n)] if school is not None else spread(edition, n)
    return record_responses(edition, synthetic_responses(edition, shares, seed=seed, days=days))


def spread(edition: Edition, n: int) -> list[tuple[School, int]]:
    """``n`` split over the edition's schools with an access link, by roll (largest remainders)."""
    from outcomes.surveys.models import SchoolRoll

    schools = list(School.objects.filter(links__edition=edition, is_group=False).order_by("name"))
    if not schools:
        raise ValueError(f"no school has a link to {edition.slug}: create the links first")
    rolls = {
        r.school_id: r.pupils
        for r in SchoolRoll.objects.filter(
            school__in=schools, year=edition.year, year_group__in=edition.year_group_list
        )
    }
    weights = [max(1, rolls.get(s.pk, 0)) for s in schools]
    total = sum(weights)
    exact = [n * w / total for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(schools)), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in by_remainder[: n - sum(counts)]:
        counts[i] += 1
    return [(s, c) for s, c in zip(schools, counts, strict=True) if c]
