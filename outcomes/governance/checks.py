"""The meetings' data-quality rules (issue 15; notes-003 §19.5-6, §20 V8-V9), registered into the
one registry of ``outcomes/core/checks.py`` when the app is ready. The rules themselves are in
rules.py; here they are run over the records, each finding placed at its meeting.

Every rule takes the same optional scope, ``meeting``: none means every meeting. A finding about an
exempt agenda item carries the subject "exempt", so that pages and public outputs leave it out for
those who may not see exempt business (access.sees_exempt).
"""

from django.urls import reverse

from outcomes.core.checks import Finding, register, shared
from outcomes.core.formatting import format_date
from outcomes.governance import rules
from outcomes.governance.meetings import members_on
from outcomes.governance.models import Action, AgendaItem, Meeting

APP = "governance"
EXEMPT = "exempt"


def meeting_panel(request, meeting: Meeting, sees_exempt: bool) -> dict:
    """The meeting page's panel: the findings about the meeting (exempt ones only for those who
    may see exempt business)."""
    from outcomes.core.checks import for_page

    found = for_page(request, APP, subject=f"meeting:{meeting.pk}", meeting=meeting)
    if not sees_exempt:
        found["listed"] = [item for item in found["listed"] if EXEMPT not in item.finding.subjects]
    return found


def _where(meeting: Meeting) -> tuple[str, str, str]:
    where = f"{meeting.body.label} meeting of {format_date(meeting.date)}"
    url = reverse("governance:meeting", args=[meeting.body.slug, meeting.date.isoformat()])
    return where, url, f"governance/{meeting.address}"


def _finding(rule: str, meeting: Meeting, message: str, evidence: str, extra=(), place: str = "") -> Finding:
    where, url, key = _where(meeting)
    subjects = {f"meeting:{meeting.pk}", f"body:{meeting.body_id}", *extra}
    return Finding(
        rule,
        f"{where}, {place}" if place else where,
        url,
        f"{key}/{place}" if place else key,
        message,
        evidence,
        frozenset(subjects),
    )


def _meetings(meeting=None) -> list[Meeting]:
    def load() -> list[Meeting]:
        found = Meeting.objects.select_related("body")
        if meeting is not None:
            found = found.filter(pk=meeting.pk)
        return list(found.order_by("body__name", "date"))

    return shared(("governance.meetings", getattr(meeting, "pk", None)), load)


def _items(meeting=None) -> list[AgendaItem]:
    def load() -> list[AgendaItem]:
        found = AgendaItem.objects.select_related("meeting__body", "other_body", "paper__template")
        if meeting is not None:
            found = found.filter(meeting=meeting)
        return list(found.order_by("meeting__body__name", "meeting__date", "parent_id", "order", "id"))

    return shared(("governance.items", getattr(meeting, "pk", None)), load)


def _item_place(item: AgendaItem) -> str:
    number = item.number_as_written.strip()
    return f"agenda item {number}" if number else f"agenda item “{item.title.strip().splitlines()[0][:60]}”"


def _item_subjects(item: AgendaItem) -> tuple[str, ...]:
    return (f"agenda_item:{item.pk}", EXEMPT) if item.exempt else (f"agenda_item:{item.pk}",)


@register(
    name="meeting-weekday-mismatch",
    title="A meeting's weekday that does not match its date",
    description=(
        "The weekday an agenda or minutes write with the date (“Thursday 5th June 2014”) is that date's."
    ),
    app=APP,
    source="notes-003 §19.5, §20 V8",
)
def meeting_weekday_mismatch(meeting=None):
    for m in _meetings(meeting):
        for problem in rules.weekday_matches_date(m.date_as_written, m.date):
            yield _finding("meeting-weekday-mismatch", m, problem, f"{m.date_as_written}|{m.date}")


@register(
    name="present-and-apologies",
    title="Someone both present and giving apologies",
    description=(
        "Nobody is in both the present list and the apologies of one meeting (seed 003: John Radford)."
    ),
    app=APP,
    source="notes-003 §19.6, §20 V9",
)
def present_and_apologies(meeting=None):
    for m in _meetings(meeting):
        lines = [(row.name, row.status) for row in m.attendance.all()]
        for name in rules.present_and_apologies_overlap(lines):
            yield _finding(
                "present-and-apologies",
                m,
                f"{name} is listed both as present and as giving apologies.",
                name,
                place=f"attendance of {name}",
            )


@register(
    name="members-unaccounted",
    title="Members of the body with no attendance recorded",
    description=(
        "Once a meeting is held, every member of the body on its date is present, gives apologies, "
        "is absent or has a substitute."
    ),
    app=APP,
    source="issue 15",
)
def members_unaccounted(meeting=None):
    held = set(Meeting.ORDER[Meeting.ORDER.index(Meeting.HELD) :])
    for m in _meetings(meeting):
        if m.state not in held:
            continue
        members = [(ms.pk, ms.name) for ms in members_on(m.body, m.date)]
        accounted = set()
        for row in m.attendance.all():
            accounted.update(pk for pk in (row.membership_id, row.substitute_for_id) if pk)
        missing = rules.members_unaccounted(members, accounted)
        if missing:
            yield _finding(
                "members-unaccounted",
                m,
                f"No attendance is recorded for {len(missing)} member{'s' if len(missing) > 1 else ''} "
                f"of the body on that date: {', '.join(missing)}.",
                "|".join(missing),
            )


@register(
    name="other-body-minutes-date",
    title="Another body's minutes cited with a date it did not meet",
    description=(
        "An agenda item of another body's minutes “held on <date>” gives the date that body met "
        "(seed 003: the LSCB minutes “held on 6th June”, the LSCB met on Thursday 5 June 2014)."
    ),
    app=APP,
    source="notes-003 §19.5, §20 V8",
)
def other_body_minutes_date(meeting=None):
    for item in _items(meeting):
        if (
            item.kind != AgendaItem.OTHER_MINUTES
            or item.other_body is None
            or item.other_meeting_date is None
        ):
            continue
        dates = list(item.other_body.meetings.exclude(state=Meeting.CANCELLED).values_list("date", flat=True))
        nearest = rules.another_body_minutes_date_mismatch(item.other_meeting_date, dates)
        if nearest is None:
            continue
        yield _finding(
            "other-body-minutes-date",
            item.meeting,
            f"The agenda cites the {item.other_body.label} minutes of "
            f"{format_date(item.other_meeting_date)}, but the {item.other_body.label} met on "
            f"{nearest:%A} {format_date(nearest)}.",
            f"{item.other_meeting_date}|{nearest}",
            extra=_item_subjects(item),
            place=_item_place(item),
        )


@register(
    name="agenda-number-gaps",
    title="Agenda numbers with gaps, or items printed without a number",
    description="The numbers an agenda printed run on (1, 2, 3 …) and every item has one.",
    app=APP,
    source="issue 15; seed 002 L1-53",
)
def agenda_number_gaps(meeting=None):
    by_meeting: dict[int, list[AgendaItem]] = {}
    for item in _items(meeting):
        by_meeting.setdefault(item.meeting_id, []).append(item)
    for items in by_meeting.values():
        tops = [i for i in items if i.parent_id is None]
        children: dict[int, list[AgendaItem]] = {}
        for i in items:
            if i.parent_id is not None:
                children.setdefault(i.parent_id, []).append(i)
        ordered = []
        for top in tops:
            ordered.append(top)
            ordered.extend(children.get(top.pk, []))
        # An exempt item's title is not written into a finding everyone may read.
        shown = [
            ("(an exempt item)" if i.exempt else i.title, i.number_as_written, i.parent_id is not None)
            for i in ordered
        ]
        problems = rules.agenda_number_gaps(shown)
        if problems:
            m = items[0].meeting
            yield _finding(
                "agenda-number-gaps",
                m,
                " ".join(problems),
                "|".join(f"{t}#{n}" for t, n, _ in shown),
                place="agenda",
            )


@register(
    name="action-without-owner-or-due",
    title="An open action with no owner or no due date",
    description="An open action says who does it, and by when: a date, or a rule in words.",
    app=APP,
    source="issue 15",
)
def action_without_owner_or_due(meeting=None):
    actions = Action.objects.select_related("body", "raised_at__body").prefetch_related("owners")
    if meeting is not None:
        actions = actions.filter(raised_at=meeting)
    for action in actions.exclude(status__in=Action.CLOSED).order_by("body__name", "number"):
        problems = rules.action_without_owner_or_due(
            is_open=action.is_open,
            owner_text=action.owner_text,
            has_owners=bool(action.owners.all()),
            due_on=action.due_on,
            due_rule=action.due_rule,
        )
        if not problems:
            continue
        subjects = {f"action:{action.pk}", f"body:{action.body_id}"}
        if action.raised_at_id:
            subjects.add(f"meeting:{action.raised_at_id}")
        yield Finding(
            "action-without-owner-or-due",
            f"{action}",
            reverse("governance:action", args=[action.body.slug, action.number]),
            f"governance/{action.body.slug}/actions/{action.number}",
            " ".join(problems),
            f"{action.owner_text}|{action.due_on}|{action.due_rule}",
            frozenset(subjects),
        )


@register(
    name="agenda-paper-missing-sections",
    title="An agenda item's paper with required sections empty",
    description="A paper put on an agenda has every section its template requires (the papers' own rules).",
    app=APP,
    source="issue 15; notes-003 §4, §20 V13",
)
def agenda_paper_missing_sections(meeting=None):
    for item in _items(meeting):
        if item.paper is None:
            continue
        problems = rules.paper_missing_sections(item.paper)
        if problems:
            yield _finding(
                "agenda-paper-missing-sections",
                item.meeting,
                " ".join(problems),
                f"{item.paper.slug}|{'|'.join(problems)}",
                extra=(*_item_subjects(item), f"paper:{item.paper_id}"),
                place=_item_place(item),
            )
