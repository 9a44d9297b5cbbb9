"""The one import pipeline (docs/architecture.md): every importer reads its file with ``tables`` or
``jsonfile``, each value with ``cells``, collects ``Problem``s with where they are, and raises
``ImportFailed`` before writing anything; ``views.upload_page`` is the upload page of each."""

from outcomes.core.imports.cells import BadValue
from outcomes.core.imports.limits import Limits, limits
from outcomes.core.imports.problems import ImportFailed, Problem, where
from outcomes.core.imports.tables import Column, Row, Sheet, Table, open_table, open_workbook, read_csv

__all__ = [
    "BadValue",
    "Column",
    "ImportFailed",
    "Limits",
    "Problem",
    "Row",
    "Sheet",
    "Table",
    "limits",
    "open_table",
    "open_workbook",
    "read_csv",
    "where",
]
