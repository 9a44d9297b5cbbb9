"""Checking a plan document (docs/interchange.md) before anything is written: every problem is
collected with where it is, so that a file is corrected once, not once per error.

Each value is read by the shared typed readers (core/imports/cells.py) with the bounds of the
model field it is written to (decision 0061); one function per part of the document."""

import re
from collections.abc import Callable
from datetime import date, datetime

from outcomes.accounts.models import Person
from outcomes.core.imports import Problem, cells
from outcomes.core.imports.jsonfile import Path, check_free_json, json_location
from outcomes.plans import kind_fields, kinds, rules
from outcomes.plans.leads import split_leads
from outcomes.plans.models import (
    Action,
    Milestone,
    Plan,
    Priority,
    RagStatus,
    Round,
    StrategicLead,
    Update,
)

_SLUG = re.compile(r"^[-a-z0-9_]+$")
# A priority's and a milestone's number (PositiveSmallIntegerField).
MOST_NUMBER = 32_767
# A lead names a person (name, job title) or an organisation: each part fits their name field.
LEAD_LENGTH = cells.max_length(Person, "name")
STYLES = [s for s, _ in RagStatus.STYLES]
STATES = [s for s, _ in Update.STATES]


class _Checker:
    def __init__(self, locate: Callable[[Path], str]):
        self.locate = locate
        self.problems: list[Problem] = []
        self.ids: dict[str, set[int]] = {"priority": set(), "action": set(), "milestone": set()}

    def fail(self, path: Path, message: str) -> None:
        self.problems.append(Problem(self.locate(path), message))

    def text(self, obj: dict, key: str, path: Path, *, model, field: str = "", required=True) -> str:
        """Text for ``model``'s ``field`` (``key`` by default), as long as the field holds."""
        value = obj.get(key)
        if value is None:
            if required:
                self.fail((*path, key), f"'{key}' is missing")
            return ""
        if not isinstance(value, str):
            self.fail((*path, key), f"'{key}' must be text")
            return ""
        try:
            value = cells.text(value, max_length=cells.max_length(model, field or key), strip=False)
        except cells.BadValue as exc:
            self.fail((*path, key), str(exc))
            return ""
        if required and not value.strip():
            self.fail((*path, key), f"'{key}' is empty")
        return value

    def day(self, obj: dict, key: str, path: Path, *, required=True) -> date | None:
        value = obj.get(key)
        if value in (None, ""):
            if required:
                self.fail((*path, key), f"'{key}' is missing: give a date as YYYY-MM-DD")
            return None
        if isinstance(value, datetime):
            value = value.date()
        if not isinstance(value, date):
            try:
                value = date.fromisoformat(str(value))
            except ValueError:
                self.fail((*path, key), f"'{cells.short(str(value))}' is not a date written as YYYY-MM-DD")
                return None
        try:
            return cells.day(value)
        except cells.BadValue as exc:
            self.fail((*path, key), str(exc))
            return None

    def integer(self, obj: dict, key: str, path: Path) -> int | None:
        value = obj.get(key)
        if value is None:
            self.fail((*path, key), f"'{key}' is missing")
            return None
        try:
            return cells.integer(value, minimum=1, maximum=MOST_NUMBER, what=f"'{key}' as a whole number")
        except cells.BadValue as exc:
            self.fail((*path, key), str(exc))
            return None

    def identity(self, obj: dict, path: Path, seen: set[int]) -> int | None:
        """The stable id an export gives a priority, action or milestone (optional): a merge
        matches by it first (rules.merge_identity)."""
        value = obj.get("id")
        if value in (None, ""):
            return None
        try:
            number = cells.integer(value, minimum=1, maximum=2**63 - 1, what="'id' as a whole number")
        except cells.BadValue as exc:
            self.fail((*path, "id"), str(exc))
            return None
        if number in seen:
            self.fail((*path, "id"), f"the id {number} is given twice")
        seen.add(number)
        return number

    def flag(self, obj: dict, key: str, path: Path) -> bool:
        value = obj.get(key, False)
        if value in (None, ""):
            return False
        if not isinstance(value, bool):
            self.fail((*path, key), f"'{key}' must be true or false")
            return False
        return value

    def text_list(self, obj: dict, key: str, path: Path, *, max_length: int = cells.EXCEL_CELL_CHARACTERS):
        value = obj.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail((*path, key), f"'{key}' must be a list of text")
            return []
        clean = []
        for index, item in enumerate(value):
            try:
                clean.append(cells.text(item, max_length=max_length, strip=False))
            except cells.BadValue as exc:
                self.fail((*path, key, index), str(exc))
        return clean

    def leads(self, obj: dict, key: str, path: Path) -> list[str]:
        value = obj.get(key)
        if value is not None and not isinstance(value, str | list):
            self.fail((*path, key), f"'{key}' must be text")
            return []
        leads = split_leads(value)
        for lead in leads:
            try:
                cells.text(lead, max_length=LEAD_LENGTH, multiline=False)
            except cells.BadValue as exc:
                self.fail((*path, key), f"the lead '{cells.short(lead)}': {exc}")
                return []
        return leads

    def items(self, obj: dict, key: str, path: Path) -> list:
        value = obj.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail((*path, key), f"'{key}' must be a list")
            return []
        bad = [i for i, item in enumerate(value) if not isinstance(item, dict)]
        for i in bad:
            self.fail((*path, key, i), "each entry must be an object")
        return [item if isinstance(item, dict) else {} for item in value]

    def measure(self, obj: dict, key: str, path: Path) -> dict | None:
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail((*path, key), f"'{key}' must be an object with value, unit and period")
            return None
        field = Milestone._meta.get_field(f"{key}_value")
        try:
            number = cells.decimal(
                value.get("value"), max_digits=field.max_digits, decimal_places=field.decimal_places
            )
        except cells.BadValue as exc:
            self.fail((*path, key, "value"), str(exc))
            return None
        if number is None:
            self.fail((*path, key, "value"), f"{value.get('value')!r} is not a number")
            return None
        parts = {}
        for part in ("unit", "period"):
            raw = value.get(part)
            try:
                parts[part] = cells.text(
                    "" if raw is None else raw, max_length=cells.max_length(Milestone, f"{key}_{part}")
                )
            except cells.BadValue as exc:
                self.fail((*path, key, part), str(exc))
                parts[part] = ""
        return {"value": number, **parts}

    def tables(self, obj: dict, path: Path) -> list:
        """Tables as docs/interchange.md shows them: each {"caption": text, "columns": [cells],
        "rows": [[cells]]}, a cell being text, a number or null."""
        tables = obj.get("tables") or []
        if not isinstance(tables, list):
            self.fail((*path, "tables"), "'tables' must be a list")
            return []
        for index, table in enumerate(tables):
            where = (*path, "tables", index)
            if not isinstance(table, dict):
                self.fail(
                    where, 'each table must be an object such as {"caption": "", "columns": [], "rows": []}'
                )
                continue
            if not isinstance(table.get("caption", ""), str | None):
                self.fail((*where, "caption"), "'caption' must be text")
            if not _cells(table.get("columns", [])):
                self.fail((*where, "columns"), "'columns' must be a list of text or numbers")
            rows = table.get("rows", [])
            if not isinstance(rows, list) or not all(_cells(row) for row in rows):
                self.fail((*where, "rows"), "'rows' must be a list of rows, each a list of text or numbers")
        check_free_json(tables, (*path, "tables"), self.fail)
        return tables


def _cells(value) -> bool:
    return isinstance(value, list) and all(
        cell is None or (isinstance(cell, str | int | float) and not isinstance(cell, bool)) for cell in value
    )


def validate_plan_data(
    data: dict, locate: Callable[[Path], str] = json_location, held_rounds: frozenset[str] = frozenset()
) -> tuple[dict, list[Problem]]:
    """Check a whole plan document. Returns the cleaned document and every problem found.
    ``held_rounds``: the slugs of rounds the plan being merged into holds; a merge keeps them as
    held, so their updates in the file are not read (they may name milestones the file renumbers)."""
    c = _Checker(locate)
    clean = _plan(c, data)
    clean["rag_statuses"] = _rag_statuses(c, data)
    if not data.get("rag_statuses"):
        # A document that names no statuses gets its kind's (Complete for an improvement plan).
        clean["rag_statuses"] = list(kinds.KINDS[clean["kind"]].rag)
    milestones: set[tuple[int, int]] = set()
    clean["priorities"] = _priorities(c, data, milestones)
    rag_keys = [s.key for s in clean["rag_statuses"]]
    clean["rounds"] = _rounds(c, data, milestones, rag_keys, held_rounds)
    return clean, c.problems


def _plan(c: _Checker, data: dict) -> dict:
    clean: dict = {
        "slug": c.text(data, "slug", (), model=Plan, required=False),  # blank: made from the title
        "title": c.text(data, "title", (), model=Plan),
        "start": c.day(data, "start", ()),
        "end": c.day(data, "end", ()),
        "approving_body": c.text(data, "approving_body", (), model=Plan, required=False),
        "approved_on": c.day(data, "approved_on", (), required=False),
        "vision": c.text(data, "vision", (), model=Plan, required=False),
        # None where the file has none at all (the workbook): a merge keeps those held.
        "needs": c.text_list(data, "needs", ()) if "needs" in data else None,
        "description": c.text(data, "description", (), model=Plan, required=False),
        "organisations": c.text_list(data, "organisations", (), max_length=LEAD_LENGTH),
        # How the rounds run (decision 0115); None where the file says nothing (the workbook, a file
        # from before): a new plan takes the defaults, a merge keeps what the plan holds.
        "close_rounds_automatically": (
            c.flag(data, "close_rounds_automatically", ()) if "close_rounds_automatically" in data else None
        ),
        "remind_days_before": _remind_days_before(c, data),
        "kind": kind_fields.plan_kind(c, data),
    }
    if clean["slug"] and not _SLUG.match(clean["slug"]):
        c.fail(("slug",), _slug_problem(clean["slug"]))
    if clean["start"] and clean["end"] and clean["end"] < clean["start"]:
        c.fail(("end",), "the plan must end after it starts")
    return clean


def _remind_days_before(c: _Checker, data: dict) -> int | None:
    value = data.get("remind_days_before")
    if value is None:
        return None
    try:
        return cells.integer(value, minimum=0, maximum=60, what="'remind_days_before' as a number of days")
    except cells.BadValue as exc:
        c.fail(("remind_days_before",), str(exc))
        return None


def _slug_problem(slug: str) -> str:
    return f"'{cells.short(slug)}' may use only lower-case letters, digits and hyphens"


def _rag_statuses(c: _Checker, data: dict) -> list[rules.RagDefinition]:
    statuses = []
    seen_keys: set[str] = set()
    for i, status in enumerate(c.items(data, "rag_statuses", ())):
        path = ("rag_statuses", i)
        key = c.text(status, "key", path, model=RagStatus)
        if key in seen_keys:
            c.fail((*path, "key"), f"the RAG status '{key}' is listed twice")
        elif key and not _SLUG.match(key):
            c.fail(
                (*path, "key"), f"'{cells.short(key)}' may use only lower-case letters, digits and hyphens"
            )
        seen_keys.add(key)
        style = status.get("style") or "other"
        if style not in STYLES:
            c.fail((*path, "style"), f"'{cells.short(str(style))}' is not a style: use {', '.join(STYLES)}")
            style = "other"
        statuses.append(
            rules.RagDefinition(
                key=key,
                label=c.text(status, "label", path, model=RagStatus),
                description=c.text(status, "description", path, model=RagStatus, required=False),
                style=style,
                means_no_update=bool(status.get("means_no_update")),
                is_key_issue=bool(status.get("is_key_issue")),
                counts_as=kind_fields.counts_as(c, status, path),
            )
        )
    kind_fields.counts_as_problems(c, statuses)
    return statuses or list(rules.DEFAULT_RAG)


def _priorities(c: _Checker, data: dict, milestones: set[tuple[int, int]]) -> list[dict]:
    clean = []
    numbers: set[int] = set()
    for pi, priority in enumerate(c.items(data, "priorities", ())):
        path: Path = ("priorities", pi)
        number = c.integer(priority, "number", path)
        if number is not None and number in numbers:
            c.fail((*path, "number"), f"priority {number} appears twice")
        numbers.add(number or 0)
        excluded = priority.get("excluded_reason")
        if excluded is not None and not isinstance(excluded, str):
            c.fail((*path, "excluded_reason"), "'excluded_reason' must be null or text")
        elif excluded is not None:
            excluded = c.text(priority, "excluded_reason", path, model=Priority, required=False)
        labels: set[str] = set()
        clean.append(
            {
                "id": c.identity(priority, path, c.ids["priority"]),
                "retired": c.flag(priority, "retired", path),
                "number": number,
                "statement": c.text(priority, "statement", path, model=Priority),
                "strategic_leads": c.text_list(
                    priority, "strategic_leads", path, max_length=cells.max_length(StrategicLead, "text")
                ),
                "excluded_reason": excluded if isinstance(excluded, str) else "",
                "outcome_measures": c.text_list(priority, "outcome_measures", path),
                "recommendations": kind_fields.recommendations(c, priority, path),
                "actions": [
                    _action(c, action, (*path, "actions", ai), number, labels, milestones)
                    for ai, action in enumerate(c.items(priority, "actions", path))
                ],
            }
        )
    return clean


def _action(c: _Checker, action: dict, path: Path, number, labels: set[str], milestones) -> dict:
    label = c.text(action, "label", path, model=Action).strip()
    if label in labels:
        c.fail((*path, "label"), f"action ({label}) appears twice in priority {number}")
    labels.add(label)
    return {
        "id": c.identity(action, path, c.ids["action"]),
        "retired": c.flag(action, "retired", path),
        "label": label,
        "text": c.text(action, "text", path, model=Action),
        "key_links": c.text_list(action, "key_links", path),
        "milestones": [
            _milestone(c, milestone, (*path, "milestones", mi), number, milestones)
            for mi, milestone in enumerate(c.items(action, "milestones", path))
        ],
    }


def _milestone(c: _Checker, milestone: dict, path: Path, number, milestones: set) -> dict:
    m_number = c.integer(milestone, "number", path)
    if number is not None and m_number is not None:
        if (number, m_number) in milestones:
            c.fail((*path, "number"), f"milestone {m_number} appears twice in priority {number}")
        milestones.add((number, m_number))
    links = []
    for li, link in enumerate(c.items(milestone, "links", path)):
        lp = c.integer(link, "priority", (*path, "links", li))
        lm = c.integer(link, "milestone", (*path, "links", li))
        if lp and lm:
            links.append((lp, lm))
    return {
        "id": c.identity(milestone, path, c.ids["milestone"]),
        "retired": c.flag(milestone, "retired", path),
        "number": m_number,
        "text": c.text(milestone, "text", path, model=Milestone),
        "delivery_lead": c.leads(milestone, "delivery_lead", path),
        "strategy_lead": c.leads(milestone, "strategy_lead", path),
        "due": c.day(milestone, "due", path, required=False),
        "sub_heading": c.text(milestone, "sub_heading", path, model=Milestone, required=False),
        "links": links,
        "baseline": c.measure(milestone, "baseline", path),
        "target": c.measure(milestone, "target", path),
        "actual": c.measure(milestone, "actual", path),
        # None where the file has no tables at all (the workbook): a merge keeps those held.
        "tables": c.tables(milestone, path) if "tables" in milestone else None,
        **kind_fields.milestone_extras(c, milestone, path),
    }


def _rounds(
    c: _Checker, data: dict, milestones: set, rag_keys: list[str], held: frozenset[str]
) -> list[dict]:
    clean = []
    round_slugs: set[str] = set()
    for ri, round_ in enumerate(c.items(data, "rounds", ())):
        path: Path = ("rounds", ri)
        slug = c.text(round_, "slug", path, model=Round)
        if slug in round_slugs:
            c.fail((*path, "slug"), f"the round '{slug}' appears twice")
        elif slug and not _SLUG.match(slug):
            c.fail(
                (*path, "slug"), f"'{cells.short(slug)}' may use only lower-case letters, digits and hyphens"
            )
        round_slugs.add(slug)
        opens = c.day(round_, "opens", path)
        closes = c.day(round_, "closes", path)
        if opens and closes and closes < opens:
            c.fail((*path, "closes"), "the round must close on or after the day it opens")
        updated: set[tuple[int, int]] = set()
        clean.append(
            {
                "slug": slug,
                "title": c.text(round_, "title", path, model=Round),
                "opens": opens,
                "closes": closes,
                "closed": bool(round_.get("closed")),
                "published": bool(round_.get("published")),
                "updates": [
                    _update(c, update, (*path, "updates", ui), slug, milestones, updated, rag_keys)
                    for ui, update in enumerate(c.items(round_, "updates", path) if slug not in held else [])
                ],
            }
        )
    return clean


def _update(c: _Checker, update: dict, path: Path, slug: str, milestones, updated, rag_keys) -> dict:
    p = c.integer(update, "priority", path)
    m = c.integer(update, "milestone", path)
    if p is not None and m is not None:
        if (p, m) not in milestones:
            c.fail((*path, "milestone"), f"priority {p} has no milestone {m} in this plan")
        elif (p, m) in updated:
            c.fail((*path, "milestone"), f"priority {p} milestone {m} has two updates in round '{slug}'")
        updated.add((p, m))
    rag = update.get("rag")
    weights = {}
    if not isinstance(rag, dict):
        c.fail((*path, "rag"), '\'rag\' must be an object such as {"green": "1/2", "red": "1/2"}')
    else:
        try:
            weights = rules.rag_weights_sum_to_one(rag, rag_keys)
        except rules.RuleViolation as exc:
            c.fail((*path, "rag"), str(exc))
    state = update.get("state", Update.APPROVED)
    if state not in STATES:
        c.fail((*path, "state"), f"'{cells.short(str(state))}' is not one of approved, submitted, no_update")
    return {
        "priority": p,
        "milestone": m,
        "text": c.text(update, "text", path, model=Update, required=False),
        "weights": weights,
        "state": state,
        "tables": c.tables(update, path),
        **kind_fields.update_extras(c, update, path),
    }
