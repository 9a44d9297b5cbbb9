"""Sending reminders: what is due, to whom they want it, once (issue 17, decision 0117).

Every source says what is due today; each person's preferences say which kinds they want and
whether one by one or in a weekly digest. Before a message goes, its row in ``SentReminder`` is
taken (unique per person, kind and occasion), so a second run, even at the same moment, sends
nothing again; a message that fails to go gives its row back, to be tried on the next run.
"""

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import formataddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from outcomes.core.formatting import format_date
from outcomes.reminders import rules
from outcomes.reminders.models import Preference, SentReminder
from outcomes.reminders.sources import Due, all_sources

log = logging.getLogger(__name__)

DIGEST = "digest"


def absolute(path: str | None) -> str | None:
    """A page's address as a link in an e-mail: SITE_URL and the path."""
    if path is None:
        return None
    return f"{settings.SITE_URL.rstrip('/')}{path}"


@dataclass
class Counts:
    sent: int = 0
    digests: int = 0
    already_sent: int = 0
    not_wanted: int = 0
    no_address: int = 0
    failed: list[str] = field(default_factory=list)

    def held_back(self) -> list[str]:
        said = []
        if self.already_sent:
            said.append(f"{self.already_sent} already sent before")
        if self.not_wanted:
            said.append(f"{self.not_wanted} not wanted")
        if self.no_address:
            said.append(f"{self.no_address} for people without an e-mail address")
        return said

    def sentence(self) -> str:
        said = [
            f"{self.sent} reminder{'' if self.sent == 1 else 's'} sent",
            f"{self.digests} weekly digest{'' if self.digests == 1 else 's'} sent",
            *self.held_back(),
        ]
        return "; ".join(said) + "."


def preferences_for(users) -> dict[int, Preference]:
    """Each person's preferences; the defaults (everything, one by one) for those who chose none."""
    stored = {p.user_id: p for p in Preference.objects.filter(user__in=users)}
    return {user.pk: stored.get(user.pk) or Preference(user=user) for user in users}


def message_for(user, dues: list[Due], *, week_of: date | None = None) -> EmailMultiAlternatives:
    """One e-mail, plain text and HTML, of one reminder or of a week's digest."""
    if week_of is None:
        subject = dues[0].subject
    else:
        subject = (
            f"Your reminders for the week of {format_date(week_of)}: "
            f"{len(dues)} thing{'' if len(dues) == 1 else 's'} due or overdue"
        )
    context = {
        "user": user,
        "subject": subject,
        "digest": week_of is not None,
        "week_of": week_of,
        "items": [
            {
                "due": due,
                "url": absolute(due.path),
                "entries": [(entry.text, absolute(entry.path)) for entry in due.entries],
            }
            for due in dues
        ],
        "preferences_url": absolute(reverse("reminders:preferences")),
        "site_url": settings.SITE_URL,
    }
    text = render_to_string("reminders/email/message.txt", context)
    html = render_to_string("reminders/email/message.html", context)
    message = EmailMultiAlternatives(
        subject=subject[:250],
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[formataddr((user.display_name, user.email))],
    )
    message.attach_alternative(html, "text/html")
    return message


def send_once(
    user, kind: str, item: str, message: EmailMultiAlternatives, *, now: datetime, connection
) -> bool:
    """Send ``message`` unless this person was already sent this kind of reminder about this item;
    the record is taken first, so of two runners at once only one sends."""
    try:
        with transaction.atomic():
            record = SentReminder.objects.create(
                user=user, kind=kind, item=item, subject=message.subject[:300], sent_at=now
            )
    except IntegrityError:
        return False
    try:
        connection.send_messages([message])
    except Exception:
        record.delete()
        raise
    return True


@dataclass(frozen=True)
class Planned:
    """One message to send: to whom, its once-only key, the reminders in it."""

    user: Any
    kind: str
    item: str
    dues: list[Due]
    week_of: date | None = None


def plan_messages(now: datetime | None = None) -> tuple[list[Planned], Counts]:
    """Every message due at ``now`` and not yet sent, as each person chose, and the count of those
    held back (not wanted, no address, already sent)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    counts = Counts()
    dues = [due for source in all_sources() for due in source.due(today)]
    digest_dues = (
        [due for source in all_sources() for due in source.due(today, ahead=rules.DIGEST_AHEAD_DAYS)]
        if rules.digest_day(today)
        else []
    )
    users = {due.user.pk: due.user for due in [*dues, *digest_dues]}
    if not users:
        return [], counts
    preferences = preferences_for(list(users.values()))
    sent_before = set(
        SentReminder.objects.filter(user__in=list(users)).values_list("user_id", "kind", "item")
    )
    planned: list[Planned] = []
    for due in dues:
        preference = preferences[due.user.pk]
        if preference.delivery != Preference.EACH:
            continue  # in the digest instead
        if not preference.wants(due.kind):
            counts.not_wanted += 1
        elif not due.user.email:
            counts.no_address += 1
        elif (due.user.pk, due.kind, due.item) in sent_before:
            counts.already_sent += 1
        else:
            planned.append(Planned(due.user, due.kind, due.item, [due]))
    weekly: dict[int, list[Due]] = defaultdict(list)
    for due in digest_dues:
        preference = preferences[due.user.pk]
        if preference.delivery == Preference.WEEKLY and preference.wants(due.kind):
            weekly[due.user.pk].append(due)
    week = rules.digest_week(today)
    for user_pk, items in weekly.items():
        user = users[user_pk]
        if not user.email:
            counts.no_address += 1
        elif (user_pk, DIGEST, week) in sent_before:
            counts.already_sent += 1
        else:
            items.sort(key=lambda due: (not due.overdue, due.due_on, due.subject))
            planned.append(Planned(user, DIGEST, week, items, week_of=today))
    return planned, counts


def send_reminders(
    now: datetime | None = None, *, progress: Callable[[int, int], None] | None = None
) -> Counts:
    """Send every message due at ``now``, once; ``progress(done, total)`` after each one."""
    now = now or timezone.now()
    planned, counts = plan_messages(now)
    if not planned:
        return counts
    connection = get_connection()
    with connection:
        for done, message in enumerate(planned, start=1):
            _send(counts, message, now=now, connection=connection)
            if progress is not None:
                progress(done, len(planned))
    return counts


def _send(counts: Counts, planned: Planned, *, now, connection) -> None:
    message = message_for(planned.user, planned.dues, week_of=planned.week_of)
    try:
        sent = send_once(planned.user, planned.kind, planned.item, message, now=now, connection=connection)
    except Exception as error:  # one address refused must not stop the others' reminders
        log.exception("A reminder to user %s could not be sent", planned.user.pk)
        counts.failed.append(f"{message.subject} ({type(error).__name__}: {error})")
        return
    if not sent:
        counts.already_sent += 1
    elif planned.week_of is not None:
        counts.digests += 1
    else:
        counts.sent += 1
