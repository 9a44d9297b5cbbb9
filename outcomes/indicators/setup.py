"""Setting up indicators (SPEC §2: performance officers set up indicators): their definitions and
their dated targets with amber tolerance.

Every change goes through here, from the pages and from the definitions template alike: the rules
below decide what is allowed (each returns the problems it finds as (field, message)), each save
refuses a form opened before someone else's save, records the change in words (who, when, before,
after) under the indicator's history, and recomputes the figures it affects.
"""

from decimal import Decimal

from django.db import transaction

from outcomes.core.conflicts import SaveConflict
from outcomes.core.formatting import format_date
from outcomes.core.history import HistoryRow, history_rows
from outcomes.core.models import ChangeRecord, record_change
from outcomes.indicators import derive
from outcomes.indicators.access import code_slug
from outcomes.indicators.models import Indicator, Period, Target, Value

# Every field of SPEC §2 an indicator is set up with, as the pages and the history name them.
LABELS = {
    "code": "Code",
    "name": "Name",
    "definition": "Definition",
    "methodology": "Methodology",
    "topic": "Topic",
    "unit_kind": "Unit",
    "multiplier": "Rate per",
    "unit_label": "Unit as published",
    "numerator_definition": "Numerator",
    "denominator_definition": "Denominator",
    "decimal_places": "Decimal places",
    "polarity": "Good performance",
    "band_lower": "Good band from",
    "band_upper": "Good band to",
    "period_type": "Period type",
    "source": "Source",
    "owner": "Owner",
    "parent": "Sub-indicator of",
    "sub_label": "Sub-indicator label",
    "no_quartile": "Quartile bands",
}
# What DfE publishes for a LAIT measure: the next LAIT import writes these again, so the pages
# leave them as DfE has them (decision 0045). The partnership's own fields stay editable.
LAIT_FIELDS = {
    "code",
    "name",
    "definition",
    "methodology",
    "topic",
    "unit_kind",
    "multiplier",
    "unit_label",
    "decimal_places",
    "polarity",
    "period_type",
    "source",
    "no_quartile",
}
# Fields whose change alters the derived figures (judgements, ranks, rounding).
FIGURE_FIELDS = {
    "unit_kind",
    "multiplier",
    "decimal_places",
    "polarity",
    "band_lower",
    "band_upper",
    "no_quartile",
}

TARGET_LABELS = {
    "area": "Area",
    "period": "For the period",
    "due": "Due by",
    "value": "Target",
    "upper_value": "Upper end of the target band",
    "amber_tolerance": "Amber tolerance",
    "tolerance_kind": "Tolerance is",
    "note": "Note",
}

Problems = list[tuple[str, str]]


def indicator_key(indicator: Indicator) -> str:
    """The history of an indicator gathers the changes to its definition and to its targets."""
    return f"indicator:{indicator.pk}"


# ---------------------------------------------------------------------------------------------------
# Rules


def code_problems(code: str, indicator: Indicator | None) -> Problems:
    """A code is needed, and must give the indicator an address of its own: "NI 59" and "ni-59"
    would share /measures/ni-59/."""
    if not code.strip():
        return [("code", "Enter the indicator's code, for example NI 59")]
    slug = code_slug(code)
    if not slug:
        return [("code", "The code needs at least one letter or digit")]
    others = Indicator.objects.exclude(pk=getattr(indicator, "pk", None))
    same = others.filter(code__iexact=code.strip()).first()
    if same is not None:
        return [("code", f"There is already an indicator with the code {same.code}")]
    alike = next((other for other in others.values_list("code", flat=True) if code_slug(other) == slug), None)
    if alike is not None:
        return [("code", f"The code is too like {alike}: the two would share one address")]
    return []


def unit_problems(unit_kind: str, multiplier: int | None) -> Problems:
    """A rate says what it is per (per 10,000 children); no other unit has a multiplier."""
    if unit_kind == Indicator.RATE and not multiplier:
        return [("multiplier", "Enter what the rate is per, for example 10000")]
    if unit_kind != Indicator.RATE and multiplier:
        return [("multiplier", "Leave 'rate per' blank unless the unit is a rate")]
    return []


def band_problems(polarity: str, lower: Decimal | None, upper: Decimal | None) -> Problems:
    """ "Within a target band is good" needs the band, lowest first; other polarities have none."""
    if polarity != Indicator.BAND:
        if lower is not None or upper is not None:
            field = "band_lower" if lower is not None else "band_upper"
            return [(field, "Give a good band only when good performance is within a band")]
        return []
    problems = []
    if lower is None:
        problems.append(("band_lower", "Enter the lowest value of the good band"))
    if upper is None:
        problems.append(("band_upper", "Enter the highest value of the good band"))
    if lower is not None and upper is not None and lower >= upper:
        problems.append(("band_upper", "The end of the good band must be more than its start"))
    return problems


def parent_problems(indicator: Indicator | None, parent: Indicator | None, sub_label: str) -> Problems:
    """Sub-indicators (NI 111 a and b) are one level deep: a sub-indicator has no sub-indicators."""
    if parent is None:
        return (
            [("sub_label", "Give a sub-indicator label only with the indicator it belongs to")]
            if sub_label
            else []
        )
    if indicator is not None and parent.pk == indicator.pk:
        return [("parent", "An indicator cannot be a sub-indicator of itself")]
    if parent.parent_id:
        return [("parent", f"{parent.code} is itself a sub-indicator: choose the indicator it belongs to")]
    if indicator is not None and indicator.pk and indicator.sub_indicators.exists():
        return [("parent", "This indicator has sub-indicators of its own, so it cannot be one")]
    return []


def period_type_problems(indicator: Indicator | None, period_type: str) -> Problems:
    """Stored values are for periods of the type they were entered with: the type is fixed once
    there are values."""
    if indicator is None or not indicator.pk or indicator.period_type == period_type:
        return []
    count = Value.objects.filter(indicator=indicator).count()
    if count:
        return [
            (
                "period_type",
                f"The period type cannot change: the indicator has {count:,} "
                f"value{'s' if count != 1 else ''} for {indicator.get_period_type_display().lower()} periods",
            )
        ]
    return []


def definition_problems(fields: dict, indicator: Indicator | None) -> Problems:
    """Every rule a definition must meet, as (field, message)."""
    return [
        *code_problems(fields.get("code") or "", indicator),
        *unit_problems(fields.get("unit_kind") or "", fields.get("multiplier")),
        *band_problems(fields.get("polarity") or "", fields.get("band_lower"), fields.get("band_upper")),
        *parent_problems(indicator, fields.get("parent"), fields.get("sub_label") or ""),
        *period_type_problems(indicator, fields.get("period_type") or ""),
    ]


def target_problems(indicator: Indicator, fields: dict, target: Target | None = None) -> Problems:
    """A target is for a period or due by a date (one of the two), one per area and period or date;
    an upper end only for a band, above the target; a tolerance of zero or more (at most 100%)."""
    problems = []
    period, due = fields.get("period"), fields.get("due")
    if period is None and due is None:
        problems.append(("period", "Enter the period the target is for, or the date it is due by"))
    elif period is not None and due is not None:
        problems.append(("due", "Give either the period or the due date, not both"))
    upper, value = fields.get("upper_value"), fields.get("value")
    if upper is not None and indicator.polarity != Indicator.BAND:
        problems.append(("upper_value", "Give an upper end only for an indicator judged within a band"))
    elif upper is not None and value is not None and upper <= value:
        problems.append(("upper_value", "The upper end must be more than the target"))
    tolerance = fields.get("amber_tolerance")
    if tolerance is not None and tolerance < 0:
        problems.append(("amber_tolerance", "The amber tolerance cannot be less than 0"))
    elif tolerance is not None and fields.get("tolerance_kind") == Target.PERCENT and tolerance > 100:
        problems.append(("amber_tolerance", "A tolerance in per cent of the target is at most 100"))
    if indicator.pk is None:
        return problems  # an indicator not yet set up has no targets to clash with
    same = Target.objects.filter(indicator=indicator, area=fields.get("area"))
    if target is not None and target.pk:
        same = same.exclude(pk=target.pk)
    if period is not None and period.pk and same.filter(period=period).exists():
        problems.append(("period", f"There is already a target for {period.label} in this area"))
    if due is not None and same.filter(due=due, period__isnull=True).exists():
        problems.append(("due", f"There is already a target due by {format_date(due)} in this area"))
    return problems


# ---------------------------------------------------------------------------------------------------
# In words, for the history and the pages


def _figure(value) -> str:
    return "" if value is None else format(Decimal(value).normalize(), "f")


def indicator_words(indicator: Indicator) -> dict[str, str]:
    """The definition as a person reads it, keyed by the labels above."""
    words = {
        "code": indicator.code,
        "name": indicator.name,
        "definition": indicator.definition,
        "methodology": indicator.methodology,
        "topic": indicator.topic,
        "unit_kind": indicator.get_unit_kind_display(),
        "multiplier": f"{indicator.multiplier:,}" if indicator.multiplier else "",
        "unit_label": indicator.unit_label,
        "numerator_definition": indicator.numerator_definition,
        "denominator_definition": indicator.denominator_definition,
        "decimal_places": "As published"
        if indicator.decimal_places is None
        else str(indicator.decimal_places),
        "polarity": indicator.get_polarity_display(),
        "band_lower": _figure(indicator.band_lower),
        "band_upper": _figure(indicator.band_upper),
        "period_type": indicator.get_period_type_display(),
        "source": indicator.source,
        "owner": indicator.owner.name if indicator.owner_id else "",
        "parent": indicator.parent.code if indicator.parent_id else "",
        "sub_label": indicator.sub_label,
        "no_quartile": "Not shown" if indicator.no_quartile else "Shown",
    }
    return {LABELS[key]: text for key, text in words.items()}


def target_when(target: Target) -> str:
    return target.period.label if target.period_id else f"by {format_date(target.due)}"


def target_words(target: Target) -> dict[str, str]:
    tolerance = ""
    if target.amber_tolerance is not None:
        amount = _figure(target.amber_tolerance)
        tolerance = (
            f"{amount}% of the target"
            if target.tolerance_kind == Target.PERCENT
            else f"{amount} in its units"
        )
    words = {
        "area": target.area.name if target.area_id else "The partnership's own area",
        "period": target.period.label if target.period_id else "",
        "due": format_date(target.due) if target.due else "",
        "value": _figure(target.value),
        "upper_value": _figure(target.upper_value),
        "amber_tolerance": tolerance,
        "note": target.note,
    }
    return {TARGET_LABELS[key]: text for key, text in words.items()}


# ---------------------------------------------------------------------------------------------------
# Saving


def _recompute(indicator: Indicator) -> None:
    derive.recompute([indicator.pk])


CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@transaction.atomic
def save_indicator(
    *, user, indicator: Indicator | None, fields: dict, expected_version: int | None, recompute: bool = True
) -> tuple[Indicator, str]:
    """Create an indicator, or change the fields given; returns it and whether it was created,
    updated or left unchanged. ``expected_version`` is the version the form was opened at (None:
    not checked); a later save by someone else raises SaveConflict. ``recompute``: False when the
    caller recomputes once for many indicators."""
    if indicator is None:
        indicator = Indicator(**{k: v for k, v in fields.items() if k in LABELS}, version=1)
        indicator.save()
        _record(user, indicator, None, indicator_words(indicator))
        return indicator, CREATED
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if expected_version is not None and expected_version != indicator.version:
        raise SaveConflict(f"indicator {indicator.code}", indicator)
    before = indicator_words(indicator)
    allowed = set(LABELS) - LAIT_FIELDS if indicator.from_lait else set(LABELS)
    fields = {k: v for k, v in fields.items() if k in allowed}
    figures_change = any(getattr(indicator, k) != v for k, v in fields.items() if k in FIGURE_FIELDS)
    for key, value in fields.items():
        setattr(indicator, key, value)
    after = indicator_words(indicator)
    if before == after:
        return indicator, UNCHANGED
    indicator.version += 1
    indicator.save()
    _record(user, indicator, before, after)
    if figures_change and recompute:
        _recompute(indicator)
    return indicator, UPDATED


def _record(user, indicator: Indicator, before: dict | None, after: dict) -> None:
    record_change(
        user=user,
        obj=indicator,
        action="edited" if before else "created",
        summary=f"{'Changed the definition of' if before else 'Set up'} {indicator.code} {indicator.name}",
        before=before,
        after=after,
        subject_key=indicator_key(indicator),
    )


@transaction.atomic
def save_target(
    *,
    user,
    indicator: Indicator,
    target: Target | None,
    fields: dict,
    expected_version: int | None,
    recompute: bool = True,
) -> tuple[Target, str]:
    """Add a target, or change one; the indicator's figures are judged again against it."""
    if target is not None:
        target = (
            Target.objects.select_for_update(of=("self",)).select_related("period", "area").get(pk=target.pk)
        )
        if expected_version is not None and expected_version != target.version:
            raise SaveConflict(f"the target {target_when(target)}", target)
        before = target_words(target)
    else:
        before = None
        target = Target(indicator=indicator, version=0)
    for key in TARGET_LABELS:
        if key in fields:
            setattr(target, key, fields[key])
    if target.period is not None and target.period.pk is None:
        # A period no value is for yet ("2015-16" set as a target before its data).
        period = target.period
        target.period, _ = Period.objects.get_or_create(
            kind=period.kind,
            start=period.start,
            end=period.end,
            defaults={"label": period.label, "sort_key": period.sort_key},
        )
    after = target_words(target)
    if before == after:
        return target, UNCHANGED
    target.version += 1
    target.save()
    record_change(
        user=user,
        obj=target,
        action="target edited" if before else "target added",
        summary=f"{'Changed the target' if before else 'Added a target'} {target_when(target)} "
        f"of {indicator.code}",
        before=before,
        after=after,
        subject_key=indicator_key(indicator),
    )
    if recompute:
        _recompute(indicator)
    return target, UPDATED if before else CREATED


@transaction.atomic
def delete_target(*, user, target: Target) -> None:
    indicator = target.indicator
    record_change(
        user=user,
        obj=target,
        action="target removed",
        summary=f"Removed the target {target_when(target)} of {indicator.code}",
        before=target_words(target),
        subject_key=indicator_key(indicator),
    )
    target.delete()
    _recompute(indicator)


def history(indicator: Indicator) -> list[HistoryRow]:
    """Every change to the indicator's definition and targets, newest first, in sentences. The
    records are kept in the pages' words already (``indicator_words``, ``target_words``)."""
    records = ChangeRecord.objects.filter(subject_key=indicator_key(indicator)).select_related("user")
    return history_rows(records, {})
