"""Chosen survey results feed indicators (SPEC §3: "the bullying figure for NI 69";
docs/decisions/0034-survey-results-feed-indicators.md).

A question names the indicator it feeds and the answers it counts (``Question.indicator`` and
``indicator_choices``, set in the questionnaire workbook). The value is the borough's percentage of
the pupils who answered the question giving one of those answers, for the home area and the
academic year of the edition, written as an indicator Value through the indicators app and followed
by its recompute. The figure is suppressed as the edition's reports suppress it (the edition's
threshold), and a suppressed figure is written as missing with DfE's code "c"."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.results.figures import ALL, Results, percentage

# What an indicator first created by a feed is, where the indicators app does not have it yet.
KNOWN_INDICATORS = {
    "NI 69": ("Children who have experienced bullying", "low"),
    "NI 110": ("Young people's participation in positive activities", "high"),
    "NI 115": ("Substance misuse by young people", "low"),
    "NI 50": ("Emotional health of children", "high"),
    "NI 199": ("Children and young people's satisfaction with parks and play areas", "high"),
}


@dataclass(frozen=True)
class Feed:
    question: str  # the question's name in the edition
    label: str
    indicator: str  # the indicator's code, e.g. "NI 69"
    choices: tuple[str, ...]  # the answers counted


@dataclass(frozen=True)
class Written:
    indicator: str
    value: Decimal | None
    numerator: int | None
    denominator: int | None
    reason: str | None


def feeds_of(edition) -> list[Feed]:
    """The edition's questions that feed an indicator (grids are not: a row would have to be named)."""
    q = questionnaires.load(edition)
    found = []
    for item in q.items:
        if not item.indicator or item.type == "grid":
            continue
        names = [c.strip() for c in item.indicator_choices.split(",") if c.strip()]
        found.append(
            Feed(item.name, item.label, item.indicator.strip(), tuple(names or item.choice_names[:1]))
        )
    return found


def feed_value(results: Results, feed: Feed) -> Written:
    """The share of pupils who answered the question giving one of the feed's answers, from the
    borough's suppressed results: suppressed when any of the counts it adds up is."""
    row = results.question(feed.question).rows[0]
    everyone = row.group(ALL)
    counts = [o.count for o in everyone.options if o.name in feed.choices]
    hidden = next((c.reason for c in counts if c.suppressed), None) or everyone.answered.reason
    if hidden:
        return Written(feed.indicator, None, None, None, hidden)
    numerator = sum(c.value for c in counts)
    denominator = everyone.answered.value
    return Written(feed.indicator, percentage(numerator, denominator), numerator, denominator, None)


def _indicator(code: str):
    from outcomes.indicators.models import Indicator

    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        name, polarity = KNOWN_INDICATORS.get(code, (code, Indicator.NONE))
        indicator = Indicator.objects.create(
            code=code,
            name=name,
            unit_kind=Indicator.PERCENTAGE,
            polarity=polarity,
            period_type=Indicator.ACADEMIC,
            decimal_places=1,
            source="Lifestyle Survey",
        )
    return indicator


class NoRelease(LookupError):
    """The edition has no release of results to send."""


class NoHomeArea(LookupError):
    """The indicators app has no home area to give the values to."""


def feed_indicators(edition, *, user=None) -> list[Written]:
    """Write every feed of the edition's latest release as an indicator Value for the home area
    and the edition's academic year, through the indicators' one writer (which records the changes
    and recomputes the indicators' derived figures)."""
    from outcomes.indicators import areas, periods
    from outcomes.indicators.models import ImportRun, Value
    from outcomes.indicators.writing import ValueBatch, write_values
    from outcomes.surveys import releases

    feeds = feeds_of(edition)
    if not feeds:
        return []
    area = areas.home_area()
    if area is None:
        raise NoHomeArea("The indicators have no home area (setting INDICATORS_HOME_AREA).")
    release = releases.latest(edition)
    if release is None:
        raise NoRelease(f"No results of {edition.title} have been released: publish a release first.")
    results = releases.borough_of(release)[0]
    label = f"{edition.year}/{(edition.year + 1) % 100:02d}"
    written, rows = [], []
    with transaction.atomic():
        run = ImportRun.objects.create(
            kind=ImportRun.MANUAL, source=f"Lifestyle Survey {edition.slug}", user=user
        )
        for feed in feeds:
            figure = feed_value(results, feed)
            indicator = _indicator(feed.indicator)
            period = periods.period_for(label, indicator.period_type or "academic")
            rows.append(
                {
                    "indicator_id": indicator.pk,
                    "area_id": area.pk,
                    "period_id": period.pk,
                    "value": figure.value,
                    "numerator": figure.numerator,
                    "denominator": figure.denominator,
                    "status": Value.FINAL,
                    "missing_reason": "" if figure.value is not None else "c",
                    "published_label": label,
                }
            )
            written.append(figure)
        write_values(
            ValueBatch.from_rows(rows),
            run=run,
            user=user,
            summary=f"{edition.title} fed to the indicators for {area.name}, {label}",
        )
    return written
