"""A plan milestone's baseline, target and actual read from the indicator linked to it: a panel of the
milestone's page, registered with ``plans.panels`` when the app is ready (``apps.py``)."""

from outcomes.indicators import rules
from outcomes.indicators.access import code_slug
from outcomes.indicators.kpi_table import format_figure, on_target_judgement
from outcomes.indicators.models import DerivedFigure, ExceptionRecord, MilestoneIndicatorLink, Target, Value

PANEL_TEMPLATE = "indicators/_milestone_indicator.html"


def milestone_panel(request, milestone) -> dict | None:  # noqa: ARG001 (plans' panel signature)
    """The panel's context, or None (no panel) when no indicator measures the milestone."""
    measures = linked_measures(milestone)
    return None if measures is None else {"indicator_measures": measures}


def linked_measures(milestone) -> dict | None:
    """None when the milestone is not linked. Baseline: the value for the link's baseline period (or
    the earliest value). Target: the target for its target period (or the latest target). Actual:
    the latest value, judged against the target in force for its period."""
    from outcomes.indicators.areas import home_area

    link = (
        MilestoneIndicatorLink.objects.filter(milestone=milestone)
        .select_related("indicator", "area", "baseline_period", "target_period")
        .first()
    )
    if link is None:
        return None
    indicator = link.indicator
    area = link.area or home_area()
    values = list(
        Value.objects.filter(indicator=indicator, area=area, value__isnull=False)
        .select_related("period")
        .order_by("period__sort_key")
    )
    kind = link.baseline_period.kind if link.baseline_period_id else None
    own_kind = [v for v in values if kind is None or v.period.kind == kind]
    baseline = next((v for v in values if v.period_id == link.baseline_period_id), None)
    if baseline is None and link.baseline_period_id is None and own_kind:
        baseline = own_kind[0]
    actual = own_kind[-1] if own_kind else None
    targets = [
        t
        for t in Target.objects.filter(indicator=indicator).select_related("period")
        if t.area_id in (None, getattr(area, "pk", None))
    ]
    target = None
    if link.target_period_id:
        target = rules.target_in_force(targets, link.target_period_id, link.target_period.end)
    elif targets:
        target = max(targets, key=lambda t: t.period.end if t.period_id else t.due)
    figure = None
    if actual is not None:
        figure = DerivedFigure.objects.filter(indicator=indicator, area=area, period=actual.period).first()
    exceptions = ExceptionRecord.objects.filter(indicator=indicator, closed_at__isnull=True).prefetch_related(
        "clinics"
    )
    return {
        "indicator": indicator,
        "slug": code_slug(indicator.code),
        "area": area,
        "baseline": _measure(baseline.value, baseline.period.label, indicator) if baseline else None,
        "target": _measure(target.value, _when(target), indicator) if target else None,
        "actual": _measure(actual.value, actual.period.label, indicator) if actual else None,
        "on_target": on_target_judgement(figure.on_target if figure else None),
        "exceptions": exceptions,
    }


def _when(target: Target) -> str:
    return target.period.label if target.period_id else f"by {target.due.day} {target.due:%B %Y}"


def _measure(value, period: str, indicator) -> dict:
    return {"text": format_figure(value, indicator), "period": period}
