"""The fuzz suite's forms (issue 12): a lead's update and a milestone's edit, driven with generated
bad values. Each post either shows its errors and changes nothing, or saves, and then the pages and
downloads that show the saved text answer (never a server error)."""

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from outcomes.plans.models import Milestone, Update
from tests.fuzz_values import FUZZ, NUMBERS, TEXTS

pytestmark = pytest.mark.django_db

PLAN = {"slug": "cypp-2013-16"}
ROUND = {**PLAN, "round_slug": "june-2014"}


def _pages_answer(client):
    for name, kwargs in (
        ("plans:milestone", {**PLAN, "priority": 1, "number": 26}),
        ("plans:export_xlsx", PLAN),
        ("plans:export_json", PLAN),
        ("plans:export_csv", ROUND),
        ("reports:progress", ROUND),
    ):
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 200, name


def _refused(response):
    assert response.status_code == 200, response.status_code
    assert "There is a problem" in response.content.decode()


# The pages that show an update take a few seconds each: fewer examples keep the suite short.
@settings(FUZZ, max_examples=8)
@given(text=TEXTS)
def test_a_leads_update(client, users, text):
    client.force_login(users["lead_officer"])
    update = Update.objects.get(round__slug="june-2014", milestone__priority__number=1, milestone__number=26)
    before = (update.text, update.version)
    response = client.post(
        reverse("plans:update", kwargs={**ROUND, "priority": 1, "number": 26}),
        {"text": text, "status": "green", "version": update.version},
    )
    assert response.status_code != 500
    if response.status_code == 302:
        _pages_answer(client)
        return
    _refused(response)
    update.refresh_from_db()
    assert (update.text, update.version) == before


@settings(FUZZ, max_examples=15)
@given(
    text=TEXTS,
    sub_heading=st.one_of(st.just(""), TEXTS),
    lead=st.one_of(st.just("Ron Parry"), TEXTS),
    target=st.one_of(st.just(""), NUMBERS),
    due=st.one_of(st.just(""), TEXTS, NUMBERS),
)
def test_a_milestone_edit(client, users, text, sub_heading, lead, target, due):
    client.force_login(users["performance_officer"])
    milestone = Milestone.objects.get(priority__plan__slug="cypp-2013-16", priority__number=1, number=26)
    before = (milestone.text, milestone.target_value, milestone.version)
    response = client.post(
        reverse("plans:milestone_edit", kwargs={**PLAN, "priority": 1, "number": 26}),
        {
            "text": text,
            "due": due,
            "sub_heading": sub_heading,
            "delivery_lead": lead,
            "strategy_lead": "",
            "target_value": target,
            "target_unit": "%",
            "target_period": "",
            "version": milestone.version,
        },
    )
    assert response.status_code != 500
    if response.status_code == 302:
        _pages_answer(client)
        return
    _refused(response)
    milestone.refresh_from_db()
    assert (milestone.text, milestone.target_value, milestone.version) == before


def _editions():
    from outcomes.surveys.models import Edition, WindowExtension

    return (sorted(Edition.objects.values_list("slug", "title", "year")), WindowExtension.objects.count())


@settings(FUZZ, max_examples=15)
@given(
    year=st.one_of(st.just("2010"), NUMBERS),
    title=st.one_of(st.just("Lifestyle Survey 2010"), TEXTS),
    slug=st.one_of(st.just("primary-2010"), TEXTS),
    opens=st.one_of(st.just("2010-10-18"), TEXTS, NUMBERS),
    closes=st.one_of(st.just("2010-12-17"), TEXTS, NUMBERS),
)
def test_copying_an_edition(client, users, year, title, slug, opens, closes):
    client.force_login(users["performance_officer"])
    before = _editions()
    response = client.post(
        reverse("surveys:copy", kwargs={"slug": "primary-2009"}),
        {"year": year, "title": title, "slug": slug, "opens": opens, "closes": closes},
    )
    assert response.status_code != 500
    if response.status_code == 302:
        new = response.url.rstrip("/").split("/")[-1]
        for name in ("surveys:edition", "surveys:workbook"):
            assert client.get(reverse(name, kwargs={"slug": new})).status_code == 200, name
        return
    _refused(response)
    assert _editions() == before


@settings(FUZZ, max_examples=15)
@given(closes=st.one_of(st.just("2010-01-31"), TEXTS, NUMBERS), reason=TEXTS)
def test_extending_a_survey_window(client, users, closes, reason):
    client.force_login(users["performance_officer"])
    before = _editions()
    response = client.post(
        reverse("surveys:extend", kwargs={"slug": "primary-2009"}), {"closes": closes, "reason": reason}
    )
    assert response.status_code != 500
    if response.status_code == 302:
        assert client.get(reverse("surveys:edition", kwargs={"slug": "primary-2009"})).status_code == 200
        return
    _refused(response)
    assert _editions() == before
