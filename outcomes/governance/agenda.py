"""An agenda's numbers, computed from its order and never typed (decision 0136), and the agenda as
one JSON document that every rendering reads: the agenda page, the pack (HTML, Word, PDF) and the
publication that freezes it.

Top-level items are numbered 1, 2, 3 ... in section order, the numbering running on across the
sections; items under no section stand where their order puts them: before the first heading
(apologies, the last minutes) or after the last (any other business, the date of the next meeting),
as seed 003's agenda prints them. A sub-item is numbered under its parent: 7.1, 7.2.
Exempt items keep their numbers: what a reader who may not see them is given simply leaves them out.
"""

from dataclasses import dataclass, field
from datetime import date

from outcomes.core.formatting import format_date
from outcomes.governance.models import AgendaItem, AgendaSection, Meeting
from outcomes.papers.content import paper_content
from outcomes.papers.services import current_publication


@dataclass
class Numbered:
    number: str
    item: AgendaItem
    children: list["Numbered"] = field(default_factory=list)


@dataclass
class Outline:
    """``numbers``: {item id: "7.1"}; ``sections``: [(section or None, [Numbered, ...]), ...] in order."""

    numbers: dict[int, str]
    sections: list[tuple[AgendaSection | None, list[Numbered]]]

    def __iter__(self):
        # ``numbers, sections = agenda_numbers(meeting)`` reads it as the pair it is.
        return iter((self.numbers, self.sections))


def _key(thing) -> tuple:
    return (thing.order, thing.pk)


def number_outline(sections, items) -> Outline:
    """The outline of ``items`` under ``sections`` (anything with pk, order; items with section_id,
    parent_id, title): pure, so that the rule is tested without a database."""
    ordered_sections = sorted(sections, key=_key)
    known = {s.pk for s in ordered_sections}
    top = [i for i in items if i.parent_id is None]
    children: dict[int, list] = {}
    for item in items:
        if item.parent_id is not None:
            children.setdefault(item.parent_id, []).append(item)
    groups: list[tuple[AgendaSection | None, list]] = []
    loose = sorted((i for i in top if i.section_id not in known), key=_key)
    sectioned = [_key(i) for i in top if i.section_id in known]
    first = min(sectioned) if sectioned else None
    leading = [i for i in loose if first is None or _key(i) < first]
    trailing = [i for i in loose if i not in leading]
    if leading or not ordered_sections:
        groups.append((None, leading))
    for section in ordered_sections:
        groups.append((section, sorted((i for i in top if i.section_id == section.pk), key=_key)))
    if trailing:
        groups.append((None, trailing))
    numbers: dict[int, str] = {}
    counter = 0

    def numbered(item, number: str) -> Numbered:
        numbers[item.pk] = number
        kids = sorted(children.get(item.pk, []), key=_key)
        return Numbered(number, item, [numbered(kid, f"{number}.{n}") for n, kid in enumerate(kids, 1)])

    outline: list[tuple[AgendaSection | None, list[Numbered]]] = []
    for section, its_items in groups:
        entries = []
        for item in its_items:
            counter += 1
            entries.append(numbered(item, str(counter)))
        outline.append((section, entries))
    return Outline(numbers, outline)


def agenda_numbers(meeting: Meeting) -> Outline:
    items = list(
        meeting.agenda_items.select_related("paper", "presenter_person", "other_body", "section", "parent")
    )
    return number_outline(list(meeting.agenda_sections.all()), items)


# --- the agenda as one JSON document ------------------------------------------------------------


def meeting_content(meeting: Meeting) -> dict:
    body = meeting.body
    return {
        "body": body.name,
        "body_label": body.label,
        "slug": body.slug,
        "date": meeting.date.isoformat(),
        "starts_at": meeting.starts_at.strftime("%H:%M") if meeting.starts_at else None,
        "venue": meeting.venue,
    }


def paper_of(item: AgendaItem, today: date, *, with_content: bool = True) -> dict | None:
    """The paper as the pack gives it: its published version if it has one, else its draft
    (``with_content`` False: its name and version only, for a page that lists it)."""
    paper = item.paper
    if paper is None:
        return None
    published = current_publication(paper)
    return {
        "slug": paper.slug,
        "title": paper.title,
        "version": published.version if published else None,
        "published_on": published.published_at.date().isoformat() if published else None,
        "content": (published.content if published else paper_content(paper, today))
        if with_content
        else None,
    }


def item_content(entry: Numbered, today: date, papers: bool = True) -> dict:
    item = entry.item
    return {
        "id": item.pk,
        "number": entry.number,
        "title": item.title,
        "kind": item.kind,
        "kind_words": item.get_kind_display(),
        "presenter": item.presenter or (item.presenter_person.name if item.presenter_person else ""),
        "exempt": item.exempt,
        "exempt_reason": item.exempt_reason,
        "other_body": item.other_body.label if item.other_body else "",
        "other_meeting_date": item.other_meeting_date.isoformat() if item.other_meeting_date else None,
        "other_meeting_words": format_date(item.other_meeting_date) if item.other_meeting_date else "",
        "paper": paper_of(item, today, with_content=papers),
        "children": [item_content(child, today, papers) for child in entry.children],
    }


def agenda_content(meeting: Meeting, today: date, *, papers: bool = True) -> dict:
    """The working agenda as the document every rendering reads, exempt items included (without
    ``papers``, each paper's name and version only, for the agenda page)."""
    outline = agenda_numbers(meeting)
    return {
        "meeting": meeting_content(meeting),
        "sections": [
            {
                "title": section.title if section else "",
                "items": [item_content(entry, today, papers) for entry in entries],
            }
            for section, entries in outline.sections
        ],
    }


def without_exempt(content: dict) -> dict:
    """The agenda as a reader who may not see exempt items holds it: every exempt item, with its
    sub-items and paper, left out (their numbers are not reused)."""

    def keep(items: list[dict]) -> list[dict]:
        return [{**i, "children": keep(i["children"])} for i in items if not i["exempt"]]

    return {
        **content,
        "sections": [{**s, "items": keep(s["items"])} for s in content["sections"]],
    }


def shown_content(content: dict, *, exempt: bool) -> dict:
    return content if exempt else without_exempt(content)


def every_item(content: dict):
    """Each item of the document in reading order, sub-items after their parent."""

    def walk(items):
        for item in items:
            yield item
            yield from walk(item["children"])

    for section in content["sections"]:
        yield from walk(section["items"])
