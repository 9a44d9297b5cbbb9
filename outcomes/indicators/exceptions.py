"""Exceptions (SPEC §2): raised automatically from the derived figures, never typed in.

Each rule of ``RULES`` looks at one indicator's latest figure for the partnership's area and says
why it needs attention, or nothing. ``no_data_by_due_date`` looks at what was due and has not
arrived. ``refresh_exceptions`` turns what the rules say now into records: it opens a record for
a new exception, keeps one that still holds (its detail refreshed) and closes one that no longer
does, so that the list always matches the data and keeps its history.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from outcomes.core.models import record_change
from outcomes.indicators import signals
from outcomes.indicators.areas import home_area
from outcomes.indicators.kpi_table import format_figure
from outcomes.indicators.models import DataExpectation, DerivedFigure, ExceptionRecord, Indicator, Value

R = ExceptionRecord


def missed_target(fig: DerivedFigure) -> str | None:
    """The value misses the target in force for its period (by the indicator's polarity)."""
    if fig.on_target is not False:
        return None
    indicator = fig.indicator
    target = format_figure(fig.target_value, indicator)
    if indicator.polarity == Indicator.BAND and fig.target_id and fig.target.upper_value is not None:
        target = f"{target} to {format_figure(fig.target.upper_value, indicator)}"
    return f"{format_figure(fig.value, indicator)} in {fig.period.label} against a target of {target}"


def worsening(fig: DerivedFigure) -> str | None:
    """Worse than the previous period, in the indicator's terms (a rise in a low-is-good rate)."""
    if fig.dot != -1:
        return None
    indicator = fig.indicator
    before = fig.previous_period.label if fig.previous_period_id else "the previous period"
    return (
        f"Worsened from {format_figure(fig.previous_value, indicator)} in {before} "
        f"to {format_figure(fig.value, indicator)} in {fig.period.label}"
    )


def worse_than_england(fig: DerivedFigure) -> str | None:
    """Significantly worse than England at 95%: England lies outside the value's confidence
    interval on the wrong side (Fingertips' single-interval method)."""
    if fig.significance_95 != -1:
        return None
    indicator = fig.indicator
    interval = ""
    if fig.ci_lower is not None and fig.ci_upper is not None:
        places = indicator.decimal_places if indicator.decimal_places is not None else 1
        low, high = (format_figure(x, indicator, places) for x in (fig.ci_lower, fig.ci_upper))
        interval = f" (95% confidence interval {low} to {high})"
    return (
        f"{format_figure(fig.value, indicator)}{interval} in {fig.period.label} against England's "
        f"{format_figure(fig.england_value, indicator)}"
    )


def spc_concern(fig: DerivedFigure) -> str | None:
    """The monthly or quarterly series shows special-cause variation of concern (XmR chart)."""
    if fig.spc != -1:
        return None
    return (
        f"Special-cause variation of concern in the series to {fig.period.label} "
        f"(latest {format_figure(fig.value, fig.indicator)})"
    )


def no_data_by_due_date(due: date, has_value: bool, today: date) -> bool:
    """The value was due before today and has not arrived (a missing value with a reason such as
    "c" or "-" has not arrived either)."""
    return due < today and not has_value


RULES: list[tuple[str, Callable[[DerivedFigure], str | None]]] = [
    (R.MISSED_TARGET, missed_target),
    (R.WORSENING, worsening),
    (R.WORSE_THAN_ENGLAND, worse_than_england),
    (R.SPC_CONCERN, spc_concern),
]


@dataclass(frozen=True)
class Found:
    indicator_id: int
    area_id: int
    period_id: int
    kind: str
    detail: str

    @property
    def key(self) -> tuple[int, int, int, str]:
        return (self.indicator_id, self.area_id, self.period_id, self.kind)


def latest_figures(area, indicator_ids: set[int] | None = None) -> list[DerivedFigure]:
    """Each indicator's figure for ``area`` at the latest period that has a value, for each kind of
    period it has: NI 59's October 2010 (monthly) and its 2010-11 year to date are both current."""
    figures = DerivedFigure.objects.filter(area=area, value__isnull=False)
    if indicator_ids is not None:
        figures = figures.filter(indicator_id__in=indicator_ids)
    # Chosen from plain rows first: the home area has a figure for every period of every measure,
    # and only the latest of each are read whole.
    latest: dict[tuple[int, str], int] = {}
    rows = figures.order_by("indicator_id", "period__sort_key", "id")
    for pk, indicator_id, kind in rows.values_list("pk", "indicator_id", "period__kind"):
        latest[(indicator_id, kind)] = pk
    chosen = DerivedFigure.objects.filter(pk__in=list(latest.values())).select_related(
        "indicator", "period", "previous_period", "target"
    )
    found = {fig.pk: fig for fig in chosen}
    return [found[pk] for pk in latest.values()]


def find_exceptions(home, indicator_ids: set[int] | None = None, today: date | None = None) -> list[Found]:
    """Every exception that holds now: the rules on the latest figures, and data past its due date."""
    today = today or timezone.localdate()
    found = []
    if home is not None:
        for fig in latest_figures(home, indicator_ids):
            for kind, rule in RULES:
                detail = rule(fig)
                if detail:
                    found.append(Found(fig.indicator_id, home.pk, fig.period_id, kind, detail))
    expectations = DataExpectation.objects.select_related("indicator", "period")
    if indicator_ids is not None:
        expectations = expectations.filter(indicator_id__in=indicator_ids)
    for e in expectations:
        area_id = e.area_id or (home.pk if home is not None else None)
        if area_id is None:
            continue
        arrived = Value.objects.filter(
            indicator_id=e.indicator_id, area_id=area_id, period_id=e.period_id, value__isnull=False
        ).exists()
        if no_data_by_due_date(e.due, arrived, today):
            detail = f"No value for {e.period.label}, due by {e.due.day} {e.due:%B %Y}"
            found.append(Found(e.indicator_id, area_id, e.period_id, R.NO_DATA, detail))
    return found


def _indicator_ids(indicators) -> set[int] | None:
    if indicators is None:
        return None
    return {i.pk if isinstance(i, Indicator) else int(i) for i in indicators}


@transaction.atomic
def refresh_exceptions(indicators: Iterable | None = None, *, today: date | None = None) -> dict[str, int]:
    """Open, keep and close exception records so that they match the data now. Called at the end of
    every recompute of the derived figures; ``indicators`` limits it to some (None: all)."""
    ids = _indicator_ids(indicators)
    now = timezone.now()
    wanted = {f.key: f for f in find_exceptions(home_area(), ids, today)}
    open_records = R.objects.filter(closed_at__isnull=True).select_related("indicator", "period")
    if ids is not None:
        open_records = open_records.filter(indicator_id__in=ids)
    counts = {"opened": 0, "closed": 0, "kept": 0}
    for record in open_records:
        key = (record.indicator_id, record.area_id, record.period_id, record.kind)
        found = wanted.pop(key, None)
        if found is None:
            record.closed_at = now
            record.closed_reason = "No longer applies after the latest data and targets"
            record.save(update_fields=["closed_at", "closed_reason"])
            record_change(
                user=None,
                obj=record,
                action="exception_closed",
                summary=f"Exception closed: {record}",
                before={"open": True},
                after={"open": False},
            )
            counts["closed"] += 1
            continue
        counts["kept"] += 1
        if found.detail != record.detail:
            before = record.detail
            record.detail = found.detail
            record.save(update_fields=["detail"])
            record_change(
                user=None,
                obj=record,
                action="exception_updated",
                summary=f"Exception updated: {record}",
                before={"detail": before},
                after={"detail": found.detail},
            )
    for found in wanted.values():
        record = R.objects.create(
            indicator_id=found.indicator_id,
            area_id=found.area_id,
            period_id=found.period_id,
            kind=found.kind,
            detail=found.detail[:400],
            opened_at=now,
        )
        record_change(
            user=None,
            obj=record,
            action="exception_opened",
            summary=f"Exception opened: {record}",
            after={"kind": found.kind, "detail": record.detail},
        )
        # After commit, as plans/signals.py: the risk register (above) proposes a candidate risk.
        transaction.on_commit(lambda record=record: signals.exception_opened.send(sender=R, record=record))
        counts["opened"] += 1
    return counts
