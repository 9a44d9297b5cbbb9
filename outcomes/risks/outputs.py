"""The register as at a date in every format (decision 0160): JSON (the interchange, documented in
docs/interchange.md), a documents.Document (page, Word, tagged PDF through render_file) and an Excel
workbook through core/downloads, numbers as numbers."""

from datetime import date

from outcomes.core.downloads.writers import Sheet, xlsx_bytes
from outcomes.core.formatting import format_date
from outcomes.documents.model import Block, Cell, Document, Figure, Heading, Paragraph, Table, header
from outcomes.documents.render import render_file
from outcomes.risks import heatmap
from outcomes.risks.models import Register
from outcomes.risks.state import HeatMap, Row, heat_map, register_rows

FORMATS = ("json", "html", "docx", "xlsx", "pdf")


def as_at(register: Register, on: date) -> tuple[list[Row], HeatMap]:
    rows = register_rows(register, on)
    return rows, heat_map(rows)


def register_json(register: Register, on: date) -> dict:
    rows, heat = as_at(register, on)
    return {
        "register": register.slug,
        "name": register.name,
        "as_at": on.isoformat(),
        "risks": [
            {
                "reference": r.risk.reference,
                "title": r.risk.title,
                "owner": r.owner,
                "status": r.risk.status,
                "treatment": r.risk.treatment,
                "before": r.before.as_json(),
                "after": r.after.as_json(),
                "target": r.target.as_json(),
                "matrix_version": r.rating.matrix.version if r.rating else None,
                "trend": r.trend,
                "latest_review": r.latest_review.on.isoformat() if r.latest_review else None,
                "next_review": r.next_review.isoformat() if r.next_review else None,
                "mitigating_actions": [
                    {
                        "what": p.what,
                        "who": p.who,
                        "progress": p.progress,
                        "percent": p.percent,
                        "date": p.date,
                    }
                    for p in r.mitigations
                ],
            }
            for r in rows
        ],
        "heatmap": heat.as_json(),
    }


def _level_cell(rated) -> Cell:
    if rated.level is None:
        return Cell(text="Not rated")
    return Cell(text=rated.words)


def heat_table(heat: HeatMap, which: str) -> Table:
    m = heat.matrix
    return Table(
        caption=f"Risks {heatmap.WHICH[which]} by likelihood and impact",
        header=[header("Likelihood", *[f"{i} {label}" for i, label in enumerate(m.impacts, start=1)])],
        rows=[
            [Cell(text=f"{li} {m.likelihoods[li - 1]}", is_header=True)]
            + [
                Cell(
                    value=getattr(heat.cells[(li, im)], which),
                    text=f"{getattr(heat.cells[(li, im)], which)} ({heat.cells[(li, im)].level.name})",
                )
                for im in range(1, len(m.impacts) + 1)
            ]
            for li in range(len(m.likelihoods), 0, -1)
        ],
        row_headers=True,
    )


def register_document(register: Register, on: date) -> Document:
    rows, heat = as_at(register, on)
    risks = Table(
        caption=f"The register as at {format_date(on)}",
        header=[
            header(
                "Ref",
                "Risk",
                "Owner",
                "Before mitigation",
                "Mitigating actions",
                "After mitigation",
                "Target",
                "Trend",
                "Next review",
            )
        ],
        rows=[
            [
                Cell(text=r.risk.reference),
                Cell(text=r.risk.title),
                Cell(text=r.owner),
                _level_cell(r.before),
                Cell(
                    text="; ".join(
                        f"{p.what} ({p.who}; {p.progress}{'; ' + p.date if p.date else ''})"
                        for p in r.mitigations
                    )
                    or "None"
                ),
                _level_cell(r.after),
                _level_cell(r.target),
                Cell(text=r.trend),
                Cell(text=format_date(r.next_review) if r.next_review else ""),
            ]
            for r in rows
        ],
        widths=[1, 4, 2, 2, 5, 2, 2, 1.5, 2],
    )
    blocks: list[Block] = [
        Paragraph(
            f"{len(rows)} risk{'s' if len(rows) != 1 else ''} open on {format_date(on)}, rated on the "
            f"likelihood x impact matrix (version {heat.matrix.version} for the heat maps)."
        ),
        risks,
    ]
    for which in ("before", "after"):
        blocks.append(Heading(f"Heat map {heatmap.WHICH[which]}", level=1))
        blocks.append(
            Figure(
                caption=f"Heat map {heatmap.WHICH[which]}",
                alt=heatmap.describe(heat, which),
                svg=str(heatmap.render(heat, which, chart_id=f"heat-{which}")),
                table=heat_table(heat, which),
            )
        )
    return Document(
        title=f"{register.name}: risk register",
        subtitle=f"As at {format_date(on)}",
        as_at=on,
        blocks=blocks,
        landscape=True,
        meta={"subject": "Risk register", "author": register.owner.name if register.owner else ""},
    )


def _numbers(rated) -> list:
    return [rated.likelihood, rated.impact, rated.level.name if rated.level else ""]


def register_sheets(register: Register, on: date) -> list[Sheet]:
    rows, heat = as_at(register, on)
    risks = Sheet(
        "Risks",
        [
            "Reference",
            "Title",
            "Owner",
            "Before likelihood",
            "Before impact",
            "Before level",
            "After likelihood",
            "After impact",
            "After level",
            "Target likelihood",
            "Target impact",
            "Target level",
            "Trend",
            "Next review",
            "Matrix version",
        ],
        [
            [
                r.risk.reference,
                r.risk.title,
                r.owner,
                *_numbers(r.before),
                *_numbers(r.after),
                *_numbers(r.target),
                r.trend,
                r.next_review,
                r.rating.matrix.version if r.rating else None,
            ]
            for r in rows
        ],
        notes=[f"As at {format_date(on)}."],
    )
    actions = Sheet(
        "Mitigating actions",
        ["Risk", "Action", "Who", "Progress", "Per cent", "Date"],
        [
            [r.risk.reference, p.what, p.who, p.progress, p.percent, p.date]
            for r in rows
            for p in r.mitigations
        ],
    )
    cells = Sheet(
        "Heat map",
        ["Likelihood", "Impact", "Level", "Before mitigation", "After mitigation"],
        [[c.likelihood, c.impact, c.level.name, c.before, c.after] for c in heat.cells.values()],
    )
    return [risks, actions, cells]


def register_file(register: Register, on: date, fmt: str) -> bytes:
    """The register as at ``on`` in ``fmt`` (FORMATS), as bytes."""
    if fmt == "json":
        from outcomes.core.downloads.writers import json_bytes

        return json_bytes(register_json(register, on))
    if fmt == "xlsx":
        return xlsx_bytes(register_sheets(register, on))
    if fmt in ("html", "docx", "pdf"):
        return render_file(register_document(register, on), fmt)
    raise ValueError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")
