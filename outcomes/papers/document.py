"""A paper's content (content.py) as a board document (outcomes/documents/model.py): the page, Word,
PDF and HTML are all rendered from this one ``Document``, draft or published alike."""

from datetime import date

from outcomes.core.formatting import format_date
from outcomes.documents.model import (
    BulletList,
    Cell,
    Document,
    Figure,
    Heading,
    Note,
    Paragraph,
    Section,
    Table,
    header,
)

DRAFT_BANNER = "Draft: not published. Its figures follow the data until the paper is published."


def text_blocks(text: str) -> list:
    """A section as written: each line a paragraph, lines starting "- " or "•" a bulleted list."""
    found: list = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith(("- ", "•")):
            item = stripped[1:].strip()
            if found and isinstance(found[-1], BulletList):
                found[-1].items.append(item)
            else:
                found.append(BulletList([item]))
        else:
            found.append(Paragraph(stripped))
    return found


def _table(data: dict) -> Table:
    return Table(
        caption=data["caption"],
        header=[header(*data["header"])],
        rows=[
            [
                Cell(
                    value=c["value"],
                    text=c["text"] or "",
                    is_header=n == 0,
                    style="numeric" if isinstance(c["value"], int | float) else "",
                )
                for n, c in enumerate(row)
            ]
            for row in data["rows"]
        ],
        row_headers=True,
    )


def figure_blocks(block: dict) -> list:
    """One live (or frozen) figure: its heading, "as at" and source, then its text, table or chart."""
    when = format_date(date.fromisoformat(block["as_at"]))
    line = f"As at {when}." + (f" {block['source']}" if block.get("source") else "")
    found: list = [Heading(block["heading"], level=2), Paragraph(line, style="small")]
    found += [Paragraph(p) for p in block["paragraphs"]]
    if block.get("svg"):
        data = block.get("table")
        found.append(Figure(block["heading"], block["alt"], block["svg"], _table(data) if data else None))
    elif block.get("table"):
        found.append(_table(block["table"]))
    found += [Note(n) for n in block["notes"]]
    return found


def contact_line(contact: dict) -> str:
    parts = [p for p in [contact["name"], contact["title"]] if p]
    if contact["telephone"]:
        parts.append(f"Telephone: {contact['telephone']}")
    if contact["email"]:
        parts.append(f"E-mail: {contact['email']}")
    return "Contact Name: " + ", ".join(parts)


def paper_document(content: dict, *, banner: str = "", version_line: str = "") -> Document:
    """``banner`` says what the reader holds (a draft); ``version_line`` which version it is."""
    fields = Table(
        caption="The paper's details",
        rows=[
            [Cell(text=f"{h['number']}. {h['label']}:", is_header=True), Cell(text=h["text"])]
            for h in content["header"]
        ],
        row_headers=True,
        widths=[1, 3],
        caption_hidden=True,
    )
    blocks: list = [fields]
    if version_line:
        blocks.insert(0, Paragraph(version_line, style="small"))
    for section in content["sections"]:
        inner = text_blocks(section["text"])
        for figure in section["blocks"]:
            inner += figure_blocks(figure)
        blocks.append(Section(Heading(f"{section['number']}. {section['label']}", level=1), inner))
    blocks.append(Paragraph(contact_line(content["contact"])))
    return Document(
        title=content["title"],
        subtitle=content["heading"],
        as_at=date.fromisoformat(content["as_at"]),
        banner=banner,
        meta={"author": content["contact"]["name"] or "Outcomes", "subject": content["title"]},
        blocks=blocks,
    )
