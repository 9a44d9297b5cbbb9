"""Checking a plan document (docs/interchange.md) before anything is written: every problem is
collected with where it is, so that a file is corrected once, not once per error."""

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from outcomes.core.imports import Problem
from outcomes.core.imports.jsonfile import Path, json_location
from outcomes.plans import rules
from outcomes.plans.leads import split_leads
from outcomes.plans.models import Update

_SLUG = re.compile(r"^[-a-z0-9_]+$")


class _Checker:
    def __init__(self, locate: Callable[[Path], str]):
        self.locate = locate
        self.problems: list[Problem] = []

    def fail(self, path: Path, message: str) -> None:
        self.problems.append(Problem(self.locate(path), message))

    def text(self, obj: dict, key: str, path: Path, *, required=True, allow_empty=False) -> str:
        value = obj.get(key)
        if value is None:
            if required:
                self.fail((*path, key), f"'{key}' is missing")
            return ""
        if not isinstance(value, str):
            self.fail((*path, key), f"'{key}' must be text")
            return ""
        if required and not allow_empty and not value.strip():
            self.fail((*path, key), f"'{key}' is empty")
        return value

    def day(self, obj: dict, key: str, path: Path, *, required=True) -> date | None:
        value = obj.get(key)
        if value in (None, ""):
            if required:
                self.fail((*path, key), f"'{key}' is missing: give a date as YYYY-MM-DD")
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail((*path, key), f"'{value}' is not a date written as YYYY-MM-DD")
            return None

    def integer(self, obj: dict, key: str, path: Path) -> int | None:
        value = obj.get(key)
        if isinstance(value, bool) or value is None:
            self.fail(
                (*path, key), f"'{key}' is missing" if value is None else f"'{key}' must be a whole number"
            )
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if not isinstance(value, int) or value < 1:
            self.fail((*path, key), f"'{key}' must be a whole number from 1 (got {value!r})")
            return None
        return value

    def text_list(self, obj: dict, key: str, path: Path) -> list[str]:
        value = obj.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail((*path, key), f"'{key}' must be a list of text")
            return []
        return value

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
        try:
            number = Decimal(str(value.get("value")).replace(",", ""))
            if not number.is_finite():
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            self.fail((*path, key, "value"), f"{value.get('value')!r} is not a number")
            return None
        return {
            "value": number,
            "unit": str(value.get("unit") or ""),
            "period": str(value.get("period") or ""),
        }


def validate_plan_data(
    data: dict, locate: Callable[[Path], str] = json_location
) -> tuple[dict, list[Problem]]:
    """Check a whole plan document. Returns the cleaned document and every problem found."""
    c = _Checker(locate)
    clean: dict = {
        "slug": c.text(data, "slug", ()),
        "title": c.text(data, "title", ()),
        "start": c.day(data, "start", ()),
        "end": c.day(data, "end", ()),
        "approving_body": c.text(data, "approving_body", (), required=False),
        "approved_on": c.day(data, "approved_on", (), required=False),
        "vision": c.text(data, "vision", (), required=False),
        "needs": c.text_list(data, "needs", ()),
        "description": c.text(data, "description", (), required=False),
        "organisations": c.text_list(data, "organisations", ()),
    }
    if clean["slug"] and not _SLUG.match(clean["slug"]):
        c.fail(("slug",), f"'{clean['slug']}' may use only lower-case letters, digits and hyphens")
    if clean["start"] and clean["end"] and clean["end"] < clean["start"]:
        c.fail(("end",), "the plan must end after it starts")

    statuses = []
    seen_keys: set[str] = set()
    for i, status in enumerate(c.items(data, "rag_statuses", ())):
        path = ("rag_statuses", i)
        key = c.text(status, "key", path)
        if key in seen_keys:
            c.fail((*path, "key"), f"the RAG status '{key}' is listed twice")
        seen_keys.add(key)
        statuses.append(
            rules.RagDefinition(
                key=key,
                label=c.text(status, "label", path),
                description=c.text(status, "description", path, required=False),
                style=status.get("style") or "other",
                means_no_update=bool(status.get("means_no_update")),
                is_key_issue=bool(status.get("is_key_issue")),
            )
        )
    clean["rag_statuses"] = statuses or list(rules.DEFAULT_RAG)
    rag_keys = [s.key for s in clean["rag_statuses"]]

    milestones: set[tuple[int, int]] = set()
    clean["priorities"] = []
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
            excluded = None
        p_clean = {
            "number": number,
            "statement": c.text(priority, "statement", path),
            "strategic_leads": c.text_list(priority, "strategic_leads", path),
            "excluded_reason": excluded or "",
            "outcome_measures": c.text_list(priority, "outcome_measures", path),
            "actions": [],
        }
        labels: set[str] = set()
        for ai, action in enumerate(c.items(priority, "actions", path)):
            apath: Path = (*path, "actions", ai)
            label = c.text(action, "label", apath).strip()
            if label in labels:
                c.fail((*apath, "label"), f"action ({label}) appears twice in priority {number}")
            labels.add(label)
            a_clean = {
                "label": label,
                "text": c.text(action, "text", apath),
                "key_links": c.text_list(action, "key_links", apath),
                "milestones": [],
            }
            for mi, milestone in enumerate(c.items(action, "milestones", apath)):
                mpath: Path = (*apath, "milestones", mi)
                m_number = c.integer(milestone, "number", mpath)
                if number is not None and m_number is not None:
                    if (number, m_number) in milestones:
                        c.fail((*mpath, "number"), f"milestone {m_number} appears twice in priority {number}")
                    milestones.add((number, m_number))
                links = []
                for li, link in enumerate(c.items(milestone, "links", mpath)):
                    lp = c.integer(link, "priority", (*mpath, "links", li))
                    lm = c.integer(link, "milestone", (*mpath, "links", li))
                    if lp and lm:
                        links.append((lp, lm))
                for role in ("delivery_lead", "strategy_lead"):
                    value = milestone.get(role)
                    if value is not None and not isinstance(value, str | list):
                        c.fail((*mpath, role), f"'{role}' must be text")
                tables = milestone.get("tables") or []
                if not isinstance(tables, list):
                    c.fail((*mpath, "tables"), "'tables' must be a list")
                    tables = []
                a_clean["milestones"].append(
                    {
                        "number": m_number,
                        "text": c.text(milestone, "text", mpath),
                        "delivery_lead": split_leads(milestone.get("delivery_lead")),
                        "strategy_lead": split_leads(milestone.get("strategy_lead")),
                        "due": c.day(milestone, "due", mpath, required=False),
                        "sub_heading": c.text(milestone, "sub_heading", mpath, required=False),
                        "links": links,
                        "baseline": c.measure(milestone, "baseline", mpath),
                        "target": c.measure(milestone, "target", mpath),
                        "actual": c.measure(milestone, "actual", mpath),
                        "tables": tables,
                    }
                )
            p_clean["actions"].append(a_clean)
        clean["priorities"].append(p_clean)

    clean["rounds"] = []
    round_slugs: set[str] = set()
    for ri, round_ in enumerate(c.items(data, "rounds", ())):
        rpath: Path = ("rounds", ri)
        slug = c.text(round_, "slug", rpath)
        if slug in round_slugs:
            c.fail((*rpath, "slug"), f"the round '{slug}' appears twice")
        round_slugs.add(slug)
        opens = c.day(round_, "opens", rpath)
        closes = c.day(round_, "closes", rpath)
        if opens and closes and closes < opens:
            c.fail((*rpath, "closes"), "the round must close on or after the day it opens")
        r_clean = {
            "slug": slug,
            "title": c.text(round_, "title", rpath),
            "opens": opens,
            "closes": closes,
            "closed": bool(round_.get("closed")),
            "published": bool(round_.get("published")),
            "updates": [],
        }
        updated: set[tuple[int, int]] = set()
        for ui, update in enumerate(c.items(round_, "updates", rpath)):
            upath: Path = (*rpath, "updates", ui)
            p = c.integer(update, "priority", upath)
            m = c.integer(update, "milestone", upath)
            if p is not None and m is not None:
                if (p, m) not in milestones:
                    c.fail((*upath, "milestone"), f"priority {p} has no milestone {m} in this plan")
                elif (p, m) in updated:
                    c.fail(
                        (*upath, "milestone"), f"priority {p} milestone {m} has two updates in round '{slug}'"
                    )
                updated.add((p, m))
            rag = update.get("rag")
            weights = {}
            if not isinstance(rag, dict):
                c.fail((*upath, "rag"), '\'rag\' must be an object such as {"green": "1/2", "red": "1/2"}')
            else:
                try:
                    weights = rules.rag_weights_sum_to_one(rag, rag_keys)
                except rules.RuleViolation as exc:
                    c.fail((*upath, "rag"), str(exc))
            state = update.get("state", Update.APPROVED)
            if state not in {s for s, _ in Update.STATES}:
                c.fail((*upath, "state"), f"'{state}' is not one of approved, submitted, no_update")
            r_clean["updates"].append(
                {
                    "priority": p,
                    "milestone": m,
                    "text": c.text(update, "text", upath, required=False),
                    "weights": weights,
                    "state": state,
                    "tables": update.get("tables") or [],
                }
            )
        clean["rounds"].append(r_clean)
    return clean, c.problems
