"""Setting up a body and its seats in the pages: the body's names and how it numbers its minutes
(fixed once it has minutes), and each seat over time (a person Outcomes knows or a name as written,
the role, from and to). Every change is recorded on the body's history, in words."""

from datetime import date

from django.db import transaction
from django.utils.text import slugify

from outcomes.core.models import record_change
from outcomes.governance import rules
from outcomes.governance.bulk_common import body_key
from outcomes.governance.models import Body, Membership, Minute


def body_snapshot(body: Body) -> dict:
    return {
        "name": body.name,
        "short_name": body.short_name,
        "minute_numbering": body.get_minute_numbering_display(),
        "minute_prefix": body.minute_prefix,
    }


def member_snapshot(m: Membership) -> dict:
    return {
        "name": m.name,
        "person": m.person.name if m.person_id and m.person else None,
        "organisation": m.organisation.name if m.organisation_id and m.organisation else None,
        "position": m.position,
        "role": m.get_role_display(),
        "starts_on": m.starts_on.isoformat() if m.starts_on else None,
        "ends_on": m.ends_on.isoformat() if m.ends_on else None,
    }


# Addresses under /governance/ that are pages, not bodies.
RESERVED = {"new", "my-actions"}


def free_slug(name: str) -> str:
    """The body's key in addresses, from its short name or name: lscb, lscb-2, …"""
    base = slugify(name)[:36] or "body"
    slug, n = base, 1
    while slug in RESERVED or Body.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _names_problems(name: str, body: Body | None) -> list[str]:
    clash = Body.objects.filter(name__iexact=name.strip())
    if body is not None:
        clash = clash.exclude(pk=body.pk)
    return ["There is already a body with this name"] if clash.exists() else []


@transaction.atomic
def create_body(*, user, name: str, short_name: str, minute_numbering: str, minute_prefix: str) -> Body:
    problems = _names_problems(name, None)
    if problems:
        raise rules.Refused(problems)
    body = Body.objects.create(
        slug=free_slug(short_name or name),
        name=name.strip(),
        short_name=short_name.strip(),
        minute_numbering=minute_numbering,
        minute_prefix=minute_prefix.strip(),
    )
    record_change(
        user=user,
        obj=body,
        action="body_created",
        summary=f"Set up {body.name}",
        after=body_snapshot(body),
        subject_key=body_key(body),
    )
    return body


@transaction.atomic
def edit_body(
    *, user, body: Body, name: str, short_name: str, minute_numbering: str, minute_prefix: str
) -> Body:
    body = Body.objects.select_for_update().get(pk=body.pk)
    minute_prefix = minute_prefix.strip()
    has_minutes = Minute.objects.filter(meeting__body=body).exists()
    problems = _names_problems(name, body) + rules.numbering_change_problems(
        body, minute_numbering, minute_prefix, has_minutes
    )
    if problems:
        raise rules.Refused(problems)
    before = body_snapshot(body)
    body.name, body.short_name = name.strip(), short_name.strip()
    body.minute_numbering, body.minute_prefix = minute_numbering, minute_prefix
    after = body_snapshot(body)
    if after != before:
        body.save()
        record_change(
            user=user,
            obj=body,
            action="body_edited",
            summary=f"Changed {body.name}",
            before=before,
            after=after,
            subject_key=body_key(body),
        )
    return body


def _seat_problems(body: Body, fields: dict, seat: Membership | None) -> list[str]:
    problems = rules.seat_dates_problems(fields.get("starts_on"), fields.get("ends_on"))
    same = body.memberships.filter(name__iexact=fields["name"].strip(), starts_on=fields.get("starts_on"))
    if seat is not None:
        same = same.exclude(pk=seat.pk)
    if same.exists():
        problems.append("This person already has a seat on the body from this date")
    return problems


@transaction.atomic
def save_seat(*, user, body: Body, fields: dict, seat: Membership | None = None) -> Membership:
    """A new seat (``seat`` None) or a changed one; ending a seat is giving it its last day."""
    problems = _seat_problems(body, fields, seat)
    if problems:
        raise rules.Refused(problems)
    membership = seat or Membership(body=body)
    before = member_snapshot(membership) if seat else None
    for name, value in fields.items():
        setattr(membership, name, value.strip() if isinstance(value, str) else value)
    after = member_snapshot(membership)
    if before == after:
        return membership
    membership.save()
    role = membership.get_role_display().lower()
    record_change(
        user=user,
        obj=membership,
        action="member_edited" if seat else "member_added",
        summary=f"{'Changed' if seat else 'Added'} {membership.name} as {role} of {body.label}",
        before=before,
        after=after,
        subject_key=body_key(body),
    )
    return membership


def seats(body: Body, on: date) -> tuple[list[Membership], list[Membership]]:
    """The body's seats held on ``on`` (or from a later date), and those that ended before it."""
    every = list(body.memberships.select_related("person", "organisation").order_by("name", "starts_on"))
    current = [m for m in every if m.ends_on is None or m.ends_on >= on]
    ended = [m for m in every if m.ends_on is not None and m.ends_on < on]
    return current, ended
