"""Schools' ways in: access links with short codes, and school staff sign-ins. (The schools
workbook, with their rolls, is school_rolls.py.)"""

import secrets
from dataclasses import dataclass

from django.db import transaction

from outcomes.accounts.roles import Role
from outcomes.core.models import record_change
from outcomes.surveys.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    AccessLink,
    Edition,
    School,
    SchoolParticipation,
)
from outcomes.surveys.services import respondents_by_school


def new_code() -> str:
    """A short code nobody has: 7 characters from an alphabet without look-alikes (25^7 = 6e9)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not AccessLink.objects.filter(code=code).exists():
            return code


def ensure_links(edition: Edition, *, user=None) -> list[AccessLink]:
    """Give every active school of the edition's phase a link and a participation record; returns
    the links made now."""
    made = []
    with transaction.atomic():
        have = set(edition.links.values_list("school_id", flat=True))
        for school in School.objects.filter(phase=edition.phase, active=True, is_group=False).exclude(
            pk__in=have
        ):
            link = AccessLink.objects.create(
                edition=edition, school=school, token=secrets.token_urlsafe(32), code=new_code()
            )
            made.append(link)
        for school in School.objects.filter(phase=edition.phase, active=True):
            SchoolParticipation.objects.get_or_create(edition=edition, school=school)
        if made:
            record_change(
                user=user,
                obj=edition,
                action="links_created",
                summary=f"Created links and codes for {len(made)} schools in {edition.title}",
                after={"schools": [link.school.code for link in made]},
            )
    return made


def set_link_active(link: AccessLink, active: bool, *, user) -> None:
    if link.active == active:
        return
    link.active = active
    link.save(update_fields=["active"])
    record_change(
        user=user,
        obj=link,
        action="link_active" if active else "link_withdrawn",
        summary=f"{'Reopened' if active else 'Withdrew'} the link of {link.school} for {link.edition.title}",
        before={"active": not active},
        after={"active": active},
    )


def replace_link(link: AccessLink, *, user) -> AccessLink:
    """A new token and code for a school whose link has been passed on (the old ones stop working)."""
    before = {"code": link.code}
    link.token = secrets.token_urlsafe(32)
    link.code = new_code()
    link.save(update_fields=["token", "code"])
    record_change(
        user=user,
        obj=link,
        action="link_replaced",
        summary=f"Replaced the link and code of {link.school} for {link.edition.title}",
        before=before,
        after={"code": link.code},
    )
    return link


def school_accounts():
    """Sign-ins with the school role, which may be linked to a school."""
    from outcomes.accounts.models import User

    return User.objects.filter(role=Role.SCHOOL, is_active=True).order_by("username")


def link_staff(school: School, account, *, user) -> None:
    if account.role != Role.SCHOOL:
        raise ValueError("only an account with the school role can be linked to a school")
    if school.staff.filter(pk=account.pk).exists():
        return
    school.staff.add(account)
    record_change(
        user=user,
        obj=school,
        action="staff_linked",
        summary=f"{account.username} can now see {school}'s survey results",
        after={"account": account.username},
    )


def unlink_staff(school: School, account, *, user) -> None:
    if not school.staff.filter(pk=account.pk).exists():
        return
    school.staff.remove(account)
    record_change(
        user=user,
        obj=school,
        action="staff_unlinked",
        summary=f"{account.username} can no longer see {school}'s survey results",
        before={"account": account.username},
    )


@dataclass(frozen=True)
class SchoolCount:
    """How many schools an edition reached, said the same way on every page, in the demo's load
    message and in the README (issue 11 item 12): schools with responses, schools given a link, and
    the rows standing for schools not named one by one (their rolls count towards the borough's)."""

    took_part: int
    invited: int
    group_rows: int

    def __str__(self) -> str:
        text = f"{self.took_part} {_schools(self.took_part)} took part of the {self.invited} invited"
        if self.group_rows:
            rows = "row stands" if self.group_rows == 1 else "rows stand"
            text += f"; {self.group_rows} further {rows} for the schools not named one by one"
        return text + "."


def _schools(n: int) -> str:
    return "school" if n == 1 else "schools"


def school_count(edition: Edition) -> SchoolCount:
    answered = respondents_by_school(edition)
    named = School.objects.filter(phase=edition.phase, is_group=False)
    return SchoolCount(
        took_part=named.filter(pk__in=[pk for pk, n in answered.items() if n]).count(),
        invited=edition.links.filter(school__is_group=False).count(),
        group_rows=School.objects.filter(phase=edition.phase, is_group=True).count(),
    )
