"""Every table download is data: figures are numbers with number formats (a percentage a fraction
formatted as a percentage), ranks two numbers, units in the headers or a Unit column, sheet names
whole words (issue 11 item 3; decision 0067)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def workbook(client, name: str, *args, query: str = ""):
    response = client.get(reverse(name, args=[*args, "xlsx"]) + query)
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content)).active


def records(sheet) -> list[dict]:
    rows = list(sheet.iter_rows())
    headers = [c.value for c in rows[0]]
    return [dict(zip(headers, row, strict=False)) for row in rows[1:]]


def no_figure_as_text(sheet) -> None:
    """No cell holds a number written as text ("1,760", "64%", "50.2857%", "107 of 152"), labels
    aside (a period such as "2025", a row number such as "1" or "a")."""
    import re

    figure = re.compile(r"-?[\d,]+(\.\d+)?%?|\d+ of \d+|£[\d,.]+")
    headers = [c.value or "" for c in sheet[1]]
    labels = {i for i, h in enumerate(headers) if "period" in h.lower() or h in ("No.", "Ref")}
    for row in sheet.iter_rows(min_row=2):
        for index, cell in enumerate(row):
            if isinstance(cell.value, str) and index not in labels:
                assert not figure.fullmatch(cell.value.strip()), (cell.coordinate, cell.value)


def test_the_scorecard_download_holds_numbers_percentages_and_two_rank_columns(client, users):
    client.force_login(users["viewer"])
    sheet = workbook(client, "indicators:scorecard_export", "372")
    assert sheet.title == "Scorecard Rotherham"
    no_figure_as_text(sheet)
    rows = {r["Code"].value: r for r in records(sheet)}
    rereferral = rows["ReReferral"]
    assert rereferral["Unit"].value == "%"
    value = rereferral["Value"]
    assert value.data_type == "n"
    assert value.number_format.endswith("%")
    assert 0 < value.value < 1, "a percentage is held as a fraction"
    rank, of = rereferral["Rank"], rereferral["Rank of (authorities)"]
    assert isinstance(rank.value, int)
    assert isinstance(of.value, int)
    assert 1 <= rank.value <= of.value
    counts = [r for r in rows.values() if r["Unit"].value == "count" and r["Value"].value is not None]
    for r in counts:
        assert r["Value"].data_type == "n"
        assert not r["Value"].number_format.endswith("%")


def test_the_scorecard_csv_has_the_same_figures_in_points(client, users):
    client.force_login(users["viewer"])
    response = client.get(reverse("indicators:scorecard_export", args=["372", "csv"]))
    rows = {r["Code"]: r for r in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))}
    sheet = {r["Code"].value: r for r in records(workbook(client, "indicators:scorecard_export", "372"))}
    value = sheet["ReReferral"]["Value"].value
    assert float(rows["ReReferral"]["Value"]) == pytest.approx(value * 100)
    assert "%" not in rows["ReReferral"]["Value"]
    assert "," not in "".join(r["Value"] for r in rows.values())


def test_the_kpi_table_download_holds_numbers_with_the_measures_decimals(client, users):
    client.force_login(users["viewer"])
    sheet = workbook(client, "indicators:kpi_table_export")
    no_figure_as_text(sheet)
    rows = {r["Ref"].value: r for r in records(sheet)}
    ni45 = rows["NI 45"]
    assert ni45["Unit"].value == "%"
    perf = ni45["2009-10 Perf"]
    assert (perf.value, perf.number_format) == (pytest.approx(0.71), "0.0%")
    assert ni45["2008-09 Actual"].value == pytest.approx(0.726)
    assert ni45["2009-10 Target"].value == pytest.approx(0.756)
    assert ni45["National"].value == pytest.approx(0.731)
    ni19 = rows["NI 19"]
    assert ni19["2009-10 Perf"].value == pytest.approx(0.28)
    assert ni19["2009-10 Perf"].number_format == "#,##0.00"


def test_the_neighbours_download_holds_numbers(client, users):
    client.force_login(users["viewer"])
    sheet = workbook(client, "indicators:neighbours_export", "372", "rereferral")
    no_figure_as_text(sheet)
    rows = records(sheet)
    assert [r["Neighbour"].value for r in rows] == ["This area", *range(1, 11)]
    assert all(r["Value"].data_type == "n" for r in rows if r["Value"].value is not None)
    assert rows[0]["Unit"].value == "%"
    assert len(sheet.title) <= 31
    assert "  " not in sheet.title
    assert not sheet.title.endswith(("statis", "neighb"))


def test_an_indicators_series_download_holds_numbers(client, users):
    client.force_login(users["viewer"])
    sheet = workbook(client, "indicators:indicator_export", "ni-59")
    no_figure_as_text(sheet)
    october = next(r for r in records(sheet) if r["Period"].value == "October 2010")
    assert october["Value (%)"].value == pytest.approx(0.8346)
    assert october["Value (%)"].number_format == "0.00%"


def test_the_round_csv_gives_rag_shares_as_numbers_not_dates(client, users, demo_round):
    client.force_login(users["performance_officer"])
    response = client.get(reverse("plans:export_csv", args=[demo_round.plan.slug, demo_round.slug]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    shares = [row[key] for row in rows for key in ("green", "amber", "red", "blue") if row.get(key)]
    assert shares, "the demo round has updates with RAG shares"
    assert all("/" not in share for share in shares), "1/2 would open in Excel as a date"
    assert {float(share) for share in shares} <= {0.0, 0.25, 0.3333, 0.5, 0.6667, 0.75, 1.0}


def test_the_clinic_list_and_actions_give_dates_and_counts_as_data(client, users):
    client.force_login(users["lead_officer"])
    clinics = workbook(client, "indicators:clinics_export")
    for row in records(clinics):
        assert row["Date"].is_date
        assert isinstance(row["Agreed actions"].value, int)
    actions = workbook(client, "indicators:clinic_export", "2014-06-30-breastfeeding-performance-clinic")
    for row in records(actions):
        assert isinstance(row["No."].value, int)
        assert row["Due"].value is None or row["Due"].is_date


def test_exceptions_download_with_dates_and_times_as_dates(client, users):
    client.force_login(users["performance_officer"])
    rows = records(workbook(client, "indicators:exceptions_export"))
    assert rows
    assert all(r["Opened"].is_date for r in rows)
    assert all(r["Closed"].value is None or r["Closed"].is_date for r in rows)


def test_the_progress_report_workbook_holds_numbers_and_percent_formats(client, users, demo_round):
    client.force_login(users["performance_officer"])
    url = reverse("reports:progress_xlsx", args=[demo_round.plan.slug, demo_round.slug])
    book = load_workbook(io.BytesIO(client.get(url).content))
    assert book.sheetnames[:3] == ["Overview", "Milestones", "Key issues"]
    overview = book["Overview"]
    percent_row = next(row for row in overview.iter_rows() if row[0].value == "%")
    figures = [c for c in percent_row[1:] if c.value is not None]
    assert figures
    assert all(c.data_type == "n" and c.number_format == "0%" and 0 <= c.value <= 1 for c in figures)
    assert sum(c.value for c in figures) == pytest.approx(1, abs=0.02)
    total_row = next(row for row in overview.iter_rows() if row[0].value == "Total")
    assert all(c.data_type == "n" for c in total_row[1:] if c.value is not None)


def test_the_survey_results_workbook_holds_percentages_as_fractions(client, users):
    from outcomes.surveys.models import Edition

    edition = Edition.objects.order_by("-year").first()
    client.force_login(users["performance_officer"])
    response = client.get(reverse("surveys:borough_report_xlsx", args=[edition.slug]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["Frequencies"]
    header = [c.value for c in sheet[1]]
    column = header.index("%")
    percents = [
        row[column]
        for row in sheet.iter_rows(min_row=2, max_row=400)
        if row[column].value not in (None, "[c]")
    ]
    assert percents
    assert all(c.number_format == "0.0%" and 0 <= c.value <= 1 for c in percents)


def test_the_plan_workbook_holds_dates_and_measures_as_data_and_reads_back_the_same(client, users, demo_plan):
    from outcomes.plans.interchange import export_plan
    from outcomes.plans.workbook import read_plan_workbook

    client.force_login(users["performance_officer"])
    content = client.get(reverse("plans:export_xlsx", args=[demo_plan.slug])).content
    book = load_workbook(io.BytesIO(content))
    milestones = records(book["Milestones"])
    dues = [r["Due"] for r in milestones if r["Due"].value not in (None, "")]
    assert dues
    assert all(c.is_date for c in dues)
    baselines = [r["Baseline"] for r in milestones if r["Baseline"].value not in (None, "")]
    assert baselines
    assert all(c.data_type == "n" for c in baselines)
    assert all(r["Opens"].is_date for r in records(book["Rounds"]))

    def measures(document):
        return [
            (m["number"], m["due"], *(m[k] and m[k]["value"] for k in ("baseline", "target", "actual")))
            for p in document["priorities"]
            for a in p["actions"]
            for m in a["milestones"]
        ]

    exported = export_plan(demo_plan)
    read, _ = read_plan_workbook(content, "plan.xlsx")
    assert [(n, d, *map(str, v)) for n, d, *v in measures(read)] == [
        (n, d, *map(str, v)) for n, d, *v in measures(exported)
    ]
    assert [(r["opens"], r["closes"]) for r in read["rounds"]] == [
        (r["opens"], r["closes"]) for r in exported["rounds"]
    ]
