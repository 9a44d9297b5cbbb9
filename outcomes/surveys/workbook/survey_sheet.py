"""The survey sheet: one row per section, question and grid row, read in order with one function
per row type; conditions may refer only to questions above them."""

import re

from outcomes.core.imports import Row, Sheet, cells
from outcomes.surveys import conditions
from outcomes.surveys.models import GridRow, Question, Section
from outcomes.surveys.questionnaire import YES_NO_DK_CHOICES, ChoiceSpec, ItemSpec, RowSpec, SectionSpec
from outcomes.surveys.workbook.names import NAME, name_problem, yes_or_blank

LISTED_TYPES = {"select_one", "select_multiple", "grid"}
BREAKDOWN_TYPES = {"select_one", "yes_no_dk"}
TYPE_ALIASES = {
    "begin group": "begin section",
    "begin_group": "begin section",
    "begin_section": "begin section",
    "end group": "end section",
    "end_group": "end section",
    "end_section": "end section",
}
TYPES_WORDS = (
    "use begin section, end section, select_one LIST, yes_no_dk, select_multiple LIST, grid LIST, row, "
    "text, note or school"
)


class _SurveyReader:
    """What the rows read so far have set up: the sections, the current one, the questions a
    condition may refer to, the grid whose rows may follow, and what must not repeat."""

    def __init__(self, lists: dict[str, list[ChoiceSpec]]):
        self.lists = lists
        self.sections: list[SectionSpec] = []
        self.current: SectionSpec | None = None
        self.earlier: dict[str, ItemSpec] = {}
        self.grid: tuple[ItemSpec, Row] | None = None
        self.breakdowns: dict[str, int] = {}
        self.keys: dict[str, int] = {}
        self.section_names: set[str] = set()
        self.number = 0

    def condition(self, row: Row, text: str, describe: str, *, exclude: str | None = None):
        try:
            expr = conditions.parse(text)
        except conditions.ConditionError as exc:
            row.fail("relevant", f"the condition cannot be read: {exc}")
            return None
        known = {n: i for n, i in self.earlier.items() if n != exclude}
        for message in conditions.check(expr, known, describe=describe):
            row.fail("relevant", message)
        return expr

    def close_grid(self) -> None:
        if self.grid is not None and not self.grid[0].rows:
            item, row = self.grid
            row.fail("type", f"the grid '{item.name}' has no rows: list them below it as 'row' items")
        self.grid = None


def read_survey(sheet: Sheet, lists: dict[str, list[ChoiceSpec]]) -> list[SectionSpec]:
    reader = _SurveyReader(lists)
    for row in sheet.rows:
        kind, list_name = _kind(row)
        if kind != "row":
            reader.close_grid()
        if kind == "begin section":
            _begin_section(reader, row)
        elif kind == "end section":
            if reader.current is None:
                row.fail("type", "'end section' without a 'begin section' before it")
            reader.current = None
        elif kind == "row":
            _grid_row(reader, row)
        else:
            _question(reader, row, kind, list_name)
    reader.close_grid()
    if reader.current is not None:
        sheet.rows[-1].fail(
            "type", f"section '{reader.current.name}' is not ended (add an 'end section' row)"
        )
    if not reader.sections:
        sheet.fail("the questionnaire has no sections")
    return reader.sections


def _kind(row: Row) -> tuple[str, str]:
    raw = re.sub(r"\s+", " ", row.text("type", multiline=False, max_length=200).lower())
    raw = TYPE_ALIASES.get(raw, raw)
    if raw.endswith("section"):
        return raw, ""
    kind, _, list_name = raw.partition(" ")
    return kind, list_name.strip()


def _name(row: Row, model) -> str:
    return row.text("name", model, multiline=False).lower()


def _label(row: Row, model, field: str, what: str) -> str:
    label = row.text("label", model, field)
    if not label and cells.is_blank(row.get("label")):
        row.fail("label", what)
    return label


def _begin_section(reader: _SurveyReader, row: Row) -> None:
    if reader.current is not None:
        row.fail("type", f"section '{reader.current.name}' is not ended before this one begins")
    name = _name(row, Section) or f"section_{len(reader.sections) + 1}"
    if not NAME.match(name):
        row.fail("name", name_problem(name, "section name"))
    elif name in reader.section_names:
        row.fail("name", f"the section name '{name}' is used twice")
    reader.section_names.add(name)
    relevant = row.text("relevant", Section)
    reader.current = SectionSpec(
        name=name,
        heading=_label(row, Section, "heading", "a section needs a heading in the label column"),
        intro=row.text("hint", Section, "intro"),
        info=row.text("info", Section),
        info_title=row.text("info_title", Section),
        relevant=relevant,
        condition=reader.condition(row, relevant, "the section's condition"),
    )
    if reader.current.condition is None:
        reader.current.relevant = ""
    reader.sections.append(reader.current)


def _grid_row(reader: _SurveyReader, row: Row) -> None:
    if reader.grid is None:
        row.fail("type", "a row must follow a grid question or another row")
        return
    grid = reader.grid[0]
    name = _name(row, GridRow)
    if not NAME.match(name):
        row.fail("name", name_problem(name, "row name"))
    elif name in grid.row_names:
        row.fail("name", f"the row '{name}' appears twice in the grid '{grid.name}'")
    label = _label(row, GridRow, "label", "the row's label is missing")
    relevant = row.text("relevant", GridRow)
    expr = reader.condition(row, relevant, f"the condition of row '{name}'", exclude=grid.name)
    grid.rows.append(RowSpec(name=name, label=label, relevant=relevant if expr else "", condition=expr))


def _question(reader: _SurveyReader, row: Row, kind: str, list_name: str) -> None:
    if kind not in {t for t, _ in Question.TYPES}:
        row.fail("type", f"'{cells.short(' '.join((kind, list_name)).strip())}' is not a type: {TYPES_WORDS}")
        return
    if reader.current is None:
        row.fail("type", "every question must be inside a section (begin section ... end section)")
        return
    name = _name(row, Question)
    if not NAME.match(name):
        row.fail("name", name_problem(name, "question name"))
    elif name in reader.earlier or name in reader.section_names:
        row.fail("name", f"the name '{name}' is used twice")
    label = row.text("label", Question)
    if not label and kind != "school" and cells.is_blank(row.get("label")):
        row.fail("label", "the label is missing")
    choices = _choices(reader, row, kind, list_name)
    answered = kind in Question.ANSWERED_TYPES
    if answered:
        reader.number += 1
    relevant = row.text("relevant", Question)
    expr = reader.condition(row, relevant, "the condition")
    item = ItemSpec(
        name=name,
        type=kind,
        label=label or ("Your school" if kind == "school" else ""),
        key=_key(reader, row, name),
        number=reader.number if answered else None,
        hint=row.text("hint", Question),
        info=row.text("info", Question),
        info_title=row.text("info_title", Question),
        required=_required(row, kind),
        relevant=relevant if expr else "",
        condition=expr,
        appearance=_appearance(row, kind),
        breakdown=_breakdown(reader, row, kind),
        list_name=list_name if kind in LISTED_TYPES else "",
        indicator=row.text("indicator", Question, multiline=False),
        indicator_choices=_indicator_choices(row, choices),
        tags=",".join(t.strip() for t in row.text("tags", Question, multiline=False).split(",") if t.strip()),
        choices=choices,
        section=reader.current.name,
    )
    reader.current.items.append(item)
    reader.earlier[name] = item
    if kind == "grid":
        reader.grid = (item, row)


def _choices(reader: _SurveyReader, row: Row, kind: str, list_name: str) -> list[ChoiceSpec]:
    choices: list[ChoiceSpec] = []
    if kind in LISTED_TYPES:
        if not list_name:
            row.fail("type", f"{kind} needs the name of its list of choices, as in '{kind} yes_no'")
        elif list_name not in reader.lists:
            row.fail("type", f"there is no list called '{cells.short(list_name)}' on the choices sheet")
        else:
            choices = [ChoiceSpec(c.name, c.label, c.group, c.exclusive) for c in reader.lists[list_name]]
    elif list_name:
        row.fail("type", f"{kind} takes no list of choices")
    if kind == "yes_no_dk":
        choices = [ChoiceSpec(n, lab) for n, lab in YES_NO_DK_CHOICES]
    if kind != "select_multiple" and any(c.exclusive for c in choices):
        row.fail("type", f"the list '{list_name}' has an exclusive choice, which only tick-as-many uses")
    return choices


def _required(row: Row, kind: str) -> bool:
    required = yes_or_blank(row, "required")
    if required and kind in {"note", "school"}:
        row.fail("required", f"a {kind} takes no answer, so it cannot be required")
    return required


def _appearance(row: Row, kind: str) -> str:
    appearance = row.text("appearance", Question, multiline=False).lower()
    if appearance and not (appearance == "list" and kind == "select_one"):
        row.fail("appearance", "the only appearance is 'list' (a drop-down), for select_one")
    return appearance


def _breakdown(reader: _SurveyReader, row: Row, kind: str) -> str:
    breakdown = row.text("breakdown", multiline=False, max_length=200).lower()
    if not breakdown:
        return ""
    if breakdown not in {"gender", "ethnicity"}:
        row.fail("breakdown", f"'{cells.short(breakdown)}' should be gender or ethnicity")
    elif kind not in BREAKDOWN_TYPES:
        row.fail("breakdown", "only a single-choice question can be used for a breakdown")
    elif breakdown in reader.breakdowns:
        row.fail("breakdown", f"row {reader.breakdowns[breakdown]} is already the {breakdown} question")
    reader.breakdowns.setdefault(breakdown, row.number)
    return breakdown


def _key(reader: _SurveyReader, row: Row, name: str) -> str:
    key = row.text("key", Question, multiline=False).lower() or name
    if not NAME.match(key):
        row.fail("key", name_problem(key, "key"))
    elif key in reader.keys:
        row.fail("key", f"row {reader.keys[key]} already has the key '{key}'")
    reader.keys.setdefault(key, row.number)
    return key


def _indicator_choices(row: Row, choices: list[ChoiceSpec]) -> str:
    text = row.text("indicator_choices", Question, multiline=False)
    chosen = [c.strip().lower() for c in text.split(",") if c.strip()]
    for choice in chosen:
        if choice not in [c.name for c in choices]:
            row.fail("indicator_choices", f"'{cells.short(choice)}' is not a choice of this question")
    if chosen and cells.is_blank(row.get("indicator")):
        row.fail("indicator", "name the indicator that these choices feed, such as NI 69")
    return ",".join(chosen)
