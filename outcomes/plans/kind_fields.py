"""The plan document's fields for the kinds of plan (docs/interchange.md; decisions 0150-0151): the
plan's ``kind``, a status's ``counts_as``, an objective's ``recommendations``, a row's ``due_text``,
``workstream``, ``baselines`` and ``targets``, an update's ``direction`` and ``current``.

Read, written and exported here, beside validation.py and interchange.py, so that a document from
before kinds (which has none of them) reads as a CYPP plan exactly as it did.
"""

from datetime import date

from outcomes.core.imports import cells
from outcomes.core.imports.jsonfile import Path, check_free_json
from outcomes.plans import rules
from outcomes.plans.models import Milestone, Plan, Update

KINDS = [k for k, _ in Plan.KINDS]
BASELINE_PARTS = ("value", "unit", "label", "type", "period", "date", "numerator", "denominator")
TARGET_PARTS = ("value", "value_max", "unit", "change", "date", "text")


def _text(c, obj: dict, key: str, path: Path, model) -> str:
    return c.text(obj, key, path, model=model, required=False)


def plan_kind(c, data: dict) -> str:
    kind = data.get("kind") or Plan.CYPP
    if kind not in KINDS:
        c.fail(("kind",), f"'{cells.short(str(kind))}' is not a kind of plan: use {', '.join(KINDS)}")
        return Plan.CYPP
    return kind


def counts_as(c, status: dict, path: Path) -> str:
    value = status.get("counts_as") or ""
    if not isinstance(value, str):
        c.fail((*path, "counts_as"), "'counts_as' must be the key of another status, or null")
        return ""
    return value


def counts_as_problems(c, statuses: list[rules.RagDefinition]) -> None:
    keys = {s.key for s in statuses}
    for i, s in enumerate(statuses):
        if s.counts_as and (s.counts_as not in keys or s.counts_as == s.key):
            c.fail(("rag_statuses", i, "counts_as"), f"'{s.counts_as}' is not another status of this plan")


def recommendations(c, priority: dict, path: Path) -> list[int]:
    value = priority.get("recommendations") or []
    if not isinstance(value, list) or not all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        c.fail((*path, "recommendations"), "'recommendations' must be a list of numbers")
        return []
    return value


def _measures(c, obj: dict, key: str, path: Path, parts: tuple[str, ...]) -> list[dict]:
    """Baselines or targets: each an object of ``parts``, a part being text, a number or null, and
    "date" a day (YYYY-MM-DD) or null."""
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        c.fail((*path, key), f"'{key}' must be a list of objects with {', '.join(parts)}")
        return []
    clean = []
    for index, item in enumerate(value):
        where = (*path, key, index)
        unknown = sorted(set(item) - set(parts))
        if unknown:
            c.fail(where, f"unknown part {', '.join(unknown)}: use {', '.join(parts)}")
        row = {}
        for part in parts:
            raw = item.get(part)
            if raw is not None and (isinstance(raw, bool) or not isinstance(raw, str | int | float)):
                c.fail((*where, part), f"'{part}' must be text, a number or null")
                raw = None
            if part == "date" and raw is not None:
                try:
                    date.fromisoformat(str(raw))
                except ValueError:
                    c.fail((*where, part), f"'{cells.short(str(raw))}' is not a day (YYYY-MM-DD)")
                    raw = None
            row[part] = raw
        clean.append(row)
    check_free_json(value, (*path, key), c.fail)
    return clean


def milestone_extras(c, milestone: dict, path: Path) -> dict:
    return {
        "due_text": _text(c, milestone, "due_text", path, Milestone),
        "workstream": _text(c, milestone, "workstream", path, Milestone),
        "baselines": _measures(c, milestone, "baselines", path, BASELINE_PARTS),
        "targets": _measures(c, milestone, "targets", path, TARGET_PARTS),
    }


def update_extras(c, update: dict, path: Path) -> dict:
    direction = update.get("direction") or ""
    if direction not in ("", *rules.DIRECTIONS):
        c.fail(
            (*path, "direction"),
            f"'{cells.short(str(direction))}' is not a direction: use {', '.join(rules.DIRECTIONS)} or null",
        )
        direction = ""
    return {"direction": direction, "current": _text(c, update, "current", path, Update)}


def milestone_out(m: Milestone) -> dict:
    return {
        "due_text": m.due_text or None,
        "workstream": m.workstream or None,
        "baselines": m.baselines,
        "targets": m.targets,
    }


def update_out(u: Update) -> dict:
    return {"direction": u.direction or None, "current": u.current or None}


def milestone_fields(m: dict) -> dict:
    """What a clean milestone gives the model (empty for a document from before kinds)."""
    return {key: m.get(key) or type(default)() for key, default in MILESTONE_DEFAULTS.items()}


MILESTONE_DEFAULTS: dict = {"due_text": "", "workstream": "", "baselines": [], "targets": []}
