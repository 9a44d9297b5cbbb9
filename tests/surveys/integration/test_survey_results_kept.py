"""Survey results kept between requests (outcomes/surveys/results/kept.py, decision 0030): school reports
read the edition's answers once and reuse the borough's figures beside them, and a report is counted
again as soon as a response is added, to its school or to any other."""

import pytest

from outcomes.surveys import storage
from outcomes.surveys.generator import synthetic_responses
from outcomes.surveys.models import Edition, School
from outcomes.surveys.results import frequencies, kept, reports
from outcomes.surveys.results.figures import ALL
from outcomes.surveys.services import record_responses

pytestmark = pytest.mark.django_db
SLUG = "primary-2009"


def forget() -> None:
    kept._CACHE.clear()
    kept._ANSWERS.clear()


@pytest.fixture
def edition():
    forget()
    yield Edition.objects.get(slug=SLUG)
    forget()


def schools_by_size(edition) -> list[School]:
    schools = School.objects.filter(responses__edition=edition).distinct()
    return sorted(schools, key=lambda s: -s.responses.filter(edition=edition).count())


def figures(results) -> list[tuple]:
    """Every option's count, percentage and reason, by question, row and group."""
    return [
        (q.name, row.name, group.group.key, o.name, o.count.value, o.percentage, o.reason)
        for q in results.questions
        for row in q.rows
        for group in row.groups
        for o in group.options
    ]


def beside(results) -> list[tuple]:
    """The borough's percentage (and reason) printed beside each of a school's options."""
    return [
        (o.borough, o.borough_reason)
        for q in results.questions
        for r in q.rows
        for g in r.groups
        for o in g.options
    ]


def add_response(edition, school, seed: int) -> None:
    record_responses(
        edition, synthetic_responses(edition, [(school, 1)], seed=seed, days=(edition.opens,) * 2)
    )


def test_school_reports_read_the_answers_once_and_count_each_schools_own(edition, monkeypatch):
    reads = []
    read = storage.codes_and_schools
    monkeypatch.setattr(storage, "codes_and_schools", lambda *a: reads.append(a) or read(*a))
    first, second = schools_by_size(edition)[:2]
    report = reports.school_results(edition, first)
    reports.school_results(edition, second)
    borough = reports.borough_results(edition, compare=False)
    assert len(reads) == 1
    assert reports.school_results(edition, first) is report
    # The same figures as counted from the school's own responses alone, each beside the borough's.
    own = storage.answer_matrix(edition, school=first)
    assert figures(report) == figures(
        frequencies.analyse_codes(edition, own.questionnaire, own.codes, school=first)
    )
    expected = []
    for question in report.questions:
        for row, theirs in zip(question.rows, borough.question(question.name).rows, strict=True):
            for _ in row.groups:
                expected += [(o.percentage, o.reason) for o in theirs.group(ALL).options]
    assert beside(report) == expected


def test_a_response_added_to_the_school_renews_its_report(edition):
    school = schools_by_size(edition)[0]
    before = reports.school_results(edition, school)
    add_response(edition, school, seed=41)
    after = reports.school_results(edition, school)
    assert after is not before
    assert after.respondents.value == before.respondents.value + 1
    kept = (figures(after), beside(after))
    forget()
    fresh = reports.school_results(edition, school)
    assert kept == (figures(fresh), beside(fresh))


def test_a_response_added_at_another_school_renews_the_borough_figures_beside_it(edition):
    school, other = schools_by_size(edition)[:2]
    before = reports.school_results(edition, school)
    respondents = reports.borough_results(edition, compare=False).respondents.value
    add_response(edition, other, seed=42)
    after = reports.school_results(edition, school)
    assert reports.borough_results(edition, compare=False).respondents.value == respondents + 1
    assert figures(after) == figures(before)
    assert beside(after) != beside(before)
    kept = beside(after)
    forget()
    assert kept == beside(reports.school_results(edition, school))
