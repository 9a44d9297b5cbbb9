"""What an import reports: every problem with where it is, so that a file is corrected once, not
once per error; and the exception that carries them (nothing has been written when it is raised)."""

from dataclasses import dataclass

from outcomes.core.imports.limits import limits


@dataclass(frozen=True)
class Problem:
    where: str  # "sheet 'Values', row 4, column D (Value)", "$.priorities[0].number", "" for the file
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def located(self, source: str) -> str:
        """The problem with the file's name first: file, sheet, row, column (name): message."""
        where = ", ".join(part for part in (source, self.where) if part)
        return f"{where}: {self.message}" if where else self.message


class ImportFailed(Exception):
    """Nothing was imported from ``source``, because of ``problems``."""

    def __init__(self, source: str, problems: list[Problem]):
        self.source = source
        self.problems = list(problems)
        count = len(self.problems)
        lines = "\n".join(f"  - {text}" for text in self.shown)
        more = f"\n  ... and {self.hidden:,} more" if self.hidden else ""
        super().__init__(
            f"{source}: nothing was imported, because of {count:,} "
            f"problem{'s' if count != 1 else ''}:\n{lines}{more}"
        )

    @property
    def shown(self) -> list[str]:
        """The first problems, each with its file, sheet, row and column (settings: IMPORT_LIMITS)."""
        return [p.located(self.source) for p in self.problems[: limits().problems]]

    @property
    def hidden(self) -> int:
        return max(0, len(self.problems) - limits().problems)


def where(sheet: str | None = None, row: int | None = None, column: str = "", name: str = "") -> str:
    """A place in a table, as every importer writes it: sheet 'S', row R, column C (name)."""
    parts = []
    if sheet:
        parts.append(f"sheet '{sheet}'")
    if row is not None:
        parts.append(f"row {row}")
    if column:
        parts.append(f"column {column}" + (f" ({name})" if name else ""))
    return ", ".join(parts)
