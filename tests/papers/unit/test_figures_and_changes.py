"""What changed between two versions of a paper, figure by figure (blocks.changed_figures,
content.changes_between), and a section's text as document blocks (document.text_blocks)."""

from outcomes.documents.model import BulletList, Paragraph
from outcomes.papers.blocks import cell, changed_figures, named_figures, table
from outcomes.papers.content import changes_between
from outcomes.papers.document import text_blocks


def overview(amber: int, red: int) -> dict:
    rows = [[cell("Total"), cell(str(amber), amber), cell(str(red), red)]]
    content_table = table("Overview", ["Priority", "Amber", "Red"], rows)
    return {"id": 7, "heading": "Overview: Update June 2014", "figures": named_figures(content_table)}


def test_every_figure_of_a_table_is_named_by_its_row_and_column():
    assert overview(103, 16)["figures"] == {"Total – Amber": "103", "Total – Red": "16"}


def test_a_figure_that_moved_is_said_with_both_values():
    assert changed_figures([overview(103, 16)], [overview(102, 17)]) == [
        "Overview: Update June 2014: Total – Amber was 103, now 102.",
        "Overview: Update June 2014: Total – Red was 16, now 17.",
    ]
    assert changed_figures([overview(103, 16)], [overview(103, 16)]) == []


def test_figures_added_and_removed_are_said():
    other = {"id": 8, "heading": "Open exceptions", "figures": {"Open exceptions": "3"}}
    assert changed_figures([overview(1, 1)], [overview(1, 1), other]) == [
        "Open exceptions: added since the last version."
    ]
    assert changed_figures([overview(1, 1), other], [overview(1, 1)]) == [
        "Open exceptions: removed since the last version."
    ]


def paper(summary: str, amber: int, contact: str = "Sue Wilson") -> dict:
    return {
        "header": [{"number": 1, "key": "meeting", "label": "Meeting", "text": "Partnership"}],
        "sections": [
            {
                "number": 5,
                "key": "summary",
                "label": "Summary",
                "text": summary,
                "blocks": [overview(amber, 16)],
            }
        ],
        "contact": {"name": contact},
    }


def test_a_new_version_lists_its_text_and_its_figures_that_changed():
    assert changes_between(paper("Old", 103), paper("New", 102, "Ruth Bastin")) == [
        "Section 5 Summary rewritten.",
        "The contact changed.",
        "Overview: Update June 2014: Total – Amber was 103, now 102.",
    ]
    assert changes_between(paper("Same", 103), paper("Same", 103)) == []


def test_each_line_is_a_paragraph_and_dashed_lines_a_list():
    blocks = text_blocks("Purpose\n\n- one\n• two\nAfter")
    assert [type(b) for b in blocks] == [Paragraph, BulletList, Paragraph]
    assert blocks[1].items == ["one", "two"]
