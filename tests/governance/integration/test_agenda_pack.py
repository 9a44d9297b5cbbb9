"""The agenda pack (decision 0138): the agenda and its papers as HTML, Word and PDF with one page
numbering. LibreOffice opens the Word pack and poppler reads the PDFs: the pages the agenda gives
each paper are the pages on which the PDF and the Word file print it."""

import re
import subprocess
from datetime import date

import pytest

from outcomes.governance import agenda_services as services
from outcomes.governance.agenda import agenda_content, shown_content
from outcomes.governance.models import AgendaItem, Body, Meeting
from outcomes.governance.pack import build_pack
from outcomes.governance.pack_render import render
from outcomes.papers.models import Paper

pytestmark = pytest.mark.django_db
TODAY = date(2014, 7, 1)


@pytest.fixture
def meeting(users):
    user = users["performance_officer"]
    body = Body.objects.get(slug="cypfp")
    meeting = Meeting.objects.create(body=body, date=date(2014, 7, 16), venue="Town Hall")
    decision = services.add_section(user=user, meeting=meeting, title="For Decision")
    information = services.add_section(user=user, meeting=meeting, title="For Information")
    services.add_item(user=user, meeting=meeting, title="Apologies for absence", kind=AgendaItem.APOLOGIES)
    lifestyle = Paper.objects.get(slug="lifestyle-survey-2009")
    cypp = Paper.objects.get(slug="cypp-progress-june-2014")
    services.add_item(
        user=user, meeting=meeting, title="Lifestyle Survey 2009", kind=AgendaItem.PAPER, paper=lifestyle,
        section=decision, presenter="Sue Wilson",
    )
    services.add_item(
        user=user, meeting=meeting, title="Closed matter", kind=AgendaItem.PAPER, paper=cypp,
        section=decision, exempt=True, exempt_reason="Paragraph 2 of Schedule 12A",
    )
    services.add_item(
        user=user, meeting=meeting, title="CYPP progress report, June 2014", kind=AgendaItem.PAPER,
        paper=cypp, section=information,
    )
    return meeting


def pdf_pages(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "pack.pdf"
    path.write_bytes(pdf)
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout)[1])
    return [
        " ".join(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"], capture_output=True, text=True, check=True).stdout.split())
        for n in range(1, count + 1)
    ]


def test_smoke(meeting, tmp_path):
    content = shown_content(agenda_content(meeting, TODAY), exempt=False)
    pack = build_pack(content, exempt=False)
    print(pack.total, pack.ranges, pack.pages)
    pdf = render(pack, "pdf")
    pages = pdf_pages(pdf, tmp_path)
    for n, p in enumerate(pages, 1):
        print(n, p[:150], "...", p[-60:])
    docx = render(pack, "docx")
    (tmp_path / "pack.docx").write_bytes(docx)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf", "--outdir", str(tmp_path / "out"), str(tmp_path / "pack.docx")], check=True, capture_output=True, timeout=180)
    word = pdf_pages((tmp_path / "out" / "pack.pdf").read_bytes(), tmp_path)
    for n, p in enumerate(word, 1):
        print("W", n, p[:150], "...", p[-60:])
    assert 0
