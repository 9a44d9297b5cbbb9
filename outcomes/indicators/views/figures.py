"""The figures the indicator pages show, gathered in as few queries as the pages allow. Nothing is
computed here: every number comes from ``DerivedFigure`` (derive.recompute) or ``Value``."""

from collections import defaultdict
from dataclasses import dataclass, field

from outcomes.indicators import rules
from outcomes.indicators.charts import ENGLAND, NEIGHBOURS, VALUE, Series, TrendChart, charts_england
from outcomes.indicators.export_cells import figure_cell, rank_cells, unit_words
from outcomes.indicators.kpi_table import (
    NEIGHBOURS as NEIGHBOURS_WORDS,
)
from outcomes.indicators.kpi_table import (
    Judgement,
    comparison_judgement,
    dot_judgement,
    format_figure,
    on_target_judgement,
)
from outcomes.indicators.models import Area, DerivedFigure, Indicator, Period, Value

SCORECARD_FIELDS = (
    "indicator_id",
    "period__label",
    "period__sort_key",
    "value",
    "previous_value",
    "previous_period__label",
    "dot",
    "sn_average",
    "sn_count",
    "sn_comparison",
    "region_value",
    "region_comparison",
    "england_value",
    "england_comparison",
    "rank",
    "rank_of",
    "quartile_band",
    "target_value",
    "on_target",
)


def rank_text(rank: int | None, of: int | None) -> str:
    # A rank among fewer than two authorities says nothing (a council's own indicator).
    if rank is None or not of or of < 2:
        return ""
    return f"{rank} of {of}"


def band_text(band: str | None, of: int | None) -> str:
    return (band or "") if of and of >= 2 else ""


@dataclass
class ScorecardRow:
    indicator: Indicator
    period: str
    value: str
    previous: str
    previous_period: str
    dot: Judgement
    sn: str
    sn_judgement: Judgement
    region: str
    region_judgement: Judgement
    england: str
    england_judgement: Judgement
    rank: str
    band: str
    target: str
    on_target: Judgement
    href: str = ""
    compare_href: str = ""

    # The raw figures the texts above were made from, for downloads (numbers, not text).
    figures: dict = field(default_factory=dict, repr=False)

    def export(self) -> list:
        """The row for CSV and Excel in ``SCORECARD_HEADERS`` order: figures as numbers with the
        measure's decimals and unit, the rank as two numbers, each judgement in its words alone
        ("improving", "not available"): a column a spreadsheet filters on, without the page's symbols."""
        fig, indicator = self.figures, self.indicator
        return [
            indicator.code,
            indicator.name,
            indicator.topic,
            unit_words(indicator),
            self.period,
            figure_cell(fig.get("value"), indicator),
            figure_cell(fig.get("previous_value"), indicator),
            self.dot.words,
            figure_cell(fig.get("sn_average"), indicator, fig.get("sn_places")),
            self.sn_judgement.words,
            figure_cell(fig.get("region_value"), indicator),
            self.region_judgement.words,
            figure_cell(fig.get("england_value"), indicator),
            self.england_judgement.words,
            *rank_cells(fig.get("rank"), fig.get("rank_of")),
            self.band,
            figure_cell(fig.get("target_value"), indicator),
            self.on_target.words,
        ]


SCORECARD_HEADERS = [
    "Code",
    "Measure",
    "Topic",
    "Unit",
    "Period",
    "Value",
    "Previous value",
    "Direction of travel",
    "Statistical neighbours' average",
    "Against statistical neighbours",
    "Region",
    "Against region",
    "England",
    "Against England",
    "Rank",
    "Rank of (authorities)",
    "Quartile band",
    "Target",
    "On target",
]


def scorecard(area: Area, topic: str = "") -> dict[str, list[ScorecardRow]]:
    """Every measure's latest figure for ``area`` (the latest period with a value, or the latest
    period when none has one), by topic. One query for the figures, one for the indicators."""
    latest: dict[int, tuple] = {}
    series: dict[int, list] = defaultdict(list)
    rows = DerivedFigure.objects.filter(area=area).order_by("period__sort_key").values_list(*SCORECARD_FIELDS)
    for row in rows:
        series[row[0]].append(row[3])
        if row[3] is not None or row[0] not in latest:
            latest[row[0]] = row
    indicators = Indicator.objects.in_bulk(list(latest))
    by_topic: dict[str, list[ScorecardRow]] = defaultdict(list)
    for pk, row in latest.items():
        indicator = indicators[pk]
        if topic and indicator.topic != topic:
            continue
        fig = dict(zip(SCORECARD_FIELDS, row, strict=True))
        by_topic[indicator.topic or "Other"].append(
            ScorecardRow(
                indicator=indicator,
                period=fig["period__label"],
                value=format_figure(fig["value"], indicator),
                previous=format_figure(fig["previous_value"], indicator),
                previous_period=fig["previous_period__label"] or "",
                dot=dot_judgement(fig["dot"]),
                sn=format_figure(fig["sn_average"], indicator, rules.shown_places(indicator, series[pk])),
                sn_judgement=comparison_judgement(fig["sn_comparison"], NEIGHBOURS_WORDS),
                region=format_figure(fig["region_value"], indicator),
                region_judgement=comparison_judgement(fig["region_comparison"], "the region"),
                england=format_figure(fig["england_value"], indicator),
                england_judgement=comparison_judgement(fig["england_comparison"], "England"),
                rank=rank_text(fig["rank"], fig["rank_of"]),
                band=band_text(fig["quartile_band"], fig["rank_of"]),
                target=format_figure(fig["target_value"], indicator),
                on_target=on_target_judgement(fig["on_target"]),
                figures={**fig, "sn_places": rules.shown_places(indicator, series[pk])},
            )
        )
    return {
        name: sorted(items, key=lambda r: (r.indicator.name.lower(), r.indicator.code))
        for name, items in sorted(by_topic.items())
    }


MISSING_REASONS = dict(Value.MISSING_REASONS)


def missing_text(code: str) -> str:
    """What a page says for a value published as missing, from the publisher's code."""
    reason = MISSING_REASONS.get(code, "Not available")
    return "Not available" if reason == "Not available" else f"Not available: {reason.lower()}"


@dataclass
class SeriesRow:
    period: Period
    value: Value | None
    fig: DerivedFigure | None
    text: str
    ci: str
    target: str
    on_target: Judgement
    rag: str
    dot: Judgement
    sn: str
    england: str
    rank: str
    band: str
    spc: str
    trend: str = ""


@dataclass
class PeriodSeries:
    """An indicator's values of one kind of period (years, months) for an area, with its chart."""

    kind: str
    kind_label: str
    rows: list[SeriesRow] = field(default_factory=list)
    chart: TrendChart | None = None

    def has(self, name: str) -> bool:
        return any(getattr(r, name) for r in self.rows)

    def columns(self) -> list[tuple[str, str]]:
        names = [
            ("ci", "95% confidence interval"),
            ("target", "Target"),
            ("rag", "RAG"),
            ("sn", "Statistical neighbours' average"),
            ("england", "England"),
            ("rank", "Rank"),
            ("band", "Quartile band"),
            ("spc", "SPC"),
            ("trend", "Recent trend"),
        ]
        return [(name, label) for name, label in names if self.has(name)]


def series_for(indicator: Indicator, area: Area) -> list[PeriodSeries]:
    values = {
        v.period_id: v for v in Value.objects.filter(indicator=indicator, area=area).select_related("period")
    }
    figures = {f.period_id: f for f in DerivedFigure.objects.filter(indicator=indicator, area=area)}
    periods = sorted((v.period for v in values.values()), key=lambda p: p.sort_key)
    kinds = dict(Period.KINDS)
    places = rules.shown_places(indicator, [v.value for v in values.values()])
    out: dict[str, PeriodSeries] = {}
    for period in periods:
        value, fig = values.get(period.pk), figures.get(period.pk)
        series = out.setdefault(period.kind, PeriodSeries(period.kind, kinds.get(period.kind, period.kind)))
        if value is not None and value.value is None:
            text = missing_text(value.missing_reason)
        else:
            text = format_figure(value.value if value else None, indicator)
        ci = ""
        if fig and fig.ci_lower is not None and fig.ci_upper is not None:
            places = indicator.decimal_places if indicator.decimal_places is not None else 1
            low, high = (format_figure(x, indicator, places) for x in (fig.ci_lower, fig.ci_upper))
            ci = f"{low} to {high}"
        series.rows.append(
            SeriesRow(
                period=period,
                value=value,
                fig=fig,
                text=text,
                ci=ci,
                target=format_figure(fig.target_value, indicator) if fig else "",
                on_target=on_target_judgement(fig.on_target if fig else None),
                rag=(fig.rag_word or "") if fig else "",
                dot=dot_judgement(fig.dot if fig else None),
                sn=format_figure(fig.sn_average, indicator, places) if fig else "",
                england=format_figure(fig.england_value, indicator) if fig else "",
                rank=rank_text(fig.rank, fig.rank_of) if fig else "",
                band=band_text(fig.quartile_band, fig.rank_of) if fig else "",
                spc=(fig.spc_word or "") if fig and fig.spc is not None else "",
                trend=(fig.trend_word or "") if fig else "",
            )
        )
    for series in out.values():
        series.chart = _chart(indicator, area, series)
    return list(out.values())


def _chart(indicator: Indicator, area: Area, series: PeriodSeries) -> TrendChart:
    figs = [r.fig for r in series.rows]

    def pick(name):
        return [getattr(f, name) if f else None for f in figs]

    unit = "%" if indicator.unit_kind == Indicator.PERCENTAGE else ""
    return TrendChart(
        title=f"{indicator.code} {indicator.name}: {area.name}, by {series.kind_label.lower()}",
        periods=[r.period.label for r in series.rows],
        unit=unit,
        series=[
            Series("value", area.name, pick("value"), VALUE),
            Series("sn", "Statistical neighbours' average", pick("sn_average"), NEIGHBOURS, "6 4", "square"),
            *(
                [Series("england", "England", pick("england_value"), ENGLAND, "2 3", "triangle")]
                if charts_england(indicator)
                else []
            ),
        ],
        lower=pick("ci_lower"),
        upper=pick("ci_upper"),
        targets=pick("target_value"),
        chart_id=f"chart-{series.kind}",
    )
