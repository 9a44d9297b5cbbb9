"""Survey results laid out for people: the tables that the pages and the PDF show, and the Excel
workbook. Every figure comes from ``results``; a suppressed one is shown as [c] with its reason."""

from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.styles import Alignment, Font

from outcomes.core import downloads
from outcomes.surveys.results.figures import ALL, Count, Participation, ParticipationRow, Results

SUPPRESSED = "[c]"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def legend(threshold: int) -> str:
    return (
        f"{SUPPRESSED} = suppressed: the figure is based on fewer than {threshold} pupils, or it would let "
        "such a figure be worked out from the totals or from another breakdown (secondary suppression)."
    )


def release_note(release) -> str:
    """What every output of a release says about it: which release, when, of how many responses."""
    kind = "Final" if release.kind == "final" else "Interim"
    when = release.published_at.strftime("%-d %B %Y")
    text = f"{kind} release {release.number}, published {when}, of {release.respondents} responses."
    if release.kind != "final":
        text += " Interim: the survey was still open; later releases may differ."
    return text


@dataclass
class Cell:
    text: str
    reason: str | None = None
    number: int | float | None = None  # for spreadsheets: the value as a number

    @property
    def suppressed(self) -> bool:
        return self.reason is not None


@dataclass
class Table:
    caption: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""
    anchor: str = ""


def count_cell(count: Count) -> Cell:
    if count.suppressed:
        return Cell(SUPPRESSED, count.reason)
    return Cell(f"{count.value:,}", number=count.value)


def percent_cell(value: Decimal | None, reason: str | None) -> Cell:
    if value is None:
        return Cell(SUPPRESSED, reason) if reason else Cell("–")
    return Cell(f"{value:.1f}", number=downloads.percent(value, 1))


def _group_heading(results: Results, key) -> str:
    group = next(g for g in results.groups if g.key == tuple(key))
    return group.label


def question_tables(results: Results) -> list[Table]:
    """One table per question (per row of a grid): its answers down the side; the number and
    percentage of all pupils, the borough's percentage beside a school's, and each group's
    percentage across; the bases at the foot."""
    school = results.school is not None
    tables = []
    for question in results.questions:
        for row in question.rows:
            everyone = row.group(ALL)
            groups = [g for g in row.groups if g.group.key != ALL]
            columns = ["Answer", "Number", "%"]
            if school:
                columns.append("Borough %")
            columns += [f"{g.group.label} %" for g in groups]
            number = f"{question.number}. " if question.number else ""
            caption = f"{number}{question.label}"
            if row.name is not None:
                caption += f" – {row.label}"
            table = Table(caption, columns, anchor=f"{question.name}{'-' + row.name if row.name else ''}")
            for position, option in enumerate(everyone.options):
                cells = [
                    Cell(option.label),
                    count_cell(option.count),
                    percent_cell(option.percentage, option.reason),
                ]
                if school:
                    cells.append(percent_cell(option.borough, option.borough_reason))
                for group in groups:
                    theirs = group.options[position]
                    cells.append(percent_cell(theirs.percentage, theirs.reason))
                table.rows.append(cells)
            for label, attribute in (
                ("Pupils who answered", "answered"),
                ("Pupils shown the question", "shown"),
                ("All pupils", "respondents"),
            ):
                cells = [Cell(label), count_cell(getattr(everyone, attribute)), Cell("")]
                if school:
                    cells.append(Cell(""))
                cells += [count_cell(getattr(g, attribute)) for g in groups]
                table.rows.append(cells)
            comparison = row.comparison or {}
            if comparison.get("status") == "compared":
                years = ", ".join(str(e["year"]) for e in comparison["editions"])
                earlier = "; ".join(
                    f"{o.label}: " + ", ".join(f"{p['year']} {_earlier(p['percentage'])}" for p in o.previous)
                    for o in everyone.options
                )
                table.note = f"Earlier years ({years}), % of pupils who answered: {earlier}"
            elif comparison.get("note"):
                table.note = comparison["note"]
            tables.append(table)
    return tables


def _earlier(value: Decimal | None) -> str:
    return SUPPRESSED if value is None else f"{value:.1f}"


def participation_tables(taking_part: Participation | None, own: ParticipationRow | None) -> list[Table]:
    tables = []
    if taking_part is not None:
        by_school = Table(
            "Participation by school",
            ["School", "Area", "Status", "Respondents", "Roll", "Rate %"],
            anchor="participation-by-school",
        )
        for row in taking_part.schools:
            by_school.rows.append(
                [
                    Cell(row.name),
                    Cell(row.area),
                    Cell(row.status),
                    count_cell(row.respondents),
                    Cell(f"{row.roll:,}", number=row.roll),
                    percent_cell(row.rate, row.reason),
                ]
            )
        by_school.rows.append(
            [
                Cell("All schools"),
                Cell(""),
                Cell(""),
                count_cell(taking_part.respondents),
                Cell(f"{taking_part.roll:,}", number=taking_part.roll),
                percent_cell(taking_part.coverage, taking_part.respondents.reason),
            ]
        )
        by_area = Table(
            "Participation by area",
            ["Area", "Schools taking part", "Respondents", "Roll", "Rate %"],
            anchor="participation-by-area",
        )
        for area in taking_part.areas:
            by_area.rows.append(
                [
                    Cell(area.name),
                    Cell(str(area.schools), number=area.schools),
                    count_cell(area.respondents),
                    Cell(f"{area.roll:,}", number=area.roll),
                    percent_cell(area.rate, area.reason),
                ]
            )
        by_area.rows.append(
            [
                Cell("All areas"),
                Cell(str(taking_part.participating_schools), number=taking_part.participating_schools),
                count_cell(taking_part.respondents),
                Cell(f"{taking_part.roll:,}", number=taking_part.roll),
                percent_cell(taking_part.coverage, taking_part.respondents.reason),
            ]
        )
        by_area.note = coverage_sentence(taking_part)
        tables += [by_school, by_area]
    if own is not None:
        table = Table("Participation", ["School", "Respondents", "Roll", "Rate %"], anchor="participation")
        table.rows.append(
            [
                Cell(own.name),
                count_cell(own.respondents),
                Cell(f"{own.roll:,}", number=own.roll),
                percent_cell(own.rate, own.reason),
            ]
        )
        tables.append(table)
    return tables


def coverage_sentence(taking_part: Participation) -> str:
    """ "572 of 2,996 pupils took part (19.1%); in the 15 schools that took part, 80.0%"."""
    if taking_part.respondents.suppressed:
        return "The number of pupils who took part is suppressed."
    return (
        f"{taking_part.respondents.value:,} of {taking_part.roll:,} pupils took part "
        f"({taking_part.coverage or 0:.1f}%); "
        f"in the {taking_part.participating_schools} schools that took part, "
        f"{taking_part.participating_rate or 0:.1f}% of their {taking_part.participating_roll:,} pupils."
    )


# --- the workbook ----------------------------------------------------------------------------------

FREQUENCY_COLUMNS = [
    "Section",
    "Question",
    "Question text",
    "Row",
    "Breakdown",
    "Group",
    "Answer",
    "Count",
    "Base (answered)",
    "%",
    "Shown the question",
    "% of shown",
    "All pupils",
    "% of all pupils",
    "Suppressed because",
]


def _put(ws, row: int, column: int, cell: Cell):
    downloads.put(ws, row, column, cell.number if cell.number is not None else cell.text)


def _count_value(count: Count):
    return SUPPRESSED if count.suppressed else count.value


def _percent_value(value: Decimal | None, reason: str | None):
    if value is None:
        return SUPPRESSED if reason else None
    return downloads.percent(value, 1)


def _header(ws, headings: list[str], widths: list[float] | None = None) -> None:
    row = downloads.header_row(ws, headings)
    downloads.set_widths(ws, widths or [])
    ws.freeze_panes = f"A{row + 1}"


def _frequencies(ws, results: Results) -> None:
    columns = list(FREQUENCY_COLUMNS)
    if results.school is not None:
        columns.insert(-1, "Borough %")
    _header(ws, columns, [18, 9, 50, 30, 11, 24, 40] + [11] * (len(columns) - 8) + [28])
    for question in results.questions:
        for row in question.rows:
            for group in row.groups:
                for option in group.options:
                    values = [
                        question.section,
                        question.number,
                        question.label,
                        row.label if row.name else None,
                        group.group.kind,
                        group.group.label,
                        option.label,
                        _count_value(option.count),
                        _count_value(group.answered),
                        _percent_value(option.percentage, option.reason),
                        _count_value(group.shown),
                        _percent_value(option.of_shown, option.reason or group.shown.reason),
                        _count_value(group.respondents),
                        _percent_value(option.of_respondents, option.reason or group.respondents.reason),
                    ]
                    if results.school is not None:
                        values.append(_percent_value(option.borough, option.borough_reason))
                    values.append(option.reason)
                    downloads.append(ws, values)
                if not group.options:  # free text: only how many answered
                    values = [
                        question.section,
                        question.number,
                        question.label,
                        None,
                        group.group.kind,
                        group.group.label,
                        "(free text)",
                        None,
                        _count_value(group.answered),
                        None,
                        _count_value(group.shown),
                        None,
                        _count_value(group.respondents),
                        None,
                    ]
                    if results.school is not None:
                        values.append(None)
                    values.append(group.answered.reason)
                    downloads.append(ws, values)


def results_workbook(
    results: Results,
    taking_part: Participation | None = None,
    own: ParticipationRow | None = None,
    *,
    frequencies: bool = True,
) -> bytes:
    """The results in one workbook: a sheet of notes, every frequency in one long table (one row
    per question, grid row, group and answer), and participation."""
    wb = downloads.new_workbook()
    about = downloads.add_sheet(wb, "About", first=True)
    edition = results.edition
    downloads.put(about, 1, 1, edition.title).font = Font(bold=True, size=14)
    scope = results.school.name if results.school else "Borough"
    downloads.put(about, 2, 1, f"Results: {scope}")
    downloads.put(about, 3, 1, legend(results.threshold))
    downloads.put(
        about,
        4,
        1,
        "Percentages are of the pupils who answered the question unless the column says otherwise; "
        "'shown the question' counts the pupils whose earlier answers led to it.",
    )
    about.column_dimensions["A"].width = 120
    for cell in ("A3", "A4"):
        about[cell].alignment = WRAP

    if frequencies:
        _frequencies(downloads.add_sheet(wb, "Frequencies"), results)
    for table in participation_tables(taking_part, own):
        sheet = downloads.add_sheet(wb, table.caption)
        _header(sheet, table.columns, [40] + [16] * (len(table.columns) - 1))
        for cells in table.rows:
            row = downloads.append(sheet, [None] * len(cells))
            for column, cell in enumerate(cells, start=1):
                _put(sheet, row, column, cell)
        if table.note:
            downloads.append(sheet, [])
            downloads.append(sheet, [table.note])
    return downloads.workbook_bytes(wb)
