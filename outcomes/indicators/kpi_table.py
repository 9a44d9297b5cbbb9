"""How indicator figures and judgements are written in every table, and the KPI technical table of
seed 004 (No. | Ref | Definition | Good Perf | last year's actual | target | performance | On Target
| DOT | Year to Date | Stat. Neigh. | National | next targets) generated for a chosen set.

Every symbol comes with its meaning in words (shown to screen readers, and in exports), so no
judgement is carried by a sign or a colour alone.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from outcomes.indicators import rules
from outcomes.indicators.export_cells import figure_cell, unit_words
from outcomes.indicators.models import Area, DerivedFigure, Indicator, Period, Target, Value

NOT_AVAILABLE = "–"
NEIGHBOURS = "statistical neighbours"
GOOD_PERFORMANCE = {Indicator.HIGH: "HIGH", Indicator.LOW: "LOW", Indicator.BAND: "MID-RANGE"}


def format_figure(value, indicator: Indicator | None = None, places: int | None = None) -> str:
    """A figure as people read it: the indicator's decimal places (rounded half up), thousands
    separated, % for percentages and £ for money. Empty for no figure."""
    if value is None:
        return ""
    number = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    if number.is_nan():
        return ""
    if places is None and indicator is not None:
        places = indicator.decimal_places
    if places is None:
        number = number.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP).normalize()
        text = f"{number:,f}"
    else:
        text = f"{number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):,f}"
    if text in {"-0", "-0.0", "-0.00"} or (text.startswith("-") and not text.strip("-0.,")):
        text = text[1:]
    unit = indicator.unit_kind if indicator is not None else ""
    if unit == Indicator.PERCENTAGE:
        return f"{text}%"
    if unit == Indicator.MONEY:
        return f"-£{text[1:]}" if text.startswith("-") else f"£{text}"
    return text


@dataclass(frozen=True)
class Judgement:
    """A symbol and what it means, e.g. ("↑", "improving")."""

    symbol: str
    words: str

    def __str__(self) -> str:
        return f"{self.symbol} {self.words}" if self.symbol != self.words else self.words


NOT_JUDGED = Judgement(NOT_AVAILABLE, "not available")


def on_target_judgement(met: bool | None) -> Judgement:
    if met is None:
        return NOT_JUDGED
    return Judgement("✓", "on target") if met else Judgement("✗", "not on target")


def dot_judgement(code: int | None) -> Judgement:
    if code is None:
        return NOT_JUDGED
    return Judgement(rules.dot_arrow(code), rules.DOT_WORDS[code])


def comparison_judgement(code: int | None, against: str) -> Judgement:
    """★ better / ● in line / ▲ worse than ``against`` ("statistical neighbours", "England", "target")."""
    if code is None:
        return NOT_JUDGED
    words = f"in line with {against}" if code == 0 else f"{rules.COMPARISON_WORDS[code]} than {against}"
    return Judgement(rules.comparison_symbol(code), words)


def against_target(value, target: Target | None, indicator: Indicator) -> int | None:
    """The KPI table's "Year to Date" judgement: better than the target by more than its amber
    tolerance (1), within the tolerance either side (0), or worse by more than it (-1). Without a
    tolerance, equal at the published decimal places is "in line"."""
    if value is None or target is None or indicator.polarity == Indicator.NONE:
        return None
    places = indicator.decimal_places
    band = (indicator.band_lower, indicator.band_upper)
    if indicator.polarity == Indicator.BAND:
        gap = rules.shortfall(value, target.value, indicator.polarity, target.upper_value, band, places)
        if gap is None:
            return None
        margin = -gap
    else:
        ours = float(rules.goodness(rules.rounded(float(value), places), indicator.polarity))
        theirs = float(rules.goodness(rules.rounded(float(target.value), places), indicator.polarity))
        margin = ours - theirs
    allowed = 0.0
    if target.amber_tolerance is not None:
        allowed = float(target.amber_tolerance)
        if target.tolerance_kind == Target.PERCENT:
            allowed = abs(float(target.value)) * allowed / 100.0
    if indicator.polarity == Indicator.BAND:
        return 0 if margin >= -allowed - 1e-12 else -1
    if margin > allowed + 1e-12:
        return 1
    if margin < -allowed - 1e-12:
        return -1
    return 0


def _year_label(kind: str, start: date) -> str:
    if kind in (Period.FINANCIAL_YEAR, Period.ACADEMIC_YEAR):
        return f"{start.year}-{(start.year + 1) % 100:02d}"
    return str(start.year)


def following_periods(year: Period, count: int = 2) -> list[tuple[str, Period | None, date]]:
    """The ``count`` periods after ``year`` of the same length: (label, stored period or None, end)."""
    out = []
    start = year.end + timedelta(days=1)
    for _ in range(count):
        try:
            end = start.replace(year=start.year + 1) - timedelta(days=1)
        except ValueError:
            end = start.replace(year=start.year + 1, day=28) - timedelta(days=1)
        stored = Period.objects.filter(kind=year.kind, start=start, end=end).first()
        out.append((stored.label if stored else _year_label(year.kind, start), stored, end))
        start = end + timedelta(days=1)
    return out


def previous_period(year: Period) -> Period | None:
    return Period.objects.filter(kind=year.kind, end=year.start - timedelta(days=1)).first()


@dataclass
class KpiRow:
    number: str
    ref: str
    indicator: Indicator
    definition: str
    good: str
    last_actual: str
    target: str
    performance: str
    on_target: Judgement
    dot: Judgement
    ytd: Judgement
    sn: str
    sn_judgement: Judgement
    national: str
    national_judgement: Judgement
    next_targets: list[str]
    is_sub: bool = False
    # What the texts above were made from, for downloads: the figures as numbers (decision 0067).
    raw: dict = field(default_factory=dict, repr=False)


@dataclass
class KpiTable:
    area: Area
    year: Period
    previous: Period | None
    next_labels: list[str]
    rows: list[KpiRow] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        last = self.previous.label if self.previous else "Previous year"
        return [
            "No.",
            "Ref",
            "Definition",
            "Good Perf",
            f"{last} Actual",
            f"{self.year.label} Target",
            f"{self.year.label} Perf",
            "On Target",
            "DOT (Yr on Yr)",
            "Year to Date",
            "Stat. Neigh.",
            "Perf against Stat. Neigh.",
            "National",
            "Perf against National",
            *(f"{label} Target" for label in self.next_labels),
        ]

    def export_headers(self) -> list[str]:
        """The download's columns: the page's, with each target and benchmark as numbers (a band's
        upper end and a benchmark's own period in columns of their own) and the unit beside them."""
        last = self.previous.label if self.previous else "Previous year"
        year = self.year.label
        return [
            "No.",
            "Ref",
            "Definition",
            "Unit",
            "Good Perf",
            f"{last} Actual",
            f"{year} Target",
            f"{year} Target (upper end of band)",
            f"{year} Perf",
            "On Target",
            "DOT (Yr on Yr)",
            "Year to Date",
            "Stat. Neigh.",
            "Stat. Neigh. period",
            "Perf against Stat. Neigh.",
            "National",
            "National period",
            "Perf against National",
            *(f"{label} Target" for label in self.next_labels),
        ]

    def export_rows(self) -> list[list]:
        """Rows for CSV and Excel in ``export_headers`` order: figures as numbers, each symbol
        followed by its meaning."""
        out = []
        for r in self.rows:
            i, raw = r.indicator, r.raw
            target = raw.get("target")
            out.append(
                [
                    r.number,
                    r.ref,
                    r.definition,
                    unit_words(i),
                    r.good,
                    figure_cell(raw.get("last_actual"), i),
                    figure_cell(target.value, i) if target else None,
                    figure_cell(target.upper_value, i) if target else None,
                    figure_cell(raw.get("performance"), i),
                    str(r.on_target),
                    str(r.dot),
                    str(r.ytd),
                    figure_cell(raw.get("sn"), i),
                    raw.get("bench_period") if raw.get("sn") is not None else None,
                    str(r.sn_judgement),
                    figure_cell(raw.get("national"), i),
                    raw.get("bench_period") if raw.get("national") is not None else None,
                    str(r.national_judgement),
                    *(figure_cell(t.value, i) if t else None for t in raw.get("next_targets", [])),
                ]
            )
        return out


def _ordered(indicators: list[Indicator]) -> list[tuple[Indicator, bool]]:
    """Each chosen indicator followed by its sub-indicators (47 a, b), as the seed lays them out."""
    chosen = {i.pk for i in indicators}
    out = []
    for indicator in indicators:
        if indicator.parent_id in chosen:
            continue
        out.append((indicator, False))
        out.extend((sub, True) for sub in indicator.sub_indicators.order_by("sub_label", "code"))
    return out


def build_kpi_table(indicators: list[Indicator], year: Period, area: Area, next_count: int = 2) -> KpiTable:
    rows = _ordered(indicators)
    ids = [i.pk for i, _ in rows]
    previous = previous_period(year)
    following = following_periods(year, next_count)
    figures, comparators = {}, {}
    for f in (
        DerivedFigure.objects.filter(
            indicator_id__in=ids, area=area, period__kind=year.kind, period__sort_key__lte=year.sort_key
        )
        .select_related("target", "period")
        .order_by("period__sort_key")
    ):
        if f.period_id == year.pk:
            figures[f.indicator_id] = f
        # "Latest comparative data": the latest figure up to the year with a benchmark to compare.
        if f.sn_average is not None or f.england_value is not None:
            comparators[f.indicator_id] = f
    last_values = {}
    if previous is not None:
        last_values = {
            v.indicator_id: v for v in Value.objects.filter(indicator_id__in=ids, area=area, period=previous)
        }
    targets: dict[int, list[Target]] = {}
    for target in Target.objects.filter(indicator_id__in=ids).select_related("period"):
        if target.area_id in (None, area.pk):
            targets.setdefault(target.indicator_id, []).append(target)
    table = KpiTable(area, year, previous, [label for label, _, _ in following])
    number = 0
    for indicator, is_sub in rows:
        if not is_sub:
            number += 1
        fig = figures.get(indicator.pk)
        bench = comparators.get(indicator.pk)
        own = targets.get(indicator.pk, [])
        target = fig.target if fig and fig.target_id else rules.target_in_force(own, year.pk, year.end)
        last = last_values.get(indicator.pk)
        value = fig.value if fig else None
        table.rows.append(
            KpiRow(
                number=indicator.sub_label if is_sub else str(number),
                ref=indicator.sub_label if is_sub else indicator.code,
                indicator=indicator,
                definition=indicator.name,
                good=GOOD_PERFORMANCE.get(indicator.polarity, ""),
                last_actual=format_figure(last.value, indicator) if last else "",
                target=_target_text(target, indicator),
                performance=format_figure(value, indicator),
                on_target=on_target_judgement(fig.on_target if fig else None),
                dot=dot_judgement(_dot(fig)),
                ytd=comparison_judgement(against_target(value, target, indicator), "target"),
                sn=_benchmark(bench, bench.sn_average, year, indicator) if bench else "",
                sn_judgement=comparison_judgement(bench.sn_comparison if bench else None, NEIGHBOURS),
                national=_benchmark(bench, bench.england_value, year, indicator) if bench else "",
                national_judgement=comparison_judgement(
                    bench.england_comparison if bench else None, "England"
                ),
                next_targets=[
                    _target_text(rules.target_in_force(own, stored.pk if stored else None, end), indicator)
                    for _, stored, end in following
                ],
                is_sub=is_sub,
                raw={
                    "last_actual": last.value if last else None,
                    "target": target,
                    "performance": value,
                    "sn": bench.sn_average if bench else None,
                    "national": bench.england_value if bench else None,
                    "bench_period": bench.period.label if bench else None,
                    "next_targets": [
                        rules.target_in_force(own, stored.pk if stored else None, end)
                        for _, stored, end in following
                    ],
                },
            )
        )
    return table


def _benchmark(fig: DerivedFigure, value, year: Period, indicator: Indicator) -> str:
    text = format_figure(value, indicator)
    if text and fig.period_id != year.pk:
        text = f"{text} ({fig.period.label})"
    return text


def _dot(fig: DerivedFigure | None) -> int | None:
    # "Yr on Yr": against the same period a year before; for annual data that is the previous one.
    if fig is None:
        return None
    return fig.dot_year if fig.dot_year is not None else fig.dot


def _target_text(target: Target | None, indicator: Indicator) -> str:
    if target is None:
        return ""
    text = format_figure(target.value, indicator)
    if target.upper_value is not None:
        text = f"{text} to {format_figure(target.upper_value, indicator)}"
    return text
