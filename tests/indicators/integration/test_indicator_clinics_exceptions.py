"""Exceptions are kept as records that open and close as the data and targets change."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType

from outcomes.core.models import ChangeRecord
from outcomes.indicators import derive
from outcomes.indicators.areas import home_area
from outcomes.indicators.exceptions import refresh_exceptions
from outcomes.indicators.models import DataExpectation, ExceptionRecord, Indicator, Target, Value
from outcomes.indicators.periods import period_for

pytestmark = pytest.mark.django_db


def open_kinds(code: str) -> set[tuple[str, str]]:
    records = ExceptionRecord.objects.filter(indicator__code=code, closed_at__isnull=True)
    return {(r.period.label, r.kind) for r in records}


def test_breastfeeding_initiation_below_its_target_is_an_open_exception():
    assert open_kinds("BF-INIT") == {("2013-14", "missed_target")}
    record = ExceptionRecord.objects.get(indicator__code="BF-INIT", closed_at__isnull=True)
    assert record.detail == "59.91% in 2013-14 against a target of 65.5%"


def test_an_exception_closes_when_the_target_is_met_and_a_new_one_opens_if_it_is_missed_again():
    indicator = Indicator.objects.get(code="BF-INIT")
    target = Target.objects.get(indicator=indicator)
    before = ExceptionRecord.objects.get(indicator=indicator, closed_at__isnull=True)

    target.value = 59
    target.save()
    derive.recompute([indicator])
    before.refresh_from_db()
    assert before.closed_at is not None
    assert before.closed_reason
    assert open_kinds("BF-INIT") == set()

    target.value = 65.5
    target.save()
    derive.recompute([indicator])
    again = ExceptionRecord.objects.get(indicator=indicator, closed_at__isnull=True)
    assert again.pk != before.pk
    assert ExceptionRecord.objects.filter(indicator=indicator).count() == 2
    # Keyed by model too: another model's record (a board's action) may have the same number.
    actions = ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(ExceptionRecord),
        object_id__in=[str(before.pk), str(again.pk)],
    ).values_list("action", flat=True)
    # The first record was opened when the demo loaded.
    assert sorted(actions) == ["exception_closed", "exception_opened", "exception_opened"]


def test_a_refresh_without_changes_changes_nothing():
    before = list(ExceptionRecord.objects.values_list("pk", "closed_at", "detail"))
    counts = refresh_exceptions()
    assert counts["opened"] == counts["closed"] == 0
    assert list(ExceptionRecord.objects.values_list("pk", "closed_at", "detail")) == before


def test_no_data_by_the_due_date_opens_and_the_value_arriving_closes_it():
    indicator = Indicator.objects.get(code="BF-6-8WK")
    assert open_kinds("BF-6-8WK") == {("2013-14", "no_data")}
    Value.objects.create(
        indicator=indicator, area=home_area(), period=period_for("2013-14", indicator.period_type), value=31
    )
    derive.recompute([indicator])
    assert ("2013-14", "no_data") not in open_kinds("BF-6-8WK")
    assert ("2013-14", "missed_target") in open_kinds("BF-6-8WK")


def test_data_not_yet_due_is_not_an_exception():
    indicator = Indicator.objects.get(code="BF-6-8WK")
    period = period_for("2014-15", indicator.period_type)
    DataExpectation.objects.create(indicator=indicator, period=period, due=date(2015, 6, 30))
    refresh_exceptions([indicator], today=date(2015, 6, 30))
    assert ("2014-15", "no_data") not in open_kinds("BF-6-8WK")
    refresh_exceptions([indicator], today=date(2015, 7, 1))
    assert ("2014-15", "no_data") in open_kinds("BF-6-8WK")


def test_ni_59_missed_its_october_milestone_and_worsened_in_october():
    assert {("October 2010", "missed_target"), ("October 2010", "worsening")} <= open_kinds("NI 59")
