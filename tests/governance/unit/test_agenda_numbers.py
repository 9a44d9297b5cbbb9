"""Agenda numbers are computed from the order, never typed (decision 0136): 1, 2, 3 ... running on
across the headings in their order, items under no heading before or after them by their order,
sub-items 7.1, 7.2 under their parent; and the agenda rules (an exempt item's reason, another
body's minutes, moving)."""

from types import SimpleNamespace as S

from outcomes.governance import rules
from outcomes.governance.agenda import every_item, number_outline, without_exempt


def section(pk, order):
    return S(pk=pk, order=order, title=f"Heading {pk}")


def item(pk, order, section_id=None, parent_id=None):
    return S(pk=pk, order=order, section_id=section_id, parent_id=parent_id, title=f"Item {pk}")


def test_numbers_run_on_across_the_headings_in_their_order():
    sections = [section(20, 2), section(10, 1)]
    items = [item(1, 1, 20), item(2, 2, 20), item(3, 1, 10), item(4, 2, 10), item(5, 3, 10)]
    numbers, outline = number_outline(sections, items)
    assert [s.pk for s, _ in outline] == [10, 20]
    assert numbers == {3: "1", 4: "2", 5: "3", 1: "4", 2: "5"}


def test_sub_items_are_numbered_under_their_parent_in_their_order():
    items = [
        item(1, 1),
        item(2, 2),
        item(7, 3),
        item(71, 2, parent_id=7),
        item(72, 1, parent_id=7),
        item(8, 4),
    ]
    numbers, outline = number_outline([], items)
    assert numbers == {1: "1", 2: "2", 7: "3", 72: "3.1", 71: "3.2", 8: "4"}
    ((heading, entries),) = outline
    assert heading is None
    assert [e.number for e in entries] == ["1", "2", "3", "4"]
    assert [c.number for c in entries[2].children] == ["3.1", "3.2"]


def test_items_under_no_heading_come_first_and_equal_orders_keep_their_entry_order():
    sections = [section(10, 1)]
    items = [item(5, 1, 10), item(2, 0), item(1, 0)]
    numbers, outline = number_outline(sections, items)
    assert numbers == {1: "1", 2: "2", 5: "3"}
    assert outline[0][0] is None
    assert outline[1][0].pk == 10


def test_items_under_no_heading_after_the_headed_ones_close_the_agenda():
    # Seed 003 L15-54: apologies first, three headings, then any other business and the next meeting.
    sections = [section(10, 1), section(20, 2)]
    items = [item(1, 1), item(2, 2, 10), item(3, 3, 20), item(4, 4), item(5, 5)]
    numbers, outline = number_outline(sections, items)
    assert numbers == {1: "1", 2: "2", 3: "3", 4: "4", 5: "5"}
    assert [s.pk if s else None for s, _ in outline] == [None, 10, 20, None]


def test_an_empty_heading_is_kept_and_an_empty_agenda_has_no_numbers():
    numbers, outline = number_outline([section(10, 1)], [])
    assert numbers == {}
    assert [(s.pk, e) for s, e in outline] == [(10, [])]
    assert number_outline([], []).numbers == {}


def test_moving_an_item_renumbers_it_and_those_between():
    items = [item(1, 1), item(2, 2), item(3, 3)]
    order = rules.moved(items, items[2], "up")
    for position, it in enumerate(order, 1):
        it.order = position
    assert number_outline([], items).numbers == {1: "1", 3: "2", 2: "3"}


def test_moved_stops_at_either_end():
    things = ["a", "b", "c"]
    assert rules.moved(things, "a", "up") == things
    assert rules.moved(things, "c", "down") == things
    assert rules.moved(things, "a", "down") == ["b", "a", "c"]
    assert rules.moved(things, "b", "sideways") == things


def test_an_item_needs_a_reason_to_be_exempt_and_a_body_and_date_for_other_minutes():
    plain = {"kind": "paper", "exempt": False, "exempt_reason": "", "parent": None}
    plain |= {"other_body": None, "other_meeting_date": None}
    assert rules.item_problems(**plain) == []
    assert rules.item_problems(**{**plain, "exempt": True}) == [
        "Enter why the item is exempt, such as the paragraph of Schedule 12A"
    ]
    assert len(rules.item_problems(**{**plain, "kind": "other_minutes"})) == 2
    assert rules.item_problems(**{**plain, "parent": S(parent_id=None)}) == []
    assert rules.item_problems(**{**plain, "parent": S(parent_id=4)}) == [
        "A sub-item goes under a main item, not under another sub-item"
    ]


def entry(pk, number, exempt=False, children=()):
    return {"id": pk, "number": number, "exempt": exempt, "children": list(children)}


def test_without_exempt_leaves_out_exempt_items_and_their_sub_items_keeping_the_numbers():
    content = {
        "meeting": {},
        "sections": [
            {"title": "", "items": [entry(1, "1"), entry(2, "2", True, [entry(21, "2.1")])]},
            {"title": "B", "items": [entry(3, "3", children=[entry(31, "3.1", True), entry(32, "3.2")])]},
        ],
    }
    public = without_exempt(content)
    assert [(i["id"], i["number"]) for i in every_item(public)] == [(1, "1"), (3, "3"), (32, "3.2")]
    assert [i["id"] for i in every_item(content)] == [1, 2, 21, 3, 31, 32]
