"""The plan workbook's sheets for the kinds of plan (decisions 0150-0151), beside workbook.py: a
row's target date as written and workstream ("Row fields"), its baselines and targets one per line
("Baselines", "Targets"), and an update's direction of travel, current performance and a status
outside the four RAG columns, such as Complete ("Update fields").

The sheets are optional on import: a workbook from before kinds (or of a CYPP) has none of them and
reads as it always did. The plan's kind is a field of the Plan sheet (workbook.PLAN_FIELDS).
"""

from openpyxl import Workbook

from outcomes.core.imports import Column, cells
from outcomes.plans.kind_fields import BASELINE_PARTS, TARGET_PARTS

ROW_COLUMNS = [
    ("Priority", "priority"),
    ("Milestone", "milestone"),
    ("Target date as written", "due_text"),
    ("Lead workstream(s)", "workstream"),
]
_HEADINGS = {
    "value": "Value",
    "value_max": "Upper value",
    "unit": "Unit",
    "label": "What it counts",
    "type": "Type",
    "period": "Period",
    "date": "Date",
    "numerator": "Numerator",
    "denominator": "Denominator",
    "change": "Change",
    "text": "As written",
}
BASELINE_COLUMNS = [("Priority", "priority"), ("Milestone", "milestone")] + [
    (_HEADINGS[p], p) for p in BASELINE_PARTS
]
TARGET_COLUMNS = [("Priority", "priority"), ("Milestone", "milestone")] + [
    (_HEADINGS[p], p) for p in TARGET_PARTS
]
UPDATE_COLUMNS = [
    ("Round", "round"),
    ("Priority", "priority"),
    ("Milestone", "milestone"),
    ("Direction (up, same, down)", "direction"),
    ("Current performance", "current"),
    ("Other status", "status"),
    ("Other status share", "share"),
]
SHEETS = {
    "Row fields": ROW_COLUMNS,
    "Baselines": BASELINE_COLUMNS,
    "Targets": TARGET_COLUMNS,
    "Update fields": UPDATE_COLUMNS,
}


def write_kind_sheets(wb: Workbook, data: dict, write_sheet, four_keys: list[str]) -> None:
    """Only for a plan that has something to put in them, so a CYPP workbook stays as it was."""
    rows, baselines, targets, updates = [], [], [], []
    for p in data.get("priorities", []):
        for a in p.get("actions", []):
            for m in a.get("milestones", []):
                where = [p["number"], m["number"]]
                if m.get("due_text") or m.get("workstream"):
                    rows.append([*where, m.get("due_text") or "", m.get("workstream") or ""])
                baselines += [[*where, *(b.get(k) for k in BASELINE_PARTS)] for b in m.get("baselines") or []]
                targets += [[*where, *(t.get(k) for k in TARGET_PARTS)] for t in m.get("targets") or []]
    for r in data.get("rounds", []):
        for u in r.get("updates", []):
            others = [(k, v) for k, v in (u.get("rag") or {}).items() if k not in four_keys]
            if u.get("state") == "no_update" or not (u.get("direction") or u.get("current") or others):
                continue
            status, share = others[0] if others else ("", "")
            updates.append(
                [
                    r["slug"],
                    u["priority"],
                    u["milestone"],
                    u.get("direction") or "",
                    u.get("current") or "",
                    status,
                    share,
                ]
            )
    if data.get("kind", "cypp") == "cypp" and not (rows or baselines or targets or updates):
        return
    for name, found in (
        ("Row fields", rows),
        ("Baselines", baselines),
        ("Targets", targets),
        ("Update fields", updates),
    ):
        write_sheet(wb, name, SHEETS[name], found)
    # A share such as 1/2 stays text, as on the Updates sheet.
    sheet = wb["Update fields"]
    for row in range(2, max(len(updates) + 200, 500)):
        sheet.cell(row=row, column=len(UPDATE_COLUMNS)).number_format = "@"


def _present(table, name: str) -> bool:
    return any(n.strip().lower() == name.lower() for n in table.names)


def read_kind_sheets(table, data: dict, plain) -> None:
    """Merge the optional sheets into the document read from the others. A line naming a milestone
    or update the other sheets do not hold is a problem, with its sheet and row."""
    milestones = {
        (str(p.get("number")), str(m.get("number"))): m
        for p in data["priorities"]
        for a in p["actions"]
        for m in a["milestones"]
    }
    updates = {
        (str(r.get("slug")), str(u.get("priority")), str(u.get("milestone"))): u
        for r in data["rounds"]
        for u in r["updates"]
    }
    for name, columns in SHEETS.items():
        if not _present(table, name):
            continue
        sheet = table.sheet(name, [Column(key, heading) for heading, key in columns])
        for row in sheet.rows if sheet is not None else []:
            v = {key: plain(value) for key, value in row.cells.items()}
            if name == "Update fields":
                _update_line(row, v, updates)
                continue
            m = milestones.get((str(v.get("priority")), str(v.get("milestone"))))
            if m is None:
                row.fail(
                    "milestone",
                    f"there is no milestone {cells.short(str(v.get('milestone')))} of priority "
                    f"{cells.short(str(v.get('priority')))} on the Milestones sheet",
                )
                continue
            if name == "Row fields":
                m["due_text"] = str(v.get("due_text") or "")
                m["workstream"] = str(v.get("workstream") or "")
            else:
                parts = BASELINE_PARTS if name == "Baselines" else TARGET_PARTS
                item = {k: (None if v.get(k) in (None, "") else v.get(k)) for k in parts}
                for k in ("value", "value_max"):
                    if item.get(k) is not None:
                        item[k] = str(item[k])
                m.setdefault("baselines" if name == "Baselines" else "targets", []).append(item)


def _update_line(row, v: dict, updates: dict) -> None:
    u = updates.get((str(v.get("round")), str(v.get("priority")), str(v.get("milestone"))))
    if u is None:
        row.fail(
            "milestone", "there is no such update on the Updates sheet (same round, priority and milestone)"
        )
        return
    u["direction"] = v.get("direction") or None
    u["current"] = str(v.get("current") or "") or None
    if v.get("status"):
        u["rag"] = {**u["rag"], str(v["status"]).strip().lower(): str(v.get("share") or "1")}
