"""Rows of ``indicator_report``: for one area, each measure's figures in one period, read from the
derived figures (nothing is computed here)."""

import json

from outcomes.indicators.areas import area_by_number_or_name
from outcomes.indicators.models import Area, DerivedFigure, Indicator, Period, Value
from outcomes.indicators.template import export_dicts

REPORT_COLUMNS = [
    "measure",
    "name",
    "polarity",
    "period",
    "value",
    "previous_value",
    "dot",
    "sn_average",
    "region_value",
    "england_value",
    "sn_comparison",
    "england_comparison",
    "rank",
    "rank_of",
    "quartile_band",
    "target",
    "on_target",
]
FORMATS = ("json", "csv", "xlsx")
# Computed averages are shown without float noise (published values are kept as they are).
COMPUTED_PLACES = 6


def find_area(text: str) -> Area:
    """An area by its LA number ("372") or its name ("Rotherham", any case)."""
    wanted = str(text).strip()
    area = area_by_number_or_name(wanted)
    if area is None:
        close = list(Area.objects.filter(name__icontains=wanted).values_list("name", flat=True)[:5])
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise LookupError(f"There is no area called or numbered '{wanted}'.{hint}")
    return area


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    number = round(float(value), 10)
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def _computed(value: float | None) -> float | None:
    return None if value is None else round(float(value), COMPUTED_PLACES)


def rows_for_area(area: Area, *, period: str = "latest", measures: list[str] | None = None) -> list[dict]:
    """One row per measure the area has values for. ``period`` "latest" takes each measure's latest
    period with a value for the area (or, when it has none, its latest period); otherwise the
    period whose label (as published, or stored) matches."""
    indicators = Indicator.objects.all()
    if measures:
        wanted = {m.strip().lower() for m in measures if m.strip()}
        indicators = [i for i in indicators if i.code.lower() in wanted]
        unknown = wanted - {i.code.lower() for i in indicators}
        if unknown:
            raise LookupError(f"There is no measure with the code: {', '.join(sorted(unknown))}")
    indicator_map = {i.pk: i for i in indicators}
    figures = DerivedFigure.objects.filter(area=area, indicator_id__in=list(indicator_map))
    fields = [f.attname for f in DerivedFigure._meta.concrete_fields]
    period_map = {p.pk: p for p in Period.objects.filter(pk__in=figures.values("period_id"))}
    labels = {
        (v["indicator_id"], v["period_id"]): v["published_label"]
        for v in Value.objects.filter(area=area, indicator_id__in=list(indicator_map)).values(
            "indicator_id", "period_id", "published_label"
        )
    }
    chosen: dict[int, dict] = {}
    wanted_label = None if period == "latest" else str(period).strip().lower()
    for fig in figures.values(*fields):
        pk = fig["indicator_id"]
        this = period_map[fig["period_id"]]
        label = labels.get((pk, this.pk)) or this.label
        if wanted_label is not None:
            if wanted_label in (label.lower(), this.label.lower()):
                chosen[pk] = fig
            continue
        held = chosen.get(pk)
        if held is None or _later(fig, held, period_map):
            chosen[pk] = fig
    rows = []
    for pk, fig in sorted(chosen.items(), key=lambda item: indicator_map[item[0]].code.lower()):
        indicator = indicator_map[pk]
        this = period_map[fig["period_id"]]
        rows.append(
            {
                "measure": indicator.code,
                "name": indicator.name,
                "polarity": indicator.polarity,
                "period": labels.get((pk, this.pk)) or this.label,
                "value": _number(fig["value"]),
                "previous_value": _number(fig["previous_value"]),
                "dot": DerivedFigure.DOT_WORDS.get(fig["dot"]),
                "sn_average": _computed(fig["sn_average"]),
                "region_value": _number(fig["region_value"]),
                "england_value": _number(fig["england_value"]),
                "sn_comparison": DerivedFigure.COMPARISON_WORDS.get(fig["sn_comparison"]),
                "england_comparison": DerivedFigure.COMPARISON_WORDS.get(fig["england_comparison"]),
                "rank": fig["rank"],
                "rank_of": fig["rank_of"],
                "quartile_band": fig["quartile_band"] or None,
                "target": _number(fig["target_value"]),
                "on_target": fig["on_target"],
            }
        )
    return rows


def _later(fig: dict, held: dict, periods: dict) -> bool:
    """Whether ``fig`` is a better "latest" than ``held``: a value beats no value, then the later
    period wins."""
    has, had = fig["value"] is not None, held["value"] is not None
    if has != had:
        return has
    return periods[fig["period_id"]].sort_key > periods[held["period_id"]].sort_key


def render(rows: list[dict], fmt: str) -> bytes:
    """The rows as JSON (a list of objects), CSV or Excel with the same columns."""
    if fmt == "json":
        return (json.dumps(rows, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if fmt in ("csv", "xlsx"):
        return export_dicts(REPORT_COLUMNS, rows, fmt, title="Indicator report")
    raise ValueError(f"unknown format {fmt!r}: use json, csv or xlsx")
