"""Saving a checked edition workbook: the edition created, or its questions replaced, all or nothing."""

from django.db import transaction
from django.utils.text import slugify

from outcomes.core.imports import ImportFailed, Problem
from outcomes.core.models import record_change
from outcomes.surveys.models import Choice, Edition, GridRow, Question, Section, Survey
from outcomes.surveys.questionnaire import SectionSpec
from outcomes.surveys.workbook.read import read_workbook


def import_workbook(data: bytes, source: str, *, user) -> Edition:
    """Create the edition the workbook describes, or replace the questions of the edition with its
    slug (refused once pupils have answered it). Nothing is saved unless everything is valid."""
    draft = read_workbook(data, source)
    with transaction.atomic():
        edition = Edition.objects.select_for_update().filter(slug=draft.settings["slug"]).first()
        if edition is not None and edition.responses.exists():
            raise ImportFailed(
                source,
                [
                    Problem(
                        draft.slug_where,
                        f"the edition '{edition.slug}' already has responses, so its questions cannot be "
                        "replaced: copy it to start a new edition, or give this workbook another slug",
                    )
                ],
            )
        survey, _ = Survey.objects.get_or_create(
            name=draft.survey_name, defaults={"slug": _unique_survey_slug(draft.survey_name)}
        )
        other = Edition.objects.filter(
            survey=survey, year=draft.settings["year"], phase=draft.settings["phase"]
        )
        if edition is not None:
            other = other.exclude(pk=edition.pk)
        if other.exists():
            raise ImportFailed(
                source,
                [
                    Problem(
                        draft.slug_where,
                        f"{survey.name} already has a {draft.settings['phase']} edition for "
                        f"{draft.settings['year']} ('{other.first().slug}')",
                    )
                ],
            )
        before = settings_of(edition) if edition else None
        if edition is None:
            edition = Edition(survey=survey, **draft.settings)
        else:
            edition.survey = survey
            for attr, value in draft.settings.items():
                setattr(edition, attr, value)
            edition.revision += 1
            edition.sections.all().delete()
        edition.save()
        save_questions(edition, draft.sections)
        record_change(
            user=user,
            obj=edition,
            action="imported",
            summary=f"Imported {edition.title} from {source} ({_count(draft.sections)} questions)",
            before=before,
            after=settings_of(edition),
        )
    return edition


def _unique_survey_slug(name: str) -> str:
    base = slugify(name)[:70] or "survey"
    slug, n = base, 1
    while Survey.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _count(sections: list[SectionSpec]) -> int:
    return sum(1 for s in sections for i in s.items if i.type in Question.ANSWERED_TYPES)


def settings_of(edition: Edition) -> dict:
    return {
        "title": edition.title,
        "slug": edition.slug,
        "year": edition.year,
        "phase": edition.phase,
        "year_groups": edition.year_groups,
        "opens": edition.opens.isoformat() if edition.opens else None,
        "closes": edition.closes.isoformat() if edition.closes else None,
        "state": edition.state,
        "revision": edition.revision,
        "suppression_threshold": edition.suppression_threshold,
    }


def save_questions(edition: Edition, sections: list[SectionSpec]) -> None:
    """Write the sections and their items (the edition has none yet)."""
    order = 0
    choices, rows = [], []
    for section_order, spec in enumerate(sections, start=1):
        section = Section.objects.create(
            edition=edition,
            order=section_order,
            name=spec.name,
            heading=spec.heading,
            intro=spec.intro,
            info=spec.info,
            info_title=spec.info_title,
            relevant=spec.relevant,
        )
        questions = []
        for item in spec.items:
            order += 1
            questions.append(
                Question(
                    edition=edition,
                    section=section,
                    order=order,
                    number=item.number,
                    name=item.name,
                    key=item.key or item.name,
                    type=item.type,
                    list_name=item.list_name,
                    label=item.label,
                    hint=item.hint,
                    info=item.info,
                    info_title=item.info_title,
                    required=item.required,
                    relevant=item.relevant,
                    appearance=item.appearance,
                    breakdown=item.breakdown,
                    indicator=item.indicator,
                    indicator_choices=item.indicator_choices,
                    tags=item.tags,
                )
            )
        for question, item in zip(Question.objects.bulk_create(questions), spec.items, strict=True):
            choices += [
                Choice(
                    question=question,
                    order=i,
                    name=c.name,
                    label=c.label,
                    group=c.group,
                    exclusive=c.exclusive,
                )
                for i, c in enumerate(item.choices)
            ]
            rows += [
                GridRow(question=question, order=i, name=r.name, label=r.label, relevant=r.relevant)
                for i, r in enumerate(item.rows)
            ]
    Choice.objects.bulk_create(choices)
    GridRow.objects.bulk_create(rows)
