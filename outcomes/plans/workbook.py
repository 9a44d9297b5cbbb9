"""A plan as an Excel workbook: the downloadable template, the export, and the import.

The workbook is another spelling of the interchange document (``interchange.py``): reading it
builds the same dictionary, and every problem is reported with its sheet, row and column.
"""

import io
import re
from collections.abc import Callable
from datetime import date, datetime

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from outcomes.core import downloads
from outcomes.core.imports import ImportFailed, Problem
from outcomes.core.imports.jsonfile import Path

# sheet -> [(column heading, key in the interchange document)]
PLAN_FIELDS = [
    ("Slug", "slug"),
    ("Title", "title"),
    ("Start", "start"),
    ("End", "end"),
    ("Approving body", "approving_body"),
    ("Approved on", "approved_on"),
    ("Vision", "vision"),
    ("Description", "description"),
]
PRIORITY_COLUMNS = [
    ("Priority", "number"),
    ("Statement", "statement"),
    ("Strategic leads (separate with ;)", "strategic_leads"),
    ("Excluded from progress reports because", "excluded_reason"),
    ("Outcome measures (separate with ;)", "outcome_measures"),
]
ACTION_COLUMNS = [
    ("Priority", "priority"),
    ("Action", "label"),
    ("Text", "text"),
    ("Key links (separate with ;)", "key_links"),
]
MILESTONE_COLUMNS = [
    ("Priority", "priority"),
    ("Action", "action"),
    ("Milestone", "number"),
    ("Delivery milestone", "text"),
    ("Delivery lead (separate with ;)", "delivery_lead"),
    ("Strategy lead (separate with ;)", "strategy_lead"),
    ("Due", "due"),
    ("Sub-heading", "sub_heading"),
    ("Links (e.g. P5 M25; P1 M50)", "links"),
    ("Baseline", "baseline.value"),
    ("Baseline unit", "baseline.unit"),
    ("Baseline period", "baseline.period"),
    ("Target", "target.value"),
    ("Target unit", "target.unit"),
    ("Target period", "target.period"),
    ("Actual", "actual.value"),
    ("Actual unit", "actual.unit"),
    ("Actual period", "actual.period"),
]
ROUND_COLUMNS = [
    ("Round", "slug"),
    ("Title", "title"),
    ("Opens", "opens"),
    ("Closes", "closes"),
    ("Closed (yes/no)", "closed"),
]
RAG_KEYS = ["green", "amber", "red", "blue"]
UPDATE_COLUMNS = [
    ("Round", "round"),
    ("Priority", "priority"),
    ("Milestone", "milestone"),
    ("Update", "text"),
    *[(key.capitalize(), f"rag.{key}") for key in RAG_KEYS],
]
LIST_SEPARATOR = ";"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

EXAMPLE_PLAN = {
    "slug": "example-plan",
    "title": "Example plan 2026 – 2029",
    "start": "2026-04-01",
    "end": "2029-03-31",
    "approving_body": "Children and Young People's Partnership",
    "approved_on": None,
    "vision": "",
    "description": "Replace these rows with your plan.",
    "priorities": [
        {
            "number": 1,
            "statement": "We will ensure children have the best start in life",
            "strategic_leads": ["A. Lead, Head of Service"],
            "excluded_reason": None,
            "outcome_measures": ["Breastfeeding rates"],
            "actions": [
                {
                    "label": "i",
                    "text": "We will support parents before and after birth",
                    "key_links": ["Infant feeding strategy"],
                    "milestones": [
                        {
                            "number": 1,
                            "text": "Increase in breastfeeding initiation rates",
                            "delivery_lead": "Maternity services",
                            "strategy_lead": "A. Lead",
                            "due": "2027-03-31",
                            "sub_heading": None,
                            "links": [],
                            "baseline": {"value": "58", "unit": "%", "period": "2025/26"},
                            "target": {"value": "65.5", "unit": "%", "period": "2026/27"},
                            "actual": None,
                        }
                    ],
                }
            ],
        }
    ],
    "rounds": [
        {
            "slug": "june-2027",
            "title": "Update June 2027",
            "opens": "2027-05-01",
            "closes": "2027-06-30",
            "closed": False,
            "updates": [{"priority": 1, "milestone": 1, "text": "Work has started.", "rag": {"amber": "1"}}],
        }
    ],
}


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return f"{LIST_SEPARATOR} ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _write_sheet(wb: Workbook, title: str, columns, rows: list[list]) -> None:
    ws = downloads.add_sheet(wb, title)
    downloads.header_row(ws, [heading for heading, _ in columns])
    for row in rows:
        downloads.append(ws, row)
    ws.freeze_panes = "A2"
    for index, (heading, _) in enumerate(columns, start=1):
        wide = heading in {
            "Statement",
            "Text",
            "Delivery milestone",
            "Update",
            "Title",
            "Excluded from progress reports because",
        }
        ws.column_dimensions[get_column_letter(index)].width = 60 if wide else max(12, len(heading) + 2)
        if wide:
            for cell in ws[get_column_letter(index)][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def plan_workbook_bytes(data: dict) -> bytes:
    wb = downloads.new_workbook()
    ws = downloads.add_sheet(wb, "Plan", first=True)
    downloads.header_row(ws, ["Field", "Value"])
    for heading, key in PLAN_FIELDS:
        downloads.append(ws, [heading, _cell_text(data.get(key))])
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 90

    priorities, actions, milestones = [], [], []
    for p in data.get("priorities", []):
        priorities.append(
            [
                p["number"],
                p["statement"],
                _cell_text(p.get("strategic_leads")),
                p.get("excluded_reason") or "",
                _cell_text(p.get("outcome_measures")),
            ]
        )
        for a in p.get("actions", []):
            actions.append([p["number"], a["label"], a["text"], _cell_text(a.get("key_links"))])
            for m in a.get("milestones", []):
                row = [
                    p["number"],
                    a["label"],
                    m["number"],
                    m["text"],
                    _cell_text(m.get("delivery_lead")),
                    _cell_text(m.get("strategy_lead")),
                    m.get("due") or "",
                    m.get("sub_heading") or "",
                    f"{LIST_SEPARATOR} ".join(
                        f"P{lk['priority']} M{lk['milestone']}" for lk in m.get("links", [])
                    ),
                ]
                for kind in ("baseline", "target", "actual"):
                    measure = m.get(kind) or {}
                    row += [measure.get("value", ""), measure.get("unit", ""), measure.get("period", "")]
                milestones.append(row)
    _write_sheet(wb, "Priorities", PRIORITY_COLUMNS, priorities)
    _write_sheet(wb, "Actions", ACTION_COLUMNS, actions)
    _write_sheet(wb, "Milestones", MILESTONE_COLUMNS, milestones)
    rounds, updates = [], []
    for r in data.get("rounds", []):
        rounds.append([r["slug"], r["title"], r["opens"], r["closes"], _cell_text(bool(r.get("closed")))])
        for u in r.get("updates", []):
            if u.get("state") == "no_update":
                continue  # Blue at close is re-derived on import
            updates.append(
                [
                    r["slug"],
                    u["priority"],
                    u["milestone"],
                    u.get("text", ""),
                    *[u["rag"].get(key, "") for key in RAG_KEYS],
                ]
            )
    _write_sheet(wb, "Rounds", ROUND_COLUMNS, rounds)
    _write_sheet(wb, "Updates", UPDATE_COLUMNS, updates)
    # Excel turns a typed 1/2 into the 1st of February unless the cell is text.
    shares = wb["Updates"]
    for column in range(len(UPDATE_COLUMNS) - len(RAG_KEYS) + 1, len(UPDATE_COLUMNS) + 1):
        for row in range(2, max(len(updates) + 200, 500)):
            shares.cell(row=row, column=column).number_format = "@"
    return downloads.workbook_bytes(wb)


class _Reader:
    def __init__(self, source: str):
        self.source = source
        self.problems: list[Problem] = []
        self.where: dict[Path, str] = {}

    def place(self, path: Path, sheet: str, row: int, column: int) -> None:
        self.where[path] = f"sheet '{sheet}', row {row}, column {get_column_letter(column)}"

    def locate(self, path: Path) -> str:
        # The nearest known cell of the path, or its row.
        for end in range(len(path), 0, -1):
            if path[:end] in self.where:
                return self.where[path[:end]]
        return f"{self.source}"


def _plain(value):
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _rows(reader: _Reader, wb, sheet: str, columns) -> list[tuple[int, dict, dict]]:
    if sheet not in wb.sheetnames:
        reader.problems.append(Problem(f"sheet '{sheet}'", "this sheet is missing: start from the template"))
        return []
    ws = wb[sheet]
    header = [(_plain(c.value) or "") for c in ws[1]]
    positions = {}
    for heading, key in columns:
        if heading not in header:
            reader.problems.append(Problem(f"sheet '{sheet}', row 1", f"the column '{heading}' is missing"))
        else:
            positions[key] = header.index(heading) + 1
    result = []
    for row_number, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        values = {key: _plain(row[pos - 1]) if pos - 1 < len(row) else None for key, pos in positions.items()}
        if all(v in (None, "") for v in values.values()):
            continue
        result.append((row_number, values, positions))
    return result


def _split(value) -> list[str]:
    if value in (None, ""):
        return []
    return [part.strip() for part in str(value).split(LIST_SEPARATOR) if part.strip()]


def read_plan_workbook(raw: bytes, source: str) -> tuple[dict, Callable[[Path], str]]:
    """Read a plan workbook into the interchange document, remembering where each value came from."""
    reader = _Reader(source)
    try:
        wb = load_workbook(io.BytesIO(raw), data_only=True, read_only=False)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise ImportFailed(source, [Problem("", "this is not an Excel workbook (.xlsx)")]) from None

    data: dict = {"priorities": [], "rounds": []}
    if "Plan" not in wb.sheetnames:
        reader.problems.append(Problem("sheet 'Plan'", "this sheet is missing: start from the template"))
    else:
        fields = dict(PLAN_FIELDS)
        for row_number, (field, value) in enumerate(
            wb["Plan"].iter_rows(min_row=2, max_col=2, values_only=True), 2
        ):
            if field in fields:
                value = _plain(value)
                data[fields[field]] = None if value == "" else value
                reader.place((fields[field],), "Plan", row_number, 2)

    priorities: dict[int, dict] = {}
    for row, v, pos in _rows(reader, wb, "Priorities", PRIORITY_COLUMNS):
        index = len(data["priorities"])
        for key in pos:
            reader.place(("priorities", index, key), "Priorities", row, pos[key])
        reader.place(("priorities", index), "Priorities", row, 1)
        p = {
            "number": v.get("number"),
            "statement": v.get("statement") or "",
            "strategic_leads": _split(v.get("strategic_leads")),
            "excluded_reason": v.get("excluded_reason") or None,
            "outcome_measures": _split(v.get("outcome_measures")),
            "actions": [],
        }
        data["priorities"].append(p)
        priorities[v.get("number")] = p

    actions: dict[tuple, tuple[dict, Path]] = {}
    for row, v, pos in _rows(reader, wb, "Actions", ACTION_COLUMNS):
        owner = priorities.get(v.get("priority"))
        if owner is None:
            reader.problems.append(
                Problem(
                    f"sheet 'Actions', row {row}, column A",
                    f"there is no priority {v.get('priority')} on the Priorities sheet",
                )
            )
            continue
        pi = data["priorities"].index(owner)
        ai = len(owner["actions"])
        path: Path = ("priorities", pi, "actions", ai)
        for key in pos:
            reader.place((*path, key), "Actions", row, pos[key])
        action = {
            "label": str(v.get("label") or "").strip("() "),
            "text": v.get("text") or "",
            "key_links": _split(v.get("key_links")),
            "milestones": [],
        }
        owner["actions"].append(action)
        actions[(v.get("priority"), action["label"])] = (action, path)

    for row, v, pos in _rows(reader, wb, "Milestones", MILESTONE_COLUMNS):
        label = str(v.get("action") or "").strip("() ")
        found = actions.get((v.get("priority"), label))
        if found is None:
            reader.problems.append(
                Problem(
                    f"sheet 'Milestones', row {row}, column B",
                    f"there is no action ({label}) of priority {v.get('priority')} on the Actions sheet",
                )
            )
            continue
        action, apath = found
        path = (*apath, "milestones", len(action["milestones"]))
        for key in pos:
            reader.place((*path, *key.split(".")), "Milestones", row, pos[key])
        links = []
        for part in _split(v.get("links")):
            bits = part.upper().replace("P", " ").replace("M", " ").split()
            if len(bits) != 2 or not all(b.isdigit() for b in bits):
                reader.problems.append(
                    Problem(
                        f"sheet 'Milestones', row {row}, column {get_column_letter(pos['links'])}",
                        f"'{part}' is not a link written like P5 M25",
                    )
                )
                continue
            links.append({"priority": int(bits[0]), "milestone": int(bits[1])})
        milestone = {
            "number": v.get("number"),
            "text": v.get("text") or "",
            "delivery_lead": v.get("delivery_lead") or "",
            "strategy_lead": v.get("strategy_lead") or "",
            "due": v.get("due") or None,
            "sub_heading": v.get("sub_heading") or None,
            "links": links,
        }
        for kind in ("baseline", "target", "actual"):
            value = v.get(f"{kind}.value")
            milestone[kind] = (
                None
                if value in (None, "")
                else {
                    "value": value,
                    "unit": v.get(f"{kind}.unit") or "",
                    "period": str(v.get(f"{kind}.period") or ""),
                }
            )
        action["milestones"].append(milestone)

    rounds: dict[str, tuple[dict, Path]] = {}
    for row, v, pos in _rows(reader, wb, "Rounds", ROUND_COLUMNS):
        path = ("rounds", len(data["rounds"]))
        for key in pos:
            reader.place((*path, key), "Rounds", row, pos[key])
        closed = str(v.get("closed") or "no").lower()
        if closed not in {"yes", "no", "true", "false"}:
            reader.problems.append(
                Problem(
                    f"sheet 'Rounds', row {row}, column {get_column_letter(pos['closed'])}",
                    f"'{v.get('closed')}' should be yes or no",
                )
            )
        r = {
            "slug": v.get("slug"),
            "title": v.get("title"),
            "opens": v.get("opens"),
            "closes": v.get("closes"),
            "closed": closed in {"yes", "true"},
            "updates": [],
        }
        data["rounds"].append(r)
        rounds[v.get("slug")] = (r, path)

    for row, v, pos in _rows(reader, wb, "Updates", UPDATE_COLUMNS):
        found = rounds.get(v.get("round"))
        if found is None:
            reader.problems.append(
                Problem(
                    f"sheet 'Updates', row {row}, column A",
                    f"there is no round '{v.get('round')}' on the Rounds sheet",
                )
            )
            continue
        r, rpath = found
        path = (*rpath, "updates", len(r["updates"]))
        for key in pos:
            reader.place((*path, *key.split(".")), "Updates", row, pos[key])
        reader.place((*path, "rag"), "Updates", row, pos.get("rag.green", 5))
        rag = {key: v.get(f"rag.{key}") for key in RAG_KEYS if v.get(f"rag.{key}") not in (None, "")}
        for key, value in list(rag.items()):
            if isinstance(value, str) and _ISO_DATE.match(value):
                column = get_column_letter(pos[f"rag.{key}"])
                reader.problems.append(
                    Problem(
                        f"sheet 'Updates', row {row}, column {column}",
                        f"the {key} share reads as the date {value}: Excel turns a typed 1/2 into a date "
                        "unless the cell is formatted as text. Format the column as text and type it again",
                    )
                )
                del rag[key]
        r["updates"].append(
            {
                "priority": v.get("priority"),
                "milestone": v.get("milestone"),
                "text": str(v.get("text") or ""),
                "rag": {k: (str(x) if not isinstance(x, float) else x) for k, x in rag.items()},
            }
        )

    if reader.problems:
        raise ImportFailed(source, reader.problems)
    return data, reader.locate
