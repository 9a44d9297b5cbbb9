"""Survey results through the API are the published release's figures, suppressed exactly as on the
pages: a figure the school's page shows as suppressed is null in the API with the same reason."""

import pytest

from outcomes.surveys import releases
from outcomes.surveys.models import Edition, School

SLUG = "primary-2009"
SCHOOL = f"/api/surveys/{SLUG}/schools/swinton-brookfield/results"


def every_row(read, path, token) -> list[dict]:
    return read(path, token, page_size=5000).json()["results"]


@pytest.mark.django_db
def test_the_school_report_in_the_api_is_the_released_one_cell_for_cell(tokens, read):
    edition = Edition.objects.get(slug=SLUG)
    release = releases.latest(edition)
    results, _, _ = releases.school_of(release, School.objects.get(code="swinton-brookfield"))
    rows = every_row(read, SCHOOL, tokens["school"])
    released = [
        (q.name, r.name, g.group.kind, g.group.name, o.name, o.count.value, o.reason, g.answered.value)
        for q in results.questions
        for r in q.rows
        for g in r.groups
        for o in g.options
    ]
    served = [
        (x["question"], x["row"], x["breakdown"], x["group"], x["option"], x["count"], x["reason"], x["base"])
        for x in rows
    ]
    assert served == released
    suppressed = [x for x in rows if x["count"] is None]
    assert suppressed, "the demo school's report has small cells"
    assert all(x["percentage"] is None and x["reason"] for x in suppressed)
    assert {x["reason"] for x in suppressed} >= {"fewer than 10 pupils", "secondary suppression"}
    # Nothing shown rests on fewer pupils than the threshold.
    assert all(x["count"] in (None, 0) or x["count"] >= 10 or x["base"] >= 10 for x in rows)


@pytest.mark.django_db
def test_participation_hides_the_small_schools_as_the_page_does(tokens, read):
    rows = {
        r["school"]: r
        for r in every_row(read, f"/api/surveys/{SLUG}/participation", tokens["performance_officer"])
    }
    assert rows["st-thomas"]["respondents"] is None
    assert rows["st-thomas"]["reason"] == "fewer than 10 pupils"
    assert sorted(s for s, r in rows.items() if r["respondents"] is None) == ["st-gerards", "st-thomas"]
    as_csv = read(f"/api/surveys/{SLUG}/participation", tokens["performance_officer"], format="csv")
    line = next(
        x
        for x in as_csv.content.decode("utf-8-sig").splitlines()
        if x.startswith("2,st-thomas") or ",st-thomas," in x
    )
    assert ",," in line  # the suppressed count is an empty cell, never a zero
