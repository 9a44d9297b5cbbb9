"""One number of schools everywhere (issue 11 item 12): the survey demo's schools are counted by one
function, ``surveys.schools.school_count``, and every page that counts them, the demo's load
message (surveys/demo.py) and the README say the same sentence."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from outcomes.surveys.models import AccessLink, Edition, School
from outcomes.surveys.schools import SchoolCount, school_count

README = Path(__file__).resolve().parents[3] / "README.md"
DEMO = "15 schools took part of the 19 invited; 7 further rows stand for the schools not named one by one."


def words(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text).replace("&#39;", "'").split())


@pytest.fixture
def edition(db):
    return Edition.objects.get(slug="primary-2009")


def test_the_demo_counts_15_of_19_invited_and_7_rows_for_unnamed_schools(edition):
    count = school_count(edition)
    assert count == SchoolCount(took_part=15, invited=19, group_rows=7)
    assert str(count) == DEMO
    assert School.objects.count() == 15 + 4 + 7


def test_the_count_follows_the_data(edition):
    # A school invited afresh counts as invited, not as taking part; a withdrawn group row goes.
    school = School.objects.create(name="New Primary", code="new-primary", phase="primary")
    AccessLink.objects.create(edition=edition, school=school, token="t" * 40, code="NEWCODE")
    School.objects.filter(is_group=True).first().delete()
    assert school_count(edition) == SchoolCount(took_part=15, invited=20, group_rows=6)
    assert str(SchoolCount(1, 1, 1)) == (
        "1 school took part of the 1 invited; 1 further row stands for the schools not named one by one."
    )
    assert str(SchoolCount(3, 4, 0)) == "3 schools took part of the 4 invited."


@pytest.mark.parametrize(
    "page",
    [
        reverse("surveys:manage"),
        reverse("surveys:edition", args=["primary-2009"]),
        reverse("surveys:links", args=["primary-2009"]),
        reverse("surveys:participation", args=["primary-2009"]),
    ],
)
def test_every_page_that_counts_schools_says_the_same(client, users, page):
    client.force_login(users["performance_officer"])
    text = words(client.get(page).content.decode())
    assert DEMO in text
    # The history may say "Created links and codes for 19 schools": the invited, in other words.
    assert "26 schools" not in text
    assert "(19 schools)" not in text


def test_the_readme_says_the_same(edition):
    assert str(school_count(edition)) in words(README.read_text(encoding="utf-8"))
