"""Uploading the partnership's own values (all or nothing) and linking plan milestones to indicators."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from outcomes.core.models import ChangeRecord
from outcomes.indicators.models import ExceptionRecord, MilestoneIndicatorLink, Value
from outcomes.plans.models import Milestone
from outcomes.plans.services import milestone_key

pytestmark = pytest.mark.django_db

HEADER = "Indicator code,Area,Period,Value,Numerator,Denominator,Status,Missing reason\n"


def upload(client, text: str, name="ni59.csv"):
    return client.post(reverse("indicators:upload"), {"file": SimpleUploadedFile(name, text.encode())})


def november(code="NI 59"):
    return Value.objects.filter(indicator__code=code, period__label="November 2010")


def test_a_file_with_one_bad_row_saves_nothing_and_names_the_row_and_column(client, users):
    client.force_login(users["performance_officer"])
    response = upload(client, HEADER + "NI 59,,November 2010,88,,,,\nNI 59,,Smarch 2010,90,,,,\n")
    html = response.content.decode()
    assert response.status_code == 200
    assert "ni59.csv was not imported" in html
    assert "row 3" in html
    assert "Period" in html
    assert not november().exists()


def test_a_good_file_saves_recomputes_and_closes_the_exceptions_it_answers(client, users):
    client.force_login(users["performance_officer"])
    october = ExceptionRecord.objects.filter(
        indicator__code="NI 59", period__label="October 2010", closed_at__isnull=True
    )
    assert october.count() == 2
    response = upload(client, HEADER + "NI 59,,November 2010,88,,,,\n")
    assert response.status_code == 302, response.content.decode()
    assert november().get().value == 88
    # The latest month is now November, on its target (87% by March 2011) and improving.
    assert not october.exists()
    assert not ExceptionRecord.objects.filter(
        indicator__code="NI 59", period__label="November 2010", closed_at__isnull=True
    ).exists()
    assert ChangeRecord.objects.filter(action="import", user=users["performance_officer"]).exists()


def test_the_blank_template_downloads_with_its_columns(client, users):
    client.force_login(users["administrator"])
    response = client.get(reverse("indicators:template", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    headings = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert headings[:4] == ["Indicator code", "Area", "Period", "Value"]


def milestone_page(client, priority, number) -> str:
    url = reverse("plans:milestone", kwargs={"slug": "cypp-2013-16", "priority": priority, "number": number})
    return " ".join(client.get(url).content.decode().split())


def test_the_breastfeeding_milestone_shows_baseline_target_and_actual_from_its_indicator(client, users):
    client.force_login(users["performance_officer"])
    html = milestone_page(client, 1, 6)
    assert "Measured by BF-INIT" in html
    assert 'Baseline</dt><dd class="govuk-summary-list__value">58% (2012-13)' in html
    assert 'Target</dt><dd class="govuk-summary-list__value">65.5% (2013-14)' in html
    assert 'Actual</dt><dd class="govuk-summary-list__value">59.91% (2013-14)' in html
    assert "Not on target" in html
    assert "Performance clinic held on 30 June 2014" in html


def test_the_milestone_page_draws_the_indicator_through_the_registered_panel(client, users):
    from outcomes.indicators.views.milestones import PANEL_TEMPLATE, milestone_panel
    from outcomes.plans.panels import register_milestone_panel, unregister_milestone_panel

    client.force_login(users["performance_officer"])
    assert milestone_page(client, 1, 6).count("Measured by BF-INIT") == 1
    unregister_milestone_panel("indicators.linked_indicator")
    try:
        html = milestone_page(client, 1, 6)
        assert "Delivery milestone 6" in html
        assert "Measured by" not in html
    finally:
        register_milestone_panel("indicators.linked_indicator", PANEL_TEMPLATE, milestone_panel)
    assert milestone_page(client, 1, 6).count("Measured by BF-INIT") == 1


def test_the_actual_follows_the_indicator_when_its_data_change(client, users):
    client.force_login(users["performance_officer"])
    response = upload(client, HEADER + "BF-INIT,,2013-14,66.2,,,revised,\n", "bf.csv")
    assert response.status_code == 302
    html = milestone_page(client, 1, 6)
    assert 'Actual</dt><dd class="govuk-summary-list__value">66.2% (2013-14)' in html
    assert "On target" in html
    assert "Exception:" not in html


def test_a_performance_officer_links_and_unlinks_a_milestone_with_a_record_of_each(client, users):
    client.force_login(users["performance_officer"])
    url = reverse("indicators:milestone_links", args=["ni-59"])
    refused = client.post(url, {"action": "link", "plan": "cypp-2013-16", "priority": 1, "milestone": 6})
    assert "P1 M6 is already linked to an indicator" in refused.content.decode()
    response = client.post(url, {"action": "link", "plan": "cypp-2013-16", "priority": 1, "milestone": 7})
    assert response.status_code == 302
    milestone = Milestone.objects.get(priority__plan__slug="cypp-2013-16", priority__number=1, number=7)
    link = MilestoneIndicatorLink.objects.get(milestone=milestone)
    assert link.indicator.code == "NI 59"
    assert "Measured by NI 59" in milestone_page(client, 1, 7)

    assert client.post(url, {"action": "unlink", "link": link.pk, "confirm": "yes"}).status_code == 302
    assert not MilestoneIndicatorLink.objects.filter(milestone=milestone).exists()
    history = ChangeRecord.objects.filter(subject_key=milestone_key(milestone))
    assert sorted(history.values_list("action", flat=True)) == ["linked", "unlinked"]
    assert "Measured by" not in milestone_page(client, 1, 7)
