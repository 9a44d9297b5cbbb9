"""A performance officer sets up an indicator (every field of SPEC §2) and its dated targets with
amber tolerance on pages, areas and periods chosen by name; every change is in the history in words."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from outcomes.core.models import ChangeRecord
from outcomes.indicators import setup
from outcomes.indicators.models import DerivedFigure, Indicator, Period, Target

pytestmark = pytest.mark.django_db

NEW = {
    "code": "CYPP-BF1",
    "name": "Breastfeeding initiation (local)",
    "definition": "Mothers who start breastfeeding within 48 hours of delivery.",
    "methodology": "Maternity records, by place of residence.",
    "topic": "Be healthy",
    "unit_kind": "percentage",
    "multiplier": "",
    "unit_label": "% of births",
    "numerator_definition": "Babies breastfed within 48 hours",
    "denominator_definition": "Live births",
    "decimal_places": "1",
    "polarity": "high",
    "band_lower": "",
    "band_upper": "",
    "period_type": "financial",
    "source": "NHS Rotherham maternity services",
    "owner": "",
    "parent": "",
    "sub_label": "",
}


def page(response) -> str:
    return " ".join(response.content.decode().split())


def test_a_performance_officer_sets_up_an_indicator_with_every_field(client, users):
    client.force_login(users["performance_officer"])
    from outcomes.accounts.models import Person

    person = Person.objects.order_by("name").first()
    response = client.post(
        reverse("indicators:indicator_new"), {**NEW, "owner": person.name, "no_quartile": "on"}
    )
    assert response.status_code == 302, page(response)[:3000]
    assert response["Location"] == reverse("indicators:targets", args=["cypp-bf1"])
    made = Indicator.objects.get(code="CYPP-BF1")
    assert (made.unit_kind, made.polarity, made.period_type, made.decimal_places) == (
        "percentage",
        "high",
        "financial",
        1,
    )
    assert made.owner == person
    assert made.no_quartile is True
    assert made.from_lait is False
    assert made.numerator_definition == "Babies breastfed within 48 hours"
    record = ChangeRecord.objects.get(subject_key=setup.indicator_key(made))
    assert record.user == users["performance_officer"]
    assert record.after["Good performance"] == "High is good"
    assert record.after["Owner"] == person.name
    detail = page(client.get(reverse("indicators:indicator", args=["cypp-bf1"])))
    assert "Mothers who start breastfeeding within 48 hours of delivery." in detail
    assert "Edit the definition of CYPP-BF1" in detail


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"code": "NI-59"}, "code", "The code is too like NI 59: the two would share one address"),
        ({"code": "ni 59"}, "code", "There is already an indicator with the code NI 59"),
        ({"unit_kind": "rate"}, "multiplier", "Enter what the rate is per, for example 10000"),
        ({"multiplier": "1000"}, "multiplier", "Leave &#39;rate per&#39; blank unless the unit is a rate"),
        ({"polarity": "band", "band_lower": "5"}, "band_upper", "Enter the highest value of the good band"),
        ({"band_lower": "5"}, "band_lower", "Give a good band only when good performance is within a band"),
        ({"parent": "NI 111a"}, "parent", "NI 111a is itself a sub-indicator"),
        ({"parent": "NI 999"}, "parent", "There is no indicator with the code NI 999"),
        ({"sub_label": "a"}, "sub_label", "Give a sub-indicator label only with the indicator it belongs to"),
        ({"decimal_places": "9"}, "decimal_places", "less than or equal to 6"),
        ({"definition": "y" * 40_000}, "definition", "at most 32767 characters"),
        ({"band_lower": "1e999999", "polarity": "band", "band_upper": "9"}, "band_lower", "Enter a number"),
    ],
)
def test_a_definition_that_breaks_a_rule_is_refused_at_its_field(client, users, changes, field, message):
    client.force_login(users["performance_officer"])
    response = client.post(reverse("indicators:indicator_new"), {**NEW, **changes})
    html = page(response)
    assert response.status_code == 200
    assert f'href="#id_{field}"' in html
    assert message in html
    assert (
        not Indicator.objects.filter(code__iexact=changes.get("code", NEW["code"]))
        .exclude(code="NI 59")
        .exists()
    )


def test_the_period_type_is_fixed_once_there_are_values(client, users):
    client.force_login(users["performance_officer"])
    ni59 = Indicator.objects.get(code="NI 59")
    data = {**_initial_post(ni59), "period_type": "academic"}
    response = client.post(reverse("indicators:indicator_edit", args=["ni-59"]), data)
    assert "The period type cannot change: the indicator has" in page(response)
    ni59.refresh_from_db()
    assert ni59.period_type == "financial"


def _initial_post(indicator: Indicator) -> dict:
    from outcomes.indicators.setup_forms import IndicatorForm

    data = {}
    for key, value in IndicatorForm.initial_for(indicator).items():
        if isinstance(value, bool):
            if value:
                data[key] = "on"
        else:
            data[key] = "" if value is None else str(value)
    return data


def test_changing_polarity_recomputes_the_figures_and_is_recorded_in_words(client, users):
    client.force_login(users["performance_officer"])
    bf = Indicator.objects.get(code="BF-INIT")
    before = DerivedFigure.objects.filter(indicator=bf, on_target__isnull=False).values_list(
        "on_target", flat=True
    )
    assert list(before) == [False]
    data = {**_initial_post(bf), "polarity": "low"}
    response = client.post(reverse("indicators:indicator_edit", args=["bf-init"]), data)
    assert response.status_code == 302, page(response)[:2000]
    after = DerivedFigure.objects.filter(indicator=bf, on_target__isnull=False).values_list(
        "on_target", flat=True
    )
    assert list(after) == [True]
    history = page(client.get(reverse("indicators:indicator_history", args=["bf-init"])))
    assert "Good performance changed from High is good to Low is good." in history
    download = client.get(reverse("indicators:indicator_history_export", args=["bf-init", "xlsx"]))
    sheet = load_workbook(io.BytesIO(download.content)).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["When", "Who", "What", "Changes"]
    assert rows[1][1] == users["performance_officer"].display_name
    assert "Good performance changed from High is good to Low is good." in rows[1][3]
    assert "polarity" not in history


def test_a_lait_measures_definition_stays_dfes_while_its_owner_can_be_set(client, users):
    client.force_login(users["performance_officer"])
    lait = Indicator.objects.filter(from_lait=True).order_by("code").first()
    slug = _slug(lait)
    form = page(client.get(reverse("indicators:indicator_edit", args=[slug])))
    assert "is a DfE LAIT measure" in form
    assert 'name="name"' not in form
    assert 'name="band_lower"' not in form
    assert 'name="owner"' in form
    from outcomes.accounts.models import Person

    person = Person.objects.order_by("name").first()
    data = {**_initial_post(lait), "owner": person.name, "name": "Renamed", "numerator_definition": "Pupils"}
    assert client.post(reverse("indicators:indicator_edit", args=[slug]), data).status_code == 302
    fresh = Indicator.objects.get(pk=lait.pk)
    assert fresh.name == lait.name
    assert fresh.owner == person
    assert fresh.numerator_definition == "Pupils"


def _slug(indicator) -> str:
    from outcomes.indicators.access import code_slug

    return code_slug(indicator.code)


def test_an_amber_tolerance_turns_a_near_miss_amber(client, users):
    client.force_login(users["performance_officer"])
    bf = Indicator.objects.get(code="BF-INIT")
    target = Target.objects.get(indicator=bf, period__label="2013-14")
    figure = DerivedFigure.objects.filter(indicator=bf, target=target)
    assert figure.get().rag == "R"  # 59.91% against 65.5%
    url = reverse("indicators:target_edit", args=["bf-init", target.pk])
    form = page(client.get(url))
    assert 'value="2013-14"' in form
    assert 'value="65.5"' in form
    data = {"area": "", "period": "2013-14", "value": "65.5", "amber_tolerance": "6"}
    data.update({"tolerance_kind": "absolute", "note": "", "version": str(target.version)})
    response = client.post(url, data)
    assert response.status_code == 302, page(response)[:3000]
    assert figure.get().rag == "A"
    record = ChangeRecord.objects.filter(subject_key=setup.indicator_key(bf)).first()
    assert record.before["Amber tolerance"] == ""
    assert record.after["Amber tolerance"] == "6 in its units"


def test_a_target_for_an_area_and_a_period_not_yet_held_is_chosen_by_name(client, users):
    client.force_login(users["performance_officer"])
    url = reverse("indicators:target_new", args=["bf-init"])
    form = page(client.get(url))
    assert "The partnership&#39;s own area (Rotherham)" in form
    from outcomes.indicators.access import area_key
    from outcomes.indicators.models import Area

    england = Area.objects.get(kind=Area.ENGLAND)
    assert f'<option value="{area_key(england)}">England</option>' in form
    data = {"area": area_key(england), "period": "2016/17", "value": "70%", "amber_tolerance": "5"}
    data.update({"tolerance_kind": "percent", "note": "England's ambition"})
    response = client.post(url, data)
    assert response.status_code == 302, page(response)[:3000]
    target = Target.objects.get(indicator__code="BF-INIT", area__name="England")
    # 2016/17 is read as the financial year April 2016 to March 2017, whatever label it is kept under.
    assert (target.period.kind, str(target.period.start), str(target.period.end)) == (
        "financial_year",
        "2016-04-01",
        "2017-03-31",
    )
    assert str(target.value) == "70.000000"
    assert target.tolerance_kind == "percent"
    listing = page(client.get(reverse("indicators:targets", args=["bf-init"])))
    assert "England" in listing
    assert "5% of the target" in listing


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"value": "70"}, "period", "Enter the period the target is for, or the date it is due by"),
        ({"value": "70", "period": "2013-14", "due-day": "31 March 2014"}, "due", "not both"),
        (
            {"value": "70", "period": "2013-14"},
            "period",
            "There is already a target for 2013-14 in this area",
        ),
        ({"value": "70", "period": "Smarch 2014"}, "period", "Smarch 2014"),
        ({"value": "70", "due-day": "31", "due-month": "4", "due-year": "2014"}, "due", "has no day 31"),
        ({"value": "lots", "due-day": "31 March 2015"}, "value", "Enter a number"),
        (
            {"value": "70", "due-day": "31 March 2015", "upper_value": "80"},
            "upper_value",
            "only for an indicator",
        ),
        (
            {"value": "70", "due-day": "31 March 2015", "amber_tolerance": "-1"},
            "amber_tolerance",
            "less than 0",
        ),
        ({"value": "70", "due-day": "31 March 2015", "area": "9999"}, "area", "Select a valid choice"),
    ],
)
def test_a_target_that_breaks_a_rule_is_refused_at_its_field(client, users, data, field, message):
    client.force_login(users["performance_officer"])
    before = Target.objects.count()
    periods = Period.objects.count()
    response = client.post(
        reverse("indicators:target_new", args=["bf-init"]), {"tolerance_kind": "absolute", **data}
    )
    html = page(response)
    assert response.status_code == 200
    anchor = "due-day" if field == "due" else f"id_{field}"
    assert f'href="#{anchor}"' in html
    assert message in html
    assert Target.objects.count() == before
    assert Period.objects.count() == periods


def test_a_target_is_removed_only_after_confirming(client, users):
    client.force_login(users["performance_officer"])
    target = Target.objects.get(indicator__code="BF-INIT", period__label="2013-14")
    url = reverse("indicators:target_remove", args=["bf-init", target.pk])
    asked = page(client.get(url))
    assert "Remove the target 2013-14?" in asked
    assert client.post(url, {}).status_code == 200
    assert Target.objects.filter(pk=target.pk).exists()
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    assert not Target.objects.filter(pk=target.pk).exists()
    assert not DerivedFigure.objects.filter(indicator__code="BF-INIT", target_value__isnull=False).exists()
    history = page(client.get(reverse("indicators:indicator_history", args=["bf-init"])))
    assert "Removed the target 2013-14 of BF-INIT" in history


def test_a_stale_target_form_keeps_the_second_persons_figures(client, users):
    target = Target.objects.get(indicator__code="BF-INIT", period__label="2013-14")
    url = reverse("indicators:target_edit", args=["bf-init", target.pk])
    data = {"area": "", "period": "2013-14", "tolerance_kind": "absolute", "version": str(target.version)}
    client.force_login(users["administrator"])
    assert client.post(url, {**data, "value": "66"}).status_code == 302
    client.force_login(users["performance_officer"])
    stale = client.post(url, {**data, "value": "67", "note": "Mine"})
    html = stale.content.decode()
    assert stale.status_code == 200
    target.refresh_from_db()
    assert str(target.value) == "66.000000"
    assert "saved the target 2013-14 at" in html
    theirs = html[html.index('id="other-version"') : html.index("Your version is in the form below")]
    assert "66" in theirs
    assert 'name="value" type="text" value="67"' in html or re.search(r'name="value"[^>]*value="67"', html)
    assert re.search(r'name="version" value="(\d+)"', html).group(1) == str(target.version)


def test_lead_officers_and_viewers_read_the_history_but_change_nothing(client, users):
    client.force_login(users["viewer"])
    assert client.get(reverse("indicators:indicator_history", args=["bf-init"])).status_code == 200
    detail = page(client.get(reverse("indicators:indicator", args=["bf-init"])))
    assert reverse("indicators:indicator_edit", args=["bf-init"]) not in detail
    assert reverse("indicators:targets", args=["bf-init"]) not in detail
    client.force_login(users["lead_officer"])
    response = client.post(reverse("indicators:indicator_new"), NEW)
    assert response.status_code == 403
    assert not Indicator.objects.filter(code="CYPP-BF1").exists()
