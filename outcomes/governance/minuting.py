"""Minutes from the first draft to publication, every change recorded in words (core/history.py).

- a minute is written keyed to an agenda item (its title and exemption from the item), numbered
  when written by the body's rule (rules.next_minute_number) and keeping that number;
- its narrative is edited against the version the form was opened at (core/conflicts.py);
- typed resolutions are added and removed; a report back raises an action in the tracker (through
  services.raise_action) and a forward-plan item on the body reported to; an action resolution raises
  the action;
- the draft is circulated, approved at a later meeting of the body (with any correction), then
  published: the minutes and the body's action log as at the meeting are frozen as Publications
  (documents/publications.py; kinds "minutes" and "action_log"). A later correction is published as
  the next version; the log stays as frozen with the first.

Meeting.state moves held -> draft_minutes (first minute) -> minutes_approved -> published here,
forward only (decision 0139).
"""

from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from outcomes.core.conflicts import SaveConflict
from outcomes.core.formatting import format_date
from outcomes.core.models import record_change
from outcomes.documents import publications
from outcomes.documents.serial import document_as_json
from outcomes.governance import rules, services
from outcomes.governance.log import action_log
from outcomes.governance.minutes_document import minutes_content
from outcomes.governance.models import Action, AgendaItem, ForwardPlanItem, Meeting, Minute, Resolution
from outcomes.governance.outputs import log_document

MINUTES_KIND = "minutes"
LOG_KIND = "action_log"
STATE_ORDER = Meeting.ORDER


def _advance(meeting: Meeting, state: str) -> None:
    """Move the meeting's state forward to ``state``; never back, never out of cancelled."""
    if meeting.state == Meeting.CANCELLED:
        raise rules.Refused(["The meeting was cancelled"])
    if STATE_ORDER.index(meeting.state) < STATE_ORDER.index(state):
        meeting.state = state
        meeting.version += 1
        meeting.save(update_fields=["state", "version", "updated_at"])


def _words(minute: Minute) -> dict:
    return {"number": rules.minute_label(minute), "title": minute.title, "narrative": minute.narrative}


@transaction.atomic
def write_minute(
    *,
    user,
    meeting: Meeting,
    agenda_item: AgendaItem | None = None,
    title: str = "",
    narrative: str = "",
    number: int | None = None,
    today: date | None = None,
) -> Minute:
    """A new minute of the meeting, keyed to ``agenda_item`` (its title and exemption come from the
    item unless a title is given), numbered by the body's rule unless ``number`` is given."""
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    problems = rules.may_minute_problems(meeting, today or timezone.localdate())
    taken = list(meeting.minutes.values_list("number", flat=True))
    problems += rules.minute_number_problems(number, taken)
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        problems.append("The agenda item is not on this meeting's agenda")
    title = (title or (agenda_item.title if agenda_item else "")).strip()
    if not title:
        problems.append("Enter the minute's title")
    if problems:
        raise rules.Refused(problems)
    if number is None:
        body_numbers = Minute.objects.filter(
            meeting__body=meeting.body, meeting__date__lte=meeting.date
        ).values_list("number", flat=True)
        number = rules.next_minute_number(meeting.body.minute_numbering, list(body_numbers), taken)
    order = (meeting.minutes.aggregate(o=Max("order"))["o"] or 0) + 1
    minute = Minute.objects.create(
        meeting=meeting,
        agenda_item=agenda_item,
        number=number,
        order=order,
        title=title[:300],
        narrative=narrative,
        exempt=bool(agenda_item and agenda_item.exempt),
    )
    _advance(meeting, Meeting.DRAFT_MINUTES)
    record_change(
        user=user,
        obj=minute,
        action="minute_written",
        summary=f"Wrote minute {rules.minute_label(minute)} of {meeting}",
        after=_words(minute),
        subject_key=meeting.subject_key,
    )
    return minute


@transaction.atomic
def edit_minute(*, user, minute: Minute, title: str, narrative: str, expected_version: int) -> Minute:
    """Change a minute's title and narrative; refused when someone saved it since the form opened."""
    minute = Minute.objects.select_for_update().select_related("meeting__body").get(pk=minute.pk)
    if minute.version != expected_version:
        raise SaveConflict(f"minute {rules.minute_label(minute)}", minute)
    before = _words(minute)
    minute.title = title.strip()[:300] or minute.title
    minute.narrative = narrative
    after = _words(minute)
    if after != before:
        minute.version += 1
        minute.save()
        record_change(
            user=user,
            obj=minute,
            action="minute_edited",
            summary=f"Edited minute {rules.minute_label(minute)} of {minute.meeting}",
            before=before,
            after=after,
            subject_key=minute.meeting.subject_key,
        )
    return minute


@transaction.atomic
def remove_minute(*, user, minute: Minute) -> None:
    """Take a minute written in error out of the draft (rules.minute_removal_problems)."""
    minute = Minute.objects.select_for_update().select_related("meeting__body").get(pk=minute.pk)
    problems = rules.minute_removal_problems(minute)
    if problems:
        raise rules.Refused(problems)
    meeting = minute.meeting
    record_change(
        user=user,
        obj=meeting,
        action="minute_removed",
        summary=f"Removed minute {rules.minute_label(minute)} of {meeting}",
        before=_words(minute),
        subject_key=meeting.subject_key,
    )
    minute.delete()


def _forward_plan_title(minute: Minute) -> str:
    return f"Report back on minute {rules.minute_label(minute)} of {minute.meeting}: {minute.title}"[:300]


@transaction.atomic
def add_resolution(
    *,
    user,
    minute: Minute,
    kind: str,
    text: str,
    amendment: str = "",
    target_body=None,
    owner_text: str = "",
    owners=(),
    due_on: date | None = None,
    due_rule: str = "",
) -> Resolution:
    """A typed resolution of the minute. A report back raises the action (on the minute's body, due
    as resolved) and the forward-plan item on the body reported to; an action resolution raises the
    action. Both through services.raise_action, so the tracker records them as any other."""
    owners = list(owners)
    problems = rules.resolution_problems(
        kind,
        text=text,
        amendment=amendment,
        target_body=target_body,
        due_on=due_on,
        due_rule=due_rule,
        owner_text=owner_text,
        owners=owners,
    )
    if kind not in dict(Resolution.KINDS):
        problems.append("Choose the kind of resolution")
    if problems:
        raise rules.Refused(problems)
    meeting = minute.meeting
    order = (minute.resolutions.aggregate(o=Max("order"))["o"] or 0) + 1
    resolution = Resolution.objects.create(
        minute=minute,
        order=order,
        kind=kind,
        text=text.strip(),
        amendment=amendment.strip() if kind == Resolution.APPROVED_AMENDED else "",
        target_body=target_body if kind in (Resolution.REFERRED, Resolution.REPORT_BACK) else None,
        owner_text=owner_text.strip(),
        due_on=due_on,
        due_rule=due_rule.strip(),
    )
    resolution.owners.set(owners)
    if kind in (Resolution.REPORT_BACK, Resolution.ACTION):
        action = services.raise_action(
            user=user,
            body=meeting.body,
            owner_text=owner_text.strip(),
            details=text.strip(),
            raised_on=meeting.date,
            owners=owners,
            due_on=due_on,
            due_rule=due_rule.strip(),
            raised_at=meeting,
        )
        resolution.action = action
        resolution.save(update_fields=["action"])
        if kind == Resolution.REPORT_BACK:
            ForwardPlanItem.objects.create(
                body=target_body,
                title=_forward_plan_title(minute),
                due_on=due_on,
                due_rule=due_rule.strip(),
                action=action,
                resolution=resolution,
            )
    record_change(
        user=user,
        obj=minute,
        action="resolution_added",
        summary=f"Added a resolution ({resolution.get_kind_display()}) to minute "
        f"{rules.minute_label(minute)}",
        after={"resolution": resolution.text},
        subject_key=meeting.subject_key,
    )
    return resolution


@transaction.atomic
def edit_resolution(
    *, user, resolution: Resolution, text: str, amendment: str, expected_version: int
) -> Resolution:
    """Correct a resolution's wording (and its amendment). Its kind, body, owners and dates stay: they
    raised an action and a forward-plan item, changed in the tracker or by removing and adding the
    resolution (decision 0147). The action it raised takes the new wording while nobody has worked
    on it and its details are still the resolution's words. The minute's version guards the save."""
    minute = Minute.objects.select_for_update().select_related("meeting__body").get(pk=resolution.minute_id)
    if minute.version != expected_version:
        raise SaveConflict(f"minute {rules.minute_label(minute)}", minute)
    resolution = Resolution.objects.select_related("action").get(pk=resolution.pk)
    text = text.strip()
    amendment = amendment.strip() if resolution.kind == Resolution.APPROVED_AMENDED else ""
    problems = rules.resolution_problems(
        resolution.kind,
        text=text,
        amendment=amendment,
        target_body=resolution.target_body,
        due_on=resolution.due_on,
        due_rule=resolution.due_rule,
        owner_text=resolution.owner_text,
        owners=list(resolution.owners.all()),
    )
    if problems:
        raise rules.Refused(problems)
    before = {"resolution": resolution.text, "amendment": resolution.amendment}
    if before == {"resolution": text, "amendment": amendment}:
        return resolution
    action = resolution.action
    if (
        action is not None
        and action.details == resolution.text
        and not rules.resolution_removal_problems(resolution)
    ):
        services.edit_action(user=user, action=action, details=text)
    resolution.text = text
    resolution.amendment = amendment
    resolution.save(update_fields=["text", "amendment"])
    minute.version += 1
    minute.save(update_fields=["version"])
    record_change(
        user=user,
        obj=minute,
        action="resolution_edited",
        summary=f"Corrected the wording of a resolution ({resolution.get_kind_display()}) of minute "
        f"{rules.minute_label(minute)}",
        before=before,
        after={"resolution": text, "amendment": amendment},
        subject_key=minute.meeting.subject_key,
    )
    return resolution


@transaction.atomic
def remove_resolution(*, user, resolution: Resolution) -> None:
    """Take a resolution out of the minute; the untouched action it raised (and its forward-plan
    item) goes with it (rules.resolution_removal_problems)."""
    problems = rules.resolution_removal_problems(resolution)
    if problems:
        raise rules.Refused(problems)
    minute = resolution.minute
    action = resolution.action
    record_change(
        user=user,
        obj=minute,
        action="resolution_removed",
        summary=f"Removed a resolution ({resolution.get_kind_display()}) from minute "
        f"{rules.minute_label(minute)}",
        before={"resolution": resolution.text},
        subject_key=minute.meeting.subject_key,
    )
    resolution.forward_plan_items.all().delete()
    resolution.delete()
    if action is not None:
        record_change(
            user=user,
            obj=action,
            action="action_removed",
            summary=f"Removed {action} with the resolution that raised it",
            before=services.snapshot(action),
        )
        action.forward_plan_items.all().delete()
        action.delete()


@transaction.atomic
def circulate(*, user, meeting: Meeting, on: date) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    problems = rules.circulation_problems(meeting, meeting.minutes.count(), on)
    if problems:
        raise rules.Refused(problems)
    meeting.circulated_on = on
    meeting.version += 1
    meeting.save(update_fields=["circulated_on", "version", "updated_at"])
    record_change(
        user=user,
        obj=meeting,
        action="minutes_circulated",
        summary=f"Circulated the draft minutes of {meeting} on {format_date(on)}",
        after={"circulated_on": on.isoformat()},
        subject_key=meeting.subject_key,
    )
    return meeting


@transaction.atomic
def approve(*, user, meeting: Meeting, approving: Meeting | None, correction: str = "") -> Meeting:
    """Record that a later meeting of the body approved the minutes, with any correction made."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    problems = rules.approval_problems(meeting, approving)
    if problems or approving is None:
        raise rules.Refused(problems)
    meeting.approved_at = approving
    meeting.approval_correction = correction.strip()
    meeting.save(update_fields=["approved_at", "approval_correction", "updated_at"])
    _advance(meeting, Meeting.MINUTES_APPROVED)
    record_change(
        user=user,
        obj=meeting,
        action="minutes_approved",
        summary=f"Recorded the approval of the minutes of {meeting} at the meeting of "
        f"{format_date(approving.date)}",
        after={"approved_at": approving.date.isoformat(), "correction": meeting.approval_correction},
        subject_key=meeting.subject_key,
    )
    return meeting


def current_minutes(meeting: Meeting):
    return publications.current(MINUTES_KIND, meeting.subject_key)


def current_log(meeting: Meeting):
    return publications.current(LOG_KIND, meeting.subject_key)


def log_content(meeting: Meeting) -> dict:
    """The body's action log as at the meeting's date: its JSON and its document, frozen together,
    whole and as the public reads it (without the actions of exempt minutes)."""
    log = action_log(meeting.body, meeting.date)
    public = action_log(meeting.body, meeting.date, with_exempt=False)
    return {
        "log": log.as_json(dates=True),
        "document": document_as_json(log_document(log)),
        "public_log": public.as_json(dates=True),
        "public_document": document_as_json(log_document(public)),
    }


@transaction.atomic
def publish(*, user, meeting: Meeting):
    """Freeze the approved minutes as the next version; with the first, freeze the body's action
    log as at the meeting's date, so later changes to actions never alter what was published."""
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    content = minutes_content(meeting)
    previous = current_minutes(meeting)
    problems = rules.publication_problems(meeting, content, previous.content if previous else None)
    if problems:
        raise rules.Refused(problems)
    title = f"Minutes of the {meeting.body.name}, {format_date(meeting.date)}"
    publication = publications.publish(
        MINUTES_KIND,
        meeting.subject_key,
        content,
        user=user,
        title=title,
        changes=["A correction of the minutes as published before."] if previous else None,
    )
    if current_log(meeting) is None:
        publications.publish(
            LOG_KIND,
            meeting.subject_key,
            log_content(meeting),
            user=user,
            title=f"{meeting.body.label} action log as at {meeting.date:%d.%m.%Y}",
        )
    _advance(meeting, Meeting.PUBLISHED)
    if previous is not None:
        # A correction leaves the state as it was, yet changes the meeting's row in the read API
        # (its minutes' version), whose updated_since reads this stamp.
        meeting.save(update_fields=["updated_at"])
    record_change(
        user=user,
        obj=meeting,
        action="minutes_published",
        summary=f"Published version {publication.version} of the minutes of {meeting}",
        subject_key=meeting.subject_key,
    )
    return publication


def item_evidence(item: AgendaItem) -> str:
    """The words an action's evidence gives for the agenda item that took its report."""
    meeting = item.meeting
    return f"Reported to the {meeting.body.name} on {format_date(meeting.date)}: agenda item “{item.title}”."


@transaction.atomic
def discharge_by_item(action: Action, agenda_item: AgendaItem | None, user) -> Action:
    """Discharge the action by pointing at the later agenda item its forward-plan item was placed
    on: the item is the evidence (services.discharge, rules.discharge_problems), the day is that
    meeting's, and the forward-plan item records where it went."""
    problems = rules.discharge_item_problems(action, agenda_item)
    if problems:
        raise rules.Refused(problems)
    if agenda_item is None:  # refused above; for the type checker
        raise rules.Refused(problems)
    action.evidence_item = agenda_item
    action.save(update_fields=["evidence_item", "updated_at"])
    action = services.discharge(
        user=user, action=action, on=agenda_item.meeting.date, evidence=item_evidence(agenda_item)
    )
    action.forward_plan_items.filter(agenda_item__isnull=True).update(agenda_item=agenda_item)
    return action
