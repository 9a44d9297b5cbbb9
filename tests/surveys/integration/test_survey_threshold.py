"""An edition with its own small-number threshold (docs/decisions/0035): every output of it hides
what the threshold says, the performance officer sets it on the edition page or in the workbook,
and each change is recorded."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from outcomes.core.models import ChangeRecord
from outcomes.surveys import editions, releases
from outcomes.surveys import workbook as edition_workbook
from outcomes.surveys.generator import synthetic_responses
from outcomes.surveys.models import Edition, School
from outcomes.surveys.results import figures
from outcomes.surveys.services import record_responses
from tests.surveys.integration.test_survey_authoring import renamed, upload
from tests.surveys.integration.test_survey_results_disclosure import Tables

pytestmark = pytest.mark.django_db
SLUG = "primary-2009"


@pytest.fixture
def demo():
    return Edition.objects.get(slug=SLUG)


def copy_for_year(edition: Edition, year: int) -> Edition:
    """The demo edition copied to another autumn, as a performance officer starts a new year."""
    return edition_workbook.copy_edition(
        edition,
        year=year,
        slug=f"primary-{year}",
        title=f"Lifestyle Survey {year}",
        opens=date(year, 10, 1),
        closes=date(year, 12, 1),
        user=None,
    )


def report(*args) -> dict:
    out = io.StringIO()
    call_command("survey_report", "--edition", SLUG, *args, stdout=out)
    return json.loads(out.getvalue())


def a_count_of_twenty(edition):
    """A school of 30 pupils or more (it keeps a report of its own at 30), question and answer whose
    all-pupils count is 20 and shown at the borough's 10 in the demo's release."""
    release = releases.latest(edition)
    for school in School.objects.filter(responses__edition=edition).distinct().order_by("code"):
        found = releases.school_of(release, school)
        if found is None or found[0].respondents.value is None or found[0].respondents.value < 30:
            continue
        results = found[0]
        for question in results.questions:
            row = question.rows[0]
            if row.name is not None:  # a grid's rows are tables of their own
                continue
            for option in row.group(figures.ALL).options:
                if option.count.value == 20:
                    return school, question, option
    raise AssertionError("the demo has no shown count of 20 in a school report")


def page_cell(client, url: str, caption: str, answer: str) -> str:
    parser = Tables()
    page = client.get(url).content.decode()
    parser.feed(page)
    table = next((t for t in parser.tables if t["caption"] == caption), None)
    if table is None:
        # A question whose every figure is suppressed is listed once, not drawn (decision 0056).
        assert f"<li>{caption}</li>" in page.replace("&#39;", "'")
        return "[c]|suppressed: every figure of the question"
    header = table["rows"][0]
    row = next(r for r in table["rows"][1:] if r[0] == answer)
    return row[header.index("Number")]


def workbook_count(client, url: str, number: int, answer: str):
    sheet = list(
        load_workbook(io.BytesIO(client.get(url).content))["Frequencies"].iter_rows(values_only=True)
    )
    header = sheet[0]
    found = [
        r
        for r in sheet[1:]
        if r[header.index("Question")] == number
        and r[header.index("Breakdown")] == "all"
        and r[header.index("Answer")] == answer
        and r[header.index("Row")] is None
    ]
    assert len(found) == 1
    return found[0][header.index("Count")]


def json_count(data: dict, name: str, option: str) -> dict:
    question = next(q for q in data["questions"] if q["name"] == name)
    everyone = next(b for b in question["rows"][0]["breakdowns"] if b["breakdown"] == "all")
    return next(o for o in everyone["options"] if o["option"] == option)


def test_an_edition_with_threshold_30_hides_a_count_of_20_on_the_page_in_the_workbook_and_the_json(
    client, users, demo
):
    school, question, option = a_count_of_twenty(demo)
    client.force_login(users["performance_officer"])
    kwargs = {"slug": SLUG, "code": school.code}
    page = reverse("surveys:school_report", kwargs=kwargs)
    xlsx = reverse("surveys:school_report_xlsx", kwargs=kwargs)
    caption = f"{question.number}. {question.label}" if question.number else question.label
    assert page_cell(client, page, caption, option.label) == "20"
    assert workbook_count(client, xlsx, question.number, option.label) == 20
    assert json_count(report("--school", school.code), question.name, option.name)["count"] == 20

    editions.set_suppression_threshold(demo, 30, user=users["performance_officer"])
    releases.publish(demo)  # a threshold takes effect in the next release (decision 0055)

    assert page_cell(client, page, caption, option.label).startswith("[c]|suppressed: ")
    text = client.get(page).content.decode()
    assert "fewer than 30 pupils" in text
    assert "fewer than 10 pupils" not in text
    assert workbook_count(client, xlsx, question.number, option.label) == "[c]"
    about = load_workbook(io.BytesIO(client.get(xlsx).content))["About"]["A3"].value
    assert "fewer than 30 pupils" in about
    data = report("--school", school.code)
    figure = json_count(data, question.name, option.name)
    assert (figure["count"], figure["percentage"]) == (None, None)
    assert figure["reason"] == "fewer than 30 pupils"
    assert data["threshold"] == 30
    assert "fewer than 30 pupils" in data["suppression_note"]


def test_participation_hides_schools_with_fewer_respondents_than_the_editions_threshold(client, users, demo):
    at_ten = {row["school"]: row["respondents"] for row in report()["participation"]}
    between = [code for code, n in at_ten.items() if n is not None and 10 <= n < 30]
    assert between  # the demo has schools of 10 to 29 respondents, shown at the borough's 10
    editions.set_suppression_threshold(demo, 30, user=None)
    releases.publish(demo)
    data = report()
    at_thirty = {row["school"]: row for row in data["participation"]}
    for code in between:
        assert at_thirty[code]["respondents"] is None
        assert at_thirty[code]["reason"] == "fewer than 30 pupils"
    assert all(
        r["respondents"] is None or r["respondents"] == 0 or r["respondents"] >= 30
        for r in at_thirty.values()
    )
    client.force_login(users["performance_officer"])
    legend = client.get(reverse("surveys:participation", kwargs={"slug": SLUG})).content.decode()
    assert "fewer than 30 pupils" in legend


def test_an_indicator_is_not_fed_a_figure_the_editions_threshold_hides(client, users, demo):
    from outcomes.indicators.models import Area, Value

    Area.objects.get_or_create(la_number=372, defaults={"name": "Rotherham", "kind": Area.LA})
    bullied = json_count(report(), "q30", "yes")["count"]
    editions.set_suppression_threshold(demo, bullied + 1, user=None)
    releases.publish(demo)
    client.force_login(users["performance_officer"])
    client.post(reverse("surveys:feed_indicators", kwargs={"slug": SLUG}))
    value = Value.objects.get(indicator__code="NI 69", area__la_number=372)
    assert (value.value, value.numerator, value.missing_reason) == (None, None, "c")


def test_an_earlier_editions_stricter_threshold_holds_in_the_comparison(demo):
    earlier = copy_for_year(demo, 2008)
    earlier.state = Edition.CLOSED
    earlier.save()
    school = School.objects.get(code="swinton-brookfield")
    record_responses(earlier, synthetic_responses(earlier, [(school, 40)], seed=8, days=(earlier.opens,) * 2))
    # Comparisons are made when a release is: the final release, then one at a higher threshold.
    demo.state = Edition.CLOSED
    demo.save(update_fields=["state"])
    releases.publish(demo)
    shown = json_count(report(), "q30", "yes")["previous"][0]
    assert shown["percentage"] is not None
    editions.set_suppression_threshold(earlier, 41, user=None)  # more than all 40 of its pupils
    editions.set_suppression_threshold(demo, 11, user=None)
    releases.publish(demo)
    hidden = json_count(report(), "q30", "yes")["previous"][0]
    assert (hidden["percentage"], hidden["reason"]) == (None, "fewer than 41 pupils")


# --- setting it -------------------------------------------------------------------------------------


def test_the_officer_sets_the_threshold_on_the_edition_page_and_each_change_is_recorded(client, users, demo):
    officer = users["performance_officer"]
    client.force_login(officer)
    url = reverse("surveys:suppression", kwargs={"slug": SLUG})
    page = client.get(url).content.decode()
    assert "Leave it blank to use the borough&#39;s threshold of 10" in page
    refused = client.post(url, {"suppression_threshold": "5"}).content.decode()
    assert "The threshold cannot be below the borough&#39;s 10 pupils" in refused
    assert (
        "Enter a whole number of pupils"
        in client.post(url, {"suppression_threshold": "ten"}).content.decode()
    )
    demo.refresh_from_db()
    assert demo.suppression_threshold is None
    assert not ChangeRecord.objects.filter(object_id=str(demo.pk), action="suppression_threshold").exists()

    assert client.post(url, {"suppression_threshold": "30"}).status_code == 302
    demo.refresh_from_db()
    assert demo.suppression_threshold == 30
    change = ChangeRecord.objects.get(object_id=str(demo.pk), action="suppression_threshold")
    assert (change.before, change.after, change.user) == (
        {"suppression_threshold": None},
        {"suppression_threshold": 30},
        officer,
    )
    edition_page = client.get(reverse("surveys:edition", kwargs={"slug": SLUG})).content.decode()
    assert "Figures based on fewer than 30 pupils are hidden (this edition&#39;s threshold" in edition_page
    assert change.summary in edition_page.replace("&#39;", "'")

    assert client.post(url, {"suppression_threshold": ""}).status_code == 302
    demo.refresh_from_db()
    assert demo.suppression_threshold is None
    latest = ChangeRecord.objects.filter(object_id=str(demo.pk), action="suppression_threshold").latest("id")
    assert (latest.before, latest.after) == ({"suppression_threshold": 30}, {"suppression_threshold": None})


def test_the_threshold_goes_through_the_workbook_and_the_copy(client, users, demo):
    editions.set_suppression_threshold(demo, 30, user=None)
    exported = edition_workbook.export_workbook(demo)
    settings = list(load_workbook(io.BytesIO(exported))["settings"].iter_rows(values_only=True))
    assert settings[1][settings[0].index("suppression_threshold")] == 30

    client.force_login(users["performance_officer"])
    assert upload(client, renamed(exported, "primary-2031", 2031)).status_code == 302
    imported = Edition.objects.get(slug="primary-2031")
    assert imported.suppression_threshold == 30
    record = ChangeRecord.objects.get(object_id=str(imported.pk), action="imported")
    assert record.after["suppression_threshold"] == 30
    assert (
        edition_workbook.read_workbook(edition_workbook.export_workbook(imported)).settings[
            "suppression_threshold"
        ]
        == 30
    )

    copy = copy_for_year(demo, 2010)
    assert copy.suppression_threshold == 30


def test_a_workbook_below_the_boroughs_threshold_is_refused_where_it_says_so(client, users, demo):
    wb = load_workbook(io.BytesIO(renamed(edition_workbook.export_workbook(demo), "primary-2032", 2032)))
    ws = wb["settings"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("suppression_threshold") + 1, 5)
    out = io.BytesIO()
    wb.save(out)
    client.force_login(users["performance_officer"])
    page = upload(client, out.getvalue(), "lower.xlsx").content.decode()
    assert "(suppression_threshold): the threshold cannot be below the borough&#39;s 10 pupils" in page
    assert not Edition.objects.filter(slug="primary-2032").exists()


def test_reimporting_an_edition_records_its_threshold_before_and_after(users, demo):
    data = renamed(edition_workbook.export_workbook(demo), "primary-2033", 2033)
    first = edition_workbook.import_workbook(data, "a.xlsx", user=users["performance_officer"])
    assert first.suppression_threshold is None
    wb = load_workbook(io.BytesIO(data))
    ws = wb["settings"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("suppression_threshold") + 1, 25)
    out = io.BytesIO()
    wb.save(out)
    second = edition_workbook.import_workbook(out.getvalue(), "b.xlsx", user=users["performance_officer"])
    assert (second.pk, second.suppression_threshold) == (first.pk, 25)
    record = ChangeRecord.objects.filter(object_id=str(first.pk), action="imported").latest("id")
    assert (record.before["suppression_threshold"], record.after["suppression_threshold"]) == (None, 25)
