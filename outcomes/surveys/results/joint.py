"""A release's figures, suppressed together across every output any one reader holds, in this
release and in every earlier one (issue 12 items 1-3; docs/decisions/0055-survey-results-releases.md).

Each output (the borough's results, each school's report) is first suppressed on its own
(``frequencies``). Three checks then look across outputs, and every figure they find must go is
hidden as secondary in its own output, which is suppressed again around it, until no check finds
anything:

- ``over_time``: a figure hidden in an earlier release stays hidden; a figure shown in the last
  release and now must not have moved by 1 to threshold - 1 pupils (the pupils who sent since),
  nor may its base have (``carried`` and ``over_time``).
- ``across_schools`` (the performance officer reads everything): the borough's figure is the sum of
  the schools' figures and of the schools without a report of their own; a hidden figure must not
  be the only unknown in that sum, nor a hidden borough figure be the sum of shown ones.
- the school's own readers hold their school and the borough: the borough less the school must not
  be a small figure (in ``across_schools`` too).

Schools with fewer pupils than the threshold have no report of their own; their pupils count in the
borough. When those pupils number 1 to threshold - 1 in all, the smallest reporting schools join
them until they are at least the threshold (``reporting_schools``): otherwise the borough less every
school's report would be their report.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from outcomes.surveys import storage
from outcomes.surveys.results.figures import Results
from outcomes.surveys.results.frequencies import analyse_codes
from outcomes.surveys.suppression import SECONDARY, Decided, Suppression

BOROUGH = ""  # the scope of the borough's output; a school's is its code
# A release whose checks have not settled after this many rounds is refused rather than published.
MAX_ROUNDS = 40


class Unsettled(RuntimeError):
    """The checks across outputs kept finding figures to hide (never seen; refused, not published)."""


@dataclass
class Made:
    borough: Results
    schools: dict[str, Results]  # school code -> its report
    unreported: list  # schools whose pupils count only in the borough's figures
    answered: dict[int, int]  # school id -> respondents in the release
    respondents: int
    rounds: int


def small(value: int | None, threshold: int) -> bool:
    return value is not None and 0 < abs(value) < threshold


def identities_of_json(data: dict) -> dict[tuple, int | None]:
    """Every figure of a stored output (``as_json``), by identity, as ``Results.figures`` gives them."""
    found: dict[tuple, int | None] = {}
    for question in data["questions"]:
        for row in question["rows"]:
            for group in row["breakdowns"]:
                gk = (group["breakdown"], group["group"])
                where = (question["name"], row["row"], gk)
                for what in ("respondents", "shown", "answered"):
                    found[(*where, what)] = group[what]["count"]
                for option in group["options"]:
                    found[(*where, ("option", option["option"]))] = option["count"]
    return found


def reporting_schools(sizes: Counter, schools: dict, threshold: int) -> tuple[list, list]:
    """The schools with a report of their own, and those without: fewer pupils than the threshold,
    a group of schools, or the smallest others joined to them until they are not 1 to threshold - 1."""
    reported = sorted(
        (pk for pk, n in sizes.items() if n >= threshold and not schools[pk].is_group),
        key=lambda pk: (sizes[pk], schools[pk].code),
    )
    rest = sum(sizes.values()) - sum(sizes[pk] for pk in reported)
    while 0 < rest < threshold and reported:
        rest += sizes[reported.pop(0)]
    unreported = [schools[pk] for pk in sizes if pk not in reported]
    return sorted((schools[pk] for pk in reported), key=lambda s: s.code), unreported


def _base_of(identity: tuple) -> tuple | None:
    """The identity of the base a figure is a share of (options: the pupils who answered)."""
    if isinstance(identity[3], tuple):
        return (*identity[:3], "answered")
    return None


def over_time(results: dict[str, Results], before: dict[str, dict], threshold: int, extra) -> None:
    """Figures shown now and in the last release whose difference (or whose base's) is 1 to
    threshold - 1 pupils: those who sent since, counted on their own."""
    for scope, result in results.items():
        earlier = before.get(scope)
        if earlier is None:
            continue
        now = dict(result.figures())
        for identity, count in now.items():
            if count.value is None:
                continue
            then = earlier.get(identity, 0)
            if then is not None and small(count.value - then, threshold):
                extra[scope].add(identity)
                continue
            base = _base_of(identity)
            if base is not None and now[base].value is not None:
                base_then = earlier.get(base, 0)
                if base_then is not None and small(now[base].value - base_then, threshold):
                    extra[scope].add(identity)


def across_schools(results: dict[str, Results], threshold: int, has_rest: bool, extra) -> None:
    """The borough's figures against the schools' reports (see the module's notes)."""
    borough = results[BOROUGH]
    shown_b = dict(borough.figures())
    schools = {scope: (dict(r.figures()), r.truth) for scope, r in results.items() if scope != BOROUGH}
    for identity, total in borough.truth.items():
        base = _base_of(identity)
        parts = []  # (scope, shown value or None, true value)
        for scope, (shown, truth) in schools.items():
            if identity in truth:
                parts.append((scope, shown[identity].value, truth[identity]))
        rest = total - sum(p[2] for p in parts)
        rest_base = None
        if base is not None:
            rest_base = borough.truth[base] - sum(schools[p[0]][1].get(base, 0) for p in parts)
        borough_shown = shown_b[identity].value is not None
        hidden = [p for p in parts if p[1] is None]
        rest_protected = has_rest and (small(rest, threshold) or small(rest_base, threshold))
        unknowns = len(hidden) + (1 if has_rest else 0)
        exposed = (borough_shown and unknowns == 1 and (hidden or rest_protected)) or (
            not borough_shown and unknowns == 0
        )
        if exposed:
            _hide_another(identity, parts, borough_shown, extra)
        if not borough_shown:
            continue
        # A school's own readers: the borough less their school.
        for scope, value, truth in parts:
            if value is None:
                continue
            others = total - truth
            others_base = None
            if base is not None:
                others_base = borough.truth[base] - schools[scope][1].get(base, 0)
            if small(others, threshold) or small(others_base, threshold):
                extra[scope].add(identity)


def _hide_another(identity, parts, borough_shown: bool, extra) -> None:
    """Hide the smallest figure of another school that is shown and not 0, or else the borough's."""
    candidates = [p for p in parts if p[1] is not None and p[1] > 0]
    if candidates:
        scope = min(candidates, key=lambda p: (p[1], p[0]))[0]
        extra[scope].add(identity)
    elif borough_shown:
        extra[BOROUGH].add(identity)


def make_release(edition, threshold: int, earlier: list[dict[str, dict]]) -> Made:
    """Every output of a new release from the responses held now. ``earlier`` holds each earlier
    release's outputs (scope -> stored JSON), oldest first."""
    from outcomes.surveys.models import School

    q, codes, school_of = storage.codes_and_schools(edition)
    sizes = Counter(school_of.tolist())
    schools = {s.pk: s for s in School.objects.filter(pk__in=list(sizes)).select_related("area")}
    reported, unreported = reporting_schools(sizes, schools, threshold)
    has_rest = bool(unreported)
    forced: dict[str, set] = defaultdict(set)
    for release in earlier:
        for scope, data in release.items():
            forced[scope] |= {i for i, value in identities_of_json(data).items() if value is None}
    before = {scope: identities_of_json(data) for scope, data in (earlier[-1] if earlier else {}).items()}

    def analyse(scope: str) -> Results:
        if scope == BOROUGH:
            return analyse_codes(edition, q, codes, threshold=threshold, forced=frozenset(forced[scope]))
        school = by_code[scope]
        mask = school_of == school.pk
        return analyse_codes(
            edition, q, codes[mask], school=school, threshold=threshold, forced=frozenset(forced[scope])
        )

    by_code = {s.code: s for s in reported}
    dirty = {BOROUGH, *by_code}
    results: dict[str, Results] = {}
    rounds = 0
    while dirty:
        rounds += 1
        if rounds > MAX_ROUNDS:
            raise Unsettled(f"the checks across outputs did not settle in {MAX_ROUNDS} rounds")
        for scope in dirty:
            results[scope] = analyse(scope)
        extra: dict[str, set] = defaultdict(set)
        over_time(results, before, threshold, extra)
        across_schools(results, threshold, has_rest, extra)
        dirty = {scope for scope, found in extra.items() if found - forced[scope]}
        for scope in dirty:
            forced[scope] |= extra[scope]
    return Made(
        borough=results[BOROUGH],
        schools={code: results[code] for code in by_code},
        unreported=unreported,
        answered=dict(sizes),
        respondents=len(codes),
        rounds=rounds,
    )


def participation_decided(made: Made) -> dict[int, Decided]:
    """Each reporting school's respondents in the participation table as its own report shows
    them, so that the table is protected around them; schools without a report follow its rules."""
    decided: dict[int, Decided] = {}
    for result in made.schools.values():
        count = result.respondents
        decided[result.school.pk] = Decided(
            None if count.value is not None else Suppression(count.rule or SECONDARY, count.reason)
        )
    return decided
