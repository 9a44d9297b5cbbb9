"""A plan as an Excel workbook: the downloadable template, the export, and the import.

The workbook is another spelling of the interchange document (``interchange.py``): reading it
builds the same dictionary, and every problem is reported with its sheet, row and column.
"""

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from outcomes.core import downloads
from outcomes.core.imports import Column, Row, Sheet, cells, open_workbook
from outcomes.core.imports.jsonfile import Path
from outcomes.plans.workbook_kinds import read_kind_sheets, write_kind_sheets

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
    ("Kind", "kind"),
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


_DATE_KEYS = {"start", "end", "approved_on"}


def _iso_date(value):
    """An ISO date of the document as a date cell (read back as the same ISO date); else as given."""
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value or ""


def _figure(value):
    """A milestone's measure as a number cell (exports are data; the reader takes numbers)."""
    if value in (None, ""):
        return ""
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return value


def plan_workbook_bytes(data: dict) -> bytes:
    wb = downloads.new_workbook()
    ws = downloads.add_sheet(wb, "Plan", first=True)
    downloads.header_row(ws, ["Field", "Value"])
    for heading, key in PLAN_FIELDS:
        value = data.get(key)
        downloads.append(ws, [heading, _iso_date(value) if key in _DATE_KEYS else _cell_text(value)])
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
                    _iso_date(m.get("due")),
                    m.get("sub_heading") or "",
                    f"{LIST_SEPARATOR} ".join(
                        f"P{lk['priority']} M{lk['milestone']}" for lk in m.get("links", [])
                    ),
                ]
                for kind in ("baseline", "target", "actual"):
                    measure = m.get(kind) or {}
                    row += [_figure(measure.get("value")), measure.get("unit", ""), measure.get("period", "")]
                milestones.append(row)
    _write_sheet(wb, "Priorities", PRIORITY_COLUMNS, priorities)
    _write_sheet(wb, "Actions", ACTION_COLUMNS, actions)
    _write_sheet(wb, "Milestones", MILESTONE_COLUMNS, milestones)
    rounds, updates = [], []
    for r in data.get("rounds", []):
        rounds.append(
            [
                r["slug"],
                r["title"],
                _iso_date(r["opens"]),
                _iso_date(r["closes"]),
                _cell_text(bool(r.get("closed"))),
            ]
        )
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
    write_kind_sheets(wb, data, _write_sheet, RAG_KEYS)
    return downloads.workbook_bytes(wb)


def _plain(value):
    """A cell as the interchange document spells it: a date as YYYY-MM-DD, 12.0 as 12."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _split(value) -> list[str]:
    if value in (None, ""):
        return []
    return [part.strip() for part in str(value).split(LIST_SEPARATOR) if part.strip()]


class _Places:
    """Where each value of the document came from, so that the checks of ``validation`` are
    reported by sheet, row and column (name)."""

    def __init__(self):
        self.where: dict[Path, str] = {}

    def row(self, path: Path, row: Row) -> None:
        self.where[path] = row.where()
        for key in row.sheet.positions:
            self.where[(*path, *key.split("."))] = row.where(key)

    def locate(self, path: Path) -> str:
        # The nearest known cell of the path, or its row.
        for end in range(len(path), 0, -1):
            if path[:end] in self.where:
                return self.where[path[:end]]
        return ""


def _columns(columns) -> list[Column]:
    return [Column(key, heading, required=True) for heading, key in columns]


def read_plan_workbook(raw: bytes, source: str) -> tuple[dict, Callable[[Path], str]]:
    """Read a plan workbook into the interchange document, remembering where each value came from."""
    table = open_workbook(raw, source)
    sheets = {
        name: table.sheet(
            name, _columns(columns), missing="sheet '{name}': this sheet is missing: start from the template"
        )
        for name, columns in (
            ("Plan", [("Field", "field"), ("Value", "value")]),
            ("Priorities", PRIORITY_COLUMNS),
            ("Actions", ACTION_COLUMNS),
            ("Milestones", MILESTONE_COLUMNS),
            ("Rounds", ROUND_COLUMNS),
            ("Updates", UPDATE_COLUMNS),
        )
    }
    places = _Places()
    data: dict = {"priorities": [], "rounds": []}
    _plan_fields(sheets["Plan"], data, places)
    actions = _actions(sheets["Actions"], _priorities(sheets["Priorities"], data, places), places)
    _milestones(sheets["Milestones"], actions, places)
    _updates(sheets["Updates"], _rounds(sheets["Rounds"], data, places), places)
    read_kind_sheets(table, data, _plain)
    table.raise_problems()
    return data, places.locate


def _rows(sheet: Sheet | None) -> list[Row]:
    return sheet.rows if sheet is not None else []


def _plan_fields(sheet: Sheet | None, data: dict, places: _Places) -> None:
    fields = dict(PLAN_FIELDS)
    for row in _rows(sheet):
        key = fields.get(_plain(row.get("field")))
        if key is not None:
            value = _plain(row.get("value"))
            data[key] = None if value == "" else value
            places.where[(key,)] = row.where("value")


def _priorities(sheet: Sheet | None, data: dict, places: _Places) -> dict:
    by_number: dict = {}
    for row in _rows(sheet):
        v = {key: _plain(value) for key, value in row.cells.items()}
        places.row(("priorities", len(data["priorities"])), row)
        priority = {
            "number": v.get("number"),
            "statement": v.get("statement") or "",
            "strategic_leads": _split(v.get("strategic_leads")),
            "excluded_reason": v.get("excluded_reason") or None,
            "outcome_measures": _split(v.get("outcome_measures")),
            "actions": [],
        }
        data["priorities"].append(priority)
        by_number[_key(v.get("number"))] = (priority, ("priorities", len(data["priorities"]) - 1))
    return by_number


def _key(value):
    # A number typed as 1 or "1" names the same priority or milestone.
    return str(value).strip() if value is not None else None


def _actions(sheet: Sheet | None, priorities: dict, places: _Places) -> dict:
    actions: dict = {}
    for row in _rows(sheet):
        v = {key: _plain(value) for key, value in row.cells.items()}
        found = priorities.get(_key(v.get("priority")))
        if found is None:
            row.fail(
                "priority",
                f"there is no priority {cells.short(str(v.get('priority')))} on the Priorities sheet",
            )
            continue
        owner, owner_path = found
        path: Path = (*owner_path, "actions", len(owner["actions"]))
        places.row(path, row)
        action = {
            "label": str(v.get("label") or "").strip("() "),
            "text": v.get("text") or "",
            "key_links": _split(v.get("key_links")),
            "milestones": [],
        }
        owner["actions"].append(action)
        actions[(_key(v.get("priority")), action["label"])] = (action, path)
    return actions


def _milestones(sheet: Sheet | None, actions: dict, places: _Places) -> None:
    for row in _rows(sheet):
        v = {key: _plain(value) for key, value in row.cells.items()}
        label = str(v.get("action") or "").strip("() ")
        found = actions.get((_key(v.get("priority")), label))
        if found is None:
            number = cells.short(str(v.get("priority")))
            row.fail(
                "action",
                f"there is no action ({cells.short(label)}) of priority {number} on the Actions sheet",
            )
            continue
        action, action_path = found
        places.row((*action_path, "milestones", len(action["milestones"])), row)
        milestone = {
            "number": v.get("number"),
            "text": v.get("text") or "",
            "delivery_lead": v.get("delivery_lead") or "",
            "strategy_lead": v.get("strategy_lead") or "",
            "due": v.get("due") or None,
            "sub_heading": v.get("sub_heading") or None,
            "links": _links(row, v.get("links")),
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


def _links(row: Row, text) -> list[dict]:
    links = []
    for part in _split(text):
        bits = part.upper().replace("P", " ").replace("M", " ").split()
        if len(bits) != 2 or not all(b.isdigit() and len(b) < 6 for b in bits):
            row.fail("links", f"'{cells.short(part)}' is not a link written like P5 M25")
            continue
        links.append({"priority": int(bits[0]), "milestone": int(bits[1])})
    return links


def _rounds(sheet: Sheet | None, data: dict, places: _Places) -> dict:
    rounds: dict = {}
    for row in _rows(sheet):
        v = {key: _plain(value) for key, value in row.cells.items()}
        path: Path = ("rounds", len(data["rounds"]))
        places.row(path, row)
        closed = row.read("closed", cells.flag, default=False)
        round_ = {
            "slug": v.get("slug"),
            "title": v.get("title"),
            "opens": v.get("opens"),
            "closes": v.get("closes"),
            "closed": bool(closed),
            "updates": [],
        }
        data["rounds"].append(round_)
        rounds[_key(v.get("slug"))] = (round_, path)
    return rounds


def _updates(sheet: Sheet | None, rounds: dict, places: _Places) -> None:
    for row in _rows(sheet):
        v = {key: _plain(value) for key, value in row.cells.items()}
        found = rounds.get(_key(v.get("round")))
        if found is None:
            row.fail("round", f"there is no round '{cells.short(str(v.get('round')))}' on the Rounds sheet")
            continue
        round_, round_path = found
        path = (*round_path, "updates", len(round_["updates"]))
        places.row(path, row)
        places.where[(*path, "rag")] = row.where("rag.green")
        round_["updates"].append(
            {
                "priority": v.get("priority"),
                "milestone": v.get("milestone"),
                "text": str(v.get("text") or ""),
                "rag": _shares(row, v),
            }
        )


def _shares(row: Row, v: dict) -> dict:
    rag = {key: v.get(f"rag.{key}") for key in RAG_KEYS if v.get(f"rag.{key}") not in (None, "")}
    for key, value in list(rag.items()):
        if isinstance(value, str) and _ISO_DATE.match(value):
            row.fail(
                f"rag.{key}",
                f"the {key} share reads as the date {value}: Excel turns a typed 1/2 into a date "
                "unless the cell is formatted as text. Format the column as text and type it again",
            )
            del rag[key]
    return {k: (str(x) if not isinstance(x, float) else x) for k, x in rag.items()}
