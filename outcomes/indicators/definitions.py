"""The indicator definitions template: many indicators (every field of SPEC §2) and their dated
targets set up at once from an Excel workbook (sheets Indicators and Targets) or a CSV file (the
indicators alone), through the shared import pipeline (outcomes/core/imports), all or nothing.

Each row is checked by the same rules as the pages (``setup``) and saved by the same functions, so
an upload leaves the same history as the pages would. A code already set up is changed to what its
row says; a LAIT measure's definition is DfE's and is refused here (decision 0045).
"""

from dataclasses import dataclass, field

from django.db import transaction

from outcomes.accounts.models import Person
from outcomes.core import downloads
from outcomes.core.imports import Column, ImportFailed, Problem, Row, Sheet, cells, open_table
from outcomes.indicators import setup
from outcomes.indicators.access import code_slug
from outcomes.indicators.areas import home_area
from outcomes.indicators.derive import recompute
from outcomes.indicators.models import Area, Indicator, Period, Target
from outcomes.indicators.periods import PeriodNotUnderstood, parse_period

INDICATORS, TARGETS = "Indicators", "Targets"
# (key, heading, required, guidance); the headings are the pages' labels.
INDICATOR_COLUMNS = [
    ("code", "Code", True, "NI 59, or a code of the partnership's own. A code already set up is changed."),
    ("name", "Name", True, "The indicator's name."),
    ("definition", "Definition", False, "What is measured."),
    ("methodology", "Methodology", False, "How it is calculated."),
    ("topic", "Topic", False, "For example Health."),
    ("unit_kind", "Unit", True, "One of: " + ", ".join(label for _, label in Indicator.UNIT_KINDS) + "."),
    ("multiplier", "Rate per", False, "Only for a rate: 10000 for a rate per 10,000."),
    ("unit_label", "Unit as published", False, "For example % of births."),
    ("numerator_definition", "Numerator", False, "What is counted."),
    ("denominator_definition", "Denominator", False, "What it is out of."),
    ("decimal_places", "Decimal places", False, "0 to 6; blank: as published."),
    (
        "polarity",
        "Good performance",
        True,
        "One of: " + ", ".join(label for _, label in Indicator.POLARITIES) + ".",
    ),
    ("band_lower", "Good band from", False, "Only when good is within a band."),
    ("band_upper", "Good band to", False, "Only when good is within a band."),
    (
        "period_type",
        "Period type",
        True,
        "One of: " + ", ".join(label for _, label in Indicator.PERIOD_TYPES) + ".",
    ),
    ("source", "Source", False, "Who publishes or supplies the figures."),
    ("owner", "Owner", False, "A person's name as known to Outcomes."),
    (
        "parent",
        "Sub-indicator of",
        False,
        "The code of the indicator this one is part of (here or already set up).",
    ),
    ("sub_label", "Sub-indicator label", False, "For example a or b."),
    ("no_quartile", "No quartile bands", False, "yes to leave it out of quartile bands A to D; blank: no."),
]
TARGET_COLUMNS = [
    ("indicator", "Indicator code", True, "A code on the Indicators sheet or already set up."),
    ("area", "Area", False, "An area's name or LA number; blank: the partnership's own area."),
    ("period", "For the period", False, "The period the target is for (2010-11, 2014, April 2010)."),
    ("due", "Due by", False, "Or the date a milestone target is due by (31/03/2011)."),
    ("value", "Target", True, "The target (85, or 85%)."),
    ("upper_value", "Upper end of the target band", False, "Only for an indicator judged within a band."),
    ("amber_tolerance", "Amber tolerance", False, "Missed by no more than this is Amber; blank: no Amber."),
    (
        "tolerance_kind",
        "Tolerance is",
        False,
        "units (in the indicator's units, the default) or per cent (of the target).",
    ),
    ("note", "Note", False, ""),
]
EXAMPLES = [
    (
        INDICATORS,
        "CYPP-BF1 | Breastfeeding initiation | ... | Percentage | | % of births | babies breastfed | births "
        "| 1 | High is good | | | Financial year | NHS Rotherham | Mary Smith | | | no",
    ),
    (TARGETS, "CYPP-BF1 | (blank) | 2013-14 | | 65.5 | | 2 | units | Plan target"),
    (TARGETS, "NI 59 | (blank) | | 31/03/2011 | 87% | | 1 | units | Milestone target"),
]
GUIDANCE = [(heading, text) for _, heading, _, text in INDICATOR_COLUMNS + TARGET_COLUMNS]
FIGURE = {"max_digits": 20, "decimal_places": 6, "percent": True}
TOLERANCE_WORDS = {
    "units": Target.ABSOLUTE,
    "per cent": Target.PERCENT,
    "percent": Target.PERCENT,
    "%": Target.PERCENT,
}


def _columns(spec) -> list[Column]:
    return [Column(key, heading, required=required) for key, heading, required, _ in spec]


HEADINGS = {key: heading for key, heading, _, _ in INDICATOR_COLUMNS + TARGET_COLUMNS}


def _choice(row: Row, key: str, choices: list[tuple[str, str]], what: str) -> str | None:
    """A choice written as the pages show it ("High is good") or by its key ("high")."""
    by_word = {label.lower(): value for value, label in choices} | {
        value.lower(): value for value, _ in choices
    }
    raw = row.text(key, multiline=False)
    if not raw:
        return None
    found = by_word.get(raw.lower())
    if found is None:
        row.fail(
            key, f"'{cells.short(raw)}' is not a {what}: use " + ", ".join(label for _, label in choices)
        )
    return found


# ---------------------------------------------------------------------------------------------------
# Reading


@dataclass
class _Definition:
    row: Row
    indicator: Indicator | None  # None: a new indicator
    fields: dict
    parent_code: str = ""


@dataclass
class _Known:
    indicators: dict[str, Indicator]  # by code, lower case
    people: dict[str, Person]  # by name, lower case
    areas: dict[str, Area]  # by name (lower case) and LA number
    home: Area | None

    @classmethod
    def load(cls) -> "_Known":
        areas = {}
        for area in Area.objects.all():
            areas[area.name.lower()] = area
            if area.la_number is not None:
                areas[str(area.la_number)] = area
        return cls(
            indicators={i.code.lower(): i for i in Indicator.objects.select_related("parent")},
            people={p.name.lower(): p for p in Person.objects.all()},
            areas=areas,
            home=home_area(),
        )


def _read_definition(row: Row, known: _Known, seen: dict[str, int]) -> _Definition | None:
    code = row.text("code", Indicator, "code", multiline=False)
    fields = {
        "code": code,
        "name": row.text("name", Indicator, "name", multiline=False),
        "definition": row.text("definition", Indicator, "definition"),
        "methodology": row.text("methodology", Indicator, "methodology"),
        "topic": row.text("topic", Indicator, "topic", multiline=False),
        "unit_kind": _choice(row, "unit_kind", Indicator.UNIT_KINDS, "unit"),
        "multiplier": row.read("multiplier", cells.integer, minimum=1, maximum=10**9),
        "unit_label": row.text("unit_label", Indicator, "unit_label", multiline=False),
        "numerator_definition": row.text(
            "numerator_definition", Indicator, "numerator_definition", multiline=False
        ),
        "denominator_definition": row.text(
            "denominator_definition", Indicator, "denominator_definition", multiline=False
        ),
        "decimal_places": row.read("decimal_places", cells.integer, minimum=0, maximum=6),
        "polarity": _choice(row, "polarity", Indicator.POLARITIES, "good performance"),
        "band_lower": row.read("band_lower", cells.decimal, **FIGURE),
        "band_upper": row.read("band_upper", cells.decimal, **FIGURE),
        "period_type": _choice(row, "period_type", Indicator.PERIOD_TYPES, "period type"),
        "source": row.text("source", Indicator, "source", multiline=False),
        "sub_label": row.text("sub_label", Indicator, "sub_label", multiline=False),
        "no_quartile": row.read("no_quartile", cells.flag) or False,
        "owner": _owner(row, known),
    }
    for key in ("name", "unit_kind", "polarity", "period_type"):
        if cells.is_blank(row.get(key)):
            row.fail(key, f"the {HEADINGS[key].lower()} is missing")
    if not code:
        if cells.is_blank(row.get("code")):
            row.fail("code", "the code is missing")
        return None
    slug = code_slug(code)
    if slug in seen:
        row.fail("code", f"this code (or one with the same address) is already on row {seen[slug]}")
        return None
    seen[slug] = row.number
    indicator = known.indicators.get(code.lower())
    if indicator is not None and indicator.from_lait:
        row.fail("code", f"{indicator.code} is a DfE LAIT measure: its definition comes from LAIT")
        return None
    return _Definition(row, indicator, fields, row.text("parent", Indicator, "code", multiline=False))


def _owner(row: Row, known: _Known) -> Person | None:
    name = row.text("owner", Person, "name", multiline=False)
    if not name:
        return None
    person = known.people.get(name.lower())
    if person is None:
        row.fail("owner", f"there is no person called '{cells.short(name)}' in Outcomes")
    return person


def _check_definitions(definitions: list[_Definition], known: _Known) -> None:
    """The pages' rules for each row, and parents found here or already set up (one level deep)."""
    in_file = {d.fields["code"].lower(): d for d in definitions}
    for d in definitions:
        parent = None
        if d.parent_code:
            parent = known.indicators.get(d.parent_code.lower())
            here = in_file.get(d.parent_code.lower())
            if here is not None:
                if here.parent_code:
                    d.row.fail(
                        "parent", f"{here.fields['code']} is itself a sub-indicator on row {here.row.number}"
                    )
                parent = here.indicator  # None when it is new: checked above instead
            elif parent is None:
                d.row.fail("parent", f"there is no indicator with the code '{cells.short(d.parent_code)}'")
        if d.parent_code and d.parent_code.lower() == d.fields["code"].lower():
            d.row.fail("parent", "an indicator cannot be a sub-indicator of itself")
        rules = {**d.fields, "parent": parent, "sub_label": d.fields["sub_label"]}
        if d.parent_code and parent is None:
            rules["sub_label"] = ""  # a new parent in this file: the label's rule holds
        if any(rules.get(k) is None for k in ("unit_kind", "polarity", "period_type")):
            continue  # already reported as missing or not understood
        for key, message in setup.definition_problems(rules, d.indicator):
            d.row.fail(key, message[:1].lower() + message[1:])


@dataclass
class _TargetRow:
    row: Row
    code: str
    fields: dict
    parsed: object = None  # the period, parsed once its indicator's period type is known


def _read_target(row: Row, known: _Known) -> _TargetRow | None:
    code = row.text("indicator", Indicator, "code", multiline=False)
    area_text = row.text("area", Area, "name", multiline=False)
    area = None
    if area_text:
        area = known.areas.get(area_text.lower())
        if area is None:
            row.fail("area", f"there is no area '{cells.short(area_text)}'")
        elif known.home is not None and area.pk == known.home.pk:
            area = None  # the partnership's own area is the blank one
    kind = (row.text("tolerance_kind", Target, "tolerance_kind", multiline=False) or "units").lower()
    if kind not in TOLERANCE_WORDS:
        row.fail("tolerance_kind", f"'{cells.short(kind)}' is not units or per cent")
    fields = {
        "area": area,
        "due": row.read("due", cells.day),
        "value": row.read("value", cells.decimal, **FIGURE),
        "upper_value": row.read("upper_value", cells.decimal, **FIGURE),
        "amber_tolerance": row.read("amber_tolerance", cells.decimal, **FIGURE),
        "tolerance_kind": TOLERANCE_WORDS.get(kind, Target.ABSOLUTE),
        "note": row.text("note", Target, "note", multiline=False),
        "period": None,
    }
    if not code:
        row.fail("indicator", "the indicator code is missing")
        return None
    if cells.is_blank(row.get("value")):
        row.fail("value", "the target is missing")
    return _TargetRow(row, code, fields, row.text("period", Period, "label", multiline=False))


def _check_targets(targets: list[_TargetRow], definitions: list[_Definition], known: _Known) -> None:
    in_file = {d.fields["code"].lower(): d for d in definitions}
    seen: dict[tuple, int] = {}
    for t in targets:
        d = in_file.get(t.code.lower())
        indicator = d.indicator if d else known.indicators.get(t.code.lower())
        period_type = d.fields["period_type"] if d else (indicator.period_type if indicator else None)
        polarity = d.fields["polarity"] if d else (indicator.polarity if indicator else None)
        if d is None and indicator is None:
            t.row.fail(
                "indicator", f"there is no indicator with the code '{cells.short(t.code)}' here or set up"
            )
            continue
        if t.parsed and period_type:
            try:
                parsed = parse_period(t.parsed, period_type)
            except PeriodNotUnderstood as exc:
                t.row.fail("period", str(exc))
                continue
            t.fields["period"] = Period.objects.filter(
                kind=parsed.kind, start=parsed.start, end=parsed.end
            ).first() or (
                Period(
                    label=parsed.label,
                    kind=parsed.kind,
                    start=parsed.start,
                    end=parsed.end,
                    sort_key=parsed.sort_key,
                )
            )
        when = (t.fields["period"].kind, t.fields["period"].start) if t.fields["period"] else t.fields["due"]
        key = (t.code.lower(), getattr(t.fields["area"], "pk", None), when)
        if key in seen:
            t.row.fail("period", f"this indicator, area and date already have a target on row {seen[key]}")
        seen[key] = t.row.number
        # The pages' rules, judged by the polarity this file gives the indicator, if it gives one.
        judged = Indicator(pk=getattr(indicator, "pk", None), polarity=polarity or Indicator.NONE)
        current = _existing_target(indicator, t.fields) if indicator is not None else None
        for problem_key, message in setup.target_problems(judged, t.fields, current):
            t.row.fail(problem_key, message[:1].lower() + message[1:])


def _existing_target(indicator: Indicator, fields: dict) -> Target | None:
    """The target a row replaces: the one for the same area and period, or due the same day."""
    same = Target.objects.filter(indicator=indicator, area=fields["area"])
    if fields["period"] is not None:
        return same.filter(period=fields["period"]).first() if fields["period"].pk else None
    if fields["due"] is not None:
        return same.filter(due=fields["due"], period__isnull=True).first()
    return None


def read_definitions(data: bytes, filename: str) -> tuple[list[_Definition], list[_TargetRow]]:
    table = open_table(data, filename)
    if table.names:
        sheet = table.sheet(
            INDICATORS if table.has(INDICATORS) else table.names[0], _columns(INDICATOR_COLUMNS)
        )
        targets_sheet: Sheet | None = (
            table.sheet(TARGETS, _columns(TARGET_COLUMNS)) if table.has(TARGETS) else None
        )
    else:
        sheet, targets_sheet = table.sheet(None, _columns(INDICATOR_COLUMNS)), None
    table.raise_problems()
    known = _Known.load()
    seen: dict[str, int] = {}
    definitions = [d for row in sheet.rows if (d := _read_definition(row, known, seen)) is not None]
    targets = [t for row in (targets_sheet.rows if targets_sheet else []) if (t := _read_target(row, known))]
    _check_definitions(definitions, known)
    _check_targets(targets, definitions, known)
    table.raise_problems()
    if not definitions and not targets:
        raise ImportFailed(
            filename, [Problem(sheet.where(2), "there are no indicators or targets to import")]
        )
    return definitions, targets


# ---------------------------------------------------------------------------------------------------
# Saving


@dataclass
class DefinitionsImport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    targets: int = 0
    touched: set = field(default_factory=set)


def import_definitions(data: bytes, filename: str, *, user=None) -> DefinitionsImport:
    """Check the whole file, then save it in one transaction: parents before their sub-indicators,
    then the targets; the figures of every indicator changed are recomputed once, at the end."""
    definitions, targets = read_definitions(data, filename)
    result = DefinitionsImport()
    saved: dict[str, Indicator] = {}
    with transaction.atomic():
        for d in sorted(definitions, key=lambda d: bool(d.parent_code)):
            parent = (
                saved.get(d.parent_code.lower())
                or Indicator.objects.filter(code__iexact=d.parent_code).first()
            )
            fields = {**d.fields, "parent": parent if d.parent_code else None}
            indicator, outcome = setup.save_indicator(
                user=user, indicator=d.indicator, fields=fields, expected_version=None, recompute=False
            )
            saved[indicator.code.lower()] = indicator
            setattr(result, outcome, getattr(result, outcome) + 1)
            if outcome == setup.UPDATED:
                result.touched.add(indicator.pk)
        for t in targets:
            indicator = saved.get(t.code.lower()) or Indicator.objects.get(code__iexact=t.code)
            _, outcome = setup.save_target(
                user=user,
                indicator=indicator,
                target=_existing_target(indicator, t.fields),
                fields=t.fields,
                expected_version=None,
                recompute=False,
            )
            if outcome != setup.UNCHANGED:
                result.targets += 1
                result.touched.add(indicator.pk)
        if result.touched:
            recompute(sorted(result.touched))
    return result


# ---------------------------------------------------------------------------------------------------
# The blank template


def blank_template(fmt: str = "xlsx") -> bytes:
    """The Indicators and Targets sheets to fill in and a Guidance sheet (xlsx); the Indicators
    header alone (csv: indicators only)."""
    headers = [heading for _, heading, _, _ in INDICATOR_COLUMNS]
    if fmt == "csv":
        return downloads.table_bytes("csv", headers, [], INDICATORS)
    workbook = downloads.new_workbook()
    for name, spec in ((INDICATORS, INDICATOR_COLUMNS), (TARGETS, TARGET_COLUMNS)):
        sheet = downloads.add_sheet(workbook, name, first=name == INDICATORS)
        downloads.header_row(sheet, [heading for _, heading, _, _ in spec])
        downloads.set_widths(sheet, [max(len(heading) + 4, 14) for _, heading, _, _ in spec])
        sheet.freeze_panes = "A2"
    guide = downloads.add_sheet(workbook, "Guidance")
    downloads.header_row(guide, ["Sheet", "Column", "Needed", "What to put in it"])
    for name, spec in ((INDICATORS, INDICATOR_COLUMNS), (TARGETS, TARGET_COLUMNS)):
        for _, heading, required, text in spec:
            downloads.append(guide, [name, heading, "yes" if required else "", text])
    downloads.append(guide, [])
    for name, example in EXAMPLES:
        downloads.append(guide, [name, "Example", "", example])
    downloads.set_widths(guide, [12, 28, 8, 100])
    return downloads.workbook_bytes(workbook)


# ---------------------------------------------------------------------------------------------------
# The partnership's own indicators in the template, to change and upload again


def _definition_row(i: Indicator) -> list:
    return [
        i.code,
        i.name,
        i.definition,
        i.methodology,
        i.topic,
        i.get_unit_kind_display(),
        i.multiplier,
        i.unit_label,
        i.numerator_definition,
        i.denominator_definition,
        i.decimal_places,
        i.get_polarity_display(),
        i.band_lower,
        i.band_upper,
        i.get_period_type_display(),
        i.source,
        i.owner.name if i.owner_id else "",
        i.parent.code if i.parent_id else "",
        i.sub_label,
        "yes" if i.no_quartile else "no",
    ]


def _target_row(t: Target) -> list:
    return [
        t.indicator.code,
        t.area.name if t.area_id else "",
        t.period.label if t.period_id else "",
        t.due,
        t.value,
        t.upper_value,
        t.amber_tolerance,
        "per cent" if t.tolerance_kind == Target.PERCENT else "units",
        t.note,
    ]


def export_definitions(fmt: str) -> bytes:
    """The partnership's own indicators (not LAIT's) and their targets in the template's sheets and
    columns, numbers as numbers: uploaded again unchanged, the file changes nothing."""
    own = Indicator.objects.filter(from_lait=False).select_related("owner", "parent").order_by("code")
    rows = [_definition_row(i) for i in own]
    headers = [heading for _, heading, _, _ in INDICATOR_COLUMNS]
    if fmt == "csv":
        return downloads.table_bytes("csv", headers, rows, INDICATORS)
    targets = Target.objects.filter(indicator__from_lait=False).select_related("indicator", "area", "period")
    target_rows = [
        _target_row(t) for t in targets.order_by("indicator__code", "due", "period__sort_key", "pk")
    ]
    return downloads.xlsx_bytes(
        [
            downloads.Sheet(INDICATORS, headers, rows),
            downloads.Sheet(TARGETS, [heading for _, heading, _, _ in TARGET_COLUMNS], target_rows),
        ]
    )
