"""Schools, their rolls and their ways in: the schools workbook (import and export, every problem
located by sheet, row and column), access links with short codes, and school staff sign-ins."""

import io
import secrets
import zipfile

from django.db import transaction
from openpyxl import load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from outcomes.accounts.roles import Role
from outcomes.core import downloads
from outcomes.core.imports import ImportFailed, Problem
from outcomes.core.models import record_change
from outcomes.surveys.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    PHASES,
    AccessLink,
    Area,
    Edition,
    School,
    SchoolParticipation,
    SchoolRoll,
)

AREA_COLUMNS = ["name", "aliases"]
SCHOOL_COLUMNS = ["code", "name", "phase", "area", "dfe_number", "aliases", "active", "is_group"]
ROLL_COLUMNS = ["school", "year", "year_group", "pupils"]
REQUIRED = {"areas": ["name"], "schools": ["code", "name", "phase"], "rolls": ROLL_COLUMNS}
SHEETS = {"areas": AREA_COLUMNS, "schools": SCHOOL_COLUMNS, "rolls": ROLL_COLUMNS}
SEPARATOR = ";"
PHASE_NAMES = {p for p, _ in PHASES}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _whole(value) -> int | None:
    text = _text(value)
    return int(text) if text.isdigit() else None


def _read(ws, sheet: str, problems: list[Problem]) -> list[tuple[int, dict, dict]]:
    """(row number, values by column, column letters) for each non-blank row."""
    rows = ws.iter_rows(values_only=True)
    header = [_text(h).lower().replace(" ", "_") for h in (next(rows, None) or ())]
    columns: dict[str, int] = {}
    for index, key in enumerate(header):
        if not key:
            continue
        if key not in SHEETS[sheet]:
            problems.append(
                Problem(
                    f"sheet '{sheet}', row 1, column {get_column_letter(index + 1)}",
                    f"'{key}' is not a column of this sheet (expected {', '.join(SHEETS[sheet])})",
                )
            )
        columns.setdefault(key, index)
    for key in REQUIRED[sheet]:
        if key not in columns:
            problems.append(Problem(f"sheet '{sheet}', row 1", f"the column '{key}' is missing"))
    letters = {key: get_column_letter(index + 1) for key, index in columns.items()}
    out = []
    for number, values in enumerate(rows, start=2):
        if not any(_text(v) for v in values):
            continue
        out.append((number, {k: values[i] if i < len(values) else None for k, i in columns.items()}, letters))
    return out


def import_schools(data: bytes, source: str, *, user) -> dict[str, int]:
    """Add or update areas, schools (by code) and rolls from a workbook, all or nothing.
    Returns how many of each were written."""
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportFailed(source, [Problem("", "this is not an Excel workbook (.xlsx)")]) from None
    sheets = {ws.title.strip().lower(): ws for ws in wb.worksheets}
    if not {"schools", "rolls"} & set(sheets):
        raise ImportFailed(source, [Problem("", "the workbook needs a sheet called 'schools' or 'rolls'")])
    problems: list[Problem] = []
    rows = {name: _read(sheets[name], name, problems) if name in sheets else [] for name in SHEETS}
    wb.close()
    if problems:
        raise ImportFailed(source, problems)

    def at(sheet, number, letters, column):
        return f"sheet '{sheet}', row {number}, column {letters.get(column, '?')} ({column})"

    areas: dict[str, dict] = {}
    for number, row, letters in rows["areas"]:
        name = _text(row.get("name"))
        if not name:
            problems.append(Problem(at("areas", number, letters, "name"), "the area's name is missing"))
            continue
        if name.lower() in areas:
            problems.append(Problem(at("areas", number, letters, "name"), f"'{name}' is listed twice"))
        areas[name.lower()] = {"name": name, "aliases": _list(row.get("aliases"))}
    known_areas = {a.name.lower(): a.name for a in Area.objects.all()}
    for area in Area.objects.all():
        known_areas.update({alias.lower(): area.name for alias in area.aliases})
    for area in areas.values():
        known_areas[area["name"].lower()] = area["name"]
        known_areas.update({alias.lower(): area["name"] for alias in area["aliases"]})

    schools: dict[str, dict] = {}
    for number, row, letters in rows["schools"]:
        code = _text(row.get("code")).lower()
        name = _text(row.get("name"))
        phase = _text(row.get("phase")).lower()
        area_text = _text(row.get("area"))
        if not code or not all(c.isalnum() or c == "-" for c in code):
            problems.append(
                Problem(
                    at("schools", number, letters, "code"), f"'{code}' should be letters, digits and hyphens"
                )
            )
        elif code in schools:
            problems.append(
                Problem(at("schools", number, letters, "code"), f"the code '{code}' is listed twice")
            )
        if not name:
            problems.append(Problem(at("schools", number, letters, "name"), "the school's name is missing"))
        if phase not in PHASE_NAMES:
            problems.append(
                Problem(at("schools", number, letters, "phase"), f"'{phase}' should be primary or secondary")
            )
        if area_text and area_text.lower() not in known_areas:
            problems.append(
                Problem(
                    at("schools", number, letters, "area"),
                    f"'{area_text}' is not a known area (add it on the 'areas' sheet, or use one of: "
                    f"{', '.join(sorted(set(known_areas.values())))})",
                )
            )
        flags = {}
        for column in ("active", "is_group"):
            value = _text(row.get(column)).lower()
            if value not in {"", "yes", "no", "true", "false", "1", "0", "y", "n"}:
                problems.append(
                    Problem(at("schools", number, letters, column), f"'{value}' should be yes or no")
                )
            flags[column] = value in {"yes", "true", "1", "y"} if value else column == "active"
        schools[code] = {
            "name": name,
            "phase": phase,
            "area": known_areas.get(area_text.lower()) if area_text else None,
            "dfe_number": _text(row.get("dfe_number")),
            "aliases": _list(row.get("aliases")),
            **flags,
            "_where": at("schools", number, letters, "name"),
        }
    by_name = {s["name"].lower(): code for code, s in schools.items()}
    for existing in School.objects.exclude(code__in=list(schools)):
        if existing.name.lower() in by_name:
            code = by_name[existing.name.lower()]
            problems.append(
                Problem(
                    schools[code]["_where"],
                    f"'{existing.name}' already exists with the code '{existing.code}'",
                )
            )

    known_codes = set(School.objects.values_list("code", flat=True)) | set(schools)
    rolls: dict[tuple[str, int, int], int] = {}
    for number, row, letters in rows["rolls"]:
        code = _text(row.get("school")).lower()
        year, group, pupils = (_whole(row.get(c)) for c in ("year", "year_group", "pupils"))
        if code not in known_codes:
            problems.append(
                Problem(at("rolls", number, letters, "school"), f"there is no school with the code '{code}'")
            )
        if year is None or not 2000 <= year <= 2100:
            problems.append(
                Problem(
                    at("rolls", number, letters, "year"), "give the academic year it starts in, such as 2009"
                )
            )
        if group is None or not 1 <= group <= 14:
            problems.append(
                Problem(at("rolls", number, letters, "year_group"), "give the year group, such as 5")
            )
        if pupils is None:
            problems.append(
                Problem(at("rolls", number, letters, "pupils"), "give the number on roll as a whole number")
            )
        key = (code, year, group)
        if key in rolls:
            problems.append(
                Problem(
                    at("rolls", number, letters, "pupils"),
                    "this school's roll for that year group is listed twice",
                )
            )
        rolls[key] = pupils
    if problems:
        raise ImportFailed(source, problems)

    with transaction.atomic():
        area_objects = {}
        for area in areas.values():
            obj, _ = Area.objects.update_or_create(name=area["name"], defaults={"aliases": area["aliases"]})
            area_objects[obj.name] = obj
        for code, values in schools.items():
            values.pop("_where")
            area_name = values.pop("area")
            values["area"] = area_objects.get(area_name) or (
                Area.objects.get(name=area_name) if area_name else None
            )
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
        counts = {"areas": len(areas), "schools": len(schools), "rolls": len(rolls)}
    return counts


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


def _list(value) -> list[str]:
    return [part.strip() for part in _text(value).split(SEPARATOR) if part.strip()]


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


def new_code() -> str:
    """A short code nobody has: 7 characters from an alphabet without look-alikes (25^7 = 6e9)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not AccessLink.objects.filter(code=code).exists():
            return code


def ensure_links(edition: Edition, *, user=None) -> list[AccessLink]:
    """Give every active school of the edition's phase a link and a participation record; returns
    the links made now."""
    made = []
    with transaction.atomic():
        have = set(edition.links.values_list("school_id", flat=True))
        for school in School.objects.filter(phase=edition.phase, active=True, is_group=False).exclude(
            pk__in=have
        ):
            link = AccessLink.objects.create(
                edition=edition, school=school, token=secrets.token_urlsafe(32), code=new_code()
            )
            made.append(link)
        for school in School.objects.filter(phase=edition.phase, active=True):
            SchoolParticipation.objects.get_or_create(edition=edition, school=school)
        if made:
            record_change(
                user=user,
                obj=edition,
                action="links_created",
                summary=f"Created links and codes for {len(made)} schools in {edition.title}",
                after={"schools": [link.school.code for link in made]},
            )
    return made


def set_link_active(link: AccessLink, active: bool, *, user) -> None:
    if link.active == active:
        return
    link.active = active
    link.save(update_fields=["active"])
    record_change(
        user=user,
        obj=link,
        action="link_active" if active else "link_withdrawn",
        summary=f"{'Reopened' if active else 'Withdrew'} the link of {link.school} for {link.edition.title}",
        before={"active": not active},
        after={"active": active},
    )


def replace_link(link: AccessLink, *, user) -> AccessLink:
    """A new token and code for a school whose link has been passed on (the old ones stop working)."""
    before = {"code": link.code}
    link.token = secrets.token_urlsafe(32)
    link.code = new_code()
    link.save(update_fields=["token", "code"])
    record_change(
        user=user,
        obj=link,
        action="link_replaced",
        summary=f"Replaced the link and code of {link.school} for {link.edition.title}",
        before=before,
        after={"code": link.code},
    )
    return link


def school_accounts():
    """Sign-ins with the school role, which may be linked to a school."""
    from outcomes.accounts.models import User

    return User.objects.filter(role=Role.SCHOOL, is_active=True).order_by("username")


def link_staff(school: School, account, *, user) -> None:
    if account.role != Role.SCHOOL:
        raise ValueError("only an account with the school role can be linked to a school")
    if school.staff.filter(pk=account.pk).exists():
        return
    school.staff.add(account)
    record_change(
        user=user,
        obj=school,
        action="staff_linked",
        summary=f"{account.username} can now see {school}'s survey results",
        after={"account": account.username},
    )


def unlink_staff(school: School, account, *, user) -> None:
    if not school.staff.filter(pk=account.pk).exists():
        return
    school.staff.remove(account)
    record_change(
        user=user,
        obj=school,
        action="staff_unlinked",
        summary=f"{account.username} can no longer see {school}'s survey results",
        before={"account": account.username},
    )
