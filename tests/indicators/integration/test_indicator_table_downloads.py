"""The tables that had no download (an indicator's targets, the milestones it measures, a clinic's
history of changes) download as CSV and as Excel with the same figures the page shows."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from outcomes.indicators.forms import ClinicForm
from outcomes.indicators.models import Area, Clinic, Indicator, Target
from tests.indicators.integration.test_indicator_pages import Tables

pytestmark = pytest.mark.django_db

CLINIC = "2014-06-30-breastfeeding-performance-clinic"
# What the page's blank() macro reads as, hidden words included.
BLANK = "–none"


def section(client, url: str, start: str, end: str) -> list[list[str]]:
    """The body rows of the one table between two markers of a page."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    part = html[html.index(start) : html.index(end, html.index(start))]
    return [row for row in Tables(part).rows if row][1:]


def downloaded(client, name: str, *args) -> tuple[list[list[str]], list[list[str]]]:
    """The table's CSV and Excel downloads, each as its rows of text, headings first."""
    response = client.get(reverse(name, args=[*args, "csv"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    as_csv = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    response = client.get(reverse(name, args=[*args, "xlsx"]))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    as_xlsx = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    return as_csv, as_xlsx


def workbook(client, name: str, *args):
    return load_workbook(io.BytesIO(client.get(reverse(name, args=[*args, "xlsx"])).content)).active


def test_an_indicators_targets_download_with_the_figures_of_its_page(client, users):
    ni59 = Indicator.objects.get(code="NI 59")
    england = Area.objects.get(kind=Area.ENGLAND)
    Target.objects.create(
        indicator=ni59,
        area=england,
        due=date(2011, 9, 30),
        value=Decimal("88.5"),
        amber_tolerance=Decimal("2"),
        tolerance_kind=Target.PERCENT,
        note="Agreed with the Improvement Panel",
    )
    client.force_login(users["viewer"])
    url = reverse("indicators:indicator", args=["ni-59"])
    html = client.get(url).content.decode()
    assert f'href="{reverse("indicators:targets_export", args=["ni-59", "csv"])}"' in html
    assert 'Excel (.xlsx)<span class="govuk-visually-hidden"> file of the targets of NI 59</span>' in html
    on_page = section(client, url, 'id="targets"', "</table>")

    as_csv, as_xlsx = downloaded(client, "indicators:targets_export", "ni-59")
    headers = [
        "For",
        "Target (%)",
        "Upper end of the target band (%)",
        "Amber tolerance",
        "Amber tolerance is",
    ]
    assert as_csv[0] == as_xlsx[0] == [*headers, "Area", "Note"]
    # Figures are numbers (decision 0067): points in the CSV, fractions formatted as % in Excel.
    assert as_csv[1:] == [
        ["By 31 March 2010", "80", "", "", "", "The partnership's area", ""],
        ["By 31 October 2010", "85", "", "", "", "The partnership's area", ""],
        ["By 31 March 2011", "87", "", "", "", "The partnership's area", ""],
        [
            "By 30 September 2011",
            "88.5",
            "",
            "2",
            "a percentage of the target",
            "England",
            "Agreed with the Improvement Panel",
        ],
    ]
    assert [row[1] for row in as_xlsx[1:]] == ["0.8", "0.85", "0.87", "0.885"]
    assert as_xlsx[4][3] == "0.02"
    sheet = workbook(client, "indicators:targets_export", "ni-59")
    assert [sheet.cell(row, 2).number_format for row in range(2, 6)] == ["0%", "0%", "0%", "0.0%"]
    # The page shows the same targets as words, the area and its note in one cell.
    assert [row[0] for row in on_page] == [row[0] for row in as_csv[1:]]
    assert [row[1] for row in on_page] == ["80%", "85%", "87%", "88.5%"]
    assert on_page[3][2:] == ["2% of the target", "England. Agreed with the Improvement Panel"]


def test_a_target_band_downloads_as_the_page_shows_it(client, users):
    client.force_login(users["lead_officer"])
    on_page = section(client, reverse("indicators:indicator", args=["ni-68"]), 'id="targets"', "</table>")
    as_csv, _ = downloaded(client, "indicators:targets_export", "ni-68")
    assert [row[:3] for row in as_csv[1:]] == [
        ["By 31 March 2010", "65", "75"],
        ["By 31 October 2010", "68", "78"],
        ["By 31 March 2011", "70", "80"],
    ]
    assert [row[:2] for row in on_page] == [
        [f"{w}", f"{lo}% to {hi}%"] for w, lo, hi in (row[:3] for row in as_csv[1:])
    ]


def test_the_milestones_an_indicator_measures_download_as_the_page_lists_them(client, users):
    client.force_login(users["performance_officer"])
    url = reverse("indicators:milestone_links", args=["bf-init"])
    on_page = section(client, url, "<table", "</table>")
    as_csv, as_xlsx = downloaded(client, "indicators:milestone_links_export", "bf-init")
    assert as_csv == as_xlsx
    assert as_csv[0] == ["Milestone", "Plan", "Milestone text", "Baseline period", "Target period"]
    assert len(as_csv) == 2, "the demo links BF-INIT to one milestone"
    reference, plan, text, baseline, target = as_csv[1]
    assert (reference, baseline, target) == ("P1 M6", "2012-13", "2013-14")
    assert on_page == [[f"{reference} {text} {plan}", baseline, target, "Unlink"]]


def test_a_clinics_history_of_changes_downloads_with_each_change(client, users):
    client.force_login(users["performance_officer"])
    fields = ClinicForm.initial_for(Clinic.objects.get(slug=CLINIC))
    fields.update({"date": "2014-06-30", "forum": "Health and Wellbeing Board"})
    assert client.post(reverse("indicators:clinic_edit", args=[CLINIC]), fields).status_code == 302

    client.force_login(users["lead_officer"])
    on_page = section(client, reverse("indicators:clinic", args=[CLINIC]), "History of changes", "</table>")
    as_csv, as_xlsx = downloaded(client, "indicators:clinic_history_export", CLINIC)
    assert as_csv == as_xlsx
    assert as_csv[0] == ["When", "Who", "What", "Changes"]
    edited, *raised, loaded = as_csv[1:]
    # Its agreed actions, loaded onto the Performance clinics' tracker, are on its history (0142).
    assert [row[2].split(" action ")[0] for row in raised] == ["Raised Performance clinics"] * 3
    clinic = Clinic.objects.get(slug=CLINIC)
    assert edited[1:3] == [users["performance_officer"].display_name, f"Edited {clinic}"]
    assert (
        "Where changed from Performance clinic with all partners and stakeholders to "
        "Health and Wellbeing Board." in edited[3].splitlines()
    )
    assert loaded[1] == "System"
    assert loaded[2].startswith("Loaded with the demo data")
    assert loaded[3] == ""
    # The page puts each change on a line of its own, as the download does within the cell.
    assert on_page == [[*row[:3], " ".join("".join(row[3].splitlines()).split())] for row in as_csv[1:]]


def test_the_new_downloads_refuse_an_unknown_format(client, users):
    client.force_login(users["administrator"])
    assert client.get(reverse("indicators:targets_export", args=["ni-59", "pdf"])).status_code == 404
    assert (
        client.get(reverse("indicators:milestone_links_export", args=["bf-init", "ods"])).status_code == 404
    )
    assert client.get(reverse("indicators:clinic_history_export", args=[CLINIC, "json"])).status_code == 404
