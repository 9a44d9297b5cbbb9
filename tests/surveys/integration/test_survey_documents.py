"""Survey reports as documents (decision 0095): Word and tagged PDF built from the release, showing
the page's tables, figure for figure; one call gives a school's PDF (for sending them all)."""

import io

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from docx.oxml.ns import qn

from outcomes.surveys import releases
from outcomes.surveys.models import Edition, School
from outcomes.surveys.results_document import (
    participation_document,
    rendered,
    school_document,
    school_report_pdf,
)
from outcomes.surveys.results_export import participation_tables, question_tables
from outcomes.surveys.results_summary import layout
from tests.office import pdf_tags

pytestmark = pytest.mark.django_db
SLUG = "primary-2009"


def release():
    return releases.latest(Edition.objects.get(slug=SLUG))


def test_the_borough_word_report_holds_the_pages_tables_with_their_header_rows(client, users):
    client.force_login(users["performance_officer"])
    response = client.get(reverse("surveys:borough_report_docx", kwargs={"slug": SLUG}))
    assert response["Content-Disposition"].endswith('primary-2009-results.docx"')
    doc = WordDocument(io.BytesIO(response.content))
    results, _, _ = releases.borough_of(release())
    parts = layout(results, question_tables(results))
    tables = [parts.headline] + [t for s in parts.sections for t in s.tables]
    assert len(doc.tables) == len(tables)
    for word, table in zip(doc.tables, tables, strict=True):
        assert [c.text for c in word.rows[0].cells] == table.columns
        assert word.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert [[c.text for c in r.cells] for r in word.rows[1:]] == [[c.text for c in r] for r in table.rows]
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Summary"] + [s.title for s in parts.sections]


def test_the_participation_pdf_is_the_same_bytes_each_time_and_dated_by_the_release():
    from pypdf import PdfReader

    pdf = rendered(participation_document(release()), "pdf")
    assert rendered(participation_document(release()), "pdf") == pdf
    created = PdfReader(io.BytesIO(pdf)).metadata["/CreationDate"]
    assert created.startswith(release().published_at.strftime("D:%Y%m%d"))


def test_a_schools_pdf_is_tagged():
    school = School.objects.get(code="swinton-brookfield")
    pdf = school_report_pdf(release(), school)
    tags = pdf_tags(pdf)
    names = [t for t, _ in tags]
    assert names.count("H1") == 1
    document = school_document(release(), school)
    sections = [b.heading.text for b in document.blocks if hasattr(b, "heading")]
    assert sections[:2] == ["Participation", "Summary"]
    assert names.count("H2") == len(sections)
    results, own, _ = releases.school_of(release(), school)
    tables = 1 + 1 + (1 if layout(results, question_tables(results)).differences else 0)
    tables += sum(len(s.tables) for s in layout(results, question_tables(results)).sections)
    # A table that runs over a page is tagged once per page.
    assert names.count("Table") >= tables
    assert names.count("Caption") >= tables
    # Each table's column headings and each row's label are header cells.
    rows = len(participation_tables(None, own)[0].rows)
    assert names.count("TH") > names.count("Table") * 2 + rows
    assert "TD" in names


def test_a_school_without_a_report_of_its_own_has_no_document():
    assert school_report_pdf(release(), School.objects.get(code="st-thomas")) is None


def test_an_interim_release_says_so_on_the_first_page():
    school = School.objects.get(code="swinton-brookfield")
    document = school_document(release(), school)
    assert release().kind == "interim"
    assert document.banner.startswith("Interim release 1, published")
    assert document.as_at == release().published_at
