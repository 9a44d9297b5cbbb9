"""The agenda pack (decision 0138): the agenda and its papers as HTML, Word and PDF with one page
numbering. Poppler reads the PDF and LibreOffice opens the Word pack: the pages the agenda gives each
paper are the pages on which the PDF and the Word file print it, each page footed "Page N of M"; the
HTML marks the same pages. A viewer's pack has no exempt item; the exempt pack has it."""

import re
from datetime import date

import pytest
from django.core.management import call_command

from outcomes.governance.agenda import agenda_content, every_item, shown_content
from outcomes.governance.pack import build_pack
from outcomes.governance.pack_render import render
from tests.governance.integration.agenda_fixtures import CLOSED, make_meeting
from tests.office import docx_as_pdf, pdf_pages

pytestmark = pytest.mark.django_db
TODAY = date(2014, 10, 1)


def word_pages(docx: bytes, workdir) -> list[str]:
    """The Word file as LibreOffice lays it out and prints it, page by page."""
    (workdir / "word").mkdir(exist_ok=True)
    (workdir / "word" / "pack.docx").write_bytes(docx)
    printed = docx_as_pdf(workdir / "word" / "pack.docx", workdir / "word", timeout=240)
    return pdf_pages(printed.read_bytes(), workdir)


def test_the_agenda_lists_each_papers_pages_and_the_pdf_word_and_html_print_them_there(users, tmp_path):
    meeting = make_meeting(users["performance_officer"])
    content = shown_content(agenda_content(meeting, TODAY), exempt=False)
    pack = build_pack(content, exempt=False)

    pdf = pdf_pages(render(pack, "pdf"), tmp_path)
    total = len(pdf)
    assert total == pack.total > 3
    # The agenda (page 1) gives each paper its pages, as the pack computed them.
    agenda = pdf[0]
    assert "1 Apologies for absence" in agenda
    ranges = {i["number"]: pack.ranges[i["id"]] for i in every_item(content) if i["paper"]}
    assert set(ranges) == {"2", "4"}
    for first, last in ranges.values():
        assert (f"pages {first}-{last}" if first != last else f"page {first}") in agenda
    # Each paper begins on its first page and ends before the next paper's first page.
    first_two, last_two = ranges["2"]
    first_four, last_four = ranges["4"]
    assert pdf[first_two - 1].startswith("Item 2: Lifestyle Survey 2009")
    assert pdf[first_four - 1].startswith("Item 4: CYPP progress report, June 2014")
    assert last_two == first_four - 1
    assert last_four == total
    assert "Contact Name: Ruth Bastin" in pdf[last_two - 1]
    for n, text in enumerate(pdf, start=1):
        assert f"Page {n} of {total}" in text

    # Word, opened by LibreOffice: the same number of pages, each footed with its PDF page number,
    # and each paper on the pages the agenda gives it.
    word = word_pages(render(pack, "docx"), tmp_path)
    assert len(word) == total
    for n, text in enumerate(word, start=1):
        assert f"Page {n} of {total}" in text, (n, text[:200])
    assert "pages" in word[0]
    assert all((f"pages {a}-{b}" if a != b else f"page {a}") in word[0] for a, b in ranges.values())
    assert "Item 2: Lifestyle Survey 2009" in word[first_two - 1]
    assert "Item 4: CYPP progress report, June 2014" in word[first_four - 1]
    assert "Item 4:" not in " ".join(word[: first_four - 1])

    # The HTML marks the same pages: the paper's heading follows the marker of its first page.
    html = render(pack, "html").decode()
    for number, (first, _) in ranges.items():
        marker = html.index(f">Page {first} of {total}<")
        assert html.index(f"Item {number}: ") > marker
        assert f">Page {first + 1} of {total}<" not in html[marker : html.index(f"Item {number}: ")]

    # No exempt item anywhere in the public pack.
    for text in [*pdf, *word, html]:
        assert CLOSED not in text
        assert "exempt" not in text.lower()


def test_the_exempt_pack_has_the_exempt_item_and_its_paper_numbered_as_on_the_agenda(users, tmp_path):
    meeting = make_meeting(users["performance_officer"])
    content = agenda_content(meeting, TODAY)
    pack = build_pack(content, exempt=True)
    pdf = pdf_pages(render(pack, "pdf"), tmp_path)
    exempt = next(i for i in every_item(content) if i["exempt"])
    first, last = pack.ranges[exempt["id"]]
    assert exempt["number"] == "3"
    assert "Includes exempt items: not for publication." in pdf[0]
    assert f"{CLOSED} (exempt: Paragraph 2 of Schedule 12A)" in pdf[0]
    assert f"pages {first}-{last}" in pdf[0]
    assert pdf[first - 1].startswith(f"Item 3: {CLOSED}")


def test_the_command_writes_the_pack_of_the_working_agenda_or_a_published_version(users, tmp_path, capsys):
    from django.core.management import CommandError

    from outcomes.governance import agenda_services

    meeting = make_meeting(users["performance_officer"])
    out = tmp_path / "pack.html"
    with pytest.raises(CommandError, match="has not been published"):
        call_command("agenda_pack", meeting="cypfp/2014-10-15", fmt="html", out=str(out))
    call_command("agenda_pack", meeting="cypfp/2014-10-15", fmt="html", out=str(out), working=True)
    html = out.read_text()
    assert "Item 2: Lifestyle Survey 2009" in html
    assert CLOSED not in html
    said = capsys.readouterr().out
    assert re.search(r"- Item 2: pages? \d", said)
    assert "Wrote" in said
    agenda_services.publish_agenda(user=users["performance_officer"], meeting=meeting)
    call_command(
        "agenda_pack", meeting="cypfp/2014-10-15", fmt="html", out=str(out), number=1, with_exempt=True
    )
    assert CLOSED in out.read_text()
    with pytest.raises(CommandError, match="no meeting"):
        call_command("agenda_pack", meeting="cypfp/2014-07-17", fmt="pdf", out=str(out))
    with pytest.raises(CommandError, match="no version 2"):
        call_command("agenda_pack", meeting="cypfp/2014-10-15", fmt="pdf", out=str(out), number=2)
