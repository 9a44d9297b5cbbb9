"""The progress report as a document: one model, rendered as the page, Word and a tagged PDF that
say the same; the same as-at gives the same bytes (decisions 0095-0097)."""

import io
import subprocess
from datetime import date

import pytest
from django.urls import reverse
from docx import Document as WordDocument
from pypdf import PdfReader

from outcomes.documents.model import Section, Table, walk
from outcomes.reports.document import progress_document, progress_report_docx, progress_report_pdf
from outcomes.reports.progress import build_progress_report
from tests.office import pdf_tags, pdf_text
from tests.plans.factories import make_small_plan

pytestmark = pytest.mark.django_db
ROUND = {"slug": "cypp-2013-16", "round_slug": "june-2014"}


def test_the_document_has_every_part_of_the_report_in_order(demo_round):
    document = progress_document(build_progress_report(demo_round), as_at=date(2014, 7, 1))
    headings = [b.heading.text for b in document.blocks if isinstance(b, Section)]
    assert headings[:2] == ["Introduction", "Overview"]
    assert headings[2:7] == [
        f"Priority {n}: {s}"
        for n, s in demo_round.plan.priorities.exclude(excluded_reason__gt="").values_list(
            "number", "statement"
        )
    ]
    assert headings[-1] == "Key issues"
    tables = [b for b in walk(document.blocks) if isinstance(b, Table)]
    overview = tables[0]
    assert [c.value for c in overview.footer[0].cells] == ["Total", 40, 103, 16, 0, 159]
    milestones = sum(len(t.rows) for t in tables if t.caption.startswith("Delivery milestones of priority"))
    assert milestones == 159
    assert "as at 1 July 2014" in document.blocks[0].blocks[0].content


@pytest.mark.slow
def test_the_pdf_download_is_tagged_opens_in_poppler_and_reads_like_the_report(client, users, tmp_path):
    client.force_login(users["performance_officer"])
    response = client.get(reverse("reports:progress_pdf", kwargs=ROUND))
    assert response["Content-Type"] == "application/pdf"
    assert "progress-report.pdf" in response["Content-Disposition"]
    text = pdf_text(response.content, tmp_path)
    for words in [
        "Rotherham Children and Young People",
        "Total 40 103 16 0 159",
        "% 25 65 10 0",
        "No delivery milestones identified as having a RED Rag status",
        "Actual figure: 59.91%",
    ]:
        assert words in text, words
    tags = [t for t, _ in pdf_tags(response.content)]
    assert tags.count("H2") == 1 + 1 + 5 + 1  # introduction, overview, five priorities, key issues
    assert tags.count("Table") >= 7
    assert tags.count("TH") >= 159  # every column heading, and each overview and key-issue row
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) >= 6  # each priority starts a page
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "document.pdf")], check=True, capture_output=True, text=True
    ).stdout
    assert "Tagged:          yes" in info
    assert "Page size:       841.89 x 595.276 pts (A4)" in info


def test_the_page_links_to_the_pdf(client, users):
    client.force_login(users["viewer"])
    html = client.get(reverse("reports:progress", kwargs=ROUND)).content.decode()
    assert reverse("reports:progress_pdf", kwargs=ROUND) in html


def test_the_same_as_at_gives_the_same_word_and_pdf_bytes(users):
    plan = make_small_plan()
    report = build_progress_report(plan.rounds.get(slug="june-2014"))
    again = build_progress_report(plan.rounds.get(slug="june-2014"))  # built at another moment
    as_at = date(2014, 7, 1)
    assert progress_report_docx(report, as_at=as_at) == progress_report_docx(again, as_at=as_at)
    assert progress_report_pdf(report, as_at=as_at) == progress_report_pdf(again, as_at=as_at)
    assert progress_report_docx(report, as_at=date(2014, 7, 2)) != progress_report_docx(again, as_at=as_at)


def test_the_word_report_marks_its_header_rows_and_headings(client, users):
    client.force_login(users["performance_officer"])
    doc = WordDocument(io.BytesIO(client.get(reverse("reports:progress_docx", kwargs=ROUND)).content))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Introduction", "Overview"]
    assert headings[-1] == "Key issues"
    detail = doc.tables[1]
    assert [c.text for c in detail.rows[0].cells] == [
        "Action",
        "Delivery milestones",
        "Update June 2014",
        "Lead/s",
        "RAG status",
    ]
    assert detail.rows[0]._tr.trPr.xml.count("tblHeader") == 1
