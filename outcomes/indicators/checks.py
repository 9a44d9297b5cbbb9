"""The data-quality rules of indicator values, registered into the one registry of
``outcomes/core/checks.py`` when the app is ready (the clinic actions' rule moved with them into the
governance tracker, decision 0142).

Every rule takes the same optional scope: ``indicator``, ``import_run`` (the values an upload
added or changed), ``clinic`` and ``today``. The partnership's own figures (its home area, and anything typed
in or uploaded) are listed value by value; DfE's published figures for other areas are the
publisher's to answer for, so they are summed up in one finding per indicator.
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q
from django.urls import reverse

from outcomes.core.checks import Finding, register
from outcomes.core.formatting import format_decimal
from outcomes.indicators.access import area_key, code_slug
from outcomes.indicators.areas import home_area
from outcomes.indicators.models import ImportRun, Indicator, Target, Value

APP = "indicators"
# Shown in a summary of other areas' values: enough to find them, not a page of them.
EXAMPLES = 3


def _indicator_url(indicator: Indicator, area=None) -> str:
    url = reverse("indicators:indicator", args=[code_slug(indicator.code)])
    return f"{url}?area={area_key(area)}" if area is not None else url


def _values(indicator=None, import_run=None):
    values = Value.objects.select_related("indicator", "area", "period", "source_import")
    if indicator is not None:
        values = values.filter(indicator=indicator)
    if import_run is not None:
        values = values.filter(source_import=import_run)
    return values.order_by("indicator__code", "area__name", "period__sort_key")


def _listed_one_by_one(value: Value, home) -> bool:
    run = value.source_import
    return (home is not None and value.area_id == home.pk) or (run is not None and run.kind != ImportRun.LAIT)


def _value_finding(rule: str, value: Value, message: str) -> Finding:
    indicator, area, period = value.indicator, value.area, value.period
    label = value.published_label or period.label
    return Finding(
        rule,
        f"{indicator.code} {indicator.name}, {area.name}, {label}",
        _indicator_url(indicator, area),
        f"indicators/{indicator.code}/{area.pk}/{period.pk}",
        message,
        f"{value.value}|{value.numerator}|{value.denominator}|{indicator.unit_kind}|{indicator.multiplier}",
        frozenset(
            {f"indicator:{indicator.pk}", f"value:{value.pk}"}
            | ({f"import:{value.source_import_id}"} if value.source_import_id else set())
        ),
    )


def _summary_finding(rule: str, indicator: Indicator, values: list[Value], what: str) -> Finding:
    examples = "; ".join(
        f"{v.area.name} {v.published_label or v.period.label}: {format_decimal(v.value)}"
        for v in values[:EXAMPLES]
    )
    more = f" and {len(values) - EXAMPLES} more" if len(values) > EXAMPLES else ""
    count = f"{len(values)} value{'' if len(values) == 1 else 's'}"
    return Finding(
        rule,
        f"{indicator.code} {indicator.name}, other areas (as published)",
        _indicator_url(indicator),
        f"indicators/{indicator.code}/published",
        f"{count} {what}: {examples}{more}.",
        "|".join(f"{v.area_id}/{v.period_id}={v.value}" for v in values),
        frozenset({f"indicator:{indicator.pk}"}),
    )


def _by_the_rule(rule: str, values, problem, what: str):
    """Findings of ``problem(value)`` (a message or None): one by one for the partnership's own
    figures, one per indicator for the rest."""
    home = home_area()
    others: dict[int, list[Value]] = defaultdict(list)
    indicators: dict[int, Indicator] = {}
    for value in values:
        message = problem(value)
        if message is None:
            continue
        if _listed_one_by_one(value, home):
            yield _value_finding(rule, value, message)
        else:
            others[value.indicator_id].append(value)
            indicators[value.indicator_id] = value.indicator
    for indicator_id, found in others.items():
        yield _summary_finding(rule, indicators[indicator_id], found, what)


@register(
    name="indicator-percentage-out-of-range",
    title="A percentage above 100% or below 0",
    description=(
        "An indicator measured as a percentage has values from 0 to 100. A value outside may be a "
        "count or a change recorded as a percentage, or take-up against an estimated population."
    ),
    app=APP,
    source="issue 11",
)
def percentage_out_of_range(indicator=None, import_run=None, today=None, clinic=None):  # noqa: ARG001 (the registry's signature)
    if clinic is not None:
        return
    values = _values(indicator, import_run).filter(
        Q(value__gt=100) | Q(value__lt=0), indicator__unit_kind=Indicator.PERCENTAGE
    )

    def problem(value: Value) -> str:
        side = "above 100%" if value.value > 100 else "below 0"
        return f"The value {format_decimal(value.value)}% is {side}."

    yield from _by_the_rule("indicator-percentage-out-of-range", values, problem, "above 100% or below 0")
    if import_run is not None:
        return
    targets = Target.objects.select_related("indicator", "period").filter(
        indicator__unit_kind=Indicator.PERCENTAGE
    )
    if indicator is not None:
        targets = targets.filter(indicator=indicator)
    for target in targets.filter(Q(value__gt=100) | Q(value__lt=0) | Q(upper_value__gt=100)):
        shown = max(target.value, target.upper_value or target.value) if target.value >= 0 else target.value
        side = "above 100%" if shown > 100 else "below 0"
        found = target.indicator
        yield Finding(
            "indicator-percentage-out-of-range",
            f"{found.code} {found.name}, target for {_target_when(target)}",
            reverse("indicators:indicator", args=[code_slug(found.code)]),
            f"indicators/{found.code}/targets/{target.pk}",
            f"The target {format_decimal(shown)}% is {side}.",
            f"{target.value}|{target.upper_value}",
            frozenset({f"indicator:{found.pk}"}),
        )


def _scale(indicator: Indicator) -> int | None:
    if indicator.unit_kind == Indicator.PERCENTAGE:
        return 100
    if indicator.unit_kind == Indicator.RATE:
        return indicator.multiplier or None
    if indicator.unit_kind == Indicator.MEAN:
        return 1
    return None


def _places(value: Decimal, indicator: Indicator) -> int:
    """The places the value is given to: the indicator's, or else as many as it was written with."""
    if indicator.decimal_places is not None:
        return indicator.decimal_places
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def numerator_denominator_problem(value: Value) -> str | None:
    """The value, its numerator and denominator agree when numerator / denominator x the unit's
    scale (100 for a percentage, N for a rate per N) rounds to the value at its places."""
    scale = _scale(value.indicator)
    if scale is None or value.value is None or value.numerator is None or not value.denominator:
        return None
    exact = value.numerator * scale / value.denominator
    places = _places(value.value, value.indicator)
    half = Decimal(5) / Decimal(10) ** (places + 1)
    if abs(exact - value.value) <= half + Decimal("1e-9"):
        return None
    unit = "%" if value.indicator.unit_kind == Indicator.PERCENTAGE else ""
    per = f" per {scale:,}" if value.indicator.unit_kind == Indicator.RATE else ""
    return (
        f"The value is {format_decimal(value.value)}{unit}{per}, but {format_decimal(value.numerator)} "
        f"of {format_decimal(value.denominator)} is {exact:.{max(places, 1)}f}{unit}{per}."
    )


@register(
    name="value-disagrees-with-numerator-denominator",
    title="A value that disagrees with its numerator and denominator",
    description=(
        "Where a value comes with its numerator and denominator, the one must follow from the "
        "others (77.8% = 1,767 of 2,270), at the places the value is published to."
    ),
    app=APP,
    source="notes-003 §20 V10; notes-002 §10.18",
)
def value_disagrees_with_numerator_denominator(indicator=None, import_run=None, today=None, clinic=None):  # noqa: ARG001
    if clinic is not None:
        return
    values = _values(indicator, import_run).filter(
        numerator__isnull=False, denominator__isnull=False, value__isnull=False
    )
    yield from _by_the_rule(
        "value-disagrees-with-numerator-denominator",
        values,
        numerator_denominator_problem,
        "that disagree with their numerator and denominator",
    )


def _target_when(target: Target) -> str:
    return target.period.label if target.period_id else f"{target.due:%B %Y}"
