"""An edition as an Excel workbook in an XLSForm-like layout (docs/decisions/0021-survey-workbook.md): reading
it with every problem located by sheet, row and column, saving it all or nothing, writing it back
out in the same layout, and copying last year's edition to start the next.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils.text import slugify
from openpyxl import load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from outcomes.core import downloads
from outcomes.core.imports import ImportFailed, Problem
from outcomes.core.models import record_change
from outcomes.surveys import conditions
from outcomes.surveys.models import (
    Choice,
    Edition,
    GridRow,
    Question,
    Section,
    Survey,
    WindowExtension,
    borough_suppression_threshold,
    suppression_threshold_problem,
)
from outcomes.surveys.questionnaire import (
    MAX_CHOICES,
    YES_NO_DK_CHOICES,
    ChoiceSpec,
    ItemSpec,
    Questionnaire,
    RowSpec,
    SectionSpec,
    build,
)

__all__ = ["ImportFailed", "Problem", "copy_edition", "export_workbook", "import_workbook", "read_workbook"]

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
DEFAULT_SURVEY = "Lifestyle Survey"
RESERVED_SLUGS = {"upload", "schools", "template", "manage", "results"}  # path segments of survey pages
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LISTED_TYPES = {"select_one", "select_multiple", "grid"}
BREAKDOWN_TYPES = {"select_one", "yes_no_dk"}
YES = {"yes", "y", "true", "1"}
NO = {"", "no", "n", "false", "0"}


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


class _Sheet:
    """A worksheet's rows as dicts keyed by lower-case heading, with where each cell is."""

    def __init__(self, ws, name: str, known: list[str], problems: list[Problem]):
        self.name = name
        self.rows: list[tuple[int, dict]] = []
        self.columns: dict[str, int] = {}
        rows = ws.iter_rows(values_only=True)
        header = next(rows, None) or ()
        for index, heading in enumerate(header, start=1):
            key = _text(heading).lower().replace(" ", "_")
            if not key:
                continue
            if key not in known:
                problems.append(
                    Problem(
                        f"sheet '{name}', row 1, column {get_column_letter(index)}",
                        f"'{_text(heading)}' is not a column of this sheet (expected {', '.join(known)})",
                    )
                )
            elif key in self.columns:
                problems.append(
                    Problem(
                        f"sheet '{name}', row 1, column {get_column_letter(index)}", f"'{key}' appears twice"
                    )
                )
            else:
                self.columns[key] = index
        for column in REQUIRED_COLUMNS[name]:
            if column not in self.columns:
                problems.append(Problem(f"sheet '{name}', row 1", f"the column '{column}' is missing"))
        for number, values in enumerate(rows, start=2):
            if not any(_text(v) for v in values):
                continue
            row = {
                key: values[index - 1] if index - 1 < len(values) else None
                for key, index in self.columns.items()
            }
            self.rows.append((number, row))

    def where(self, row: int, column: str | None = None) -> str:
        text = f"sheet '{self.name}', row {row}"
        if column is not None:
            index = self.columns.get(column)
            text += f", column {get_column_letter(index)} ({column})" if index else f", column '{column}'"
        return text


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    return str(value).strip()


def _flag(value, problems: list[Problem], where: str) -> bool:
    text = _text(value).lower()
    if text in YES:
        return True
    if text not in NO:
        problems.append(Problem(where, f"'{_text(value)}' should be yes or left blank"))
    return False


def _day(value, problems: list[Problem], where: str) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        problems.append(Problem(where, "a date is needed"))
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    problems.append(Problem(where, f"'{text}' is not a date (write it as 2009-10-19 or 19/10/2009)"))
    return None


def _open_workbook(data: bytes, source: str):
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportFailed(source, [Problem("", "this is not an Excel workbook (.xlsx)")]) from None


def read_workbook(data: bytes, source: str = "workbook.xlsx") -> EditionDraft:
    """Read and check a whole workbook; raises ImportFailed listing every problem found."""
    wb = _open_workbook(data, source)
    problems: list[Problem] = []
    sheets = {ws.title.strip().lower(): ws for ws in wb.worksheets}
    missing = [name for name in ("settings", "survey", "choices") if name not in sheets]
    if missing:
        raise ImportFailed(
            source,
            [Problem("", f"the workbook has no sheet called '{name}'") for name in missing],
        )
    settings_sheet = _Sheet(sheets["settings"], "settings", SETTINGS_COLUMNS, problems)
    survey_sheet = _Sheet(sheets["survey"], "survey", SURVEY_COLUMNS, problems)
    choices_sheet = _Sheet(sheets["choices"], "choices", CHOICES_COLUMNS, problems)
    wb.close()
    if problems:  # without the right columns every row would be wrong too
        raise ImportFailed(source, problems)
    settings, survey_name = _read_settings(settings_sheet, problems)
    lists = _read_choices(choices_sheet, problems)
    sections = _read_survey(survey_sheet, lists, problems)
    if problems:
        raise ImportFailed(source, problems)
    return EditionDraft(
        settings=settings,
        sections=sections,
        survey_name=survey_name,
        lists=lists,
        slug_where=settings_sheet.where(settings_sheet.rows[0][0], "slug"),
    )


def _read_settings(sheet: _Sheet, problems: list[Problem]) -> tuple[dict, str]:
    if len(sheet.rows) != 1:
        problems.append(
            Problem(
                f"sheet '{sheet.name}'",
                f"there must be exactly one row of settings (found {len(sheet.rows)})",
            )
        )
        if not sheet.rows:
            return {}, DEFAULT_SURVEY
    number, row = sheet.rows[0]
    settings: dict = {}
    for column in ("title", "confidentiality"):
        settings[column] = _text(row.get(column))
        if not settings[column]:
            problems.append(Problem(sheet.where(number, column), f"the {column} is missing"))
    slug = _text(row.get("slug")).lower()
    if not SLUG.match(slug):
        problems.append(
            Problem(sheet.where(number, "slug"), f"'{slug}' must be lower-case letters, digits and hyphens")
        )
    elif slug in RESERVED_SLUGS:
        problems.append(
            Problem(sheet.where(number, "slug"), f"'{slug}' is used by the survey pages: choose another")
        )
    settings["slug"] = slug
    year = _text(row.get("year"))
    if not year.isdigit() or not 2000 <= int(year) <= 2100:
        problems.append(Problem(sheet.where(number, "year"), f"'{year}' is not a year such as 2009"))
    settings["year"] = int(year) if year.isdigit() else None
    phase = _text(row.get("phase")).lower()
    if phase not in {"primary", "secondary"}:
        problems.append(Problem(sheet.where(number, "phase"), f"'{phase}' should be primary or secondary"))
    settings["phase"] = phase
    groups = [g.strip() for g in _text(row.get("year_groups")).split(",") if g.strip()]
    if not groups or not all(g.isdigit() and 1 <= int(g) <= 14 for g in groups):
        problems.append(
            Problem(sheet.where(number, "year_groups"), "list the year groups as numbers, such as 5 or 7,10")
        )
    settings["year_groups"] = ",".join(str(int(g)) for g in groups if g.isdigit())
    settings["opens"] = _day(row.get("opens"), problems, sheet.where(number, "opens"))
    settings["closes"] = _day(row.get("closes"), problems, sheet.where(number, "closes"))
    if settings["opens"] and settings["closes"] and settings["closes"] < settings["opens"]:
        problems.append(Problem(sheet.where(number, "closes"), "the survey must close on or after it opens"))
    for column in ("welcome", "end_text"):
        settings[column] = _text(row.get(column))
    state = _text(row.get("state")).lower() or Edition.DRAFT
    if state not in {s for s, _ in Edition.STATES}:
        problems.append(Problem(sheet.where(number, "state"), f"'{state}' should be draft, live or closed"))
    settings["state"] = state
    settings["suppression_threshold"] = _threshold(
        row.get("suppression_threshold"), problems, sheet.where(number, "suppression_threshold")
    )
    return settings, _text(row.get("survey")) or DEFAULT_SURVEY


def _threshold(value, problems: list[Problem], where: str) -> int | None:
    """The edition's own small-number threshold; blank for the borough's."""
    text = _text(value)
    if not text:
        return None
    if not text.isdigit():
        problems.append(
            Problem(
                where,
                f"'{text}' should be a whole number of pupils, or left blank to use the borough's "
                f"threshold ({borough_suppression_threshold()})",
            )
        )
        return None
    problem = suppression_threshold_problem(int(text))
    if problem:
        problems.append(Problem(where, problem[0].lower() + problem[1:]))
        return None
    return int(text)


def _read_choices(sheet: _Sheet, problems: list[Problem]) -> dict[str, list[ChoiceSpec]]:
    lists: dict[str, list[ChoiceSpec]] = {}
    for number, row in sheet.rows:
        list_name = _text(row.get("list_name")).lower()
        name = _text(row.get("name")).lower()
        label = _text(row.get("label"))
        if not NAME.match(list_name):
            problems.append(Problem(sheet.where(number, "list_name"), _name_problem(list_name, "list name")))
            continue
        if not NAME.match(name):
            problems.append(Problem(sheet.where(number, "name"), _name_problem(name, "choice name")))
        if not label:
            problems.append(Problem(sheet.where(number, "label"), "the label is missing"))
        choices = lists.setdefault(list_name, [])
        if any(c.name == name for c in choices):
            problems.append(
                Problem(sheet.where(number, "name"), f"'{name}' appears twice in the list '{list_name}'")
            )
        elif len(choices) == MAX_CHOICES:
            problems.append(
                Problem(sheet.where(number), f"the list '{list_name}' has more than {MAX_CHOICES} choices")
            )
        choices.append(
            ChoiceSpec(
                name=name,
                label=label,
                group=_text(row.get("group")),
                exclusive=_flag(row.get("exclusive"), problems, sheet.where(number, "exclusive")),
            )
        )
    return lists


def _name_problem(name: str, what: str) -> str:
    if not name:
        return f"the {what} is missing"
    return f"'{name}' is not a valid {what}: start with a letter, then letters, digits or _"


_TYPE_ALIASES = {
    "begin group": "begin section",
    "begin_group": "begin section",
    "begin_section": "begin section",
    "end group": "end section",
    "end_group": "end section",
    "end_section": "end section",
}


def _read_survey(
    sheet: _Sheet, lists: dict[str, list[ChoiceSpec]], problems: list[Problem]
) -> list[SectionSpec]:
    sections: list[SectionSpec] = []
    current: SectionSpec | None = None
    earlier: dict[str, ItemSpec] = {}
    grid: tuple[ItemSpec, int] | None = None  # the grid whose rows may follow, and its row number
    breakdowns: dict[str, int] = {}
    keys: dict[str, int] = {}
    section_names: set[str] = set()
    number_seq = 0

    def fail(row: int, column: str | None, message: str) -> None:
        problems.append(Problem(sheet.where(row, column), message))

    def condition(row: int, text: str, describe: str, *, exclude: str | None = None):
        try:
            expr = conditions.parse(text)
        except conditions.ConditionError as exc:
            fail(row, "relevant", f"the condition cannot be read: {exc}")
            return None
        known = {n: i for n, i in earlier.items() if n != exclude}
        for message in conditions.check(expr, known, describe=describe):
            fail(row, "relevant", message)
        return expr

    for number, row in sheet.rows:
        raw_type = re.sub(r"\s+", " ", _text(row.get("type")).lower())
        raw_type = _TYPE_ALIASES.get(raw_type, raw_type)
        kind, _, list_name = (
            raw_type.partition(" ") if not raw_type.endswith("section") else (raw_type, "", "")
        )
        list_name = list_name.strip()
        name = _text(row.get("name")).lower()
        label = _text(row.get("label"))
        relevant = _text(row.get("relevant"))

        if kind != "row":
            grid = _close_grid(grid, fail)

        if kind == "begin section":
            if current is not None:
                fail(number, "type", f"section '{current.name}' is not ended before this one begins")
            name = name or f"section_{len(sections) + 1}"
            if not NAME.match(name):
                fail(number, "name", _name_problem(name, "section name"))
            elif name in section_names:
                fail(number, "name", f"the section name '{name}' is used twice")
            section_names.add(name)
            if not label:
                fail(number, "label", "a section needs a heading in the label column")
            current = SectionSpec(
                name=name,
                heading=label,
                intro=_text(row.get("hint")),
                info=_text(row.get("info")),
                info_title=_text(row.get("info_title")),
                relevant=relevant,
                condition=condition(number, relevant, "the section's condition"),
            )
            if current.condition is None:
                current.relevant = ""
            sections.append(current)
            continue
        if kind == "end section":
            if current is None:
                fail(number, "type", "'end section' without a 'begin section' before it")
            current = None
            continue
        if kind == "row":
            if grid is None:
                fail(number, "type", "a row must follow a grid question or another row")
                continue
            grid_item = grid[0]
            if not NAME.match(name):
                fail(number, "name", _name_problem(name, "row name"))
            elif name in grid_item.row_names:
                fail(number, "name", f"the row '{name}' appears twice in the grid '{grid_item.name}'")
            if not label:
                fail(number, "label", "the row's label is missing")
            expr = condition(number, relevant, f"the condition of row '{name}'", exclude=grid_item.name)
            grid_item.rows.append(
                RowSpec(name=name, label=label, relevant=relevant if expr else "", condition=expr)
            )
            continue

        valid_types = {t for t, _ in Question.TYPES}
        if kind not in valid_types:
            fail(
                number,
                "type",
                f"'{raw_type}' is not a type: use begin section, end section, select_one LIST, yes_no_dk, "
                "select_multiple LIST, grid LIST, row, text, note or school",
            )
            continue
        if current is None:
            fail(number, "type", "every question must be inside a section (begin section ... end section)")
            continue
        if not NAME.match(name):
            fail(number, "name", _name_problem(name, "question name"))
        elif name in earlier or name in section_names:
            fail(number, "name", f"the name '{name}' is used twice")
        if not label and kind != "school":
            fail(number, "label", "the label is missing")

        choices: list[ChoiceSpec] = []
        if kind in LISTED_TYPES:
            if not list_name:
                fail(number, "type", f"{kind} needs the name of its list of choices, as in '{kind} yes_no'")
            elif list_name not in lists:
                fail(number, "type", f"there is no list called '{list_name}' on the choices sheet")
            else:
                choices = [ChoiceSpec(c.name, c.label, c.group, c.exclusive) for c in lists[list_name]]
        elif list_name:
            fail(number, "type", f"{kind} takes no list of choices")
        if kind == "yes_no_dk":
            choices = [ChoiceSpec(n, lab) for n, lab in YES_NO_DK_CHOICES]
        if kind != "select_multiple" and any(c.exclusive for c in choices):
            fail(
                number,
                "type",
                f"the list '{list_name}' has an exclusive choice, which only tick-as-many uses",
            )

        required = _flag(row.get("required"), problems, sheet.where(number, "required"))
        if required and kind in {"note", "school"}:
            fail(number, "required", f"a {kind} takes no answer, so it cannot be required")
        appearance = _text(row.get("appearance")).lower()
        if appearance and not (appearance == "list" and kind == "select_one"):
            fail(number, "appearance", "the only appearance is 'list' (a drop-down), for select_one")
        breakdown = _text(row.get("breakdown")).lower()
        if breakdown:
            if breakdown not in {"gender", "ethnicity"}:
                fail(number, "breakdown", f"'{breakdown}' should be gender or ethnicity")
            elif kind not in BREAKDOWN_TYPES:
                fail(number, "breakdown", "only a single-choice question can be used for a breakdown")
            elif breakdown in breakdowns:
                fail(number, "breakdown", f"row {breakdowns[breakdown]} is already the {breakdown} question")
            breakdowns.setdefault(breakdown, number)
        key = _text(row.get("key")).lower() or name
        if not NAME.match(key):
            fail(number, "key", _name_problem(key, "key"))
        elif key in keys:
            fail(number, "key", f"row {keys[key]} already has the key '{key}'")
        keys.setdefault(key, number)
        indicator_choices = [
            c.strip().lower() for c in _text(row.get("indicator_choices")).split(",") if c.strip()
        ]
        for choice in indicator_choices:
            if choice not in [c.name for c in choices]:
                fail(number, "indicator_choices", f"'{choice}' is not a choice of this question")
        if indicator_choices and not _text(row.get("indicator")):
            fail(number, "indicator", "name the indicator that these choices feed, such as NI 69")

        answered = kind in Question.ANSWERED_TYPES
        if answered:
            number_seq += 1
        expr = condition(number, relevant, "the condition")
        item = ItemSpec(
            name=name,
            type=kind,
            label=label or ("Your school" if kind == "school" else ""),
            key=key,
            number=number_seq if answered else None,
            hint=_text(row.get("hint")),
            info=_text(row.get("info")),
            info_title=_text(row.get("info_title")),
            required=required,
            relevant=relevant if expr else "",
            condition=expr,
            appearance=appearance,
            breakdown=breakdown,
            list_name=list_name if kind in LISTED_TYPES else "",
            indicator=_text(row.get("indicator")),
            indicator_choices=",".join(indicator_choices),
            tags=",".join(t.strip() for t in _text(row.get("tags")).split(",") if t.strip()),
            choices=choices,
            section=current.name,
        )
        current.items.append(item)
        earlier[name] = item
        if kind == "grid":
            grid = (item, number)
    _close_grid(grid, fail)
    if current is not None:
        fail(sheet.rows[-1][0], "type", f"section '{current.name}' is not ended (add an 'end section' row)")
    if not sections:
        problems.append(Problem(f"sheet '{sheet.name}'", "the questionnaire has no sections"))
    return sections


def _close_grid(grid: tuple[ItemSpec, int] | None, fail) -> None:
    if grid is not None and not grid[0].rows:
        fail(grid[1], "type", f"the grid '{grid[0].name}' has no rows: list them below it as 'row' items")
    return None


def import_workbook(data: bytes, source: str, *, user) -> Edition:
    """Create the edition the workbook describes, or replace the questions of the edition with its
    slug (refused once pupils have answered it). Nothing is saved unless everything is valid."""
    draft = read_workbook(data, source)
    with transaction.atomic():
        edition = Edition.objects.select_for_update().filter(slug=draft.settings["slug"]).first()
        if edition is not None and edition.responses.exists():
            raise ImportFailed(
                source,
                [
                    Problem(
                        draft.slug_where,
                        f"the edition '{edition.slug}' already has responses, so its questions cannot be "
                        "replaced: copy it to start a new edition, or give this workbook another slug",
                    )
                ],
            )
        survey, _ = Survey.objects.get_or_create(
            name=draft.survey_name, defaults={"slug": _unique_survey_slug(draft.survey_name)}
        )
        other = Edition.objects.filter(
            survey=survey, year=draft.settings["year"], phase=draft.settings["phase"]
        )
        if edition is not None:
            other = other.exclude(pk=edition.pk)
        if other.exists():
            raise ImportFailed(
                source,
                [
                    Problem(
                        draft.slug_where,
                        f"{survey.name} already has a {draft.settings['phase']} edition for "
                        f"{draft.settings['year']} ('{other.first().slug}')",
                    )
                ],
            )
        before = _settings_of(edition) if edition else None
        if edition is None:
            edition = Edition(survey=survey, **draft.settings)
        else:
            edition.survey = survey
            for attr, value in draft.settings.items():
                setattr(edition, attr, value)
            edition.revision += 1
            edition.sections.all().delete()
        edition.save()
        save_questions(edition, draft.sections)
        record_change(
            user=user,
            obj=edition,
            action="imported",
            summary=f"Imported {edition.title} from {source} ({_count(draft.sections)} questions)",
            before=before,
            after=_settings_of(edition),
        )
    return edition


def _unique_survey_slug(name: str) -> str:
    base = slugify(name)[:70] or "survey"
    slug, n = base, 1
    while Survey.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _count(sections: list[SectionSpec]) -> int:
    return sum(1 for s in sections for i in s.items if i.type in Question.ANSWERED_TYPES)


def _settings_of(edition: Edition) -> dict:
    return {
        "title": edition.title,
        "slug": edition.slug,
        "year": edition.year,
        "phase": edition.phase,
        "year_groups": edition.year_groups,
        "opens": edition.opens.isoformat() if edition.opens else None,
        "closes": edition.closes.isoformat() if edition.closes else None,
        "state": edition.state,
        "revision": edition.revision,
        "suppression_threshold": edition.suppression_threshold,
    }


def save_questions(edition: Edition, sections: list[SectionSpec]) -> None:
    """Write the sections and their items (the edition has none yet)."""
    order = 0
    choices, rows = [], []
    for section_order, spec in enumerate(sections, start=1):
        section = Section.objects.create(
            edition=edition,
            order=section_order,
            name=spec.name,
            heading=spec.heading,
            intro=spec.intro,
            info=spec.info,
            info_title=spec.info_title,
            relevant=spec.relevant,
        )
        questions = []
        for item in spec.items:
            order += 1
            questions.append(
                Question(
                    edition=edition,
                    section=section,
                    order=order,
                    number=item.number,
                    name=item.name,
                    key=item.key or item.name,
                    type=item.type,
                    list_name=item.list_name,
                    label=item.label,
                    hint=item.hint,
                    info=item.info,
                    info_title=item.info_title,
                    required=item.required,
                    relevant=item.relevant,
                    appearance=item.appearance,
                    breakdown=item.breakdown,
                    indicator=item.indicator,
                    indicator_choices=item.indicator_choices,
                    tags=item.tags,
                )
            )
        for question, item in zip(Question.objects.bulk_create(questions), spec.items, strict=True):
            choices += [
                Choice(
                    question=question,
                    order=i,
                    name=c.name,
                    label=c.label,
                    group=c.group,
                    exclusive=c.exclusive,
                )
                for i, c in enumerate(item.choices)
            ]
            rows += [
                GridRow(question=question, order=i, name=r.name, label=r.label, relevant=r.relevant)
                for i, r in enumerate(item.rows)
            ]
    Choice.objects.bulk_create(choices)
    GridRow.objects.bulk_create(rows)


def _workbook_rows(settings: dict, survey_name: str, sections: list[SectionSpec]):
    settings_row = [
        settings.get("title", ""),
        settings.get("slug", ""),
        settings.get("year", ""),
        settings.get("phase", ""),
        settings.get("year_groups", ""),
        settings.get("opens"),
        settings.get("closes"),
        settings.get("confidentiality", ""),
        survey_name,
        settings.get("welcome", ""),
        settings.get("end_text", ""),
        settings.get("state", ""),
        settings.get("suppression_threshold"),
    ]
    survey_rows, choice_rows, written_lists = [], [], set()
    for section in sections:
        survey_rows.append(
            {
                "type": "begin section",
                "name": section.name,
                "label": section.heading,
                "hint": section.intro,
                "info": section.info,
                "info_title": section.info_title,
                "relevant": section.relevant,
            }
        )
        for item in section.items:
            survey_rows.append(
                {
                    "type": f"{item.type} {item.list_name}".strip() if item.list_name else item.type,
                    "name": item.name,
                    "label": item.label,
                    "hint": item.hint,
                    "info": item.info,
                    "info_title": item.info_title,
                    "required": "yes" if item.required else "",
                    "relevant": item.relevant,
                    "key": item.key if item.key and item.key != item.name else "",
                    "appearance": item.appearance,
                    "breakdown": item.breakdown,
                    "indicator": item.indicator,
                    "indicator_choices": item.indicator_choices,
                    "tags": item.tags,
                }
            )
            for row in item.rows:
                survey_rows.append(
                    {"type": "row", "name": row.name, "label": row.label, "relevant": row.relevant}
                )
            if item.list_name and item.list_name not in written_lists:
                written_lists.add(item.list_name)
                for choice in item.choices:
                    choice_rows.append(
                        [
                            item.list_name,
                            choice.name,
                            choice.label,
                            choice.group,
                            "yes" if choice.exclusive else "",
                        ]
                    )
        survey_rows.append({"type": "end section"})
    return settings_row, survey_rows, choice_rows


def workbook_bytes(settings: dict, survey_name: str, sections: list[SectionSpec]) -> bytes:
    """The workbook for these settings and sections, in the layout read_workbook reads."""
    settings_row, survey_rows, choice_rows = _workbook_rows(settings, survey_name, sections)
    wb = downloads.new_workbook()
    ws = wb.active
    ws.title = "survey"
    _header(ws, SURVEY_COLUMNS)
    for row in survey_rows:
        downloads.append(ws, [row.get(column, "") or None for column in SURVEY_COLUMNS])
    _widths(ws, SURVEY_COLUMNS, wide={"label": 70, "hint": 40, "info": 40, "relevant": 45})
    ws = wb.create_sheet("choices")
    _header(ws, CHOICES_COLUMNS)
    for row in choice_rows:
        downloads.append(ws, [value or None for value in row])
    _widths(ws, CHOICES_COLUMNS, wide={"label": 60, "group": 25})
    ws = wb.create_sheet("settings")
    _header(ws, SETTINGS_COLUMNS)
    downloads.append(ws, [value if value not in ("",) else None for value in settings_row])
    for cell in ws[2][5:7]:
        cell.number_format = "yyyy-mm-dd"
    _widths(ws, SETTINGS_COLUMNS, wide={"title": 40, "confidentiality": 60, "welcome": 60, "end_text": 60})
    return downloads.workbook_bytes(wb)


def _header(ws, columns: list[str]) -> None:
    downloads.append(ws, columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"


def _widths(ws, columns: list[str], wide: dict[str, int]) -> None:
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = wide.get(column, max(12, len(column) + 2))
        if column in wide:
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def export_workbook(edition: Edition) -> bytes:
    """The edition in the layout it is imported from (importing the result changes nothing)."""
    settings = {
        "title": edition.title,
        "slug": edition.slug,
        "year": edition.year,
        "phase": edition.phase,
        "year_groups": edition.year_groups,
        "opens": edition.opens,
        "closes": edition.closes,
        "confidentiality": edition.confidentiality,
        "welcome": edition.welcome,
        "end_text": edition.end_text,
        "state": edition.state,
        "suppression_threshold": edition.suppression_threshold,
    }
    return workbook_bytes(settings, edition.survey.name, build(edition).sections)


def template_workbook() -> bytes:
    """A small example to start from: every type once, with a condition and a grid."""
    today = date.today()
    settings = {
        "title": f"Lifestyle Survey {today.year} (primary)",
        "slug": f"primary-{today.year}",
        "year": today.year,
        "phase": "primary",
        "year_groups": "5",
        "opens": date(today.year, 10, 1),
        "closes": date(today.year, 12, 18),
        "confidentiality": (
            "All answers will be confidential. Your teachers and parents will not see what you have put."
        ),
        "welcome": "Welcome to this year's Lifestyle Survey.",
        "end_text": "If any of the questions cause you concern please speak to your teacher.",
        "state": "draft",
    }
    yes_no = [ChoiceSpec("yes", "Yes"), ChoiceSpec("no", "No")]
    sections = [
        SectionSpec(
            "about_you",
            "About you and your school",
            items=[
                ItemSpec(
                    "q1",
                    "select_one",
                    "I am:",
                    required=True,
                    breakdown="gender",
                    list_name="gender",
                    choices=[ChoiceSpec("male", "Male"), ChoiceSpec("female", "Female")],
                ),
                ItemSpec("school", "school", "Your school"),
                ItemSpec(
                    "q2",
                    "yes_no_dk",
                    "I eat 5 portions of fruit and vegetables per day",
                    info="Fruit and vegetables ...",
                    info_title="5 a day information",
                ),
                ItemSpec(
                    "q3",
                    "grid",
                    "I eat: (one tick per row)",
                    list_name="often",
                    choices=[
                        ChoiceSpec("never", "Never"),
                        ChoiceSpec("weekly", "Once a week"),
                        ChoiceSpec("daily", "Every or most days"),
                    ],
                    rows=[RowSpec("fruit", "Fruit"), RowSpec("vegetables", "Vegetables")],
                ),
                ItemSpec(
                    "q4",
                    "select_one",
                    "Have you been bullied?",
                    list_name="yes_no",
                    choices=yes_no,
                    indicator="NI 69",
                    indicator_choices="yes",
                ),
                ItemSpec(
                    "q5",
                    "select_multiple",
                    "Who did you tell?",
                    relevant="${q4} = 'yes'",
                    list_name="told",
                    choices=[
                        ChoiceSpec("teacher", "A teacher"),
                        ChoiceSpec("family", "My family"),
                        ChoiceSpec("nobody", "Nobody", exclusive=True),
                    ],
                ),
                ItemSpec("q6", "text", "What would you like to see for young people?"),
                ItemSpec("thanks", "note", "Thank you for answering."),
            ],
        )
    ]
    return workbook_bytes(settings, DEFAULT_SURVEY, sections)


def copy_edition(
    edition: Edition, *, year: int, slug: str, title: str, opens: date, closes: date, user
) -> Edition:
    """Start next year's edition from this one: the same questions with the same keys, so that
    unchanged questions are compared year on year. The copy is a draft with no links or responses."""
    with transaction.atomic():
        copy = Edition.objects.create(
            survey=edition.survey,
            year=year,
            phase=edition.phase,
            year_groups=edition.year_groups,
            slug=slug,
            title=title,
            welcome=edition.welcome,
            confidentiality=edition.confidentiality,
            end_text=edition.end_text,
            opens=opens,
            closes=closes,
            state=Edition.DRAFT,
            copied_from=edition,
            suppression_threshold=edition.suppression_threshold,
        )
        save_questions(copy, build(edition).sections)
        record_change(
            user=user,
            obj=copy,
            action="copied",
            summary=f"Started {copy.title} as a copy of {edition.title}",
            after=_settings_of(copy),
        )
    return copy


def extend_window(edition: Edition, *, closes: date, reason: str, user) -> WindowExtension:
    """Keep the survey open longer, saying why (seed 002: "extended ... due to snow")."""
    if closes <= edition.effective_closes:
        raise ValueError("an extension must close later than the survey now closes")
    before = edition.effective_closes
    with transaction.atomic():
        extension = WindowExtension.objects.create(
            edition=edition, closes=closes, reason=reason, made_by=user
        )
        record_change(
            user=user,
            obj=edition,
            action="extended",
            summary=f"Extended {edition.title} to {closes:%-d %B %Y}: {reason}",
            before={"closes": before.isoformat()},
            after={"closes": closes.isoformat(), "reason": reason},
        )
    return extension


def set_state(edition: Edition, state: str, *, user) -> None:
    """Draft (being written), live (the links work inside the window) or closed."""
    if state not in {s for s, _ in Edition.STATES}:
        raise ValueError(f"unknown state {state!r}")
    if state == edition.state:
        return
    before = edition.state
    edition.state = state
    edition.save(update_fields=["state"])
    record_change(
        user=user,
        obj=edition,
        action="state",
        summary=f"{edition.title} is now {edition.get_state_display().lower()}",
        before={"state": before},
        after={"state": state},
    )


def set_suppression_threshold(edition: Edition, value: int | None, *, user) -> None:
    """Give the edition its own small-number threshold (None: the borough's). Raises ValueError
    with the reason when the rule refuses it (models.suppression_threshold_problem)."""
    problem = suppression_threshold_problem(value)
    if problem:
        raise ValueError(problem)
    if value == edition.suppression_threshold:
        return
    before = edition.suppression_threshold
    edition.suppression_threshold = value
    with transaction.atomic():
        edition.save(update_fields=["suppression_threshold"])
        record_change(
            user=user,
            obj=edition,
            action="suppression_threshold",
            summary=(
                f"Small-number threshold of {edition.title}: {_threshold_words(before)}, "
                f"now {_threshold_words(value)}"
            ),
            before={"suppression_threshold": before},
            after={"suppression_threshold": value},
        )


def _threshold_words(value: int | None) -> str:
    if value is None:
        return f"the borough's ({borough_suppression_threshold()} pupils)"
    return f"{value} pupils"
