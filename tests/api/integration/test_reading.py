"""What a token reads: the same rows as the pages' downloads, in pages of a stable order, as JSON
and as CSV with numbers as numbers, and only what changed when asked ``updated_since``."""

import csv
import io
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from outcomes.indicators.models import Clinic, DerivedFigure, ExceptionRecord
from outcomes.plans.models import Milestone

SCORECARD = "/api/areas/372/scorecard"


def rows_of(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_a_token_reads_the_scorecard_as_json_and_csv_as_the_page_downloads_it(client, users, tokens, read):
    client.force_login(users["viewer"])
    page = client.get(reverse("indicators:scorecard_export", args=["372", "csv"]))
    page_lines = page.content.decode("utf-8-sig").splitlines()

    as_csv = read(SCORECARD, tokens["viewer"], format="csv")
    assert as_csv.status_code == 200
    assert as_csv["Content-Type"].startswith("text/csv")
    api_lines = as_csv.content.decode("utf-8-sig").splitlines()
    # The same rows, cell for cell; only the headings are keys rather than words.
    assert api_lines[1:] == page_lines[1:]
    assert api_lines[0].startswith("code,measure,topic,unit,period,value,previous_value")

    as_json = read(SCORECARD, tokens["viewer"]).json()
    assert as_json["count"] == len(page_lines) - 1
    breastfeeding = next(r for r in as_json["results"] if r["code"] == "BF-INIT")
    in_csv = next(r for r in rows_of(as_csv) if r["code"] == "BF-INIT")
    assert breastfeeding["value"] == float(in_csv["value"])
    assert isinstance(breastfeeding["value"], float)


@pytest.mark.django_db
def test_csv_numbers_are_numbers_and_text_is_made_safe(tokens, read, demo_round):
    figures = rows_of(read("/api/indicators/ni-59/figures", tokens["performance_officer"], format="csv"))
    values = [r["value"] for r in figures if r["value"]]
    assert values
    for value in values:
        float(value)  # no %, no thousands separator, no words
        assert "," not in value
        assert "%" not in value

    overview = rows_of(
        read("/api/plans/cypp-2013-16/rounds/june-2014/overview", tokens["viewer"], format="csv")
    )
    total = {r["status_key"]: r for r in overview if r["row"] == "Total"}
    # Seed 003's overview: 40 / 103 / 16 / 0 of 159; 25 / 65 / 10 / 0 %.
    assert [total[k]["shown"] for k in ("green", "amber", "red", "blue", "total")] == [
        "40",
        "103",
        "16",
        "0",
        "159",
    ]
    assert [total[k]["percent"] for k in ("green", "amber", "red", "blue")] == ["25", "65", "10", "0"]

    clinic = Clinic.objects.first()
    clinic.title = '=HYPERLINK("http://example.org","x")'
    clinic.save()
    in_csv = rows_of(read("/api/clinics", tokens["performance_officer"], format="csv"))
    assert any(r["title"].startswith("'=HYPERLINK") for r in in_csv)
    in_json = read("/api/clinics", tokens["performance_officer"]).json()["results"]
    assert any(r["title"] == clinic.title for r in in_json)


@pytest.mark.django_db
def test_pages_follow_each_other_in_a_stable_order(tokens, read):
    token = tokens["performance_officer"]
    path = "/api/plans/cypp-2013-16/milestones"
    whole = [r["reference"] for r in read(path, token).json()["results"]]
    assert len(whole) == 159

    paged, page = [], read(path, token, page_size=40).json()
    assert page["pages"] == 4
    assert page["previous"] is None
    while True:
        paged += [r["reference"] for r in page["results"]]
        if page["next"] is None:
            break
        page = read(page["next"].replace("http://testserver", ""), token).json()
    assert paged == whole
    assert whole[:3] == ["P1 M1", "P1 M2", "P1 M3"]

    # A milestone changed between two pages moves nothing: the order does not depend on changes.
    Milestone.objects.get(priority__plan__slug="cypp-2013-16", priority__number=1, number=1).save()
    assert [r["reference"] for r in read(path, token, page_size=40, page=2).json()["results"]] == whole[40:80]
    assert read(path, token, page_size=40, page=9).json()["results"] == []

    as_csv = read(path, token, page_size=40, page=2, format="csv")
    assert len(rows_of(as_csv)) == 40
    assert as_csv["X-Total-Count"] == "159"
    assert 'rel="next"' in as_csv["Link"]
    assert 'rel="prev"' in as_csv["Link"]


@pytest.mark.django_db
def test_updated_since_gives_what_changed(tokens, read, demo_round):
    token = tokens["performance_officer"]
    Milestone.objects.update(updated_at=timezone.now() - timedelta(hours=1))
    first = read("/api/plans/cypp-2013-16/milestones", token).json()
    assert first["count"] == 159
    # As of five minutes before the read, so that work committing late is not missed next time.
    lag = timezone.now() - datetime.fromisoformat(first["as_of"])
    assert timedelta(minutes=5) <= lag < timedelta(minutes=6)
    assert (
        read("/api/plans/cypp-2013-16/milestones", token, updated_since=first["as_of"]).json()["count"] == 0
    )

    since = timezone.now().isoformat()
    Milestone.objects.get(priority__number=1, number=26).save()
    update = demo_round.updates.get(milestone__priority__number=2, milestone__number=3)
    update.save(update_fields=["text"])  # stamped, however few fields a service saves
    record = ExceptionRecord.objects.first()
    record.detail = "Changed"
    record.save(update_fields=["detail"])

    milestones = read("/api/plans/cypp-2013-16/milestones", token, updated_since=since).json()
    assert [r["reference"] for r in milestones["results"]] == ["P1 M26"]
    statuses = read("/api/plans/cypp-2013-16/rounds/june-2014/statuses", token, updated_since=since).json()
    assert [r["reference"] for r in statuses["results"]] == ["P2 M3"]
    exceptions = read("/api/exceptions", token, updated_since=since).json()
    assert [r["id"] for r in exceptions["results"]] == [record.pk]
    # A date alone is its midnight; something that is no time at all is refused, not ignored.
    assert (
        read("/api/exceptions", token, updated_since="2000-01-01").json()["count"]
        == ExceptionRecord.objects.count()
    )
    assert read("/api/exceptions", token, updated_since="last tuesday").status_code == 422


@pytest.mark.django_db
def test_figures_say_when_they_were_computed(tokens, read):
    from outcomes.indicators.derive import recompute
    from outcomes.indicators.models import Indicator

    token = tokens["viewer"]
    assert DerivedFigure.objects.exclude(computed_at=None).count() == DerivedFigure.objects.count()
    future = (timezone.now() + timedelta(days=1)).isoformat()
    assert read("/api/indicators/ni-59/figures", token, updated_since=future).json()["count"] == 0
    before = timezone.now() - timedelta(seconds=2)
    recompute([Indicator.objects.get(code="NI 59")])
    fresh = read("/api/indicators/ni-59/figures", token, updated_since=before.isoformat()).json()
    assert fresh["count"] == DerivedFigure.objects.filter(indicator__code="NI 59").count() > 0
    one_area = read("/api/indicators/ni-59/figures", token, area="372").json()["results"]
    assert {r["area"] for r in one_area} == {"Rotherham"}


@pytest.mark.django_db
def test_values_come_as_held_with_their_counts_and_import(tokens, read):
    from outcomes.indicators.models import Value

    token = tokens["lead_officer"]
    rows = read("/api/indicators/bf-init/values", token, area="372").json()["results"]
    held = Value.objects.filter(indicator__code="BF-INIT", area__la_number=372)
    assert len(rows) == held.count() > 0
    assert {r["area"] for r in rows} == {"Rotherham"}
    later = (timezone.now() + timedelta(minutes=1)).isoformat()
    typed_in = held.filter(source_import=None).count()
    assert (
        read("/api/indicators/bf-init/values", token, area="372", updated_since=later).json()["count"]
        == typed_in
    )
