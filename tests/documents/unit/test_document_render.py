"""Each renderer of the document model keeps the structure a reader needs: headings as headings, header
cells marked as headers, numbers as numbers, alt text on figures, the banner; the same as-at gives the
same bytes (decision 0097)."""

import io
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn

from outcomes.documents.model import (
    BulletList,
    Cell,
    Document,
    Figure,
    Heading,
    Note,
    Paragraph,
    Row,
    Run,
    Section,
    Table,
    header,
)
from outcomes.documents.render import render_docx, render_html, render_pdf
from tests.office import pdf_tags, pdf_text

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">'
    '<polyline points="0,50 60,30 120,10" fill="none" stroke="#1d70b8" stroke-width="3"/></svg>'
)


def overview() -> Table:
    return Table(
        "Delivery milestones by priority and RAG status",
        header=[header("Priority", "Green", "Red", "Total")],
        rows=[
            Row(
                [Cell("1: Healthy lives"), Cell(Fraction(57, 2)), Cell(Decimal("4.3")), Cell(52)], anchor="p1"
            ),
            [Cell("2: Safe at home"), Cell(7), Cell(0), Cell(1234)],
        ],
        footer=[Row([Cell("Total"), Cell(40), Cell(16), Cell(159)], style="strong")],
        notes=["Figures of split statuses are shared between the statuses."],
        row_headers=True,
        widths=[4, 1, 1, 1],
    )


def sample(as_at=date(2014, 6, 30), **changes) -> Document:
    fields = {
        "title": "Children and Young People's Plan",
        "as_at": as_at,
        "subtitle": "Progress report: Update June 2014",
        "banner": "Interim report: the round is still open",
        "meta": {"author": "Outcomes", "subject": "Progress report"},
        "blocks": [
            Paragraph("Each delivery milestone has been ranked as one of the following:"),
            BulletList([[Run("Green", label="green"), " – on track"], "Red – off track"]),
            Section(Heading("Overview", anchor="overview"), [overview(), Note("Priority 4 is excluded.")]),
            Section(
                Heading("Priority 1: Healthy lives", new_page=True),
                [
                    Heading("Sub-theme", level=2),
                    Table(
                        "Milestones",
                        header=[header("Milestone", "Update", "RAG")],
                        rows=[
                            [
                                Cell("6. Breastfeeding"),
                                Cell(
                                    blocks=[Paragraph("Actual figure: 59.91%"), BulletList(["Clinic held"])]
                                ),
                                Cell(text=[Run("Red", label="red")], style="label-red"),
                            ]
                        ],
                    ),
                    Figure("Breastfeeding initiation", alt="Rising from 55% to 60% over four years", svg=SVG),
                ],
            ),
        ],
    }
    fields.update(changes)
    return Document(**fields)


# --- HTML ------------------------------------------------------------------------------------------


def test_html_marks_headings_header_cells_numbers_and_places():
    html = render_html(sample())
    assert '<h1 class="govuk-heading-l">Children and Young People&#39;s Plan</h1>' in html
    assert '<h2 class="govuk-heading-m" id="overview">Overview</h2>' in html
    assert '<h3 class="govuk-heading-s">Sub-theme</h3>' in html
    assert 'class="govuk-heading-m app-new-page">Priority 1' in html
    assert '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Green</th>' not in html
    assert '<th scope="col" class="govuk-table__header">Priority</th>' in html
    assert '<th scope="row" class="govuk-table__header">1: Healthy lives</th>' in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">28.5</td>' in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1,234</td>' in html
    assert "<tfoot" in html
    assert "<strong>159</strong>" in html
    assert '<tr class="govuk-table__row" id="p1">' in html
    assert '<span class="app-rag app-rag--red">Red</span>' in html
    assert 'role="region" aria-label="Delivery milestones by priority and RAG status" tabindex="0"' in html
    assert 'alt="Rising from 55% to 60% over four years"' in html
    assert "Interim report: the round is still open" in html


def test_html_escapes_what_it_is_given():
    html = render_html(Document("<script>x</script>", blocks=[Paragraph("a < b & c")]))
    assert "<script>" not in html
    assert "a &lt; b &amp; c" in html


def test_html_for_a_page_leaves_the_title_to_the_page_and_a_standalone_one_links_nowhere():
    fragment = render_html(sample(), title=False)
    assert "<h1" not in fragment
    assert "Interim report" in fragment
    page = render_html(sample(), standalone=True, css="body { color: black; }")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en-GB"' in page
    assert "<style>body { color: black; }</style>" in page
    assert 'href="/' not in page
    assert '<col style="width: 57.14%">' in page


# --- Word ------------------------------------------------------------------------------------------


def word(document: Document):
    return WordDocument(io.BytesIO(render_docx(document)))


def test_word_uses_heading_styles_and_marks_header_rows():
    doc = word(sample())
    styles = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert styles == [
        ("Title", "Children and Young People's Plan"),
        ("Heading 1", "Overview"),
        ("Heading 1", "Priority 1: Healthy lives"),
        ("Heading 2", "Sub-theme"),
    ]
    first = doc.tables[0]
    assert first.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert first.rows[1]._tr.trPr is None or first.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    caption = first._tbl.tblPr.find(qn("w:tblCaption"))
    assert caption.get(qn("w:val")) == "Delivery milestones by priority and RAG status"
    page_break = next(p for p in doc.paragraphs if p.text.startswith("Priority 1"))
    assert page_break.paragraph_format.page_break_before is True


def test_word_tables_hold_numbers_as_shown_aligned_right_with_totals_in_bold():
    doc = word(sample())
    rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert rows == [
        ["Priority", "Green", "Red", "Total"],
        ["1: Healthy lives", "28.5", "4.3", "52"],
        ["2: Safe at home", "7", "0", "1,234"],
        ["Total", "40", "16", "159"],
    ]
    number = doc.tables[0].rows[1].cells[1].paragraphs[0]
    assert number.alignment == 2  # right
    assert all(run.bold for run in doc.tables[0].rows[3].cells[3].paragraphs[0].runs)


def test_word_cells_hold_paragraphs_and_lists_and_a_status_fill():
    cells = word(sample()).tables[1].rows[1].cells
    assert [p.text for p in cells[1].paragraphs] == ["Actual figure: 59.91%", "Clinic held"]
    assert cells[1].paragraphs[1].style.name == "List Bullet"
    shading = cells[2]._tc.tcPr.find(qn("w:shd"))
    assert shading.get(qn("w:fill")) == "D4351C"


def test_word_gives_a_figure_its_alt_text_and_the_banner_and_notes():
    texts = [p.text for p in word(sample()).paragraphs]
    assert "Chart: Rising from 55% to 60% over four years" in texts
    assert "Interim report: the round is still open" in texts
    assert "Priority 4 is excluded." in texts
    assert "Figures of split statuses are shared between the statuses." in texts


def test_word_is_the_same_bytes_for_the_same_as_at_and_dated_by_it():
    first = render_docx(sample())
    assert render_docx(sample()) == first
    assert render_docx(sample(as_at=date(2014, 7, 1))) != first
    properties = WordDocument(io.BytesIO(first)).core_properties
    dates = {
        d.replace(tzinfo=None) for d in (properties.created, properties.modified, properties.last_printed)
    }
    assert dates == {datetime(2014, 6, 30)}
    assert properties.title == "Children and Young People's Plan: Progress report: Update June 2014"
    entries = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert {e.date_time for e in entries} == {(2014, 6, 30, 0, 0, 0)}


def test_word_drops_characters_xml_cannot_hold():
    doc = word(Document("Report", blocks=[Paragraph("bell\x07 and\x0bbreak")]))
    assert doc.paragraphs[-1].text == "bell and\nbreak"


# --- PDF -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_pdf(sample())


def test_the_pdf_is_tagged_with_headings_table_headers_and_alt_text(pdf):
    tags = pdf_tags(pdf)
    names = [t for t, _ in tags]
    assert names[0] == "Document"
    assert [n for n in names if re.fullmatch(r"H\d", n)] == ["H1", "H2", "H2", "H3"]
    assert {"Table", "THead", "TH", "TD", "Caption", "L", "LI"} <= set(names)
    # The overview: four column headings and three row headings; the milestones: three column headings.
    assert names.count("TH") == 4 + 3 + 3
    assert ("Figure", "Rising from 55% to 60% over four years") in tags


def test_the_pdf_reads_in_order_with_its_banner_and_figures(pdf, tmp_path):
    text = pdf_text(pdf, tmp_path)
    for words in [
        "Children and Young People's Plan",
        "Interim report: the round is still open",
        "1: Healthy lives 28.5 4.3 52",
        "Total 40 16 159",
        "Actual figure: 59.91%",
    ]:
        assert words in text, words


def test_the_pdf_is_the_same_bytes_for_the_same_as_at_and_dated_by_it(pdf):
    from pypdf import PdfReader

    assert render_pdf(sample()) == pdf
    assert render_pdf(sample(as_at=date(2014, 7, 1))) != pdf
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata["/CreationDate"].startswith("D:20140630000000")
    assert reader.metadata["/Title"] == "Children and Young People's Plan: Progress report: Update June 2014"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_a_cell_spanning_columns_spans_them_in_html_and_word():
    spanning = Table(
        "Spans",
        header=[[Cell(text="Figures for 2014", colspan=2, is_header=True)], header("Count", "Rate")],
        rows=[[Cell(3), Cell(Decimal("12.5"))]],
    )
    document = Document("Spans", blocks=[spanning])
    assert '<th scope="col" class="govuk-table__header" colspan="2">Figures for 2014</th>' in render_html(
        document
    )
    rows = word(document).tables[0].rows
    assert rows[0]._tr.tc_lst[0].grid_span == 2
    assert [c.text for c in rows[2].cells] == ["3", "12.5"]
