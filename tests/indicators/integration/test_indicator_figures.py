"""The figures of an indicator's page and the benchmarking pages, on the demo's data."""

import re

import pytest
from django.urls import reverse

from outcomes.indicators import access
from outcomes.indicators.areas import home_area
from outcomes.indicators.derive import recompute
from outcomes.indicators.models import Indicator, Value

pytestmark = pytest.mark.django_db


def test_a_suppressed_value_of_the_home_area_shows_its_reason(client, users):
    """Issue 11 item 1: a missing value in the home area's series answered 500."""
    indicator = Indicator.objects.get(code="6wksBreast")
    home = home_area()
    value = Value.objects.filter(indicator=indicator, area=home, value__isnull=False).first()
    value.value, value.missing_reason = None, "c"
    value.save()
    recompute([indicator])
    for role in ("performance_officer", "viewer"):
        client.force_login(users[role])
        response = client.get(
            reverse("indicators:indicator", args=["6wksbreast"]) + f"?area={home.la_number}"
        )
        assert response.status_code == 200
        assert "Not available: confidential (suppressed)" in response.content.decode()


def _neighbours_page(client, code: str) -> str:
    response = client.get(reverse("indicators:neighbours", args=["372", code]))
    assert response.status_code == 200
    return response.content.decode()


def _summary(html: str, key: str) -> str:
    """The value of a row of the page's summary list, without the judgement's words."""
    start = html.index(f'<dt class="govuk-summary-list__key">\n      {key}')
    cell = html[html.index("<dd", start) : html.index("</dd>", start)]
    return re.sub(r"<[^>]+>", " ", cell).split()[0]


def test_the_neighbours_average_is_shown_as_the_measure_publishes_in_summary_and_legend(client, users):
    """Issue 11 item 6: "50.2857%" beside values published as whole numbers; "25" above, "24.9" below."""
    client.force_login(users["viewer"])
    indicator = Indicator.objects.get(code="LAC_LongStable%")
    assert indicator.decimal_places is None  # LAIT says "NA"; its values are whole numbers
    html = _neighbours_page(client, access.code_slug("LAC_LongStable%"))
    shown = _summary(html, "Statistical neighbours&#39; average")
    assert re.fullmatch(r"\d+%", shown), shown
    assert f"Statistical neighbours&#39; average: {shown}</text>" in html


def test_a_count_measures_neighbour_chart_leaves_englands_total_out(client, users):
    client.force_login(users["viewer"])
    Indicator.objects.filter(code="LAC").update(unit_kind=Indicator.COUNT)
    html = _neighbours_page(client, "lac")
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert "England" not in chart
    assert "England's figure is not charted" in html
    measure = client.get(reverse("indicators:indicator", args=["lac"]) + "?area=372").content.decode()
    trend = measure[measure.index("<svg") : measure.index("</svg>")]
    assert "Rotherham" in trend
    assert "England" not in trend
    Indicator.objects.filter(code="LAC").update(unit_kind=Indicator.RATE)
    chart = _neighbours_page(client, "lac")
    assert "England: " in chart[chart.index("<svg") : chart.index("</svg>")]


def test_the_rank_explanation_says_how_many_were_ranked(client, users):
    client.force_login(users["viewer"])
    html = _neighbours_page(client, "rereferral")
    found = re.search(
        r"Rank (\d+) of (\d+): among the (\d+) local authorities with a value in that period", html
    )
    assert found, "the page explains the rank"
    assert found[2] == found[3]
    assert 140 <= int(found[3]) <= 160


def test_a_baseline_year_is_not_judged_against_a_later_target(client, users):
    """NI 59's 2008-09 baseline was shown Red against the target "by 31 March 2010"."""
    from outcomes.indicators.models import DerivedFigure

    fig = DerivedFigure.objects.get(indicator__code="NI 59", area=home_area(), period__label="2008-09")
    assert fig.target_id is None
    assert fig.rag == ""
    assert fig.on_target is None


def test_the_recent_trend_of_five_years_with_counts_is_derived_and_shown(client, users):
    """Issue 11 item 11: the recent-trend test beside the SPC signals."""
    from outcomes.indicators.models import DerivedFigure
    from outcomes.indicators.periods import period_for

    home = home_area()
    indicator = Indicator.objects.create(
        code="LOCAL 1",
        name="Reviews held on time",
        unit_kind=Indicator.PERCENTAGE,
        polarity=Indicator.LOW,
        period_type=Indicator.FINANCIAL,
        decimal_places=1,
    )
    years = ["2016-17", "2017-18", "2018-19", "2019-20", "2020-21", "2021-22"]
    counts = [(400, 1000), (400, 1000), (440, 1000), (480, 1000), (520, 1000), (560, 1000)]
    periods = [period_for(label, "financial") for label in years]
    for period, (x, n) in zip(periods, counts, strict=True):
        Value.objects.create(
            indicator=indicator,
            area=home,
            period=period,
            value=x / n * 100,
            numerator=x,
            denominator=n,
        )
    recompute([indicator])
    trend = dict(DerivedFigure.objects.filter(indicator=indicator, area=home).values_list("period", "trend"))
    # Four years are too few; from the fifth on, a steady rise in a low-is-good measure is worsening.
    assert [trend[p.pk] for p in periods] == [None, None, None, None, -1, -1]
    client.force_login(users["viewer"])
    html = client.get(reverse("indicators:indicator", args=["local-1"]) + f"?area={home.la_number}")
    assert html.status_code == 200
    from tests.indicators.integration.test_indicator_pages import Tables

    assert Tables(html.content.decode()).row(periods[-1].label)[-1] == "worsening"
    assert Tables(html.content.decode()).row(periods[3].label)[-1] == "–none"
    assert "Recent trend" in html.content.decode()


def test_a_measure_page_explains_its_ranks(client, users):
    client.force_login(users["viewer"])
    html = client.get(reverse("indicators:indicator", args=["rereferral"]) + "?area=372").content.decode()
    assert "among the 152 local authorities with a value in that period" in html
