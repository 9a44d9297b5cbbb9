"""The figures of an indicator's page and the benchmarking pages, on the demo's data."""

import pytest
from django.urls import reverse

from outcomes.indicators.derive import recompute
from outcomes.indicators.lait import home_area
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
