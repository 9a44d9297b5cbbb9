"""The data-quality checks: one registry of named rules (SPEC §5: inconsistencies found in data
are flagged to the user, not hidden).

Each rule is a function in the app that owns the data (``plans/checks.py``, ``indicators/checks.py``,
``surveys/checks.py``). Apps register their rules when they are ready, so that core lists every
rule without importing any app. A rule returns ``Finding``s; a performance officer may mark one
"explained" with a reason (``ExplainedFinding``). An explanation holds while the offending data
is the same: it is keyed by the rule, the place and a fingerprint of that data, so a finding whose
data changes (and still breaks the rule) is listed again as not explained.
"""

import hashlib
from collections.abc import Callable, Hashable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from outcomes.core.models import ExplainedFinding


@dataclass(frozen=True)
class Finding:
    rule: str
    # The place in words ("Rotherham CYPP …, priority 1, milestone 27, Update June 2014") and a
    # page there that a performance officer may open.
    where: str
    url: str
    # The place as a stable key ("plans/cypp-2013-16/june-2014/p1/m27"): with the rule and the
    # fingerprint, what an explanation is attached to.
    key: str
    message: str
    # The offending data as text; only its fingerprint is kept.
    evidence: str
    # Tags such as "milestone:12" or "edition:3" by which a page where the data is entered picks
    # the findings about its own data.
    subjects: frozenset[str] = field(default_factory=frozenset)

    @property
    def fingerprint(self) -> str:
        # The message is part of it: two findings of one rule at one place (a sum in the words
        # and a percentage in a table of the same update) are explained one by one.
        text = f"{self.key}\n{self.message}\n{self.evidence}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

    @property
    def identity(self) -> tuple[str, str, str]:
        return (self.rule, self.key, self.fingerprint)


@dataclass(frozen=True)
class Rule:
    name: str
    title: str
    description: str
    app: str
    check: Callable[..., Iterable[Finding]]
    # Where the rule comes from (seed notes V1-V13, notes-002 §10, the issue), for the page.
    source: str = ""


_RULES: dict[str, Rule] = {}


class UnknownRule(KeyError):
    pass


def register(*, name: str, title: str, description: str, app: str, source: str = ""):
    """Register the decorated function as the rule ``name``. The function takes the app's scope
    as keyword arguments (all optional: none means every record) and yields findings."""

    def decorate(check: Callable[..., Iterable[Finding]]):
        existing = _RULES.get(name)
        if existing is not None and _origin(existing.check) != _origin(check):
            raise ValueError(f"Two data-quality rules are called {name!r}")
        _RULES[name] = Rule(name, title, description, app, check, source)
        return check

    return decorate


def _origin(check: Callable) -> str:
    return f"{check.__module__}.{check.__qualname__}"


def all_rules(app: str | None = None) -> list[Rule]:
    return [rule for rule in _RULES.values() if app is None or rule.app == app]


def get_rule(name: str) -> Rule:
    try:
        return _RULES[name]
    except KeyError:
        raise UnknownRule(name) from None


def run_rule(rule: Rule, **scope) -> list[Finding]:
    findings = list(rule.check(**scope))
    for finding in findings:
        if finding.rule != rule.name:
            raise ValueError(f"Rule {rule.name!r} returned a finding of {finding.rule!r}")
    return findings


_shared: ContextVar[dict | None] = ContextVar("data_checks_shared", default=None)


def shared(key: Hashable, load: Callable[[], object]):
    """What several rules of one run read alike (a plan's updates): loaded once per run of the
    checks, and afresh by the next run, so that no finding is judged on stale data."""
    cache = _shared.get()
    if cache is None:
        return load()
    if key not in cache:
        cache[key] = load()
    return cache[key]


def run_checks(app: str | None = None, subject: str | None = None, **scope) -> list[Finding]:
    """Every finding of every rule (of one app, for one scope). With ``subject``, only the
    findings tagged with it."""
    findings: list[Finding] = []
    token = _shared.set({})
    try:
        for rule in all_rules(app):
            findings.extend(run_rule(rule, **scope))
    finally:
        _shared.reset(token)
    if subject is not None:
        findings = [f for f in findings if subject in f.subjects]
    return findings


@dataclass(frozen=True)
class Listed:
    """A finding as shown: with its rule, and its explanation when it has one."""

    finding: Finding
    rule: Rule
    explanation: "ExplainedFinding | None"

    @property
    def explained(self) -> bool:
        return self.explanation is not None


def with_explanations(findings: Iterable[Finding]) -> list[Listed]:
    from outcomes.core.models import ExplainedFinding

    findings = list(findings)
    keys = {f.key for f in findings}
    stored = {}
    if keys:
        rows = ExplainedFinding.objects.filter(key__in=keys).select_related("explained_by")
        stored = {(row.rule, row.key, row.fingerprint): row for row in rows}
    return [Listed(f, _RULES[f.rule], stored.get(f.identity)) for f in findings]


def grouped(listed: Iterable[Listed]) -> list[tuple[Rule, list[Listed]]]:
    """Findings by rule, in the registry's order; rules with no finding are listed too."""
    by_rule: dict[str, list[Listed]] = {rule.name: [] for rule in all_rules()}
    for item in listed:
        by_rule.setdefault(item.rule.name, []).append(item)
    return [(_RULES[name], items) for name, items in by_rule.items()]


def find(rule_name: str, key: str) -> list[Finding]:
    """The current findings of one rule at one place (usually one)."""
    rule = get_rule(rule_name)
    return [f for f in run_rule(rule) if f.key == key]


def explain(*, finding: Finding, reason: str, user):
    """Mark ``finding`` explained (or change its reason), with the change recorded."""
    from outcomes.core.models import ExplainedFinding, record_change

    row, created = ExplainedFinding.objects.get_or_create(
        rule=finding.rule,
        key=finding.key,
        fingerprint=finding.fingerprint,
        defaults={
            "where": finding.where[:300],
            "message": finding.message,
            "reason": reason,
            "explained_by": user,
        },
    )
    before = None if created else {"reason": row.reason}
    if not created:
        row.reason = reason
        row.explained_by = user
        row.where = finding.where[:300]
        row.message = finding.message
        row.save()
    record_change(
        user=user,
        obj=row,
        action="explained" if created else "explanation changed",
        summary=f"Data check '{_RULES[finding.rule].title}' at {finding.where} explained: {reason}",
        before=before,
        after={"reason": reason},
    )
    return row


def for_page(request, app: str, subject: str | None = None, **scope) -> dict:
    """The findings about the data of one page where it is entered, for ``core/_findings.html``:
    everyone there sees them; only the performance team may mark them explained."""
    from outcomes.core.access import reviews_data_quality

    return {
        "listed": with_explanations(run_checks(app, subject=subject, **scope)),
        "can_explain": reviews_data_quality(request.user),
    }


def summary_message(findings: Iterable[Finding], limit: int = 5) -> str | None:
    """What the checks found, in one message for the page shown after a save or an upload."""
    findings = list(findings)
    if not findings:
        return None
    shown = " ".join(f"{f.where}: {f.message}" for f in findings[:limit])
    more = f" And {len(findings) - limit} more." if len(findings) > limit else ""
    count = f"{len(findings)} thing{'' if len(findings) == 1 else 's'}"
    return f"The data checks found {count} to look at. {shown}{more}"
