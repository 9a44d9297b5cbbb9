"""Starting next year's edition as a copy of this year's."""

from datetime import date

from django.db import transaction

from outcomes.core.models import record_change
from outcomes.surveys.models import Edition
from outcomes.surveys.questionnaire import build
from outcomes.surveys.workbook.save import save_questions, settings_of


def copy_edition(
    edition: Edition, *, year: int, slug: str, title: str, opens: date, closes: date, user
) -> Edition:
    """Start next year's edition from this one: the same questions with the same keys, so that
    unchanged questions are compared year on year. The copy is a draft with no links or responses."""
    with transaction.atomic():
        copy = Edition.objects.create(
            survey=edition.survey,
            year=year,
            phase=edition.phase,
            year_groups=edition.year_groups,
            slug=slug,
            title=title,
            welcome=edition.welcome,
            confidentiality=edition.confidentiality,
            end_text=edition.end_text,
            opens=opens,
            closes=closes,
            state=Edition.DRAFT,
            copied_from=edition,
            suppression_threshold=edition.suppression_threshold,
        )
        save_questions(copy, build(edition).sections)
        record_change(
            user=user,
            obj=copy,
            action="copied",
            summary=f"Started {copy.title} as a copy of {edition.title}",
            after=settings_of(copy),
        )
    return copy
