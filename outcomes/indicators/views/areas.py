from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from outcomes.indicators import access, rules
from outcomes.indicators.areas import current_neighbour_set, home_area
from outcomes.indicators.charts import BarChart, charts_england
from outcomes.indicators.export_cells import figure_cell, rank_cells, unit_words
from outcomes.indicators.kpi_table import NEIGHBOURS, comparison_judgement, format_figure
from outcomes.indicators.models import Area, DerivedFigure, Indicator, Period, StatisticalNeighbour
from outcomes.indicators.views.common import check_format, select_items, table_download
from outcomes.indicators.views.figures import SCORECARD_HEADERS, band_text, rank_text, scorecard


def _home() -> Area | None:
    return home_area()


@login_required
def area_list(request: HttpRequest) -> HttpResponse:
    access.require_reader(request.user)
    areas = Area.objects.exclude(kind=Area.OTHER).filter(active=True).order_by("name")
    groups: dict[str, list] = {}
    for area in areas:
        if area.kind == Area.LA:
            groups.setdefault(area.region_name or "Other", []).append((access.area_key(area), area))
    summary = [(access.area_key(a), a) for a in areas if a.kind != Area.LA]
    return render(
        request,
        "indicators/area_list.html",
        {"section": "indicators", "groups": sorted(groups.items()), "summary": summary, "home": _home()},
    )


def _topic(request: HttpRequest) -> str:
    return request.GET.get("topic", "")


@login_required
def area_scorecard(request: HttpRequest, area: str) -> HttpResponse:
    found = access.get_area_for_user(request.user, area)
    topic = _topic(request)
    every = scorecard(found)
    topics = list(every)
    by_topic = {topic: every[topic]} if topic in every else every
    # Links made by pattern rather than one reverse() per row: the page lists every measure.
    measure = reverse("indicators:indicator", args=["CODE"])
    compare = reverse("indicators:neighbours", args=[area, "CODE"])
    for rows in by_topic.values():
        for row in rows:
            slug = access.code_slug(row.indicator.code)
            row.href = measure.replace("CODE", slug) + f"?area={area}"
            if found.kind == Area.LA and row.indicator.from_lait:
                row.compare_href = compare.replace("CODE", slug)
    return render(
        request,
        "indicators/scorecard.html",
        {
            "section": "indicators",
            "area": found,
            "area_key": area,
            "by_topic": by_topic,
            "topic_items": select_items(topics, topic, "All topics"),
            "topic": topic,
            "count": sum(len(rows) for rows in by_topic.values()),
            "code_slug": access.code_slug,
            "sn_set": _neighbour_set(),
        },
    )


@login_required
def scorecard_export(request: HttpRequest, area: str, fmt: str) -> HttpResponse:
    found = access.get_area_for_user(request.user, area)
    check_format(fmt)
    rows = [row.export() for rows in scorecard(found, _topic(request)).values() for row in rows]
    return table_download(SCORECARD_HEADERS, rows, fmt, f"scorecard-{area}", f"Scorecard: {found.name}")


def _neighbour_set():
    return current_neighbour_set()


def _comparison(area: Area, indicator: Indicator, period_key: str):
    """The area and its ten statistical neighbours for one period of one measure."""
    sn_set = _neighbour_set()
    neighbours = (
        list(
            StatisticalNeighbour.objects.filter(neighbour_set=sn_set, area=area)
            .select_related("neighbour")
            .order_by("position")
        )
        if sn_set
        else []
    )
    ids = [area.pk] + [n.neighbour_id for n in neighbours]
    figures = DerivedFigure.objects.filter(indicator=indicator, area_id__in=ids).select_related("period")
    by_period: dict[int, dict[int, DerivedFigure]] = {}
    for fig in figures:
        by_period.setdefault(fig.period_id, {})[fig.area_id] = fig
    periods = sorted(
        (f.period for area_figs in by_period.values() for f in area_figs.values()), key=lambda p: p.sort_key
    )
    periods = list({p.pk: p for p in periods}.values())
    if not periods:
        return None
    own = [p for p in periods if by_period[p.pk].get(area.pk) and by_period[p.pk][area.pk].value is not None]
    chosen = next((p for p in periods if str(p.pk) == period_key), None) or (own or periods)[-1]
    figs = by_period[chosen.pk]
    mine = figs.get(area.pk)
    rows = [(None, area, mine)] + [(n, n.neighbour, figs.get(n.neighbour_id)) for n in neighbours]
    held = [f.value for area_figs in by_period.values() for f in area_figs.values()]
    return {
        "periods": periods,
        "period": chosen,
        "mine": mine,
        "rows": rows,
        "neighbours": neighbours,
        "places": rules.shown_places(indicator, held),
    }


def _comparison_rows(indicator: Indicator, data: dict) -> list[list[str]]:
    out = []
    for n, area, fig in data["rows"]:
        out.append(
            [
                str(n.position) if n else "This area",
                area.name,
                (n.closeness if n else "") or "",
                format_figure(fig.value, indicator) if fig else "",
                rank_text(fig.rank, fig.rank_of) if fig else "",
                band_text(fig.quartile_band, fig.rank_of) if fig else "",
            ]
        )
    return out


COMPARISON_HEADERS = [
    "Neighbour",
    "Area",
    "How close",
    "Unit",
    "Value",
    "Rank",
    "Rank of (authorities)",
    "Quartile band",
]


def _comparison_export_rows(indicator: Indicator, data: dict) -> list[list]:
    """The comparison for CSV and Excel: the neighbour's position, value and rank as numbers."""
    unit = unit_words(indicator)
    return [
        [
            n.position if n else "This area",
            area.name,
            (n.closeness if n else "") or "",
            unit,
            figure_cell(fig.value, indicator) if fig else None,
            *(rank_cells(fig.rank, fig.rank_of) if fig else [None, None]),
            band_text(fig.quartile_band, fig.rank_of) if fig else "",
        ]
        for n, area, fig in data["rows"]
    ]


@login_required
def neighbours(request: HttpRequest, area: str, code: str) -> HttpResponse:
    found = access.get_area_for_user(request.user, area)
    indicator = access.get_indicator_for_user(request.user, code)
    data = _comparison(found, indicator, request.GET.get("period", ""))
    mine = data["mine"] if data else None
    sn = format_figure(mine.sn_average, indicator, data["places"]) if mine else ""
    england = format_figure(mine.england_value, indicator) if mine else ""
    chart = None
    if data:
        references = [("Statistical neighbours' average", mine.sn_average if mine else None, "6 4", sn)]
        if charts_england(indicator):
            references.append(("England", mine.england_value if mine else None, "2 3", england))
        chart = BarChart(
            title=f"{indicator.name}: {found.name} and its statistical neighbours, {data['period'].label}",
            labels=[a.name for _, a, _ in data["rows"]],
            values=[f.value if f else None for _, _, f in data["rows"]],
            highlight=0,
            unit="%" if indicator.unit_kind == Indicator.PERCENTAGE else "",
            references=references,
        )
    return render(
        request,
        "indicators/neighbours.html",
        {
            "section": "indicators",
            "area": found,
            "area_key": area,
            "indicator": indicator,
            "slug": code,
            "data": data,
            "rows": _comparison_rows(indicator, data) if data else [],
            "chart": chart,
            "sn": sn,
            "sn_judgement": comparison_judgement(mine.sn_comparison if mine else None, NEIGHBOURS),
            "england": england,
            "england_charted": charts_england(indicator),
            "ranked": mine.rank_of if mine and mine.rank is not None and (mine.rank_of or 0) >= 2 else None,
            "england_judgement": comparison_judgement(mine.england_comparison if mine else None, "England"),
            "region": format_figure(mine.region_value, indicator) if mine else "",
            "sn_set": _neighbour_set(),
            "period_items": select_items(
                [(p.pk, p.label) for p in reversed(data["periods"])], data["period"].pk
            )
            if data
            else [],
        },
    )


@login_required
def neighbours_export(request: HttpRequest, area: str, code: str, fmt: str) -> HttpResponse:
    found = access.get_area_for_user(request.user, area)
    indicator = access.get_indicator_for_user(request.user, code)
    check_format(fmt)
    data = _comparison(found, indicator, request.GET.get("period", ""))
    if data is None:
        raise Http404("No figures for this measure and area")
    period: Period = data["period"]
    return table_download(
        COMPARISON_HEADERS,
        _comparison_export_rows(indicator, data),
        fmt,
        f"neighbours-{area}-{code}-{period.label}",
        f"{indicator.name}: {found.name} and its statistical neighbours, {period.label}",
    )
