"""The exception rules of SPEC §2, one by one, on figures built in memory (no database)."""

from datetime import date

import pytest

from outcomes.indicators import exceptions
from outcomes.indicators.models import DerivedFigure, Indicator, Period, Target


def ni59(**kwargs) -> Indicator:
    fields = {"code": "NI 59", "name": "Initial assessments", "polarity": Indicator.HIGH}
    fields["unit_kind"] = Indicator.PERCENTAGE
    return Indicator(**{**fields, **kwargs})


def figure(indicator=None, **kwargs) -> DerivedFigure:
    fig = DerivedFigure(
        indicator=indicator or ni59(),
        period=Period(pk=10, label="October 2010", kind=Period.MONTH),
        value=83.46,
    )
    for name, value in kwargs.items():
        setattr(fig, name, value)
    return fig


class TestMissedTarget:
    def test_a_value_below_its_target_is_an_exception_naming_both(self):
        detail = exceptions.missed_target(figure(on_target=False, target_value=85.0))
        assert detail == "83.46% in October 2010 against a target of 85%"

    @pytest.mark.parametrize("met", [True, None])
    def test_a_value_on_target_or_without_a_target_is_not(self, met):
        assert exceptions.missed_target(figure(on_target=met, target_value=85.0)) is None

    def test_a_band_target_is_written_as_its_range(self):
        band = ni59(code="NI 68", polarity=Indicator.BAND)
        target = Target(pk=3, value=70, upper_value=80)
        fig = figure(band, value=83.15, on_target=False, target_value=70.0, target=target)
        assert exceptions.missed_target(fig) == "83.15% in October 2010 against a target of 70% to 80%"


class TestWorsening:
    def test_worse_than_the_previous_period_is_an_exception(self):
        fig = figure(dot=-1, previous_value=86.17, previous_period=Period(pk=9, label="September 2010"))
        assert exceptions.worsening(fig) == "Worsened from 86.17% in September 2010 to 83.46% in October 2010"

    @pytest.mark.parametrize("dot", [1, 0, None])
    def test_improving_unchanged_or_not_judged_is_not(self, dot):
        assert exceptions.worsening(figure(dot=dot, previous_value=80.0)) is None


class TestWorseThanEngland:
    def test_significantly_worse_at_95_percent_is_an_exception_with_its_interval(self):
        fig = figure(value=59.9, significance_95=-1, ci_lower=57.04, ci_upper=62.71, england_value=67.1)
        detail = exceptions.worse_than_england(fig)
        assert detail == (
            "59.9% (95% confidence interval 57.0% to 62.7%) in October 2010 against England's 67.1%"
        )

    @pytest.mark.parametrize("significance", [1, 0, None])
    def test_better_similar_or_not_tested_is_not(self, significance):
        # "Worse" by value alone (england_comparison) is not significance: no exception.
        fig = figure(significance_95=significance, england_comparison=-1, england_value=90.0)
        assert exceptions.worse_than_england(fig) is None


class TestSpcConcern:
    def test_special_cause_of_concern_is_an_exception(self):
        assert exceptions.spc_concern(figure(spc=-1)) == (
            "Special-cause variation of concern in the series to October 2010 (latest 83.46%)"
        )

    @pytest.mark.parametrize("spc", [1, 0, None])
    def test_improvement_common_cause_or_no_chart_is_not(self, spc):
        assert exceptions.spc_concern(figure(spc=spc)) is None


class TestNoDataByTheDueDate:
    def test_a_value_not_in_after_its_due_date_is_an_exception(self):
        assert exceptions.no_data_by_due_date(date(2014, 6, 30), False, date(2014, 7, 1))

    def test_not_before_the_due_date_has_passed(self):
        assert not exceptions.no_data_by_due_date(date(2014, 6, 30), False, date(2014, 6, 30))

    def test_not_once_the_value_has_arrived(self):
        assert not exceptions.no_data_by_due_date(date(2014, 6, 30), True, date(2015, 1, 1))


def test_every_rule_has_its_kind():
    kinds = {kind for kind, _ in exceptions.RULES}
    assert kinds == {"missed_target", "worsening", "worse_than_england", "spc_concern"}
