"""Survey results as people and commands get them: survey_report's JSON and workbook, who may read
which report, comparisons with an earlier edition, and results feeding indicators."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from outcomes.accounts.roles import Role
from outcomes.surveys import editions, releases
from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys import workbook as edition_workbook
from outcomes.surveys.generator import synthetic_responses
from outcomes.surveys.models import Edition, Question, Response, School
from outcomes.surveys.results import figures, reports
from outcomes.surveys.services import record_responses
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
SLUG = "primary-2009"


def report(*args) -> dict:
    out = io.StringIO()
    call_command("survey_report", "--edition", SLUG, *args, stdout=out)
    return json.loads(out.getvalue())


def hand_count(question: str, choice: str, school: str | None = None) -> tuple[int, int]:
    """(pupils who gave ``choice``, pupils who answered), decoding every response one by one."""
    edition = Edition.objects.get(slug=SLUG)
    q = questionnaires.load(edition)
    rows = Response.objects.filter(edition=edition)
    if school:
        rows = rows.filter(school__code=school)
    answers = [q.decode(bytes(r.codes)).get(question) for r in rows]
    return sum(a == choice for a in answers), sum(a is not None for a in answers)


def option(data: dict, question: str, choice: str, group=("all", "")) -> dict:
    found = next(q for q in data["questions"] if q["name"] == question)
    breakdown = next(b for b in found["rows"][0]["breakdowns"] if (b["breakdown"], b["group"]) == group)
    return next(o for o in breakdown["options"] if o["option"] == choice)


def test_the_borough_json_counts_what_pupils_answered_with_its_base():
    data = report()
    bullied, answered = hand_count("q30", "yes")
    figure = option(data, "q30", "yes")
    assert (figure["count"], figure["base"]) == (bullied, answered)
    assert figure["percentage"] == float(figures.percentage(bullied, answered))
    assert figure["of_respondents"]["base"] == 572
    assert data["respondents"] == {"count": 572, "reason": None}


def test_the_bases_of_a_conditional_question_are_those_shown_it_and_those_who_answered():
    data = report()
    yes, _ = hand_count("q30", "yes")
    when = next(q for q in data["questions"] if q["name"] == "q31")["rows"][0]["breakdowns"][0]
    assert when["shown"]["count"] == yes  # only pupils bullied are asked when
    assert when["respondents"]["count"] == 572
    assert when["answered"]["count"] <= yes


def test_every_question_and_grid_row_is_split_by_gender_and_ethnic_group():
    data = report()
    assert len(data["questions"]) == 48
    grid = next(q for q in data["questions"] if q["name"] == "q6")
    assert len(grid["rows"]) == 12
    kinds = {(b["breakdown"], b["label"]) for b in grid["rows"][0]["breakdowns"]}
    assert {("all", "All pupils"), ("gender", "Male"), ("gender", "Female")} <= kinds
    assert ("ethnicity", "White or White British") in kinds


def test_participation_suppresses_st_thomas_and_what_would_give_it_away():
    data = report()
    rows = {row["school"]: row for row in data["participation"]}
    assert rows["st-thomas"]["respondents"] is None
    assert rows["st-thomas"]["rate"] is None
    assert rows["st-thomas"]["reason"] == "fewer than 10 pupils"
    # Every other school's respondents are in its own report, which the same readers hold: what
    # protects St Thomas's is Wentworth North's total, then another area's and its smallest school.
    hidden = sorted(r["school"] for r in data["participation"] if r["respondents"] is None)
    assert hidden == ["st-gerards", "st-thomas"]
    assert all(r["respondents"] in (None, 0) or r["respondents"] >= 10 for r in data["participation"])
    assert rows["swinton-brookfield"] | {"rate": None} == rows["swinton-brookfield"] | {
        "respondents": 81,
        "roll": 101,
        "rate": None,
    }
    coverage = data["coverage"]
    assert (coverage["respondents"], coverage["roll"], coverage["rate"]) == (572, 2996, 19.1)
    assert (coverage["participating_schools"], coverage["participating_rate"]) == (15, 80.0)
    areas = {a["area"]: a for a in data["participation_by_area"]}
    assert areas["Wentworth North"]["respondents"] is None
    assert areas["Wentworth Valley"]["respondents"] == 62
    assert areas["Rotherham South"]["respondents"] == 0


def test_a_school_with_six_respondents_has_no_report_of_its_own():
    """Its pupils count in the borough's figures (decision 0055)."""
    with pytest.raises(Exception, match="'st-thomas' has no report of its own in release 1"):
        report("--school", "st-thomas")
    assert "st-thomas" in report()["schools_without_report"]


def test_a_school_report_sets_each_figure_beside_the_boroughs():
    data = report("--school", "swinton-brookfield")
    yes, answered = hand_count("q30", "yes", school="swinton-brookfield")
    figure = option(data, "q30", "yes")
    assert (figure["count"], figure["base"]) == (yes, answered)
    assert figure["borough_percentage"] == option(report(), "q30", "yes")["percentage"]
    assert data["participation"] == [
        {
            "school": "swinton-brookfield",
            "name": "Swinton Brookfield Primary",
            "area": "Wentworth North",
            "status": "",
            "respondents": 81,
            "roll": 101,
            "rate": 80.2,
            "reason": None,
        }
    ]


def test_the_workbook_holds_the_same_figures_with_suppressed_cells_marked(tmp_path):
    path = tmp_path / "report.xlsx"
    call_command("survey_report", "--edition", SLUG, "--format", "xlsx", "--output", str(path))
    wb = load_workbook(path)
    by_school = {row[0]: row for row in wb["Participation by school"].iter_rows(min_row=2, values_only=True)}
    assert by_school["St Thomas C of E Primary"][3:6] == ("[c]", 8, "[c]")
    # A rate is a fraction shown as a percentage (decision 0067), so Excel can sort and chart it.
    assert by_school["Swinton Brookfield Primary"][3:6] == (81, 101, 0.802)
    rate = next(
        r for r in wb["Participation by school"].iter_rows(min_row=2) if r[0].value.startswith("Swin")
    )[5]
    assert (rate.data_type, rate.number_format) == ("n", "0.0%")
    frequencies = list(wb["Frequencies"].iter_rows(values_only=True))
    header = frequencies[0]
    q30 = [r for r in frequencies if r[1] == 30 and r[4] == "all" and r[6] == "Yes"]
    assert q30[0][header.index("Count")] == option(report(), "q30", "yes")["count"]


def test_unknown_edition_or_school_is_a_clear_error():
    with pytest.raises(Exception, match="no edition 'nope'"):
        call_command("survey_report", "--edition", "nope")
    with pytest.raises(Exception, match="no school with the code 'nope'"):
        call_command("survey_report", "--edition", SLUG, "--school", "nope")


# --- who reads what ------------------------------------------------------------------------------


def test_another_schools_account_cannot_open_this_schools_report(client):
    other = make_user("wath-staff", Role.SCHOOL)
    School.objects.get(code="wath-central").staff.add(other)
    client.force_login(other)
    own = reverse("surveys:school_report", kwargs={"slug": SLUG, "code": "wath-central"})
    theirs = reverse("surveys:school_report", kwargs={"slug": SLUG, "code": "swinton-brookfield"})
    assert client.get(own).status_code == 200
    assert client.get(theirs).status_code == 404
    assert client.get(reverse("surveys:participation", kwargs={"slug": SLUG})).status_code == 404
    index = client.get(reverse("surveys:results")).content.decode()
    assert "Wath Central Primary" in index
    assert "Swinton Brookfield" not in index


def test_viewers_read_the_borough_report_once_the_edition_is_closed(client, users):
    edition = Edition.objects.get(slug=SLUG)
    client.force_login(users["viewer"])
    borough = reverse("surveys:borough_report", kwargs={"slug": SLUG})
    assert client.get(borough).status_code == 404
    editions.set_state(edition, Edition.CLOSED, user=users["performance_officer"])
    # Closed, but only the interim release exists: not for viewers (decision 0055).
    assert "No results released yet" in client.get(borough).content.decode()
    releases.publish(edition, user=users["performance_officer"])
    assert "Final release 2" in client.get(borough).content.decode()
    assert client.get(reverse("surveys:participation", kwargs={"slug": SLUG})).status_code == 200
    school = reverse("surveys:school_report", kwargs={"slug": SLUG, "code": "swinton-brookfield"})
    assert client.get(school).status_code == 404


def test_the_school_page_marks_suppressed_cells_for_screen_readers(client, users):
    client.force_login(users["school"])
    page = client.get(reverse("surveys:school_report", kwargs={"slug": SLUG, "code": "swinton-brookfield"}))
    text = page.content.decode()
    assert (
        'aria-hidden="true">[c]</span><span class="govuk-visually-hidden">suppressed: fewer than 10 pupils'
        in text
    )
    assert "suppressed: secondary suppression" in text
    assert 'id="legend"' in text


# --- comparisons -----------------------------------------------------------------------------------


def earlier_edition(changed_label: str | None = None) -> Edition:
    """A 2008 edition copied from 2009 (same keys), with responses; optionally q4's label changed."""
    current = Edition.objects.get(slug=SLUG)
    earlier = edition_workbook.copy_edition(
        current,
        year=2008,
        slug="primary-2008",
        title="Lifestyle Survey 2008",
        opens=date(2008, 10, 1),
        closes=date(2008, 12, 1),
        user=None,
    )
    if changed_label:
        Question.objects.filter(edition=earlier, name="q4").update(label=changed_label)
        earlier.revision += 1
    earlier.state = Edition.CLOSED
    earlier.save()
    school = School.objects.get(code="swinton-brookfield")
    record_responses(earlier, synthetic_responses(earlier, [(school, 40)], seed=8, days=(earlier.opens,) * 2))
    return earlier


def test_unchanged_questions_are_compared_with_the_earlier_edition():
    earlier = earlier_edition(changed_label="How is your health?")
    current = Edition.objects.get(slug=SLUG)
    current.state = Edition.CLOSED
    current.save(update_fields=["state"])
    releases.publish(current)  # the comparison is made when a release is
    data = report()
    health = next(q for q in data["questions"] if q["name"] == "q4")["rows"][0]
    assert health["comparison"]["note"] == figures.CHANGED_NOTE
    assert "previous" not in health["breakdowns"][0]["options"][0]
    bullied = next(q for q in data["questions"] if q["name"] == "q30")["rows"][0]
    assert bullied["comparison"]["status"] == "compared"
    assert bullied["comparison"]["editions"] == [{"slug": "primary-2008", "year": 2008}]
    theirs = reports.borough_results(earlier, compare=False).question("q30").rows[0].group(figures.ALL)
    yes = next(o for o in theirs.options if o.name == "yes")
    assert option(data, "q30", "yes")["previous"][0]["percentage"] == float(yes.percentage)


# --- indicators ------------------------------------------------------------------------------------


def test_the_percentage_bullied_becomes_ni_69_for_the_home_area_and_year(client, users):
    from outcomes.indicators.models import Area, DerivedFigure, Value

    Area.objects.get_or_create(la_number=372, defaults={"name": "Rotherham", "kind": Area.LA})
    client.force_login(users["performance_officer"])
    response = client.post(reverse("surveys:feed_indicators", kwargs={"slug": SLUG}))
    assert response.status_code == 302
    value = Value.objects.get(indicator__code="NI 69", area__la_number=372)
    bullied, answered = hand_count("q30", "yes")
    assert value.value == figures.percentage(bullied, answered)
    assert (value.numerator, value.denominator) == (bullied, answered)
    assert value.period.start == date(2009, 9, 1)
    assert DerivedFigure.objects.filter(indicator=value.indicator, area=value.area).exists()
    assert value.indicator.polarity == "low"
