from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

from outcomes.api.tables import json_value
from outcomes.core.downloads import Number


def test_numbers_are_json_numbers_with_their_places():
    assert json_value(Number(Decimal("64.456"), 1)) == 64.5
    assert json_value(Number(Decimal("17087"), 0)) == 17087
    assert isinstance(json_value(Number(Decimal("17087"), 0)), int)
    assert json_value(Decimal("2.50")) == 2.5
    assert json_value(Fraction(1, 2)) == 0.5
    assert json_value(None) is None
    assert json_value("=1+1") == "=1+1"  # JSON is data: only spreadsheets need the guard


def test_dates_and_times_are_iso_8601_in_uk_time():
    assert json_value(date(2014, 6, 30)) == "2014-06-30"
    summer = datetime(2014, 6, 30, 16, 0, tzinfo=ZoneInfo("UTC"))
    assert json_value(summer) == "2014-06-30T17:00:00+01:00"
