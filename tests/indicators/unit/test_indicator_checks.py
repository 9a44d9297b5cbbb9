"""The indicators' data-quality rules (outcomes/indicators/checks.py), each on values made to break
it and on values that keep it."""

from datetime import date
from decimal import Decimal

import pytest

from outcomes.core.checks import get_rule, run_rule
from outcomes.governance.models import Action
from outcomes.indicators.areas import home_area
from outcomes.indicators.models import Area, ImportRun, Indicator, Period, Value
from tests.indicators.factories import (
    AgreedActionFactory,
    ClinicFactory,
    ImportRunFactory,
    IndicatorFactory,
    TargetFactory,
    ValueFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    home = home_area()
    other = Area.objects.exclude(pk=home.pk).filter(kind=Area.LA).first()
    period = Period.objects.order_by("sort_key").first()
    lait = ImportRunFactory(kind=ImportRun.LAIT, source="test")
    typed = ImportRunFactory(kind=ImportRun.TEMPLATE)
    percent = IndicatorFactory(code="T 1", name="Test share", unit_kind=Indicator.PERCENTAGE)
    rate = IndicatorFactory(code="T 2", name="Test rate", unit_kind=Indicator.RATE, multiplier=10000)
    return {
        "home": home,
        "other": other,
        "period": period,
        "lait": lait,
        "typed": typed,
        "percent": percent,
        "rate": rate,
    }


def value(s, indicator, area, number, run, numerator=None, denominator=None):
    return ValueFactory(
        indicator=s[indicator],
        area=s[area],
        period=s["period"],
        value=Decimal(number),
        numerator=numerator,
        denominator=denominator,
        source_import=s[run],
    )


def run(name, **scope):
    return run_rule(get_rule(name), **scope)


def test_a_percentage_above_100_or_below_0(setting):
    rule = "indicator-percentage-out-of-range"
    value(setting, "percent", "home", "99.9", "lait")
    assert run(rule, indicator=setting["percent"]) == []
    value(setting, "percent", "other", "100.4", "lait")
    v = Value.objects.get(indicator=setting["percent"], area=setting["home"])
    v.value = Decimal("-1.5")
    v.save()
    findings = run(rule, indicator=setting["percent"])
    by_where = {f.where: f.message for f in findings}
    home_where = f"T 1 Test share, {setting['home'].name}, {setting['period'].label}"
    # The partnership's own figure one by one; DfE's figures for another area summed up.
    assert by_where[home_where] == "The value -1.5% is below 0."
    assert by_where["T 1 Test share, other areas (as published)"] == (
        f"1 value above 100% or below 0: {setting['other'].name} {setting['period'].label}: 100.4."
    )


def test_an_uploaded_value_for_any_area_is_listed_on_its_own(setting):
    value(setting, "percent", "other", "101", "typed")
    [finding] = run("indicator-percentage-out-of-range", import_run=setting["typed"])
    assert finding.where.startswith(f"T 1 Test share, {setting['other'].name}")
    assert f"import:{setting['typed'].pk}" in finding.subjects


def test_a_value_that_disagrees_with_its_numerator_and_denominator(setting):
    rule = "value-disagrees-with-numerator-denominator"
    value(setting, "percent", "home", "77.8", "typed", numerator=1767, denominator=2270)  # 77.84%
    value(setting, "rate", "home", "12.5", "typed", numerator=25, denominator=20000)  # 12.5 per 10,000
    assert run(rule) == []
    v = Value.objects.get(indicator=setting["percent"])
    v.value = Decimal("16.7")
    v.numerator, v.denominator = 4, 15
    v.save()
    [finding] = run(rule)
    assert finding.message == "The value is 16.7%, but 4 of 15 is 26.7%."


def test_a_clinic_action_past_its_date_and_still_open():
    rule = "clinic-action-overdue"
    clinic = ClinicFactory(slug="test-clinic", title="Test clinic", date=date(2014, 6, 30))
    action = AgreedActionFactory(
        clinic=clinic, details="Report by locality", owner_text="Mary Smith", due_on=date(2014, 9, 30)
    )
    ours = [f for f in run(rule, today=date(2014, 10, 1)) if f.key.startswith("clinics/test-clinic/")]
    assert [f.message for f in ours] == [
        "“Report by locality” was due by 30 September 2014 (owner: Mary Smith) and is still open."
    ]
    assert ours[0].where == f"Performance clinic Test clinic, 30 June 2014, action {action.number}"
    assert not [f for f in run(rule, today=date(2014, 9, 30)) if f.key.startswith("clinics/test-clinic/")]
    action.status = Action.DISCHARGED
    action.save()
    assert not [f for f in run(rule, today=date(2014, 10, 1)) if f.key.startswith("clinics/test-clinic/")]


def test_a_percentage_target_above_100(setting):
    rule = "indicator-percentage-out-of-range"
    target = TargetFactory(indicator=setting["percent"], due=date(2011, 3, 31), value=Decimal("87"))
    assert run(rule, indicator=setting["percent"]) == []
    target.value = Decimal("870")
    target.save()
    [finding] = run(rule, indicator=setting["percent"])
    assert finding.where == "T 1 Test share, target for March 2011"
    assert finding.message == "The target 870% is above 100%."
