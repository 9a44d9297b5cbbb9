"""Reading an edition workbook (docs/decisions/0021-survey-workbook.md) through the shared import
pipeline: the settings, choices and survey sheets, each value checked against the field it is
saved to, every problem located by sheet, row and column. Nothing is saved here."""

import re
from dataclasses import dataclass, field

from outcomes.core.imports import Column, ImportFailed, Problem, Row, Sheet, cells, open_workbook
from outcomes.surveys.models import (
    Choice,
    Edition,
    Question,
    Survey,
    borough_suppression_threshold,
    suppression_threshold_problem,
)
from outcomes.surveys.questionnaire import MAX_CHOICES, ChoiceSpec, Questionnaire, SectionSpec
from outcomes.surveys.workbook.names import NAME, name_problem, yes_or_blank
from outcomes.surveys.workbook.survey_sheet import read_survey

SETTINGS_COLUMNS = [
    "title",
    "slug",
    "year",
    "phase",
    "year_groups",
    "opens",
    "closes",
    "confidentiality",
    "survey",
    "welcome",
    "end_text",
    "state",
    "suppression_threshold",
]
SURVEY_COLUMNS = [
    "type",
    "name",
    "label",
    "hint",
    "info",
    "info_title",
    "required",
    "relevant",
    "key",
    "appearance",
    "breakdown",
    "indicator",
    "indicator_choices",
    "tags",
]
CHOICES_COLUMNS = ["list_name", "name", "label", "group", "exclusive"]
REQUIRED_COLUMNS = {
    "settings": ["title", "slug", "year", "phase", "year_groups", "opens", "closes", "confidentiality"],
    "survey": ["type", "name", "label"],
    "choices": ["list_name", "name", "label"],
}
SHEETS = {"settings": SETTINGS_COLUMNS, "survey": SURVEY_COLUMNS, "choices": CHOICES_COLUMNS}
DEFAULT_SURVEY = "Lifestyle Survey"
RESERVED_SLUGS = {"upload", "schools", "template", "manage", "results"}  # path segments of survey pages
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class EditionDraft:
    """What a workbook says, checked and ready to save."""

    settings: dict
    sections: list[SectionSpec]
    survey_name: str = DEFAULT_SURVEY
    lists: dict[str, list[ChoiceSpec]] = field(default_factory=dict)
    slug_where: str = "sheet 'settings', row 2"

    @property
    def questionnaire(self) -> Questionnaire:
        return Questionnaire(self.sections)


def read_workbook(data: bytes, source: str = "workbook.xlsx") -> EditionDraft:
    """Read and check a whole workbook; raises ImportFailed listing every problem found."""
    table = open_workbook(data, source)
    missing = [name for name in SHEETS if not table.has(name)]
    if missing:
        raise ImportFailed(
            source, [Problem("", f"the workbook has no sheet called '{name}'") for name in missing]
        )
    sheets = {
        name: table.sheet(
            name, [Column(key, key, required=key in REQUIRED_COLUMNS[name]) for key in columns], strict=True
        )
        for name, columns in SHEETS.items()
    }
    table.raise_problems()  # without the right columns every row would be wrong too
    settings, survey_name = _read_settings(sheets["settings"])
    lists = _read_choices(sheets["choices"])
    sections = read_survey(sheets["survey"], lists)
    table.raise_problems()
    return EditionDraft(
        settings=settings,
        sections=sections,
        survey_name=survey_name,
        lists=lists,
        slug_where=sheets["settings"].rows[0].where("slug"),
    )


def _read_settings(sheet: Sheet) -> tuple[dict, str]:
    if len(sheet.rows) != 1:
        sheet.fail(f"there must be exactly one row of settings (found {len(sheet.rows)})")
        if not sheet.rows:
            return {}, DEFAULT_SURVEY
    row = sheet.rows[0]
    settings: dict = {}
    for column in ("title", "confidentiality"):
        settings[column] = row.text(column, Edition)
        if not settings[column] and cells.is_blank(row.get(column)):
            row.fail(column, f"the {column} is missing")
    settings["slug"] = _slug(row)
    settings["year"] = _whole(row, "year", 2000, 2100, "is not a year such as 2009")
    phase = row.text("phase", Edition, multiline=False).lower()
    if phase not in {"primary", "secondary"}:
        row.fail("phase", f"'{cells.short(phase)}' should be primary or secondary")
    settings["phase"] = phase
    settings["year_groups"] = _year_groups(row)
    settings["opens"] = _day(row, "opens")
    settings["closes"] = _day(row, "closes")
    if settings["opens"] and settings["closes"] and settings["closes"] < settings["opens"]:
        row.fail("closes", "the survey must close on or after it opens")
    for column in ("welcome", "end_text"):
        settings[column] = row.text(column, Edition)
    state = row.text("state", Edition, multiline=False).lower() or Edition.DRAFT
    if state not in {s for s, _ in Edition.STATES}:
        row.fail("state", f"'{cells.short(state)}' should be draft, live or closed")
    settings["state"] = state
    settings["suppression_threshold"] = _threshold(row)
    return settings, row.text("survey", Survey, "name", multiline=False) or DEFAULT_SURVEY


def _slug(row: Row) -> str:
    slug = row.text("slug", Edition, multiline=False).lower()
    if not SLUG.match(slug):
        row.fail("slug", f"'{cells.short(slug)}' must be lower-case letters, digits and hyphens")
    elif slug in RESERVED_SLUGS:
        row.fail("slug", f"'{slug}' is used by the survey pages: choose another")
    return slug


def _whole(row: Row, key: str, lowest: int, highest: int, problem: str) -> int | None:
    try:
        number = cells.integer(row.get(key), minimum=lowest, maximum=highest)
    except cells.BadValue:
        number = None
    if number is None:
        row.fail(key, f"'{cells.short(cells.plain(row.get(key)))}' {problem}")
    return number


def _year_groups(row: Row) -> str:
    groups = [g.strip() for g in row.text("year_groups", Edition, multiline=False).split(",") if g.strip()]
    if not groups or not all(g.isdigit() and len(g) < 3 and 1 <= int(g) <= 14 for g in groups):
        row.fail("year_groups", "list the year groups as numbers, such as 5 or 7,10")
        return ""
    return ",".join(str(int(g)) for g in groups)


def _day(row: Row, key: str):
    found = row.read(key, cells.day)
    if found is None and cells.is_blank(row.get(key)):
        row.fail(key, "a date is needed")
    return found


def _threshold(row: Row) -> int | None:
    """The edition's own small-number threshold; blank for the borough's."""
    raw = row.get("suppression_threshold")
    if cells.is_blank(raw):
        return None
    try:
        value = cells.integer(raw, minimum=0, maximum=32_767)
    except cells.BadValue:
        row.fail(
            "suppression_threshold",
            f"'{cells.short(cells.plain(raw))}' should be a whole number of pupils, or left blank to use the "
            f"borough's threshold ({borough_suppression_threshold()})",
        )
        return None
    problem = suppression_threshold_problem(value)
    if problem:
        row.fail("suppression_threshold", problem[0].lower() + problem[1:])
        return None
    return value


def _read_choices(sheet: Sheet) -> dict[str, list[ChoiceSpec]]:
    lists: dict[str, list[ChoiceSpec]] = {}
    for row in sheet.rows:
        list_name = row.text("list_name", Question, multiline=False).lower()
        name = row.text("name", Choice, multiline=False).lower()
        label = row.text("label", Choice)
        if not NAME.match(list_name):
            row.fail("list_name", name_problem(list_name, "list name"))
            continue
        if not NAME.match(name):
            row.fail("name", name_problem(name, "choice name"))
        if not label and cells.is_blank(row.get("label")):
            row.fail("label", "the label is missing")
        choices = lists.setdefault(list_name, [])
        if any(c.name == name for c in choices):
            row.fail("name", f"'{name}' appears twice in the list '{list_name}'")
        elif len(choices) == MAX_CHOICES:
            row.fail(None, f"the list '{list_name}' has more than {MAX_CHOICES} choices")
        choices.append(
            ChoiceSpec(
                name=name,
                label=label,
                group=row.text("group", Choice, multiline=False),
                exclusive=yes_or_blank(row, "exclusive"),
            )
        )
    return lists
