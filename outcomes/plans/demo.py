"""The demo plans (demo_data/README.md): the real Rotherham CYPP 2013-2016 and its June 2014 round;
seed 002's Notice to Improve action plan (kind improvement) with its October 2010 update, and its
substance misuse Planning Grid 1 (kind grid). Each is built as a plan document (docs/interchange.md)
and imported, so the demo goes through the same checks as any file (decision 0154)."""

import json
from pathlib import Path

from outcomes.plans import kind_fields
from outcomes.plans.interchange import import_plan
from outcomes.plans.models import Plan

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"
DEMO_FILE = DEMO_DATA / "cypp-2013-16.json"
DEMO_SLUG = "cypp-2013-16"
NTI_FILE = DEMO_DATA / "nti_2010_rows.json"
NTI_SLUG = "nti-2010"
NTI_ROUND = "oct-2010"
GRID_FILE = DEMO_DATA / "grid_commissioning_2010.json"
GRID_SLUG = "grid-commissioning-2010"
# Seed 002 names no one who signs in to the demo. So that the demo's lead officer can try the NTI
# journey, they are the strategic lead of the group holding the agency-staff row (decision 0154).
DEMO_LEAD = "Ron Parry"
DEMO_LEAD_GROUP = "5. Recruitment and Retention"
DEMO_LEAD_NOTE = (
    f"Demo only: {DEMO_LEAD} (the demo's lead officer sign-in) is shown as strategic lead of group "
    f"'{DEMO_LEAD_GROUP}' so that a lead's update can be tried; seed 002 names no strategic leads."
)


def load_demo_plan() -> Plan | None:
    """Import the demo plan unless it is already there. Returns it when it was loaded now."""
    if Plan.objects.filter(slug=DEMO_SLUG).exists():
        return None
    data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    return import_plan(data, source=DEMO_FILE.name)


def load_demo_action_plans() -> list[Plan]:
    """The NTI plan and the planning grid, each unless already there. Returns those loaded now."""
    loaded = []
    for slug, path, build in ((NTI_SLUG, NTI_FILE, nti_document), (GRID_SLUG, GRID_FILE, grid_document)):
        if not Plan.objects.filter(slug=slug).exists() and path.exists():
            loaded.append(import_plan(build(json.loads(path.read_text(encoding="utf-8"))), source=path.name))
    return loaded


def _baseline(b: dict) -> dict:
    return {k: b.get(k) for k in kind_fields.BASELINE_PARTS}


def _target(t: dict) -> dict:
    return {k: t.get(k) for k in kind_fields.TARGET_PARTS}


def _objective_blocks(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    """Rows under one objective, in order. A merged Objective cell is printed once: a row with none
    continues the objective above, and a first row with none takes the one below (NI 68 under
    "Improvement Notice", decision 0154)."""
    blocks: list[tuple[str, list[dict]]] = []
    pending: list[dict] = []
    for row in rows:
        text = row["objective"].strip()
        if row["objective_continued"] and blocks:
            blocks[-1][1].append(row)
        elif not text:
            (blocks[-1][1] if blocks else pending).append(row)
        elif blocks and blocks[-1][0] == text:
            blocks[-1][1].append(row)
        else:
            blocks.append((text, [*pending, row]))
            pending = []
    return blocks


def nti_document(data: dict) -> dict:
    priorities, updates = [], []
    for number, group in enumerate(data["groups"], start=1):
        actions, row_number = [], 0
        for label, (objective, rows) in enumerate(_objective_blocks(group["rows"]), start=1):
            milestones = []
            for row in rows:
                row_number += 1
                milestones.append(
                    {
                        "number": row_number,
                        "text": row["key_actions"],
                        "delivery_lead": "; ".join(row["leads"]),
                        "due": row["target_date"],
                        "due_text": row["target_date_text"] or row.get("target_date_recurrence") or None,
                        "workstream": " / ".join(row["workstreams"]) or None,
                        "baselines": [_baseline(b) for b in row["baselines"]],
                        "targets": [_target(t) for t in row["targets"]],
                    }
                )
                updates.append(
                    {
                        "priority": number,
                        "milestone": row_number,
                        "text": row["commentary"],
                        "rag": {row["rag"]: "1"},
                        "direction": row["direction"],
                        "current": row["current_text"] or None,
                        "state": "approved",
                    }
                )
            actions.append({"label": str(label), "text": objective, "milestones": milestones})
        priorities.append(
            {
                "number": number,
                "statement": group["heading"],
                "strategic_leads": [DEMO_LEAD] if group["heading"] == DEMO_LEAD_GROUP else [],
                "actions": actions,
            }
        )
    return {
        "slug": NTI_SLUG,
        "title": data["title"],
        "kind": Plan.IMPROVEMENT,
        "start": "2009-12-01",
        "end": "2011-03-31",
        "description": f"Seed 002 ({data['source']}), date of update 27 October 2010. {DEMO_LEAD_NOTE}",
        "priorities": priorities,
        "rounds": [
            {
                "slug": NTI_ROUND,
                "title": "Update October 2010",
                "opens": "2010-10-01",
                # The update date: every update counts as approved then (round_writer.py).
                "closes": data["updated_on"],
                "updates": updates,
            }
        ],
    }


def _grid_row(number: int, item: dict) -> dict:
    return {
        "number": number,
        "text": item["text"],
        "delivery_lead": "; ".join(item["by_whom"]),
        "due": item["by_when"]["date"],
        "due_text": item["by_when_text"] or None,
    }


def grid_document(data: dict) -> dict:
    """Objectives as the plan's groups (citing their recommendations), each action with its own row
    (its by when and by whom) followed by its milestones' rows."""
    organisations = set()
    priorities = []
    for objective in data["objectives"]:
        actions, number = [], 0
        for action in objective["actions"]:
            rows = []
            for item in [action, *action["milestones"]]:
                number += 1
                rows.append(_grid_row(number, item))
                organisations.update(item["by_whom"])
            actions.append({"label": str(action["number"]), "text": action["text"], "milestones": rows})
        priorities.append(
            {
                "number": objective["number"],
                "statement": objective["text"],
                "recommendations": objective["recommendations"],
                "actions": actions,
            }
        )
    return {
        "slug": GRID_SLUG,
        "title": data["title"],
        "kind": Plan.GRID,
        "start": "2010-04-01",
        "end": "2011-03-31",
        "description": f"{data['plan']} (seed 002, {data['source'].removeprefix('seed 002 ')}). "
        f"Expected outcomes: {'; '.join(data['expected_outcomes'])}",
        "needs": data["key_priorities"],
        "organisations": sorted(organisations),
        "priorities": priorities,
    }
