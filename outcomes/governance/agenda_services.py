"""Every change to an agenda, a body's standing items and the placing of its forward plan goes
through here, recorded in words (core/history.py; agenda_history.py reads them back). Publishing
freezes the agenda with its papers as a Publication, versioned (decision 0137)."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from outcomes.core.conflicts import SaveConflict
from outcomes.core.formatting import format_date
from outcomes.core.models import record_change
from outcomes.documents import publications
from outcomes.governance import rules
from outcomes.governance.agenda import agenda_content, agenda_numbers, every_item
from outcomes.governance.models import (
    AgendaItem,
    AgendaSection,
    Body,
    ForwardPlanItem,
    Meeting,
    StandingItem,
)
from outcomes.governance.rules import Refused

KIND = "agenda"
ITEM_FIELDS = [
    "title",
    "kind",
    "presenter",
    "presenter_person",
    "paper",
    "exempt",
    "exempt_reason",
    "other_body",
    "other_meeting_date",
    "section",
    "parent",
]
STANDING_FIELDS = ["title", "kind", "section_title"]


def agenda_key(meeting: Meeting) -> str:
    """The subject of the agenda's history (its publication's subject is the meeting's own)."""
    return f"{meeting.subject_key}:agenda"


def item_snapshot(item: AgendaItem) -> dict:
    return {
        "title": item.title,
        "kind": item.kind,
        "presenter": item.presenter,
        "presenter_person": item.presenter_person.name if item.presenter_person else None,
        "paper": item.paper.title if item.paper else None,
        "exempt": item.exempt,
        "exempt_reason": item.exempt_reason,
        "other_body": item.other_body.label if item.other_body else None,
        "other_meeting_date": item.other_meeting_date.isoformat() if item.other_meeting_date else None,
        "section": item.section.title if item.section else None,
        "parent": item.parent.title if item.parent else None,
    }


def _record(user, meeting: Meeting, obj, action: str, summary: str, before=None, after=None) -> None:
    record_change(
        user=user,
        obj=obj,
        action=action,
        summary=summary,
        before=before,
        after=after,
        subject_key=agenda_key(meeting),
    )


def _siblings(meeting: Meeting, *, section, parent):
    found = meeting.agenda_items.filter(parent=parent)
    if parent is None:
        found = found.filter(section=section)
    return found.order_by("order", "id")


def _renumber(things) -> None:
    for position, thing in enumerate(things, start=1):
        if thing.order != position:
            thing.order = position
            thing.save(update_fields=["order"])


def _check(fields: dict) -> None:
    problems = rules.item_problems(
        kind=fields.get("kind", AgendaItem.OTHER),
        exempt=fields.get("exempt", False),
        exempt_reason=fields.get("exempt_reason", ""),
        other_body=fields.get("other_body"),
        other_meeting_date=fields.get("other_meeting_date"),
        parent=fields.get("parent"),
    )
    if problems:
        raise Refused(problems)


def _number(item: AgendaItem) -> str:
    return agenda_numbers(item.meeting).numbers.get(item.pk, "")


# --- items --------------------------------------------------------------------------------------


@transaction.atomic
def add_item(*, user, meeting: Meeting, title: str, **fields) -> AgendaItem:
    """A new item at the end of its section (or of its parent's sub-items). ``fields``: any of
    ITEM_FIELDS. A sub-item sits in its parent's section."""
    _check(fields)
    parent = fields.get("parent")
    if parent is not None:
        fields["section"] = parent.section
    last = _siblings(meeting, section=fields.get("section"), parent=parent).aggregate(n=Max("order"))["n"]
    item = AgendaItem.objects.create(meeting=meeting, title=title, order=(last or 0) + 1, **fields)
    _record(
        user,
        meeting,
        item,
        "agenda_item_added",
        f"Added item {_number(item)}: {title}"[:300],
        after=item_snapshot(item),
    )
    return item


def seen_token(item: AgendaItem) -> str:
    """When the item was last saved, as the edit form carries it."""
    return item.updated_at.isoformat()


@transaction.atomic
def edit_item(*, user, item: AgendaItem, seen: str = "", **fields) -> AgendaItem:
    """``seen``: the item's ``seen_token`` when the form was opened; a save from an older one is
    refused (SaveConflict), the other person's change kept."""
    current = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if seen and seen != seen_token(current):
        raise SaveConflict("this agenda item", current)
    before = item_snapshot(item)
    merged = {name: getattr(item, name) for name in ITEM_FIELDS} | fields
    _check(merged)
    if merged.get("parent") is not None and item.children.exists():
        raise Refused(["An item with sub-items cannot itself become a sub-item"])
    if merged.get("parent") is not None:
        fields["section"] = merged["parent"].section
    moved_place = any(
        name in fields and getattr(item, f"{name}_id") != (fields[name].pk if fields[name] else None)
        for name in ("section", "parent")
    )
    for name, value in fields.items():
        if name not in ITEM_FIELDS:
            raise ValueError(f"{name} is not changed here")
        setattr(item, name, value)
    if moved_place:
        last = _siblings(item.meeting, section=item.section, parent=item.parent).exclude(pk=item.pk)
        item.order = (last.aggregate(n=Max("order"))["n"] or 0) + 1
    item.save()
    after = item_snapshot(item)
    if after != before:
        _record(
            user,
            item.meeting,
            item,
            "agenda_item_edited",
            f"Edited item {_number(item)}: {item.title}"[:300],
            before=before,
            after=after,
        )
    return item


@transaction.atomic
def move_item(*, user, item: AgendaItem, direction: str) -> AgendaItem:
    """One place up or down among its siblings; its number and those after it follow."""
    siblings = list(_siblings(item.meeting, section=item.section, parent=item.parent))
    was = _number(item)
    _renumber(rules.moved(siblings, item, direction))
    item.refresh_from_db()
    now = _number(item)
    if now != was:
        _record(
            user,
            item.meeting,
            item,
            "agenda_item_moved",
            f"Moved item {was} to {now}: {item.title}"[:300],
            before={"number": was},
            after={"number": now},
        )
    return item


@transaction.atomic
def remove_item(*, user, item: AgendaItem) -> None:
    """The item and its sub-items leave the agenda; a forward-plan item placed as it is unplaced."""
    meeting, number, before = item.meeting, _number(item), item_snapshot(item)
    _record(
        user,
        meeting,
        meeting,
        "agenda_item_removed",
        f"Removed item {number}: {item.title}"[:300],
        before=before,
    )
    item.delete()


# --- sections ------------------------------------------------------------------------------------


@transaction.atomic
def add_section(*, user, meeting: Meeting, title: str) -> AgendaSection:
    last = meeting.agenda_sections.aggregate(n=Max("order"))["n"] or 0
    section = AgendaSection.objects.create(meeting=meeting, title=title, order=last + 1)
    _record(
        user, meeting, meeting, "agenda_section_added", f"Added the heading {title}", after={"heading": title}
    )
    return section


@transaction.atomic
def edit_section(*, user, section: AgendaSection, title: str) -> AgendaSection:
    before = section.title
    section.title = title
    section.save()
    if before != title:
        _record(
            user,
            section.meeting,
            section.meeting,
            "agenda_section_edited",
            f"Renamed the heading {before}",
            before={"heading": before},
            after={"heading": title},
        )
    return section


@transaction.atomic
def move_section(*, user, section: AgendaSection, direction: str) -> AgendaSection:
    meeting = section.meeting
    order = list(meeting.agenda_sections.order_by("order", "id"))
    _renumber(rules.moved(order, section, direction))
    _record(user, meeting, meeting, "agenda_section_moved", f"Moved the heading {section.title} {direction}")
    return section


@transaction.atomic
def remove_section(*, user, section: AgendaSection) -> None:
    problems = rules.section_removal_problems(section)
    if problems:
        raise Refused(problems)
    meeting = section.meeting
    _record(
        user,
        meeting,
        meeting,
        "agenda_section_removed",
        f"Removed the heading {section.title}",
        before={"heading": section.title},
    )
    section.delete()


# --- the forward plan and standing items ---------------------------------------------------------


@transaction.atomic
def place(*, user, plan_item: ForwardPlanItem, meeting: Meeting, section=None) -> AgendaItem:
    """Put an item the body was promised onto the meeting's agenda: a new item, linked, which is
    the evidence that discharges a report-back action."""
    if plan_item.body_id != meeting.body_id:
        raise Refused(["The forward plan item is for another body"])
    if plan_item.agenda_item_id is not None:
        raise Refused(["The forward plan item is already on an agenda"])
    item = add_item(user=user, meeting=meeting, title=plan_item.title, kind=AgendaItem.PAPER, section=section)
    plan_item.agenda_item = item
    plan_item.save()
    _record(
        user,
        meeting,
        item,
        "agenda_forward_plan_placed",
        f"Placed {plan_item.title} from the forward plan as item {_number(item)}"[:300],
    )
    return item


@transaction.atomic
def add_standing_items(*, user, meeting: Meeting) -> list[AgendaItem]:
    """The body's standing items, in their order, under their headings (made where missing); an item
    already on the agenda by the same title is not added twice."""
    titles = set(meeting.agenda_items.values_list("title", flat=True))
    added = []
    for standing in meeting.body.standing_items.all():
        if standing.title in titles:
            continue
        section = None
        if standing.section_title:
            section = meeting.agenda_sections.filter(title=standing.section_title).first()
            if section is None:
                section = add_section(user=user, meeting=meeting, title=standing.section_title)
        added.append(
            add_item(user=user, meeting=meeting, title=standing.title, kind=standing.kind, section=section)
        )
    return added


def standing_snapshot(standing: StandingItem) -> dict:
    return {"title": standing.title, "kind": standing.kind, "section_title": standing.section_title}


def _record_standing(user, standing: StandingItem, action: str, summary: str, before=None, after=None):
    record_change(
        user=user,
        obj=standing,
        action=action,
        summary=summary[:300],
        before=before,
        after=after,
        subject_key=f"body:{standing.body_id}:standing",
    )


@transaction.atomic
def add_standing(*, user, body: Body, title: str, kind: str, section_title: str = "") -> StandingItem:
    last = body.standing_items.aggregate(n=Max("order"))["n"] or 0
    standing = StandingItem.objects.create(
        body=body, title=title, kind=kind, section_title=section_title, order=last + 1
    )
    _record_standing(
        user,
        standing,
        "standing_item_added",
        f"Added the standing item {title}",
        after=standing_snapshot(standing),
    )
    return standing


@transaction.atomic
def edit_standing(*, user, standing: StandingItem, **fields) -> StandingItem:
    before = standing_snapshot(standing)
    for name, value in fields.items():
        if name not in STANDING_FIELDS:
            raise ValueError(f"{name} is not changed here")
        setattr(standing, name, value)
    standing.save()
    if standing_snapshot(standing) != before:
        _record_standing(
            user,
            standing,
            "standing_item_edited",
            f"Edited the standing item {standing.title}",
            before=before,
            after=standing_snapshot(standing),
        )
    return standing


@transaction.atomic
def move_standing(*, user, standing: StandingItem, direction: str) -> StandingItem:
    _renumber(rules.moved(list(standing.body.standing_items.order_by("order", "id")), standing, direction))
    _record_standing(
        user, standing, "standing_item_moved", f"Moved the standing item {standing.title} {direction}"
    )
    return standing


@transaction.atomic
def remove_standing(*, user, standing: StandingItem) -> None:
    _record_standing(
        user,
        standing,
        "standing_item_removed",
        f"Removed the standing item {standing.title}",
        before=standing_snapshot(standing),
    )
    standing.delete()


# --- publishing ------------------------------------------------------------------------------------


def _line(item: dict) -> str:
    return f"{item['number']}. {item['title']}"


def changes_between(before: dict, after: dict) -> list[str]:
    """What a new version changes, item by item, in words (exempt items named only as "an exempt
    item", so that the list can be shown to anyone who reads the public agenda)."""

    def lines(content):
        return {i["id"]: ("an exempt item" if i["exempt"] else _line(i), i) for i in every_item(content)}

    old, new = lines(before), lines(after)
    found = []
    for key, (text, item) in new.items():
        if key not in old:
            found.append(f"Added {text}.")
        elif old[key][0] != text:
            found.append(f"{old[key][0]} is now {text}.")
        elif (old[key][1]["paper"] or {}).get("version") != (item["paper"] or {}).get("version"):
            found.append(f"{text}: its paper changed.")
    found += [f"Removed {text}." for key, (text, _) in old.items() if key not in new]
    return found or ["Published again with no change to the items."]


def title_of(meeting: Meeting) -> str:
    return f"Agenda: {meeting.body.name}, {format_date(meeting.date)}"


@transaction.atomic
def publish_agenda(*, user, meeting: Meeting) -> publications.Publication:
    """Freeze the agenda and its papers as the next version; a scheduled meeting's agenda is now
    published. A later change is published as a new version, the earlier ones still readable."""
    if not meeting.agenda_items.exists():
        raise Refused(["Add the agenda's items before publishing it"])
    if meeting.state == Meeting.CANCELLED:
        raise Refused(["The meeting was cancelled: its agenda is not published"])
    content = agenda_content(meeting, timezone.localdate())
    publication = publications.publish(
        KIND, meeting.subject_key, content, user=user, title=title_of(meeting), changes=changes_between
    )
    before = meeting.state
    if meeting.state == Meeting.SCHEDULED:
        meeting.state = Meeting.AGENDA_PUBLISHED
        meeting.version += 1
        meeting.save()
    else:
        # A later version changes the meeting's row in the read API (its agenda's version), whose
        # updated_since reads this stamp.
        meeting.save(update_fields=["updated_at"])
    _record(
        user,
        meeting,
        meeting,
        "agenda_published",
        f"Published the agenda, version {publication.version}",
        before={"state": before},
        after={"state": meeting.state, "version": publication.version},
    )
    return publication


def current(meeting: Meeting):
    return publications.current(KIND, meeting.subject_key)


def versions(meeting: Meeting) -> list:
    return publications.versions(KIND, meeting.subject_key)
