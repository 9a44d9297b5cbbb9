"""The server-rendered SVG charts: accessible, faithful to the values, never colour alone."""

import re
import xml.etree.ElementTree as ET

from outcomes.indicators.charts import ENGLAND, VALUE, BarChart, Series, TrendChart, nice_ticks

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup) -> ET.Element:
    return ET.fromstring(str(markup))


def ni59_chart(**kwargs) -> TrendChart:
    fields = {
        "title": "NI 59 by month",
        "periods": ["August 2010", "September 2010", "October 2010"],
        "unit": "%",
        "series": [Series("value", "Rotherham", [80.08, 86.17, 83.46], VALUE)],
        "targets": [85, 85, 85],
    }
    return TrendChart(**{**fields, **kwargs})


def test_nice_ticks_are_round_numbers_spanning_the_values():
    assert nice_ticks(72, 86.17) == [70, 75, 80, 85, 90]
    assert nice_ticks(0.28, 1.1) == [0.0, 0.5, 1.0, 1.5]
    assert nice_ticks(0, 100) == [0, 50, 100]


def test_nice_ticks_of_a_single_value_still_span_a_range():
    ticks = nice_ticks(50, 50)
    assert ticks[0] < 50 < ticks[-1]


def test_the_chart_is_an_image_named_by_its_title_and_described():
    svg = parse(ni59_chart().svg())
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find(f"{SVG}title").get("id") == title_id
    assert svg.find(f"{SVG}title").text == "NI 59 by month"
    desc = svg.find(f"{SVG}desc")
    assert desc.get("id") == desc_id
    assert desc.text == (
        "Line chart of Rotherham and targets, August 2010 to October 2010. "
        "The table that follows gives every value."
    )


def test_each_value_is_plotted_in_order_with_higher_values_higher():
    svg = parse(ni59_chart().svg())
    line = svg.find(f"{SVG}polyline")
    points = [tuple(map(float, p.split(","))) for p in line.get("points").split()]
    assert len(points) == 3
    xs, ys = zip(*points, strict=True)
    assert xs[0] < xs[1] < xs[2]
    # SVG y grows downwards: September (86.17) is highest, August (80.08) lowest.
    assert ys[1] < ys[2] < ys[0]


def test_a_missing_value_breaks_the_line_instead_of_bridging_it():
    values = [80.08, None, 83.46, 84.0]
    series = [Series("value", "Rotherham", values, VALUE)]
    chart = ni59_chart(series=series, periods=list("ABCD"), targets=None)
    lines = parse(chart.svg()).findall(f"{SVG}polyline")
    assert [len(line.get("points").split()) for line in lines] == [1, 2]


def test_targets_are_drawn_as_markers_and_the_interval_as_a_band():
    chart = ni59_chart(lower=[78.0, 84.0, None], upper=[82.0, 88.0, None])
    svg = parse(chart.svg())
    diamonds = [p for p in svg.iter(f"{SVG}polygon") if p.get("stroke") and p.get("fill") == "white"]
    assert len(diamonds) == 3 + 1  # one per target, and one in the legend
    band = [p for p in svg.iter(f"{SVG}polygon") if p.get("fill-opacity")]
    assert len(band) == 1
    assert len(band[0].get("points").split()) == 4  # two periods with an interval, upper and lower


def test_series_differ_by_line_pattern_and_marker_as_well_as_colour():
    chart = ni59_chart(
        series=[
            Series("value", "Rotherham", [80, 86, 83], VALUE),
            Series("england", "England", [67, 67, 67], ENGLAND, "2 3", "triangle"),
        ]
    )
    svg = parse(chart.svg())
    dashed = [line for line in svg.iter(f"{SVG}polyline") if line.get("stroke-dasharray")]
    assert [line.get("stroke") for line in dashed] == [ENGLAND]
    legend = [t.text for t in svg.iter(f"{SVG}text")]
    assert {"Rotherham", "England", "Target"} <= set(legend)


def test_two_charts_on_one_page_have_their_own_names():
    first, second = (parse(ni59_chart(chart_id=name).svg()) for name in ("chart-month", "chart-year"))
    assert first.get("aria-labelledby") != second.get("aria-labelledby")
    assert second.find(f"{SVG}title").get("id") == "chart-year-title"


def test_labels_are_escaped():
    chart = ni59_chart(title="A <b> & C", series=[Series("value", "R&D <x>", [1, 2, 3], VALUE)])
    markup = str(chart.svg())
    assert "<b>" not in markup
    assert "A &lt;b&gt; &amp; C" in markup
    parse(markup)  # still well-formed


def test_a_chart_without_values_says_so():
    chart = ni59_chart(series=[Series("value", "Rotherham", [None, None, None], VALUE)], targets=None)
    svg = parse(chart.svg())
    assert any(t.text == "No values to chart" for t in svg.iter(f"{SVG}text"))


def test_the_bar_chart_marks_the_area_itself_in_words_and_draws_the_references():
    chart = BarChart(
        title="Re-referrals",
        labels=["Rotherham", "Barnsley", "Doncaster"],
        values=[19.6, 22.0, None],
        highlight=0,
        unit="%",
        references=[("Statistical neighbours' average", 20.5, "6 4"), ("England", 22.6, "2 3")],
    )
    svg = parse(chart.svg())
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Rotherham (this area)" in texts
    assert "no value" in texts
    assert "England: 22.6%" in texts
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]
    assert len(widths) == 2
    assert widths[0] < widths[1]
    assert re.search(r"Bar chart of 2 values", svg.find(f"{SVG}desc").text)


def test_the_bar_charts_legend_repeats_the_figure_the_page_shows():
    chart = BarChart(
        title="t",
        labels=["A", "B"],
        values=[24, 26],
        references=[("Statistical neighbours' average", 24.94, "6 4", "25")],
    )
    assert "Statistical neighbours&#39; average: 25</text>" in str(chart.svg())


def test_englands_total_is_charted_only_beside_figures_it_is_comparable_with():
    from outcomes.indicators.charts import charts_england

    class Measure:
        unit_kind = "count"

    assert not charts_england(Measure)
    Measure.unit_kind = "percentage"
    assert charts_england(Measure)
