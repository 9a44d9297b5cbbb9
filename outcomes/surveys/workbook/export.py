"""An edition written out as the workbook it is imported from, and the template to start from."""

from datetime import date

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from outcomes.core import downloads
from outcomes.surveys.models import Edition
from outcomes.surveys.questionnaire import ChoiceSpec, ItemSpec, RowSpec, SectionSpec, build
from outcomes.surveys.workbook.read import CHOICES_COLUMNS, DEFAULT_SURVEY, SETTINGS_COLUMNS, SURVEY_COLUMNS


def _workbook_rows(settings: dict, survey_name: str, sections: list[SectionSpec]):
    settings_row = [
        settings.get("title", ""),
        settings.get("slug", ""),
        settings.get("year", ""),
        settings.get("phase", ""),
        settings.get("year_groups", ""),
        settings.get("opens"),
        settings.get("closes"),
        settings.get("confidentiality", ""),
        survey_name,
        settings.get("welcome", ""),
        settings.get("end_text", ""),
        settings.get("state", ""),
        settings.get("suppression_threshold"),
    ]
    survey_rows, choice_rows, written_lists = [], [], set()
    for section in sections:
        survey_rows.append(
            {
                "type": "begin section",
                "name": section.name,
                "label": section.heading,
                "hint": section.intro,
                "info": section.info,
                "info_title": section.info_title,
                "relevant": section.relevant,
            }
        )
        for item in section.items:
            survey_rows.append(
                {
                    "type": f"{item.type} {item.list_name}".strip() if item.list_name else item.type,
                    "name": item.name,
                    "label": item.label,
                    "hint": item.hint,
                    "info": item.info,
                    "info_title": item.info_title,
                    "required": "yes" if item.required else "",
                    "relevant": item.relevant,
                    "key": item.key if item.key and item.key != item.name else "",
                    "appearance": item.appearance,
                    "breakdown": item.breakdown,
                    "indicator": item.indicator,
                    "indicator_choices": item.indicator_choices,
                    "tags": item.tags,
                }
            )
            for row in item.rows:
                survey_rows.append(
                    {"type": "row", "name": row.name, "label": row.label, "relevant": row.relevant}
                )
            if item.list_name and item.list_name not in written_lists:
                written_lists.add(item.list_name)
                for choice in item.choices:
                    choice_rows.append(
                        [
                            item.list_name,
                            choice.name,
                            choice.label,
                            choice.group,
                            "yes" if choice.exclusive else "",
                        ]
                    )
        survey_rows.append({"type": "end section"})
    return settings_row, survey_rows, choice_rows


def workbook_bytes(settings: dict, survey_name: str, sections: list[SectionSpec]) -> bytes:
    """The workbook for these settings and sections, in the layout read_workbook reads."""
    settings_row, survey_rows, choice_rows = _workbook_rows(settings, survey_name, sections)
    wb = downloads.new_workbook()
    ws = wb.active
    ws.title = "survey"
    _header(ws, SURVEY_COLUMNS)
    for row in survey_rows:
        downloads.append(ws, [row.get(column, "") or None for column in SURVEY_COLUMNS])
    _widths(ws, SURVEY_COLUMNS, wide={"label": 70, "hint": 40, "info": 40, "relevant": 45})
    ws = wb.create_sheet("choices")
    _header(ws, CHOICES_COLUMNS)
    for row in choice_rows:
        downloads.append(ws, [value or None for value in row])
    _widths(ws, CHOICES_COLUMNS, wide={"label": 60, "group": 25})
    ws = wb.create_sheet("settings")
    _header(ws, SETTINGS_COLUMNS)
    downloads.append(ws, [value if value not in ("",) else None for value in settings_row])
    for cell in ws[2][5:7]:
        cell.number_format = "yyyy-mm-dd"
    _widths(ws, SETTINGS_COLUMNS, wide={"title": 40, "confidentiality": 60, "welcome": 60, "end_text": 60})
    return downloads.workbook_bytes(wb)


def _header(ws, columns: list[str]) -> None:
    downloads.append(ws, columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"


def _widths(ws, columns: list[str], wide: dict[str, int]) -> None:
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = wide.get(column, max(12, len(column) + 2))
        if column in wide:
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def export_workbook(edition: Edition) -> bytes:
    """The edition in the layout it is imported from (importing the result changes nothing)."""
    settings = {
        "title": edition.title,
        "slug": edition.slug,
        "year": edition.year,
        "phase": edition.phase,
        "year_groups": edition.year_groups,
        "opens": edition.opens,
        "closes": edition.closes,
        "confidentiality": edition.confidentiality,
        "welcome": edition.welcome,
        "end_text": edition.end_text,
        "state": edition.state,
        "suppression_threshold": edition.suppression_threshold,
    }
    return workbook_bytes(settings, edition.survey.name, build(edition).sections)


def template_workbook() -> bytes:
    """A small example to start from: every type once, with a condition and a grid."""
    today = date.today()
    settings = {
        "title": f"Lifestyle Survey {today.year} (primary)",
        "slug": f"primary-{today.year}",
        "year": today.year,
        "phase": "primary",
        "year_groups": "5",
        "opens": date(today.year, 10, 1),
        "closes": date(today.year, 12, 18),
        "confidentiality": (
            "All answers will be confidential. Your teachers and parents will not see what you have put."
        ),
        "welcome": "Welcome to this year's Lifestyle Survey.",
        "end_text": "If any of the questions cause you concern please speak to your teacher.",
        "state": "draft",
    }
    yes_no = [ChoiceSpec("yes", "Yes"), ChoiceSpec("no", "No")]
    sections = [
        SectionSpec(
            "about_you",
            "About you and your school",
            items=[
                ItemSpec(
                    "q1",
                    "select_one",
                    "I am:",
                    required=True,
                    breakdown="gender",
                    list_name="gender",
                    choices=[ChoiceSpec("male", "Male"), ChoiceSpec("female", "Female")],
                ),
                ItemSpec("school", "school", "Your school"),
                ItemSpec(
                    "q2",
                    "yes_no_dk",
                    "I eat 5 portions of fruit and vegetables per day",
                    info="Fruit and vegetables ...",
                    info_title="5 a day information",
                ),
                ItemSpec(
                    "q3",
                    "grid",
                    "I eat: (one tick per row)",
                    list_name="often",
                    choices=[
                        ChoiceSpec("never", "Never"),
                        ChoiceSpec("weekly", "Once a week"),
                        ChoiceSpec("daily", "Every or most days"),
                    ],
                    rows=[RowSpec("fruit", "Fruit"), RowSpec("vegetables", "Vegetables")],
                ),
                ItemSpec(
                    "q4",
                    "select_one",
                    "Have you been bullied?",
                    list_name="yes_no",
                    choices=yes_no,
                    indicator="NI 69",
                    indicator_choices="yes",
                ),
                ItemSpec(
                    "q5",
                    "select_multiple",
                    "Who did you tell?",
                    relevant="${q4} = 'yes'",
                    list_name="told",
                    choices=[
                        ChoiceSpec("teacher", "A teacher"),
                        ChoiceSpec("family", "My family"),
                        ChoiceSpec("nobody", "Nobody", exclusive=True),
                    ],
                ),
                ItemSpec("q6", "text", "What would you like to see for young people?"),
                ItemSpec("thanks", "note", "Thank you for answering."),
            ],
        )
    ]
    return workbook_bytes(settings, DEFAULT_SURVEY, sections)
