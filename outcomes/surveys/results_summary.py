"""A survey report laid out to be read (issue 11 item 10; decision 0056): the headline figures first,
then where a school differs from the borough beyond chance (with the interval), then the questions
by section with a contents list; a question whose every figure is suppressed is listed once in its
section instead of repeating a table of [c]; a comparison note that every question shares ("no
earlier edition") is said once. The figures are the release's, as suppressed: nothing here shows
a figure that the tables do not.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from outcomes.stats.intervals import wilson_ci
from outcomes.surveys.results.figures import ALL, NO_EARLIER_NOTE, Results
from outcomes.surveys.results_export import Cell, Table, count_cell, percent_cell

# How many differences the summary lists, largest first (the tables below hold them all).
DIFFERENCES_SHOWN = 15


@dataclass
class Section:
    title: str
    anchor: str
    tables: list[Table] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)  # captions of questions shown nowhere


@dataclass
class Layout:
    headline: Table
    differences: Table | None
    sections: list[Section]
    common_note: str  # said once at the top, instead of under every table


def _slug(text: str) -> str:
    return "section-" + "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


# The three rows of bases at the foot of every question table (``question_tables``).
BASE_ROWS = 3


def _all_suppressed(table: Table) -> bool:
    """Every answer's own figures are suppressed (the borough's percentages beside a school's and
    the bases at the foot do not count): the table would be a column of [c]."""
    own = [i for i, column in enumerate(table.columns) if i > 0 and column != "Borough %"]
    answers = table.rows[:-BASE_ROWS]
    numbers = [row[i] for row in answers for i in own if row[i].text not in ("", "–")]
    return bool(numbers) and all(c.suppressed for c in numbers)


def differences(results: Results) -> list[tuple]:
    """Every answer where the school's percentage (all its pupils who answered) has a 95% Wilson
    interval that leaves out the borough's percentage: (distance, question, answer, count,
    answered, percentage, low, high, borough). Only figures the report shows are used."""
    found = []
    for question in results.questions:
        for row in question.rows:
            everyone = row.group(ALL)
            answered = everyone.answered.value
            if not answered:
                continue
            for option in everyone.options:
                if option.count.value is None or option.percentage is None or option.borough is None:
                    continue
                low, high = (float(v) * 100 for v in wilson_ci(option.count.value, answered))
                borough = float(option.borough)
                if low <= borough <= high:
                    continue
                caption = f"{question.number}. " if question.number else ""
                caption += question.label + (f" – {row.label}" if row.name is not None else "")
                distance = abs(float(option.percentage) - borough)
                found.append(
                    (
                        distance,
                        caption,
                        option.label,
                        option.count.value,
                        answered,
                        option.percentage,
                        low,
                        high,
                        borough,
                    )
                )
    found.sort(key=lambda f: (-f[0], f[1], f[2]))
    return found


def _headline(results: Results) -> Table:
    """Who answered, and the figures that feed indicators (NI 69 and the like), as released."""
    from outcomes.surveys import feeds

    table = Table("Headline figures", ["Figure", "Value"], anchor="headline")
    table.rows.append([Cell("Pupils who answered the survey"), count_cell(results.respondents)])
    first = next((q for q in results.questions if q.rows and q.rows[0].groups), None)
    if first is not None:
        for group in first.rows[0].groups:
            if group.group.kind == "gender":
                table.rows.append([Cell(f"{group.group.label} pupils"), count_cell(group.respondents)])
    if results.edition is not None:
        names = {q.name for q in results.questions}
        for feed in feeds.feeds_of(results.edition):
            if feed.question not in names:
                continue
            value = feeds.feed_value(results, feed)
            table.rows.append(
                [
                    Cell(f"{feed.indicator}: {feed.label} (% of those who answered)"),
                    percent_cell(value.value, value.reason),
                ]
            )
    return table


def _differences_table(results: Results) -> Table | None:
    if results.school is None:
        return None
    found = differences(results)
    table = Table(
        "Where this school differs from the borough beyond chance",
        ["Question and answer", "School %", "95% interval", "Borough %", "Pupils (of those who answered)"],
        anchor="differences",
    )
    for _, caption, label, count, answered, share, low, high, borough in found[:DIFFERENCES_SHOWN]:
        table.rows.append(
            [
                Cell(f"{caption}: {label}"),
                percent_cell(share, None),
                Cell(f"{low:.1f} to {high:.1f}"),
                percent_cell(Decimal(str(borough)), None),
                Cell(f"{count:,} of {answered:,}", number=count),
            ]
        )
    if not found:
        table.note = "No answer differs from the borough's by more than chance would explain (95% intervals)."
    elif len(found) > DIFFERENCES_SHOWN:
        table.note = (
            f"The {DIFFERENCES_SHOWN} largest of {len(found)} differences; "
            "every answer is in the tables below."
        )
    return table


def layout(results: Results, tables: list[Table]) -> Layout:
    """The report's parts, in reading order (``tables`` are ``question_tables(results)``)."""
    notes = {t.note for t in tables}
    common = NO_EARLIER_NOTE if notes == {NO_EARLIER_NOTE} else ""
    by_anchor = {t.anchor: t for t in tables}
    headings = {}
    if results.edition is not None:
        from outcomes.surveys import questionnaire as questionnaires

        headings = {s.name: s.heading for s in questionnaires.load(results.edition).sections}
    sections: dict[str, Section] = {}
    for question in results.questions:
        title = headings.get(question.section) or question.section or "Questions"
        section = sections.setdefault(title, Section(title, _slug(title)))
        for row in question.rows:
            table = by_anchor[f"{question.name}{'-' + row.name if row.name else ''}"]
            if common:
                table.note = ""
            if _all_suppressed(table):
                section.suppressed.append(table.caption)
            else:
                section.tables.append(table)
    return Layout(_headline(results), _differences_table(results), list(sections.values()), common)


def in_reading_order(parts: Layout) -> tuple[list[str], list[Table]]:
    """The layout as a document's notes and tables (the PDF), in the page's order."""
    notes = [f"{parts.common_note}." if parts.common_note else ""]
    for section in parts.sections:
        if section.suppressed:
            notes.append(
                f"{section.title}: every figure suppressed, not shown as tables: "
                + "; ".join(section.suppressed)
            )
    tables = [parts.headline] + ([parts.differences] if parts.differences else [])
    for section in parts.sections:
        tables += section.tables
    return [note for note in notes if note], tables
