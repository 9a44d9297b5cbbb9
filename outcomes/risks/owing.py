"""The risk register's part of governance's pages (governance/extensions.py): the reviews a risk
owner owes in "What I owe", and the reviews due on a body's standing "Risk register" item."""

from datetime import date, timedelta

from django.urls import reverse

from outcomes.governance.extensions import Line, Owing, Standing
from outcomes.risks import access, rules
from outcomes.risks.models import Register, Risk


def _line(user, risk: Risk, today: date) -> Line:
    path = (
        reverse("risks:risk", args=[risk.register.slug, risk.reference])
        if access.sees_risk(user, risk)
        else None
    )
    state = rules.review_state(risk.next_review, today)
    return Line(
        text=f"{risk.register.name} {risk.reference}: {risk.title}",
        path=path,
        note=rules.review_words(risk.next_review, today),
        overdue=state == rules.OVERDUE,
    )


def reviews_owed(user, today: date) -> Owing | None:
    """The open risks the person owns whose review is due (within a fortnight) or overdue."""
    person = access.person_of(user)
    if person is None or not access.reads_registers(user):
        return None
    risks = (
        Risk.objects.filter(
            owner=person, status=Risk.OPEN, next_review__lte=today + timedelta(days=rules.DUE_SOON_DAYS)
        )
        .select_related("register")
        .order_by("next_review", "reference")
    )
    if not Risk.objects.filter(owner=person, status=Risk.OPEN).exists():
        return None
    return Owing(
        heading="Risks to review",
        lines=[_line(user, risk, today) for risk in risks],
        empty="No risk of yours is due for review.",
    )


def standing_panel(body, title: str, on: date, user) -> Standing | None:
    """On the body's standing item for a register it reviews: the risks whose review falls due by the
    meeting (overdue ones first)."""
    registers = Register.objects.filter(reviewed_by=body, standing_item=title)
    if not registers.exists() or not access.reads_registers(user):
        return None
    lines: list[Line] = []
    for register in registers:
        risks = (
            register.risks.filter(status=Risk.OPEN, next_review__lte=on)
            .select_related("register")
            .order_by("next_review", "reference")
        )
        lines.extend(_line(user, risk, on) for risk in risks)
    names = ", ".join(r.name for r in registers)
    return Standing(
        item_title=title,
        heading=f"reviews due by this meeting ({names})",
        lines=lines,
        empty="No risk is due for review by this meeting.",
    )


def register_extensions() -> None:
    from outcomes.governance import extensions

    extensions.register_owed("risks", reviews_owed)
    extensions.register_standing("risks", standing_panel)
