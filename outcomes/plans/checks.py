"""The data-quality rules of plans, milestones and their updates (seed notes-003 §19-20), registered
into the one registry of ``outcomes/core/checks.py`` when the app is ready.

Every rule takes the same optional scope (``plan``, ``round``, ``milestone``): none means every plan.
"""

import json
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from django.urls import reverse
from django.utils import timezone

from outcomes.core import text_checks
from outcomes.core.checks import Finding, for_page, register, shared
from outcomes.core.formatting import format_date, format_decimal
from outcomes.core.fractions import NotAFraction
from outcomes.plans import rules
from outcomes.plans.models import Milestone, MilestoneLink, Plan, Round, Update

APP = "plans"


def milestone_panel(request, milestone: Milestone) -> dict | None:
    """The milestone page's panel: the findings about the milestone and its updates, if any."""
    found = for_page(request, APP, milestone=milestone)
    return {"data_checks": found, "heading": "Data checks on this milestone"} if found["listed"] else None


@dataclass(frozen=True)
class Vocabulary:
    keys: list[str]
    no_update: str | None
    key_issue: set[str]
    complete: set[str]  # the colours that say "complete" (style green)
    labels: dict[str, str]


def _vocabulary(plan: Plan) -> Vocabulary:
    statuses = list(plan.rag_statuses.all())
    return Vocabulary(
        keys=[s.key for s in statuses],
        no_update=next((s.key for s in statuses if s.means_no_update), None),
        key_issue={s.key for s in statuses if s.is_key_issue},
        complete={s.key for s in statuses if s.style == "green"},
        labels={s.key: s.label for s in statuses},
    )


def _milestone_place(m: Milestone) -> tuple[str, str, str]:
    plan = m.priority.plan
    where = f"{plan.title}, priority {m.priority.number}, milestone {m.number}"
    url = reverse("plans:milestone", args=[plan.slug, m.priority.number, m.number])
    key = f"plans/{plan.slug}/p{m.priority.number}/m{m.number}"
    return where, url, key


def _milestone_finding(rule: str, m: Milestone, message: str, evidence: str, extra=()) -> Finding:
    where, url, key = _milestone_place(m)
    subjects = {f"plan:{m.priority.plan_id}", f"milestone:{m.pk}", *extra}
    return Finding(rule, where, url, key, message, evidence, frozenset(subjects))


def _update_finding(rule: str, u: Update, message: str, evidence: str) -> Finding:
    m = u.milestone
    where, url, key = _milestone_place(m)
    return Finding(
        rule,
        f"{where}, {u.round.title}",
        url,
        f"{key}/{u.round.slug}",
        message,
        evidence,
        frozenset(
            {f"plan:{m.priority.plan_id}", f"milestone:{m.pk}", f"round:{u.round_id}", f"update:{u.pk}"}
        ),
    )


def _scope_key(kind: str, plan, round, milestone) -> tuple:
    return (kind, getattr(plan, "pk", None), getattr(round, "pk", None), getattr(milestone, "pk", None))


def _updates(plan=None, round=None, milestone=None) -> list[Update]:
    def load() -> list[Update]:
        updates = Update.objects.select_related("round__plan", "milestone__priority__plan")
        if plan is not None:
            updates = updates.filter(round__plan=plan)
        if round is not None:
            updates = updates.filter(round=round)
        if milestone is not None:
            updates = updates.filter(milestone=milestone)
        order = ("round__plan__title", "milestone__priority__number", "milestone__number", "round__opens")
        return list(updates.order_by(*order))

    return shared(_scope_key("plans.updates", plan, round, milestone), load)


def _milestones(plan=None, round=None, milestone=None) -> list[Milestone]:
    def load() -> list[Milestone]:
        milestones = Milestone.objects.select_related("priority__plan")
        if plan is not None:
            milestones = milestones.filter(priority__plan=plan)
        if round is not None:
            milestones = milestones.filter(priority__plan=round.plan_id)
        if milestone is not None:
            milestones = milestones.filter(pk=milestone.pk)
        return list(milestones.order_by("priority__plan__title", "priority__number", "number"))

    return shared(_scope_key("plans.milestones", plan, round, milestone), load)


def _vocab(plan: Plan) -> Vocabulary:
    return shared(("plans.vocabulary", plan.pk), lambda: _vocabulary(plan))


def _weights(update: Update) -> dict[str, Fraction] | None:
    try:
        return update.exact_weights()
    except NotAFraction:
        return None


def _weights_text(update: Update | None) -> str:
    return json.dumps(update.weights if update else None, sort_keys=True)


def _evidence(update: Update) -> str:
    return json.dumps(
        {"text": update.text, "weights": update.weights, "tables": update.tables}, sort_keys=True
    )


@register(
    name="rag-weights-sum-to-one",
    title="RAG weights that do not sum to exactly 1",
    description="A milestone's RAG status is one colour, or a split whose exact weights sum to 1.",
    app=APP,
    source="notes-003 §20 V1",
)
def rag_weights_sum_to_one(plan=None, round=None, milestone=None):
    for u in _updates(plan, round, milestone):
        vocab = _vocab(u.round.plan)
        try:
            rules.rag_weights_sum_to_one(u.weights, vocab.keys)
        except rules.RuleViolation as exc:
            yield _update_finding(
                "rag-weights-sum-to-one", u, f"The update's status is not valid: {exc}.", _evidence(u)
            )


def _status_words(vocab, weights) -> str:
    # In the plan's own order of statuses: PostgreSQL's jsonb does not keep the order keys were written.
    keys = [k for k in vocab.keys if k in weights] + [k for k in weights if k not in vocab.keys]
    return " and ".join(vocab.labels.get(k, k) for k in keys)


@register(
    name="no-information-not-blue",
    title="“No update” or “no data” without Blue",
    description=(
        "Blue means no information available or no update provided: an update whose words say so "
        "should be Blue (seed 003 P1 M10, P5 M14 and M21)."
    ),
    app=APP,
    source="notes-003 §19.3, §20 V5",
)
def no_information_not_blue(plan=None, round=None, milestone=None):
    for u in _updates(plan, round, milestone):
        vocab = _vocab(u.round.plan)
        weights = _weights(u)
        if weights is None or not rules.no_information_but_not_blue(u.text, weights, vocab.no_update):
            continue
        shown = _status_words(vocab, weights)
        yield _update_finding(
            "no-information-not-blue",
            u,
            f"The update says there is no information or no update, but its status is {shown}, "
            f"not {vocab.labels[vocab.no_update]}.",
            _evidence(u),
        )


@register(
    name="red-without-key-issue",
    title="Red without a key issue",
    description=(
        "Every milestone with weight in Red is listed under Key issues with its update: a Red "
        "update with no words leaves its key issue blank."
    ),
    app=APP,
    source="notes-003 §20 V4",
)
def red_without_key_issue(plan=None, round=None, milestone=None):
    for u in _updates(plan, round, milestone):
        vocab = _vocab(u.round.plan)
        weights = _weights(u) or {}
        red = [k for k in vocab.key_issue if weights.get(k, 0) > 0]
        if red and not (u.text or "").strip():
            label = vocab.labels[red[0]]
            yield _update_finding(
                "red-without-key-issue",
                u,
                f"The status has weight in {label}, but the update says nothing, so its key issue is blank.",
                _evidence(u),
            )


@register(
    name="cross-link-broken",
    title="Cross-links that are not reciprocal or point nowhere",
    description=(
        "A link to another milestone must point to one that exists, and that milestone must link "
        "back (seed 003 P1 M17 names P5 M17 where P5 M25 is meant)."
    ),
    app=APP,
    source="notes-003 §19.4, §20 V7",
)
def cross_link_broken(plan=None, round=None, milestone=None):
    if round is not None and milestone is None:
        return  # a plan's links are not about one round
    plans = [plan] if plan is not None else [round.plan] if round is not None else None
    if milestone is not None:
        plans = [milestone.priority.plan]
    links = MilestoneLink.objects.select_related("milestone__priority__plan")
    if plans is not None:
        links = links.filter(milestone__priority__plan__in=plans)
    by_plan: dict[int, list] = {}
    for link in links:
        by_plan.setdefault(link.milestone.priority.plan_id, []).append(link)
    for plan_id, plan_links in by_plan.items():
        existing = set(
            Milestone.objects.filter(priority__plan=plan_id).values_list("priority__number", "number")
        )
        pairs = [
            (
                (link.milestone.priority.number, link.milestone.number),
                (link.priority_number, link.milestone_number),
            )
            for link in plan_links
        ]
        problems = rules.link_problems(pairs, existing)
        sources = {
            (link.milestone.priority.number, link.milestone.number): link.milestone for link in plan_links
        }
        for source, messages in sorted(problems.items()):
            m = sources[source]
            if milestone is not None and m.pk != milestone.pk:
                continue
            for message in messages:
                yield _milestone_finding(
                    "cross-link-broken", m, f"This milestone {message}.", f"{source}: {message}"
                )


def _text_rule(name: str, check, plan, round, milestone):
    for u in _updates(plan, round, milestone):
        for problem in check(u.text or ""):
            yield _update_finding(name, u, f"The update {problem}.", _evidence(u))
    if round is None:
        for m in _milestones(plan, None, milestone):
            for problem in check(m.text or ""):
                yield _milestone_finding(name, m, f"The milestone {problem}.", m.text)


@register(
    name="arithmetic-in-update",
    title="Arithmetic in an update that does not add up",
    description=(
        "A change stated with its two figures must match them: “increased by 530 … 17,087 … "
        "increased from 16,553” is a change of 534 (seed 003, school meals)."
    ),
    app=APP,
    source="notes-003 §19.7, §20 V10",
)
def arithmetic_in_update(plan=None, round=None, milestone=None):
    yield from _text_rule("arithmetic-in-update", text_checks.arithmetic_problems, plan, round, milestone)


@register(
    name="percentage-mismatch",
    title="A percentage that does not match its count and base",
    description=(
        "“X of Y (Z%)” in words, or a table cell “516 97%” against the column its table uses as "
        "base, must agree (seed 003, weight management: 168 of 168 completers is 100%, not 95%)."
    ),
    app=APP,
    source="notes-003 §19.8, §20 V10; notes-002 §10.18",
)
def percentage_mismatch(plan=None, round=None, milestone=None):
    yield from _text_rule("percentage-mismatch", text_checks.percentage_problems, plan, round, milestone)
    for u in _updates(plan, round, milestone):
        for table in u.tables or []:
            for problem in _table_problems(table):
                yield _update_finding(
                    "percentage-mismatch", u, f"In the update's table, {problem}.", _evidence(u)
                )
    if round is None:
        for m in _milestones(plan, None, milestone):
            for table in m.tables or []:
                for problem in _table_problems(table):
                    yield _milestone_finding(
                        "percentage-mismatch",
                        m,
                        f"In the milestone's table, {problem}.",
                        json.dumps(m.tables),
                    )


def _table_problems(table: dict) -> list[str]:
    columns = [str(c) for c in table.get("columns", [])]
    rows = [[str(c) for c in row] for row in table.get("rows", [])]
    found = []
    for problem in text_checks.table_percentage_problems(columns, rows):
        label = rows[problem.row][0].strip() if rows[problem.row] else ""
        found.append(f"row {problem.row + 1}{f' ({label})' if label else ''}: {problem.message}")
    return found


@register(
    name="impossible-date",
    title="Impossible dates",
    description="Dates written in an update or milestone must exist (“31.4.14”: April has 30 days).",
    app=APP,
    source="notes-003 §19.9, §20 V11",
)
def impossible_date(plan=None, round=None, milestone=None):
    yield from _text_rule("impossible-date", text_checks.impossible_dates, plan, round, milestone)


@register(
    name="malformed-percentage",
    title="Percentages that do not read cleanly",
    description="A percentage is a number and one % sign (seed 003 P6 M15: “3.4%%”).",
    app=APP,
    source="notes-003 §19.10, §20 V11",
)
def malformed_percentage(plan=None, round=None, milestone=None):
    yield from _text_rule("malformed-percentage", text_checks.malformed_percentages, plan, round, milestone)


@register(
    name="lookalike-letters",
    title="Letters of other alphabets posing as Latin ones",
    description=(
        "Text pasted from elsewhere may hold Cyrillic or Greek letters that look Latin (seed 002: "
        "“ктѕ”, “Αctions”, “Меа sures”): the words then escape searches, sorting and spell checks."
    ),
    app=APP,
    source="notes-002 §10.16",
)
def lookalike_letters(plan=None, round=None, milestone=None):
    yield from _text_rule("lookalike-letters", text_checks.lookalike_letters, plan, round, milestone)


@register(
    name="milestone-percentage-out-of-range",
    title="A milestone's percentage above 100% or below 0",
    description="A baseline, target or actual given in % lies between 0 and 100.",
    app=APP,
    source="issue 11",
)
def milestone_percentage_out_of_range(plan=None, round=None, milestone=None):
    if round is not None:
        return
    for m in _milestones(plan, None, milestone):
        for kind in ("baseline", "target", "actual"):
            measure = m.measure(kind)
            if measure is None or measure["unit"].strip() != "%":
                continue
            value = measure["value"]
            if value > 100 or value < 0:
                shown = f"{format_decimal(value)}%"
                yield _milestone_finding(
                    "milestone-percentage-out-of-range",
                    m,
                    f"The {kind} is {shown}, {'above 100%' if value > 100 else 'below 0'}.",
                    f"{kind}={value}",
                )


def _latest_rounds(plans) -> dict[int, Round]:
    latest: dict[int, Round] = {}
    for r in Round.objects.filter(plan__in=plans).order_by("opens", "id"):
        latest[r.plan_id] = r
    return latest


@register(
    name="milestone-overdue",
    title="Milestones past their due date and not complete",
    description=(
        "A milestone whose due date has passed by the plan's latest round (or today, if sooner) "
        "should be reported complete (Green) there."
    ),
    app=APP,
    source="notes-002 §10.21",
)
def milestone_overdue(plan=None, round=None, milestone=None, today: date | None = None):
    today = today or timezone.localdate()
    # A retired milestone is not expected to be delivered any more.
    milestones = [m for m in _milestones(plan, round, milestone) if m.due is not None and not m.is_retired]
    # As at the round asked about, or else each plan's latest round.
    latest = (
        {round.plan_id: round}
        if round is not None
        else _latest_rounds({m.priority.plan_id for m in milestones})
    )
    updates = {
        (u.round_id, u.milestone_id): u
        for u in Update.objects.filter(round__in=latest.values(), milestone__in=milestones)
    }
    for m in milestones:
        r = latest.get(m.priority.plan_id)
        if r is None or m.priority.is_excluded:
            continue
        as_at = min(today, r.closes)
        if m.due >= as_at:
            continue
        vocab = _vocab(m.priority.plan)
        u = updates.get((r.pk, m.pk))
        weights = (_weights(u) or {}) if u else {}
        if weights and set(weights) <= vocab.complete:
            continue
        if weights:
            shown = _status_words(vocab, weights)
            message = f"Due by {format_date(m.due)}, but at {r.title} it is {shown}, not complete."
        else:
            message = f"Due by {format_date(m.due)}, but it has no update at {r.title} to say it is complete."
        yield _milestone_finding(
            "milestone-overdue",
            m,
            message,
            f"due={m.due.isoformat()} round={r.slug} weights={_weights_text(u)}",
            extra=(f"round:{r.pk}",),
        )


@register(
    name="green-but-missed-target",
    title="Green while the actual misses its target",
    description=(
        "A milestone whose actual figure misses its target (judged in the direction from baseline "
        "to target) is Red or Amber, and may need a performance clinic."
    ),
    app=APP,
    source="notes-003 §20 V6",
)
def green_but_missed_target(plan=None, round=None, milestone=None):
    milestones = [
        m
        for m in _milestones(plan, round, milestone)
        if None not in (m.baseline_value, m.target_value, m.actual_value)
        and m.target_value != m.baseline_value
    ]
    if not milestones:
        return
    latest: dict[int, Update] = {}
    wanted = {m.pk for m in milestones}
    for u in _updates(plan, round, milestone):
        if u.milestone_id in wanted:
            latest[u.milestone_id] = u  # ordered by round, so the last one wins
    for m in milestones:
        u = latest.get(m.pk)
        if u is None:
            continue
        vocab = _vocab(m.priority.plan)
        weights = _weights(u) or {}
        green = [k for k in vocab.complete if weights.get(k, 0) > 0]
        direction = 1 if m.target_value > m.baseline_value else -1
        missed = (m.actual_value - m.target_value) * direction < 0
        if not (green and missed):
            continue
        unit = m.target_unit
        yield _update_finding(
            "green-but-missed-target",
            u,
            f"The actual {format_decimal(m.actual_value)}{unit} misses the target "
            f"{format_decimal(m.target_value)}{unit} (baseline {format_decimal(m.baseline_value)}"
            f"{m.baseline_unit}), but the status is {vocab.labels[green[0]]}.",
            f"{_evidence(u)} {m.baseline_value} {m.target_value} {m.actual_value}",
        )
