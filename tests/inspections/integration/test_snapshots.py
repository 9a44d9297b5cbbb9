"""Monthly snapshots: frozen through documents/publications.py, taken by the scheduled job on the
first day of the next month (once), taken again as a new version by hand after confirming, every
version readable and downloadable."""

import json
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from outcomes.core import scheduler
from outcomes.documents import publications
from outcomes.inspections import services, snapshots
from outcomes.inspections.access import SNAPSHOT_KIND
from outcomes.inspections.models import Recommendation


@pytest.mark.django_db
def test_the_demo_has_octobers_snapshot_with_both_figures():
    pub = publications.current(SNAPSHOT_KIND, "month:2010-10")
    assert pub.version == 1
    assert pub.content["as_at"] == "2010-10-31"
    within = pub.content["within_original_timescale"]
    assert (within["numerator"], within["denominator"]) == (8, 12)
    assert pub.content["complete"]["numerator"] == 10


@pytest.mark.django_db
def test_the_scheduled_job_takes_last_months_snapshot_once():
    job = scheduler.get_job("inspections.monthly_snapshot")
    first = datetime(2010, 12, 1, 6, 0, tzinfo=UTC)
    outcome = scheduler.run_job(job, now=first, force=True)
    assert outcome.state == scheduler.SUCCEEDED
    pub = publications.current(SNAPSHOT_KIND, "month:2010-11")
    assert pub.content["as_at"] == "2010-11-30"
    again = scheduler.run_job(job, now=datetime(2010, 12, 2, 6, 0, tzinfo=UTC), force=True)
    assert again.state == scheduler.SUCCEEDED
    assert len(publications.versions(SNAPSHOT_KIND, "month:2010-11")) == 1


@pytest.mark.django_db
def test_a_snapshot_is_frozen_and_a_second_version_keeps_the_first(client, users):
    client.force_login(users["performance_officer"])
    rec = Recommendation.objects.get(inspection__slug="fostering-2010", number=7)
    # A completion entered late (on 29 October) changes October's figures only in a new version.
    services.complete(user=None, rec=rec, on=date(2010, 10, 29), evidence="Audit report.")
    assert publications.current(SNAPSHOT_KIND, "month:2010-10").content["complete"]["numerator"] == 10
    url = reverse("inspections:snapshot_take")
    asked = client.post(url, {"month": "2010-10"})
    assert asked.status_code == 200
    assert "new version replaces" in asked.content.decode()
    done = client.post(url, {"month": "2010-10", "confirm": "yes"})
    assert done.status_code == 302
    versions = publications.versions(SNAPSHOT_KIND, "month:2010-10")
    assert [v.content["complete"]["numerator"] for v in versions] == [10, 11]
    assert versions[1].changes == ["Complete: 10 of 19 → 11 of 19."]
    page = reverse("inspections:snapshot", args=["2010-10"])
    client.force_login(users["viewer"])
    first = client.get(page, {"version": 1}).content.decode()
    assert "Version 1" in first
    assert "10" in first
    assert "Revised on" in client.get(page).content.decode()
    listed = client.get(reverse("inspections:snapshots")).content.decode()
    assert "11 of 19" in listed
    old = client.get(page, {"version": 1, "format": "json"})
    assert json.loads(old.content)["complete"]["numerator"] == 10
    xlsx = client.get(page, {"version": 2, "format": "xlsx"})
    assert xlsx["Content-Disposition"].endswith('-v2.xlsx"')
    assert client.get(reverse("inspections:snapshot", args=["2010-13"])).status_code == 404
    assert client.get(reverse("inspections:snapshot", args=["2009-01"])).status_code == 404
    assert snapshots.month_before(date(2011, 1, 1)) == (2010, 12)


@pytest.mark.django_db
def test_loading_the_demo_again_changes_nothing():
    from outcomes.core.models import ChangeRecord
    from outcomes.inspections.demo import load_demo_inspections

    before = (
        Recommendation.objects.count(),
        ChangeRecord.objects.count(),
        publications.Publication.objects.count(),
    )
    assert load_demo_inspections() is None
    after = (
        Recommendation.objects.count(),
        ChangeRecord.objects.count(),
        publications.Publication.objects.count(),
    )
    assert after == before
    assert before[0] == 20
