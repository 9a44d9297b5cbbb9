"""An update's tables typed in the page (seed 003's trajectory and outcome tables): one row per line,
cells separated by tabs, as a spreadsheet copies them, or by " | "; the first line holds the column
headings. Stored as docs/interchange.md's tables: {"caption", "columns", "rows"}, cells as text
written ("516 97%", "1,040"), so that nothing typed is changed by reading it as a number."""

MOST_ROWS = 200
MOST_COLUMNS = 30
MOST_CELL = 500


class TableProblem(ValueError):
    pass


def _cells(line: str) -> list[str]:
    if "\t" in line:
        parts = line.split("\t")
    elif "|" in line:
        line = line.strip()
        if line.startswith("|") and line.endswith("|") and len(line) > 1:
            line = line[1:-1]  # written as a Markdown table: | a | b |
        parts = line.split("|")
    else:
        parts = [line]
    cells = [part.strip() for part in parts]
    while cells and not cells[-1]:  # a spreadsheet's trailing tabs (seed 003 F4)
        cells.pop()
    return cells


def read_table(caption: str, text: str) -> dict | None:
    """The table typed as text, or None when nothing was typed (the table is taken off)."""
    lines = [line for line in (text or "").replace("\r\n", "\n").split("\n") if line.strip()]
    if not lines:
        if caption.strip():
            raise TableProblem("Type the table's rows under its title, or clear the title")
        return None
    columns = _cells(lines[0])
    rows = [_cells(line) for line in lines[1:]]
    if len(rows) > MOST_ROWS:
        raise TableProblem(f"A table may have at most {MOST_ROWS} rows; this one has {len(rows)}")
    width = max([len(columns), *(len(r) for r in rows)])
    if width > MOST_COLUMNS:
        raise TableProblem(f"A table may have at most {MOST_COLUMNS} columns; this one has {width}")
    for number, row in enumerate([columns, *rows], start=1):
        for cell in row:
            if len(cell) > MOST_CELL:
                raise TableProblem(f"Line {number} has a cell longer than {MOST_CELL} characters")
    # Ragged rows are filled out, so that every row has a cell under every heading.
    columns += [""] * (width - len(columns))
    rows = [row + [""] * (width - len(row)) for row in rows]
    return {"caption": caption.strip(), "columns": columns, "rows": rows}


def table_as_text(table: dict) -> str:
    """A stored table as the page shows it for editing: cells separated by " | ", headings first
    (a tab cannot be typed into a text box; " | " can)."""
    lines = [table.get("columns") or [], *(table.get("rows") or [])]
    return "\n".join(" | ".join("" if cell is None else str(cell) for cell in line) for line in lines)
