"""The demo's meetings (demo_data/*): the LSCB's of 5 June 2014, the partnership's of 21 May 2014,
its agenda of 16 July 2014 and the minute of seed 000, the scrutiny panel's agenda of 19 November
2010 and minutes of 15 October 2010, the Trust Board's minutes of 20 October 2010. Meetings and
attendance go through the services (meetings.py), so each has its history; agenda items and minutes
are written as the seeds print them. Loading twice changes nothing (decision 0133)."""

from datetime import date

from outcomes.governance import agenda_services, minuting
from outcomes.governance import meetings as services
from outcomes.governance.demo_data import cypfp_2014, cypfp_2015, rlscb_meeting_2014, scrutiny_2010
from outcomes.governance.demo_data import trust_board_2010 as trust
from outcomes.governance.models import (
    Action,
    AgendaItem,
    AgendaSection,
    Body,
    Meeting,
    Membership,
    Minute,
    Resolution,
)


def _meeting(user, body: Body, fields: dict, state: str) -> Meeting:
    meeting = services.schedule(
        user=user,
        body=body,
        on=fields["date"],
        starts_at=fields.get("starts_at"),
        venue=fields.get("venue", ""),
        date_as_written=fields.get("date_as_written", ""),
        standing_items=False,
    )
    while meeting.state != state and services.next_state(meeting):
        services.advance(user=user, meeting=meeting, to=services.next_state(meeting))
    return meeting


def _minuted(user, meeting: Meeting, state: str, circulated_on: date | None = None) -> None:
    """Minutes written as the seed prints them, taken on through minuting's states: in draft
    (circulated or not) awaiting approval, or approved and published (frozen, with the body's
    action log as at the meeting, as the pages and the command read them)."""
    meeting.state = Meeting.DRAFT_MINUTES
    meeting.circulated_on = circulated_on
    meeting.save(update_fields=["state", "circulated_on", "updated_at"])
    if state == Meeting.PUBLISHED:
        meeting.state = Meeting.MINUTES_APPROVED
        meeting.save(update_fields=["state", "updated_at"])
        minuting.publish(user=user, meeting=meeting)


def _attendance(user, meeting: Meeting, present=(), in_attendance=(), apologies=()) -> None:
    """Lines by name: a member (a membership of that name) is linked to their membership."""
    members = {m.name: m for m in services.members_on(meeting.body, meeting.date)}
    lines = []
    for status, rows in (("present", present), ("in_attendance", in_attendance), ("apologies", apologies)):
        for row in rows:
            name, note, position = (row, "", "") if isinstance(row, str) else (*row, "", "")[:3]
            member = members.get(name)
            lines.append(
                services.Line(
                    status=status,
                    membership=member,
                    name="" if member else name,
                    position=position,
                    note=note,
                )
            )
    services.record_attendance(user=user, meeting=meeting, lines=lines)


def _minutes(meeting: Meeting, minutes, exempt=frozenset(), actions=None) -> None:
    for order, (number, title, paragraphs, resolutions) in enumerate(minutes, start=1):
        minute = Minute.objects.create(
            meeting=meeting,
            number=number,
            order=order,
            title=title,
            narrative="\n\n".join(paragraphs),
            exempt=number in exempt,
        )
        for at, resolution in enumerate(resolutions, start=1):
            if isinstance(resolution, int):  # an action of the log, raised at this minute
                action = actions.get(resolution) if actions else None
                Resolution.objects.create(
                    minute=minute,
                    order=at,
                    kind=Resolution.ACTION,
                    text=action.details if action else f"Action {resolution}",
                    owner_text=action.owner_text if action else "",
                    action=action,
                )
                continue
            kind, text, *rule = resolution
            Resolution.objects.create(
                minute=minute,
                order=at,
                kind=kind,
                text=text,
                due_rule=rule[0] if rule else "",
                target_body=meeting.body if kind == Resolution.REPORT_BACK and rule else None,
            )


def _agenda(meeting: Meeting, items, sections=(), other=None, presenters=True) -> None:
    made = [
        AgendaSection.objects.create(meeting=meeting, order=i, title=t) for i, t in enumerate(sections, 1)
    ]
    for order, row in enumerate(items, start=1):
        if presenters:
            number, title, kind, presenter, section, pages, children = row
        else:
            (number, title, kind, pages, children), presenter, section = row, "", None
        other_body, other_date = (other or {}).get(number, (None, None))
        item = AgendaItem.objects.create(
            meeting=meeting,
            section=made[section] if section is not None else None,
            order=order,
            title=title,
            kind=kind,
            presenter=presenter,
            number_as_written=number,
            minutes_pages=pages,
            other_body=Body.objects.filter(slug=other_body).first() if other_body else None,
            other_meeting_date=other_date,
        )
        for at, (child_number, child_title) in enumerate(children, start=1):
            AgendaItem.objects.create(
                meeting=meeting,
                parent=item,
                section=item.section,
                order=at,
                title=child_title,
                kind=kind if kind == AgendaItem.OTHER_MINUTES else AgendaItem.OTHER,
                number_as_written=child_number,
            )


def _rlscb(user) -> None:
    seed = rlscb_meeting_2014
    body = Body.objects.get(slug="rlscb")
    # The LSCB numbers its minutes by agenda item, afresh at each meeting (seed 003 L2632 onward).
    body.minute_numbering = Body.PER_MEETING
    body.save()
    meeting = _meeting(
        user,
        body,
        {
            "date": seed.DATE,
            "starts_at": seed.STARTS_AT,
            "venue": seed.VENUE,
            "date_as_written": seed.DATE_AS_WRITTEN,
        },
        Meeting.HELD,
    )
    _attendance(
        user, meeting, present=seed.PRESENT, in_attendance=seed.IN_ATTENDANCE, apologies=seed.APOLOGIES
    )
    actions = {a.number: a for a in body.actions.all()}
    _minutes(meeting, seed.MINUTES, actions=actions)
    # The actions raised on 05.06.2014 (and their "New action" children) were raised at this meeting.
    Action.objects.filter(body=body, raised_on=seed.DATE).update(raised_at=meeting)
    # In draft until the next meeting approves them: seed 003 L2971, "Dates of future meetings:
    # Thursday 4th September 2014", the meeting whose agenda the demo leaves to be built.
    _minuted(user, meeting, Meeting.DRAFT_MINUTES)
    _meeting(
        user,
        body,
        {"date": date(2014, 9, 4), "venue": seed.VENUE, "date_as_written": "Thursday 4th September 2014"},
        Meeting.SCHEDULED,
    )


def _cypfp(user) -> None:
    seed = cypfp_2014
    body = Body.objects.get(slug="cypfp")
    may = _meeting(user, body, seed.MEETING_2014_05_21, Meeting.HELD)
    _attendance(user, may, present=seed.PRESENT, apologies=seed.APOLOGIES)
    _minutes(may, seed.MINUTES_2014_05_21)
    # Circulated [R: the seed gives no date], to be approved at the meeting of 16 July 2014.
    _minuted(user, may, Meeting.DRAFT_MINUTES, circulated_on=date(2014, 6, 4))
    july = _meeting(user, body, seed.MEETING_2014_07_16, Meeting.AGENDA_PUBLISHED)
    _agenda(july, seed.AGENDA_2014_07_16, seed.SECTIONS, seed.OTHER_MINUTES)
    agenda_services.publish_agenda(user=user, meeting=july)
    january = _meeting(user, body, cypfp_2015.MEETING, Meeting.HELD)
    item = AgendaItem.objects.create(
        meeting=january,
        order=1,
        title=cypfp_2015.TITLE,
        kind=AgendaItem.PAPER,
        presenter=cypfp_2015.PRESENTER,
    )
    last = (
        Minute.objects.filter(meeting__body=body).order_by("-number").values_list("number", flat=True).first()
    )
    _minutes(january, [((last or 0) + 1, cypfp_2015.TITLE, cypfp_2015.NARRATIVE, cypfp_2015.RESOLUTIONS)])
    january.minutes.update(agenda_item=item)
    _minuted(user, january, Meeting.PUBLISHED)


def _trust_board(user) -> None:
    body, _ = Body.objects.get_or_create(
        slug=trust.SLUG,
        defaults={"name": trust.NAME, "short_name": trust.SHORT_NAME, "minute_prefix": trust.PREFIX},
    )
    meeting = _meeting(user, body, trust.MEETING, Meeting.HELD)
    _attendance(
        user, meeting, present=trust.PRESENT, in_attendance=trust.IN_ATTENDANCE, apologies=trust.APOLOGIES
    )
    _minutes(meeting, trust.MINUTES_2010_10_20)
    _minuted(user, meeting, Meeting.PUBLISHED)


def _scrutiny(user) -> None:
    seed = scrutiny_2010
    body, _ = Body.objects.get_or_create(
        slug=seed.SLUG, defaults={"name": seed.NAME, "short_name": seed.SHORT_NAME}
    )
    for name, role in seed.MEMBERS:
        Membership.objects.get_or_create(body=body, name=name, defaults={"role": role})
    october = _meeting(user, body, seed.MEETING_2010_10_15, Meeting.HELD)
    _attendance(
        user, october, present=seed.PRESENT, in_attendance=seed.IN_ATTENDANCE, apologies=seed.APOLOGIES
    )
    _minutes(october, seed.MINUTES_2010_10_15, exempt=seed.EXEMPT)
    november = _meeting(user, body, seed.MEETING_2010_11_19, Meeting.AGENDA_PUBLISHED)
    _agenda(november, seed.AGENDA_2010_11_19, other=seed.OTHER_MINUTES, presenters=False)
    agenda_services.publish_agenda(user=user, meeting=november)
    # The October minutes are approved at item 14 of the November agenda.
    october.approved_at = november
    october.save(update_fields=["approved_at"])
    _minuted(user, october, Meeting.PUBLISHED)


def load_demo_meetings(user) -> str | None:
    if Meeting.objects.filter(body__slug="rlscb", date=rlscb_meeting_2014.DATE).exists():
        return None
    _rlscb(user)
    _cypfp(user)
    _trust_board(user)
    _scrutiny(user)
    return (
        "Loaded the meetings: RLSCB 5 June 2014 (minutes in draft) and 4 September 2014 (scheduled); "
        "the partnership's 21 May 2014, 16 July 2014 (agenda) and 14 January 2015; "
        "the Trust Board's 20 October 2010; the scrutiny panel's 15 October 2010 and "
        "19 November 2010 (agenda)."
    )
