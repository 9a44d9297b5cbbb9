"""The fuzz suite (issue 12) for setting up indicators: the definitions template and the indicator and
target forms driven with generated bad values. Each is either refused (no server error, every problem
located, nothing changed) or accepted, and then the pages and downloads that show it still answer."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from outcomes.core.models import ChangeRecord
from outcomes.indicators.access import code_slug
from outcomes.indicators.definitions import INDICATOR_COLUMNS
from outcomes.indicators.models import Indicator, Target
from tests.fuzz_values import ANY_CELL, FUZZ, NUMBERS, TEXTS, assert_refused_and_located

pytestmark = pytest.mark.django_db

HEADINGS = [heading for _, heading, _, _ in INDICATOR_COLUMNS]
GOOD = [
    "FZ-1",
    "Fuzzed",
    "",
    "",
    "",
    "Percentage",
    "",
    "",
    "",
    "",
    "1",
    "High is good",
    "",
    "",
    "Financial year",
]
GOOD += ["", "", "", "", ""]


@pytest.fixture
def officer(client, users):
    client.force_login(users["performance_officer"])
    return client


def _state():
    return (
        ChangeRecord.objects.count(),
        list(Indicator.objects.order_by("pk").values_list("pk", "version")),
        list(Target.objects.order_by("pk").values_list("pk", "version")),
    )


def _pages_answer(client, code: str) -> None:
    slug = code_slug(code)
    for url in (
        reverse("indicators:indicator", args=[slug]),
        reverse("indicators:indicator_edit", args=[slug]),
        reverse("indicators:indicator_history", args=[slug]),
        reverse("indicators:indicator_history_export", args=[slug, "xlsx"]),
        reverse("indicators:targets", args=[slug]),
        reverse("indicators:definitions_export", args=["xlsx"]),
        reverse("indicators:definitions_export", args=["csv"]),
        reverse("indicators:list_export", args=["xlsx"]),
    ):
        assert client.get(url).status_code == 200, url


@FUZZ
@given(column=st.integers(min_value=0, max_value=len(HEADINGS) - 1), value=ANY_CELL)
def test_definitions_uploads(officer, column, value):
    row = list(GOOD)
    row[column] = value
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADINGS, row])
    before = _state()
    data = buffer.getvalue().encode("utf-8", "surrogatepass")
    response = officer.post(
        reverse("indicators:definitions_upload"), {"file": SimpleUploadedFile("fz.csv", data)}
    )
    if response.status_code == 302:
        code = Indicator.objects.order_by("-pk").first().code
        _pages_answer(officer, code)
        return
    assert_refused_and_located(response, "fz.csv")
    assert _state() == before


FORM = {
    "code": "FZ-2",
    "name": "Fuzzed form",
    "unit_kind": "percentage",
    "polarity": "high",
    "period_type": "financial",
    "decimal_places": "1",
}
FIELDS = ["code", "name", "definition", "topic", "unit_kind", "multiplier", "unit_label", "decimal_places"]
FIELDS += ["polarity", "band_lower", "band_upper", "period_type", "source", "owner", "parent", "sub_label"]


def _text(value: str) -> str:
    # What a browser can send: no lone surrogates in a form field.
    return value.encode("utf-8", "replace").decode("utf-8", "replace")


@FUZZ
@given(field=st.sampled_from(FIELDS), value=st.one_of(TEXTS, NUMBERS))
def test_indicator_forms(officer, field, value):
    before = _state()
    response = officer.post(reverse("indicators:indicator_new"), {**FORM, field: _text(value)})
    if response.status_code == 302:
        _pages_answer(officer, Indicator.objects.order_by("-pk").first().code)
        return
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert _state() == before


TARGET = {"area": "", "period": "2016-17", "value": "70", "tolerance_kind": "absolute"}


@FUZZ
@given(
    field=st.sampled_from(
        [
            "area",
            "period",
            "due-day",
            "due-month",
            "due-year",
            "value",
            "upper_value",
            "amber_tolerance",
            "note",
        ]
    ),
    value=st.one_of(TEXTS, NUMBERS),
)
def test_target_forms(officer, field, value):
    before = _state()
    response = officer.post(
        reverse("indicators:target_new", args=["bf-init"]), {**TARGET, field: _text(value)}
    )
    if response.status_code == 302:
        _pages_answer(officer, "BF-INIT")
        assert officer.get(reverse("indicators:targets_export", args=["bf-init", "xlsx"])).status_code == 200
        return
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert _state() == before
