"""The pack's page numbering from the layout's page anchors (decision 0138): the page each block
begins on, each paper's range up to the page before the next paper, and the words for a range."""

from outcomes.documents.model import Document, Heading, Paragraph
from outcomes.governance.pack import block_pages, pages_text, paper_ranges


def test_each_block_begins_on_the_first_page_its_box_appears_and_a_block_not_seen_follows_the_last():
    first = {"u0": 1, "u1": 1, "u2": 3, "u4": 4}
    assert block_pages(first, 5) == [1, 1, 3, 3, 4]


def test_a_paper_runs_from_its_heading_to_the_page_before_the_next_paper_and_the_last_to_the_end():
    document = Document(
        title="Agenda",
        blocks=[
            Paragraph("The agenda"),
            Heading("Item 2: A", new_page=True, anchor="item-12"),
            Paragraph("text"),
            Heading("Item 4: B", new_page=True, anchor="item-14"),
            Heading("Item 5: C", new_page=True, anchor="item-15"),
        ],
    )
    ranges = paper_ranges(document, [1, 2, 3, 5, 6], total=9)
    assert ranges == {12: (2, 4), 14: (5, 5), 15: (6, 9)}


def test_a_range_in_words():
    assert pages_text(3, 12) == "pages 3-12"
    assert pages_text(5, 5) == "page 5"
