"""Server-rendered SVG trend charts for an indicator's page.

The chart is a picture of the data table printed beside it, never the only place a figure
appears: it carries role="img" with a title and a description that says what it shows, and each
series differs by line pattern and marker shape as well as colour (WCAG 1.4.1).
"""

import math
from dataclasses import dataclass, field

from markupsafe import Markup, escape

WIDTH = 720
HEIGHT = 360
LEFT = 64
RIGHT = 16
TOP = 16
BOTTOM = 124  # room for slanted period labels and two rows of legend

# GOV.UK Frontend colours, each with at least 3:1 contrast against white (WCAG 1.4.11).
VALUE = "#1d70b8"
NEIGHBOURS = "#d4351c"
ENGLAND = "#0b0c0c"
TARGET = "#00703c"
BAND = "#1d70b8"
# The service's own font (SVG text does not take it from the page's classes), at a readable size.
ROOT = (
    'xmlns="http://www.w3.org/2000/svg" class="app-chart" width="100%" focusable="false" '
    "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\" "
    'style="max-width: 960px; height: auto"'
)


@dataclass
class Series:
    """One line of the chart: a value (or None) per period, in the chart's period order."""

    key: str
    label: str
    values: list
    colour: str
    dash: str = ""
    marker: str = "circle"


@dataclass
class TrendChart:
    title: str
    periods: list[str]
    unit: str = ""
    series: list[Series] = field(default_factory=list)
    lower: list | None = None
    upper: list | None = None
    targets: list | None = None  # a value or None per period
    chart_id: str = "trend"  # unique on the page: it names the title and description

    def svg(self) -> Markup:
        return render_trend_chart(self, self.chart_id)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round-number gridlines (1, 2 or 5 times a power of ten) spanning low..high."""
    if math.isclose(low, high):
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    ticks = [round(math.floor(low / step) * step, 10)]
    while ticks[-1] < high - step * 1e-9:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _number(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _present(values) -> list[float]:
    return [float(v) for v in values or [] if v is not None and not _nan(v)]


def _nan(value) -> bool:
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def _segments(points: list[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """A line breaks where a value is missing rather than bridging the gap."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "diamond":
        return (
            f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} '
            f'{x - 6:.1f},{y:.1f}" fill="white" stroke="{colour}" stroke-width="2"/>'
        )
    if shape == "triangle":
        return (
            f'<polygon points="{x:.1f},{y - 5:.1f} {x + 5:.1f},{y + 4:.1f} {x - 5:.1f},{y + 4:.1f}" '
            f'fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'


def describe(chart: TrendChart) -> str:
    """The chart's text alternative: what is drawn, over which periods, and where the data is."""
    drawn = [s.label for s in chart.series if _present(s.values)]
    if chart.targets and _present(chart.targets):
        drawn.append("targets")
    if chart.lower and _present(chart.lower):
        drawn.append("the 95% confidence interval")
    if not chart.periods or not drawn:
        return "No values to chart."
    first, last = chart.periods[0], chart.periods[-1]
    span = first if first == last else f"{first} to {last}"
    shown = drawn[0] if len(drawn) == 1 else f"{', '.join(drawn[:-1])} and {drawn[-1]}"
    return f"Line chart of {shown}, {span}. The table that follows gives every value."


def render_trend_chart(chart: TrendChart, chart_id: str = "trend") -> Markup:
    n = len(chart.periods)
    every = [*(v for s in chart.series for v in _present(s.values)), *_present(chart.targets)]
    every += _present(chart.lower) + _present(chart.upper)
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    head = (
        f'<svg {ROOT} viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{title_id} {desc_id}">'
        f'<title id="{title_id}">{escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{escape(describe(chart))}</desc>'
    )
    if not n or not every:
        return Markup(
            head + f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" font-size="16">'
            "No values to chart</text></svg>"
        )
    ticks = nice_ticks(min(every), max(every))
    low, high = ticks[0], ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    pad = 24  # keeps the first and last markers clear of the axis labels

    def x(i: int) -> float:
        return LEFT + pad + (plot_w / 2 - pad if n == 1 else (plot_w - 2 * pad) * i / (n - 1))

    def y(v: float) -> float:
        return TOP + plot_h * (1 - (float(v) - low) / (high - low))

    parts = [head]
    for tick in ticks:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            'stroke="#b1b4b6" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#0b0c0c">{escape(_number(tick))}{escape(chart.unit)}</text>'
        )
    label_every = max(1, math.ceil(n / 16))
    for i, period in enumerate(chart.periods):
        if i % label_every and i != n - 1:
            continue
        parts.append(
            f'<text x="{x(i):.1f}" y="{TOP + plot_h + 14}" font-size="12" fill="#0b0c0c" '
            f'text-anchor="end" transform="rotate(-40 {x(i):.1f} {TOP + plot_h + 14})">'
            f"{escape(period)}</text>"
        )
    if chart.lower and chart.upper:
        pairs = [
            (i, lo, up)
            for i, (lo, up) in enumerate(zip(chart.lower, chart.upper, strict=False))
            if not _nan(lo) and not _nan(up)
        ]
        if len(pairs) > 1:
            outline = [f"{x(i):.1f},{y(up):.1f}" for i, _, up in pairs]
            outline += [f"{x(i):.1f},{y(lo):.1f}" for i, lo, _ in reversed(pairs)]
            parts.append(f'<polygon points="{" ".join(outline)}" fill="{BAND}" fill-opacity="0.15"/>')
        # Each interval also as a whisker, so that one on its own (or with gaps) still shows.
        for i, lo, up in pairs:
            parts.append(
                f'<path d="M{x(i) - 5:.1f},{y(up):.1f}h10M{x(i):.1f},{y(up):.1f}V{y(lo):.1f}'
                f'M{x(i) - 5:.1f},{y(lo):.1f}h10" stroke="{BAND}" stroke-width="1.5" fill="none"/>'
            )
    if chart.targets:
        for i, target in enumerate(chart.targets):
            if not _nan(target):
                parts.append(_marker("diamond", x(i), y(target), TARGET))
    for s in chart.series:
        points = [None if _nan(v) else (x(i), y(v)) for i, v in enumerate(s.values)]
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        for run in _segments(points):
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in run)
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{s.colour}" stroke-width="2.5"{dash}/>'
            )
        parts.extend(_marker(s.marker, p[0], p[1], s.colour) for p in points if p is not None)
    parts.append(_legend(chart))
    parts.append("</svg>")
    return Markup("".join(parts))


def _legend(chart: TrendChart) -> str:
    entries = [(s.label, s.colour, s.dash, s.marker) for s in chart.series if _present(s.values)]
    if chart.targets and _present(chart.targets):
        entries.append(("Target", TARGET, None, "diamond"))
    if chart.lower and _present(chart.lower):
        entries.append(("95% confidence interval", BAND, "band", None))
    out = []
    x0, y0 = LEFT, HEIGHT - 30
    for label, colour, dash, marker in entries:
        width = 46 + 7 * len(label)
        if x0 + width > WIDTH - RIGHT and x0 > LEFT:
            x0, y0 = LEFT, y0 + 20
        if dash == "band":
            out.append(
                f'<rect x="{x0}" y="{y0 - 7}" width="28" height="12" fill="{BAND}" fill-opacity="0.15"/>'
            )
        elif dash is None:
            out.append(_marker(marker, x0 + 14, y0 - 1, colour))
        else:
            style = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(
                f'<line x1="{x0}" x2="{x0 + 28}" y1="{y0 - 1}" y2="{y0 - 1}" stroke="{colour}" '
                f'stroke-width="2.5"{style}/>' + _marker(marker, x0 + 14, y0 - 1, colour)
            )
        out.append(f'<text x="{x0 + 34}" y="{y0 + 3}" font-size="12" fill="#0b0c0c">{escape(label)}</text>')
        x0 += width
    return "".join(out)


def charts_england(indicator) -> bool:
    """Whether England's figure belongs on a chart of local authorities' figures: not for a count,
    where England's is the total of every LA's and would dwarf them (decision 0040)."""
    return indicator.unit_kind != "count"


@dataclass
class BarChart:
    """Horizontal bars, one per area, with reference lines (the neighbours' average, England).
    The highlighted bar (the area itself) is also marked in its label, not by colour alone."""

    title: str
    labels: list[str]
    values: list
    highlight: int | None = None
    unit: str = ""
    # (name, value, dash pattern, the value as the page shows it): the legend repeats the page's figure.
    references: list[tuple[str, float | None, str, str]] = field(default_factory=list)

    def svg(self) -> Markup:
        return render_bar_chart(self)


def render_bar_chart(chart: BarChart, chart_id: str = "bars") -> Markup:
    row, label_w, right = 26, 230, 24
    refs = [
        (name, float(v), dash, shown or f"{_number(float(v))}{chart.unit}")
        for name, v, dash, *shown_text in chart.references
        if not _nan(v)
        for shown in [shown_text[0] if shown_text else ""]
    ]
    height = TOP + row * len(chart.labels) + 40 + 20 * len(refs)
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    present = _present(chart.values) + [v for _, v, _, _ in refs]
    desc = (
        f"Bar chart of {len(_present(chart.values))} values"
        + (", with " + " and ".join(name for name, _, _, _ in refs) if refs else "")
        + ". The table that follows gives every value."
    )
    parts = [
        f'<svg {ROOT} viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{title_id} {desc_id}">'
        f'<title id="{title_id}">{escape(chart.title)}</title><desc id="{desc_id}">{escape(desc)}</desc>'
    ]
    if not present:
        parts.append(f'<text x="{WIDTH / 2}" y="{height / 2}" text-anchor="middle">No values</text>')
        parts.append("</svg>")
        return Markup("".join(parts))
    low = min(0.0, min(present))
    ticks = nice_ticks(low, max(present))
    low, high = ticks[0], ticks[-1]
    plot_w = WIDTH - label_w - right

    def x(v: float) -> float:
        return label_w + plot_w * (float(v) - low) / (high - low)

    bottom = TOP + row * len(chart.labels)
    for tick in ticks:
        parts.append(
            f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{TOP}" y2="{bottom}" stroke="#b1b4b6"/>'
            f'<text x="{x(tick):.1f}" y="{bottom + 14}" font-size="12" text-anchor="middle" fill="#0b0c0c">'
            f"{escape(_number(tick))}{escape(chart.unit)}</text>"
        )
    for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        y = TOP + row * i
        mine = i == chart.highlight
        text = f"{label} (this area)" if mine else label
        weight = ' font-weight="bold"' if mine else ""
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 17}" font-size="13" text-anchor="end" fill="#0b0c0c"{weight}>'
            f"{escape(text)}</text>"
        )
        if _nan(value):
            parts.append(f'<text x="{label_w + 4}" y="{y + 17}" font-size="12">no value</text>')
            continue
        start, end = sorted((x(max(low, 0.0)), x(value)))
        colour = VALUE if mine else "#505a5f"
        parts.append(
            f'<rect x="{start:.1f}" y="{y + 5}" width="{max(end - start, 1):.1f}" height="{row - 10}" '
            f'fill="{colour}"/>'
        )
    for j, (name, value, dash, shown) in enumerate(refs):
        colour = NEIGHBOURS if j == 0 else ENGLAND
        parts.append(
            f'<line x1="{x(value):.1f}" x2="{x(value):.1f}" y1="{TOP - 4}" y2="{bottom + 2}" '
            f'stroke="{colour}" stroke-width="2.5" stroke-dasharray="{dash}"/>'
        )
        ly = bottom + 34 + 20 * j
        parts.append(
            f'<line x1="{label_w}" x2="{label_w + 28}" y1="{ly - 4}" y2="{ly - 4}" stroke="{colour}" '
            f'stroke-width="2.5" stroke-dasharray="{dash}"/>'
            f'<text x="{label_w + 34}" y="{ly}" font-size="12" fill="#0b0c0c">{escape(name)}: '
            f"{escape(shown)}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
