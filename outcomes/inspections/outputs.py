"""The recommendations as at a date as a board document (page, Word, PDF through outcomes/documents)
and as a workbook (core/downloads: numerator, denominator and percent as numbers). Both are made from
the report's JSON, so that a live report and a frozen monthly snapshot come out alike."""

from datetime import date

from outcomes.core import downloads
from outcomes.core.formatting import format_date
from outcomes.documents.model import Cell, Document, Note, Paragraph, Row, Table, header
from outcomes.documents.render import render_file
from outcomes.inspections import rules

FORMATS = ("json", "html", "docx", "xlsx", "pdf")
TITLE = "Inspection recommendations as at {date}"
RECONSTRUCTED = "Rows marked [R] are reconstructed: the seed gives only their counts, not their words."
FIGURES = [
    ("within_original_timescale", "Completed within the original timescale", rules.NONE_DUE),
    ("complete", "Complete, of all monitored", rules.NONE_MONITORED),
]
COLUMNS = [
    "Reference",
    "Inspection",
    "Recommendation",
    "Priority",
    "Owner",
    "Original due",
    "Revised due",
    "Status",
    "Completed on",
    "Late",
    "At risk",
]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _words(text: str | None) -> str:
    return format_date(date.fromisoformat(text)) if text else ""


def percent_words(figure: dict, empty: str) -> str:
    if not figure["denominator"]:
        return empty
    shown = f"{figure['percent']:.1f}".removesuffix(".0")
    return f"{shown}%"


def figure_lines(data: dict) -> list[tuple[str, dict, str]]:
    return [(label, data[key], percent_words(data[key], empty)) for key, label, empty in FIGURES]


def document(data: dict, title_of: dict[str, str], subtitle: str = "") -> Document:
    """``title_of``: each inspection's title by its slug."""
    when = format_date(date.fromisoformat(data["as_at"]))
    target = f"{data['target']:g}%"
    figures = Table(
        caption="The two figures",
        header=[header("Figure", "Percent", "Numerator", "Denominator", "Target", "Definition")],
        rows=[
            [
                Cell(text=label, is_header=True),
                Cell(value=fig["percent"], text=shown) if fig["denominator"] else Cell(text=shown),
                Cell(value=fig["numerator"]),
                Cell(value=fig["denominator"]),
                Cell(text=target),
                Cell(text=fig["definition"]),
            ]
            for label, fig, shown in figure_lines(data)
        ],
        row_headers=True,
        widths=[2, 1, 1, 1, 1, 4],
    )
    rows: list[list[Cell] | Row] = [
        Row(
            [
                Cell(text=row["reference"]),
                Cell(text=title_of.get(row["inspection"], row["inspection"])),
                Cell(text=row["text"]),
                Cell(text=row["priority"]),
                Cell(text=row["owner"]),
                Cell(text=_words(row["original_due"])),
                Cell(text=_words(row["revised_due"])),
                Cell(text=row["status"]),
                Cell(text=_words(row["completed_on"])),
                Cell(text="Late" if row["late"] else ""),
                Cell(text="At risk" if row["at_risk"] else ""),
            ]
        )
        for row in data["rows"]
    ]
    table = Table(
        caption="Recommendations",
        header=[header(*COLUMNS)],
        rows=rows or [[Cell(text="No recommendation.", colspan=len(COLUMNS))]],
        widths=[1, 2, 5, 1.2, 1.5, 1.3, 1.3, 1, 1.3, 0.8, 0.8],
    )
    blocks: list = [figures]
    if any(row["text"].startswith("[R]") for row in data["rows"]):
        blocks.append(Note(RECONSTRUCTED))
    blocks += [
        Paragraph(
            "Late: its original due date has passed and it was not completed on or before it, whatever "
            "its revised date. At risk: open, with its original date not yet passed and either within "
            "the warning period or with a linked action overdue.",
            style="small",
        ),
        table,
    ]
    return Document(
        title=TITLE.format(date=when),
        subtitle=subtitle,
        as_at=date.fromisoformat(data["as_at"]),
        meta={"author": "Performance and Quality", "subject": TITLE.format(date=when)},
        blocks=blocks,
        landscape=True,
    )


def sheets(data: dict, title_of: dict[str, str]) -> list[downloads.Sheet]:
    figures = downloads.Sheet(
        title="Figures",
        headers=["Figure", "Numerator", "Denominator", "Percent", "Target", "Definition"],
        rows=[
            [
                label,
                fig["numerator"],
                fig["denominator"],
                downloads.Number(fig["percent"], places=1, percent=True) if fig["denominator"] else shown,
                downloads.Number(data["target"], places=0, percent=True),
                fig["definition"],
            ]
            for label, fig, shown in figure_lines(data)
        ],
        widths=[40, 12, 12, 10, 10, 90],
        notes=[TITLE.format(date=format_date(date.fromisoformat(data["as_at"]))) + "."],
    )
    rows = downloads.Sheet(
        title="Recommendations",
        headers=COLUMNS,
        rows=[
            [
                row["reference"],
                title_of.get(row["inspection"], row["inspection"]),
                row["text"],
                row["priority"],
                row["owner"],
                _day(row["original_due"]),
                _day(row["revised_due"]),
                row["status"],
                _day(row["completed_on"]),
                "Late" if row["late"] else "",
                "At risk" if row["at_risk"] else "",
            ]
            for row in data["rows"]
        ],
        widths=[10, 30, 80, 18, 20, 12, 12, 12, 12, 8, 8],
    )
    return [figures, rows]


def render(data: dict, fmt: str, title_of: dict[str, str], subtitle: str = "") -> bytes:
    if fmt == "json":
        return downloads.json_bytes(data)
    if fmt == "xlsx":
        return downloads.xlsx_bytes(sheets(data, title_of))
    return render_file(document(data, title_of, subtitle), fmt)


def filename(data: dict, fmt: str) -> str:
    which = f"-{data['inspection']}" if data.get("inspection") else ""
    return f"recommendations{which}-{data['as_at']}.{fmt}"


def titles() -> dict[str, str]:
    from outcomes.inspections.models import Inspection

    return dict(Inspection.objects.values_list("slug", "title"))
