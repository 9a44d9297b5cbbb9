"""The action log (log.py) as a board document and as a workbook. The page, Word, PDF and HTML are
rendered from the one ``Document`` (outcomes/documents/model.py); the workbook goes through
core/downloads, numbers as numbers and dates as dates."""

from datetime import date

from outcomes.core import downloads
from outcomes.documents.model import Cell, Document, Paragraph, Row, Table, header
from outcomes.documents.render import render_file
from outcomes.governance.log import BAND_HEADINGS, BANDS, COLUMNS, TITLE, ActionLog, LogRow

FORMATS = ("json", "html", "docx", "xlsx")
STATUS_WORDS = {
    "raised": "Raised",
    "ongoing": "Ongoing",
    "discharged": "DISCHARGED",
    "unclear": "Unclear",
    "withdrawn": "WITHDRAWN",
}


def seed_date(value) -> str:
    """Dates as the log writes them: 05.06.2014 in headings, 05.06.14 before an update."""
    return f"{value:%d.%m.%Y}"


def _update_blocks(row: LogRow) -> list:
    blocks: list = []
    for on, text in row.updates:
        paragraphs = [p for p in text.split("\n\n") if p.strip()] or [""]
        blocks.append(Paragraph(f"{on:%d.%m.%y} {paragraphs[0]}".strip()))
        blocks += [Paragraph(p) for p in paragraphs[1:]]
    if row.parent is not None:
        blocks.append(Paragraph(f"New action of action {row.parent}.", style="small"))
    if row.status == "unclear":
        blocks.append(Paragraph("Status: unclear whether done.", style="small"))
    return blocks


def log_document(log: ActionLog) -> Document:
    when = seed_date(log.as_at)
    rows: list = []
    for band in BANDS:
        rows.append(
            Row([Cell(text=BAND_HEADINGS[band].format(date=when), colspan=4, is_header=True)], style="strong")
        )
        if not log.bands[band]:
            rows.append([Cell(text="None.", colspan=4)])
        for row in log.bands[band]:
            rows.append(
                Row(
                    [
                        Cell(value=row.number, text=f"{row.number}."),
                        Cell(text=row.owner),
                        Cell(text=row.details),
                        Cell(blocks=_update_blocks(row)),
                    ],
                    anchor=f"action-{row.number}",
                )
            )
    table = Table(
        caption=TITLE.format(date=when),
        header=[header(*COLUMNS)],
        rows=rows,
        widths=[0.5, 1.5, 4, 4],
        caption_hidden=True,
    )
    return Document(
        title=TITLE.format(date=when),
        subtitle=log.body.name,
        as_at=log.as_at,
        meta={"author": log.body.name, "subject": TITLE.format(date=when)},
        blocks=[
            Paragraph(
                f"{sum(len(r) for r in log.bands.values())} actions: "
                f"{len(log.bands['raised'])} raised on {when}, {len(log.bands['ongoing'])} ongoing, "
                f"{len(log.bands['discharged'])} discharged on {when}.",
                style="small",
            ),
            table,
        ],
        landscape=True,
    )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def log_sheets(data: dict, body_name: str) -> list[downloads.Sheet]:
    """The workbook of a log from its JSON with dates (``ActionLog.as_json``): the live log and a log frozen
    with published minutes make theirs the same way, numbers as numbers and dates as dates."""
    as_at = date.fromisoformat(data["as_at"])
    bands = [(band, row) for band in BANDS for row in data["bands"][band]]
    actions = downloads.Sheet(
        title="Action log",
        headers=[
            "Band",
            "No",
            "Owner",
            "Details",
            "Status",
            "Raised on",
            "Discharged on",
            "New action of",
            "Evidence",
        ],
        rows=[
            [
                BAND_HEADINGS[band].format(date=seed_date(as_at)),
                row["number"],
                row["owner"],
                row["details"],
                STATUS_WORDS.get(row["status"], row["status"]),
                _day(row.get("raised_on")),
                _day(row.get("discharged_on")),
                row["parent"],
                row["evidence"],
            ]
            for band, row in bands
        ],
        widths=[30, 6, 30, 80, 12, 12, 14, 10, 50],
        notes=[f"{body_name}: {TITLE.format(date=seed_date(as_at))}."],
    )
    updates = downloads.Sheet(
        title="Updates",
        headers=["No", "Date", "Update"],
        rows=[
            [row["number"], date.fromisoformat(update["date"]), update["text"]]
            for _, row in bands
            for update in row["updates"]
        ],
        widths=[6, 12, 100],
    )
    return [actions, updates]


def render(log: ActionLog, fmt: str) -> bytes:
    if fmt == "json":
        return downloads.json_bytes(log.as_json())
    if fmt == "xlsx":
        return downloads.xlsx_bytes(log_sheets(log.as_json(dates=True), log.body.name))
    return render_file(log_document(log), fmt)


def filename(log: ActionLog, fmt: str) -> str:
    return f"{log.body.slug}-action-log-{log.as_at.isoformat()}.{fmt}"
