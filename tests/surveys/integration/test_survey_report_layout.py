"""Survey reports laid out to be read (issue 11 item 10, decision 0056): headline figures and the
school's differences from the borough first, contents by section, questions whose every figure is
suppressed listed once, "no earlier edition" said once; the same suppression as the tables."""

import html

import pytest
from django.urls import reverse

from outcomes.stats.intervals import wilson_ci
from outcomes.surveys import releases
from outcomes.surveys.models import Edition, School
from outcomes.surveys.results.figures import NO_EARLIER_NOTE
from outcomes.surveys.results_export import question_tables
from outcomes.surveys.results_summary import differences, layout

pytestmark = pytest.mark.django_db
SLUG = "primary-2009"


def school_page(client, users, code: str) -> str:
    client.force_login(users["performance_officer"])
    page = client.get(reverse("surveys:school_report", kwargs={"slug": SLUG, "code": code}))
    return html.unescape(page.content.decode())


def released(code: str):
    edition = Edition.objects.get(slug=SLUG)
    return releases.school_of(releases.latest(edition), School.objects.get(code=code))[0]


def test_no_earlier_edition_is_said_once_not_under_every_table(client, users):
    edition = Edition.objects.get(slug=SLUG)
    tables = question_tables(releases.borough_of(releases.latest(edition))[0])
    assert sum(t.note == NO_EARLIER_NOTE for t in tables) > 100  # what the page used to repeat
    client.force_login(users["performance_officer"])
    page = client.get(reverse("surveys:borough_report", kwargs={"slug": SLUG})).content.decode()
    assert page.count(NO_EARLIER_NOTE) == 1


def test_the_report_leads_with_the_headline_then_contents_by_section(client, users):
    page = school_page(client, users, "swinton-brookfield")
    summary, contents = page.index('id="summary"'), page.index(">Contents<")
    first_question = page.index('class="govuk-table app-results-table" id="q')
    assert summary < page.index("Headline figures") < page.index("Where this school differs") < contents
    assert contents < first_question
    parts = layout(released("swinton-brookfield"), question_tables(released("swinton-brookfield")))
    assert len(parts.sections) > 3
    for section in parts.sections:
        assert f'href="#{section.anchor}"' in page
        assert f'id="{section.anchor}"' in page
    assert "NI 69" in page  # the figure that feeds the indicator is a headline


def test_a_question_whose_every_figure_is_suppressed_is_listed_once_not_drawn(client, users):
    edition = Edition.objects.get(slug=SLUG)
    codes = releases.latest(edition).reports.exclude(school=None).values_list("school__code", flat=True)
    for code in sorted(codes):
        results = released(code)
        tables = question_tables(results)
        parts = layout(results, question_tables(results))
        listed = [caption for s in parts.sections for caption in s.suppressed]
        if listed:
            break
    assert listed  # some school has questions with nothing to show
    drawn = [t for s in parts.sections for t in s.tables]
    assert len(listed) + len(drawn) == len(tables)
    for table in drawn:
        numbers = [c for row in table.rows for c in row[1:] if c.text not in ("", "–")]
        assert any(not c.suppressed for c in numbers)
    page = school_page(client, users, code)
    for caption in listed:
        assert page.count(f"<li>{caption}</li>") == 1
        assert f'--s">{caption}</caption>' not in page


def test_each_difference_shown_is_beyond_chance_with_its_interval(client, users):
    results = released("swinton-brookfield")
    found = differences(results)
    assert found
    for _, _, _, count, answered, share, low, high, borough in found:
        lower, upper = (float(v) * 100 for v in wilson_ci(count, answered))
        assert (low, high) == (lower, upper)
        assert borough < low or borough > high
        assert float(share) == pytest.approx(100 * count / answered, abs=0.0501)
    page = school_page(client, users, "swinton-brookfield")
    _, caption, label, count, answered, _, low, high, _ = found[0]
    assert f"{caption}: {label}" in page
    assert f"{low:.1f} to {high:.1f}" in page
    assert f"{count:,} of {answered:,}" in page
