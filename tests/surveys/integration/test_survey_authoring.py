"""A performance officer authors editions: upload, export (round trip), copy, extend, open and close."""

import io
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from outcomes.core.models import ChangeRecord
from outcomes.surveys import workbook as edition_workbook
from outcomes.surveys.demo_data import primary_2009
from outcomes.surveys.models import Edition, Question, WindowExtension
from outcomes.surveys.questionnaire import build

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def demo():
    return Edition.objects.get(slug="primary-2009")


def structure(edition):
    """The questionnaire without database ids, to compare two editions."""
    sections = build(edition).sections
    for section in sections:
        for item in section.items:
            item.id = None
    return sections


def renamed(data: bytes, slug: str, year: int) -> bytes:
    wb = load_workbook(io.BytesIO(data))
    ws = wb["settings"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("slug") + 1, slug)
    ws.cell(2, header.index("year") + 1, year)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def upload(client, data: bytes, name="questionnaire.xlsx"):
    return client.post(reverse("surveys:upload"), {"file": SimpleUploadedFile(name, data, content_type=XLSX)})


def test_the_demo_edition_is_the_2009_questionnaire(demo):
    questions = Question.objects.filter(edition=demo)
    assert questions.exclude(number=None).count() == 48
    assert questions.filter(required=True).count() == 2
    assert questions.exclude(relevant="").count() == 14
    assert demo.sections.count() == 10
    assert demo.extensions.filter(closes=date(2010, 1, 31), reason__contains="snow").exists()


def test_an_exported_edition_imports_to_the_same_questionnaire(client, users, demo):
    client.force_login(users["performance_officer"])
    exported = client.get(reverse("surveys:workbook", kwargs={"slug": demo.slug}))
    assert exported.status_code == 200
    assert exported["Content-Type"] == XLSX
    response = upload(client, renamed(exported.content, "primary-2031", 2031))
    assert response.status_code == 302
    copy = Edition.objects.get(slug="primary-2031")
    assert structure(copy) == structure(demo)
    assert (copy.confidentiality, copy.welcome, copy.end_text) == (
        demo.confidentiality,
        demo.welcome,
        demo.end_text,
    )
    assert ChangeRecord.objects.filter(object_id=str(copy.pk), action="imported").exists()
    # ... and the demo source and the export describe the same questionnaire.
    assert (
        edition_workbook.read_workbook(primary_2009.workbook_bytes()).sections
        == edition_workbook.read_workbook(exported.content).sections
    )


def test_a_bad_workbook_changes_nothing_and_every_problem_is_shown(client, users, demo):
    client.force_login(users["performance_officer"])
    wb = load_workbook(io.BytesIO(edition_workbook.export_workbook(demo)))
    ws = wb["survey"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index("name")].value == "q9":
            row[header.index("relevant")].value = "${q99} = 'none'"
        if row[header.index("name")].value == "q4":
            row[header.index("type")].value = "select_one healthy"
    out = io.BytesIO()
    wb.save(out)
    before = structure(demo)
    response = upload(client, out.getvalue(), "broken.xlsx")
    assert response.status_code == 200
    page = response.content.decode()
    assert "broken.xlsx was not imported" in page
    assert "there is no list called &#39;healthy&#39; on the choices sheet" in page
    assert "column H (relevant): the condition refers to ${q99}" in page
    assert structure(Edition.objects.get(pk=demo.pk)) == before


def test_an_edition_with_responses_cannot_have_its_questions_replaced(client, users, demo):
    client.force_login(users["performance_officer"])
    response = upload(client, edition_workbook.export_workbook(demo))
    assert "already has responses" in response.content.decode()
    assert Edition.objects.get(pk=demo.pk).revision == demo.revision


def test_an_edition_without_responses_is_replaced_and_its_cached_questionnaire_renewed(users, demo):
    data = renamed(edition_workbook.export_workbook(demo), "primary-2032", 2032)
    first = edition_workbook.import_workbook(data, "a.xlsx", user=users["performance_officer"])
    wb = load_workbook(io.BytesIO(data))
    ws = wb["survey"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index("name")].value == "q4":
            row[header.index("label")].value = "How healthy are you?"
    out = io.BytesIO()
    wb.save(out)
    second = edition_workbook.import_workbook(out.getvalue(), "b.xlsx", user=users["performance_officer"])
    assert second.pk == first.pk
    assert second.revision == first.revision + 1
    assert Question.objects.get(edition=second, name="q4").label == "How healthy are you?"
    assert Question.objects.filter(edition=second).count() == Question.objects.filter(edition=demo).count()


def test_copying_last_years_edition_keeps_the_questions_and_their_keys(client, users, demo):
    client.force_login(users["performance_officer"])
    page = client.get(reverse("surveys:copy", kwargs={"slug": demo.slug}))
    assert 'value="primary-2010"' in page.content.decode()
    data = {"year": 2010, "title": "Lifestyle Survey 2010", "slug": "primary-2010", "opens": "2010-10-18"}
    response = client.post(
        reverse("surveys:copy", kwargs={"slug": demo.slug}), {**data, "closes": "2010-10-01"}
    )
    assert "The survey must close on or after the day it opens" in response.content.decode()
    response = client.post(
        reverse("surveys:copy", kwargs={"slug": demo.slug}), {**data, "closes": "2010-12-17"}
    )
    assert response.status_code == 302
    copy = Edition.objects.get(slug="primary-2010")
    assert (copy.state, copy.copied_from, copy.links.count(), copy.responses.count()) == ("draft", demo, 0, 0)
    keys = lambda e: list(Question.objects.filter(edition=e).values_list("key", "label"))  # noqa: E731
    assert keys(copy) == keys(demo)
    assert structure(copy) == structure(demo)
    again = client.post(reverse("surveys:copy", kwargs={"slug": demo.slug}), {**data, "closes": "2010-12-17"})
    assert "There is already an edition called" in again.content.decode()


def test_the_window_is_extended_with_a_reason(client, users, demo):
    client.force_login(users["performance_officer"])
    url = reverse("surveys:extend", kwargs={"slug": demo.slug})
    current = demo.effective_closes
    response = client.post(url, {"closes": current.isoformat(), "reason": "More time"})
    assert "The new closing date must be after" in response.content.decode()
    response = client.post(url, {"closes": (current + timedelta(days=30)).isoformat(), "reason": ""})
    assert "Enter the reason for the extension" in response.content.decode()
    later = current + timedelta(days=30)
    assert client.post(url, {"closes": later.isoformat(), "reason": "Snow again"}).status_code == 302
    demo.refresh_from_db()
    assert demo.effective_closes == later
    extension = WindowExtension.objects.get(edition=demo, closes=later)
    assert (extension.reason, extension.made_by) == ("Snow again", users["performance_officer"])
    assert ChangeRecord.objects.filter(object_id=str(demo.pk), action="extended").exists()


def test_closing_an_edition_stops_responses(client, users, demo):
    client.force_login(users["performance_officer"])
    assert demo.accepts_responses()
    client.post(reverse("surveys:state", kwargs={"slug": demo.slug}), {"state": "closed", "confirm": "yes"})
    demo.refresh_from_db()
    assert demo.state == "closed"
    assert not demo.accepts_responses()
    assert ChangeRecord.objects.filter(object_id=str(demo.pk), action="state").exists()


def test_the_window_follows_dates_and_extensions(demo):
    assert not demo.accepts_responses(date(2009, 10, 18))
    assert demo.accepts_responses(date(2009, 10, 19))
    assert demo.accepts_responses(date(2010, 1, 20))  # extended for snow


def test_the_edition_page_lists_questions_with_their_conditions_in_words(client, users, demo):
    client.force_login(users["performance_officer"])
    page = client.get(reverse("surveys:edition", kwargs={"slug": demo.slug})).content.decode()
    assert "Q8 is not ‘I don&#39;t have breakfast’" in page
    assert "any row of Q22 is ‘Sometimes’ or any row of Q22 is ‘Every or most days’" in page
    assert "Q25 is ‘Yes’" in page
    assert "Feeds NI 69" in page


def test_the_template_downloads(client, users):
    client.force_login(users["performance_officer"])
    response = client.get(reverse("surveys:template"))
    assert edition_workbook.read_workbook(response.content).settings["phase"] == "primary"
