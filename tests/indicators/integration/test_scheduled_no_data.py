"""A value not arrived by its due date opens its exception on the next scheduled run, not at the
next import (issue 17): the job calls the exceptions' own rule (no_data_by_due_date)."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from outcomes.core import scheduler
from outcomes.indicators.areas import home_area
from outcomes.indicators.models import DataExpectation, ExceptionRecord
from tests.indicators.factories import IndicatorFactory, PeriodFactory, ValueFactory

pytestmark = pytest.mark.django_db


def run_job(day: date):
    now = timezone.make_aware(datetime(day.year, day.month, day.day, 9))
    return scheduler.run_job(scheduler.get_job("indicators.no_data_exceptions"), now=now, force=True)


@pytest.fixture
def expectation():
    return DataExpectation.objects.create(
        indicator=IndicatorFactory(code="T NODATA"), period=PeriodFactory(year=1990), due=date(2014, 12, 12)
    )


def no_data(expectation):
    return ExceptionRecord.objects.filter(indicator=expectation.indicator, kind=ExceptionRecord.NO_DATA)


def test_the_exception_opens_the_day_after_the_due_date(expectation):
    run_job(date(2014, 12, 12))
    assert not no_data(expectation).exists()
    outcome = run_job(date(2014, 12, 13))
    assert outcome.state == scheduler.SUCCEEDED
    [record] = no_data(expectation)
    assert record.closed_at is None
    assert record.detail == "No value for 1990-91, due by 12 December 2014"
    run_job(date(2014, 12, 14))
    assert no_data(expectation).count() == 1  # kept, not opened twice


def test_it_closes_when_the_value_arrives(expectation):
    run_job(date(2014, 12, 13))
    ValueFactory(indicator=expectation.indicator, period=expectation.period, area=home_area())
    run_job(date(2014, 12, 14))
    assert no_data(expectation).get().closed_at is not None
