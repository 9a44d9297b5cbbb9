"""How much an upload may hold (settings.IMPORT_LIMITS; decision 0062). Files beyond a limit are
refused before they are read, so that one upload cannot tie a server up."""

from dataclasses import dataclass

from django.conf import settings

DEFAULTS = {
    "FILE_BYTES": 10 * 1024 * 1024,  # the file as uploaded
    "EXPANDED_BYTES": 60 * 1024 * 1024,  # a workbook's parts once unzipped
    "ROWS": 20_001,  # rows of one sheet or CSV file: 20,000 and the header
    "COLUMNS": 100,  # columns read from one sheet
    "PROBLEMS": 100,  # problems listed on the page; the rest are counted
    "JSON_DEPTH": 32,  # objects and lists inside each other in a JSON file
}


@dataclass(frozen=True)
class Limits:
    file_bytes: int
    expanded_bytes: int
    rows: int
    columns: int
    problems: int
    json_depth: int

    @property
    def file_words(self) -> str:
        return bytes_words(self.file_bytes)

    @property
    def summary(self) -> str:
        """The limits in a sentence for the upload pages."""
        return (
            f"Files may be up to {self.file_words} and {self.rows - 1:,} rows a sheet. "
            f"If anything is wrong, the first {self.problems:,} problems are listed and the rest counted."
        )


def limits() -> Limits:
    given = {**DEFAULTS, **getattr(settings, "IMPORT_LIMITS", {})}
    return Limits(**{key.lower(): int(value) for key, value in given.items()})


def bytes_words(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):,.3g} MB"
    return f"{size / 1024:,.0f} KB"
