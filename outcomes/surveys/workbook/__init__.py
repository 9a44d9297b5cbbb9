"""An edition as an Excel workbook in an XLSForm-like layout (docs/decisions/0021-survey-workbook.md):
read.py and survey_sheet.py read and check it (every problem located by sheet, row and column),
save.py saves it all or nothing, export.py writes it back out in the same layout, copy.py starts
next year's edition from this one."""

from outcomes.surveys.workbook.copy import copy_edition
from outcomes.surveys.workbook.export import export_workbook, template_workbook, workbook_bytes
from outcomes.surveys.workbook.read import RESERVED_SLUGS, EditionDraft, read_workbook
from outcomes.surveys.workbook.save import import_workbook, save_questions

__all__ = [
    "RESERVED_SLUGS",
    "EditionDraft",
    "copy_edition",
    "export_workbook",
    "import_workbook",
    "read_workbook",
    "save_questions",
    "template_workbook",
    "workbook_bytes",
]
