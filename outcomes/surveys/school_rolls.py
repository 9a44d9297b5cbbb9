"""The schools workbook: areas, schools and their rolls read through the shared import pipeline
(one function per sheet, every problem located by sheet, row and column, all or nothing), and
written back out in the same layout."""

from django.db import transaction
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from outcomes.core import downloads
from outcomes.core.imports import Column, ImportFailed, Problem, Row, Sheet, Table, cells, open_workbook
from outcomes.core.models import record_change
from outcomes.surveys.models import PHASES, Area, School, SchoolRoll

AREA_COLUMNS = ["name", "aliases"]
SCHOOL_COLUMNS = ["code", "name", "phase", "area", "dfe_number", "aliases", "active", "is_group"]
ROLL_COLUMNS = ["school", "year", "year_group", "pupils"]
REQUIRED = {"areas": ["name"], "schools": ["code", "name", "phase"], "rolls": ROLL_COLUMNS}
SHEETS = {"areas": AREA_COLUMNS, "schools": SCHOOL_COLUMNS, "rolls": ROLL_COLUMNS}
SEPARATOR = ";"
PHASE_NAMES = [p for p, _ in PHASES]
# No year group in England holds more pupils than this; a larger number is a typing mistake.
MOST_PUPILS = 10_000


def import_schools(data: bytes, source: str, *, user) -> dict[str, int]:
    """Add or update areas, schools (by code) and rolls from a workbook, all or nothing.
    Returns how many of each were written."""
    table = open_workbook(data, source)
    if not (table.has("schools") or table.has("rolls")):
        raise ImportFailed(source, [Problem("", "the workbook needs a sheet called 'schools' or 'rolls'")])
    sheets = {name: _sheet(table, name) for name in SHEETS}
    table.raise_problems()
    areas = _read_areas(sheets["areas"])
    schools = _read_schools(sheets["schools"], _known_areas(areas))
    rolls = _read_rolls(sheets["rolls"], set(School.objects.values_list("code", flat=True)) | set(schools))
    table.raise_problems()
    with transaction.atomic():
        area_objects = _write_areas(areas)
        _write_schools(schools, area_objects, source, user)
        _write_rolls(rolls, source, user)
    return {"areas": len(areas), "schools": len(schools), "rolls": len(rolls)}


def _sheet(table: Table, name: str) -> Sheet | None:
    if not table.has(name):
        return None
    columns = [Column(key, key, required=key in REQUIRED[name]) for key in SHEETS[name]]
    return table.sheet(name, columns, strict=True)


def _rows(sheet: Sheet | None) -> list[Row]:
    return sheet.rows if sheet is not None else []


def _names(row: Row, key: str, model, field: str) -> list[str]:
    text = row.read(key, cells.text, multiline=False) or ""
    names = [part.strip() for part in text.split(SEPARATOR) if part.strip()]
    longest = cells.max_length(model, field)
    for name in names:
        if len(name) > longest:
            row.fail(key, f"'{cells.short(name)}' is {len(name):,} characters long: at most {longest} fit")
    return names


def _read_areas(sheet: Sheet | None) -> dict[str, dict]:
    areas: dict[str, dict] = {}
    for row in _rows(sheet):
        name = row.text("name", Area, multiline=False)
        if not name:
            if cells.is_blank(row.get("name")):
                row.fail("name", "the area's name is missing")
            continue
        if name.lower() in areas:
            row.fail("name", f"'{name}' is listed twice")
        areas[name.lower()] = {"name": name, "aliases": _names(row, "aliases", Area, "name")}
    return areas


def _known_areas(areas: dict[str, dict]) -> dict[str, str]:
    """Every name and other name of an area, lower-cased, to the area's name."""
    known = {}
    for area in [*Area.objects.all(), *areas.values()]:
        name = area.name if isinstance(area, Area) else area["name"]
        aliases = area.aliases if isinstance(area, Area) else area["aliases"]
        known[name.lower()] = name
        known.update({alias.lower(): name for alias in aliases})
    return known


def _read_schools(sheet: Sheet | None, known_areas: dict[str, str]) -> dict[str, dict]:
    schools: dict[str, dict] = {}
    for row in _rows(sheet):
        code = row.text("code", School, multiline=False).lower()
        if not code or not all(c.isalnum() or c == "-" for c in code):
            row.fail("code", f"'{cells.short(code)}' should be letters, digits and hyphens")
        elif code in schools:
            row.fail("code", f"the code '{code}' is listed twice")
        name = row.text("name", School, multiline=False)
        if cells.is_blank(row.get("name")):
            row.fail("name", "the school's name is missing")
        phase = row.text("phase", School, multiline=False).lower()
        if phase not in PHASE_NAMES:
            row.fail("phase", f"'{cells.short(phase)}' should be primary or secondary")
        area_text = row.text("area", Area, "name", multiline=False)
        if area_text and area_text.lower() not in known_areas:
            row.fail(
                "area",
                f"'{area_text}' is not a known area (add it on the 'areas' sheet, or use one of: "
                f"{', '.join(sorted(set(known_areas.values())))})",
            )
        schools[code] = {
            "name": name,
            "phase": phase,
            "area": known_areas.get(area_text.lower()) if area_text else None,
            "dfe_number": row.text("dfe_number", School, multiline=False),
            "aliases": _names(row, "aliases", School, "name"),
            "active": bool(row.read("active", cells.flag, default=True)),
            "is_group": bool(row.read("is_group", cells.flag, default=False)),
            "_row": row,
        }
    _check_names_are_new(schools)
    return schools


def _check_names_are_new(schools: dict[str, dict]) -> None:
    by_name = {s["name"].lower(): code for code, s in schools.items()}
    for existing in School.objects.exclude(code__in=list(schools)):
        code = by_name.get(existing.name.lower())
        if code is not None:
            schools[code]["_row"].fail(
                "name", f"'{existing.name}' already exists with the code '{existing.code}'"
            )


def _read_rolls(sheet: Sheet | None, known_codes: set[str]) -> dict[tuple[str, int, int], int]:
    rolls: dict[tuple[str, int, int], int] = {}
    for row in _rows(sheet):
        code = row.text("school", School, "code", multiline=False).lower()
        if code not in known_codes:
            row.fail("school", f"there is no school with the code '{cells.short(code)}'")
        year = _whole(row, "year", 2000, 2100, "give the academic year it starts in, such as 2009")
        group = _whole(row, "year_group", 1, 14, "give the year group, such as 5")
        pupils = _whole(row, "pupils", 0, MOST_PUPILS, "give the number on roll as a whole number")
        key = (code, year, group)
        if key in rolls:
            row.fail("pupils", "this school's roll for that year group is listed twice")
        rolls[key] = pupils
    return rolls


def _whole(row: Row, key: str, lowest: int, highest: int, advice: str) -> int | None:
    try:
        number = cells.integer(row.get(key), minimum=lowest, maximum=highest)
    except cells.BadValue as exc:
        row.fail(key, f"{advice} ({exc})")
        return None
    if number is None:
        row.fail(key, advice)
    return number


def _write_areas(areas: dict[str, dict]) -> dict[str, Area]:
    written = {}
    for area in areas.values():
        obj, _ = Area.objects.update_or_create(name=area["name"], defaults={"aliases": area["aliases"]})
        written[obj.name] = obj
    return written


def _write_schools(schools: dict[str, dict], areas: dict[str, Area], source: str, user) -> None:
    for code, values in schools.items():
        values = {k: v for k, v in values.items() if k != "_row"}
        area_name = values.pop("area")
        values["area"] = areas.get(area_name) or (Area.objects.get(name=area_name) if area_name else None)
        school = School.objects.filter(code=code).first()
        before = _school_values(school) if school else None
        school, created = School.objects.update_or_create(code=code, defaults=values)
        after = _school_values(school)
        if before != after:
            record_change(
                user=user,
                obj=school,
                action="created" if created else "updated",
                summary=f"{'Added' if created else 'Updated'} {school.name} from {source}",
                before=before,
                after=after,
            )


def _write_rolls(rolls: dict[tuple[str, int, int], int], source: str, user) -> None:
    school_ids = dict(School.objects.filter(code__in={k[0] for k in rolls}).values_list("code", "pk"))
    for (code, year, group), pupils in rolls.items():
        roll = SchoolRoll.objects.filter(school_id=school_ids[code], year=year, year_group=group).first()
        before = roll.pupils if roll else None
        if before == pupils:
            continue
        roll, _ = SchoolRoll.objects.update_or_create(
            school_id=school_ids[code], year=year, year_group=group, defaults={"pupils": pupils}
        )
        record_change(
            user=user,
            obj=roll,
            action="roll",
            summary=f"Roll of {code}, {year}/{(year + 1) % 100:02d} Year {group}: {pupils} ({source})",
            before={"pupils": before},
            after={"pupils": pupils},
        )


def _school_values(school: School) -> dict:
    return {
        "name": school.name,
        "phase": school.phase,
        "area": school.area.name if school.area else None,
        "dfe_number": school.dfe_number,
        "aliases": list(school.aliases),
        "active": school.active,
        "is_group": school.is_group,
    }


def schools_workbook(schools=None) -> bytes:
    """Areas, schools and rolls in the layout import_schools reads."""
    schools = list(schools if schools is not None else School.objects.select_related("area").order_by("name"))
    wb = downloads.new_workbook()
    ws = wb.active
    ws.title = "schools"
    _header(ws, SCHOOL_COLUMNS)
    for s in schools:
        downloads.append(
            ws,
            [
                s.code,
                s.name,
                s.phase,
                s.area.name if s.area else None,
                s.dfe_number or None,
                f"{SEPARATOR} ".join(s.aliases) or None,
                "yes" if s.active else "no",
                "yes" if s.is_group else "no",
            ],
        )
    ws = wb.create_sheet("rolls")
    _header(ws, ROLL_COLUMNS)
    for r in (
        SchoolRoll.objects.filter(school__in=schools)
        .select_related("school")
        .order_by("school__name", "year", "year_group")
    ):
        downloads.append(ws, [r.school.code, r.year, r.year_group, r.pupils])
    ws = wb.create_sheet("areas")
    _header(ws, AREA_COLUMNS)
    for a in Area.objects.all():
        downloads.append(ws, [a.name, f"{SEPARATOR} ".join(a.aliases) or None])
    return downloads.workbook_bytes(wb)


def _header(ws, columns: list[str]) -> None:
    downloads.append(ws, columns)
    for index, cell in enumerate(ws[1], start=1):
        cell.font = Font(bold=True)
        ws.column_dimensions[get_column_letter(index)].width = (
            40 if columns[index - 1] in {"name", "aliases"} else 14
        )
    ws.freeze_panes = "A2"
