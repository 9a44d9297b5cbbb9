"""Risk owners, before a risk's review falls due and when it is overdue (issue 16, issue 17: "risk
owners when a review is due"). Only owners linked to a person with a sign-in can be reminded."""

from collections.abc import Iterator
from datetime import date

from django.conf import settings

from outcomes.core import links
from outcomes.core.formatting import format_date
from outcomes.reminders import rules
from outcomes.reminders.sources import Due, Entry, Kind
from outcomes.risks.models import Risk

DUE = "risks.review_due"
OVERDUE = "risks.review_overdue"


def days_before() -> int:
    return int(getattr(settings, "REMINDERS_RISK_REVIEW_DAYS_BEFORE", 7))


class RiskReviews:
    key = "risk-reviews"
    title = "Reviews of the risks you own"
    kinds: tuple[Kind, ...] = (
        Kind(DUE, "When a risk you own is due for review", "A week before its review date"),
        Kind(OVERDUE, "When a review of a risk you own is overdue", "Once, the day after its review date"),
    )

    def applies_to(self, user) -> bool:
        person = getattr(user, "person", None)
        return person is not None and Risk.objects.filter(owner=person).exists()

    def due(self, today: date, *, ahead: int = 0) -> Iterator[Due]:
        risks = Risk.objects.filter(
            status=Risk.OPEN, next_review__isnull=False, owner__isnull=False
        ).select_related("register", "owner__user")
        for risk in risks:
            review = risk.next_review
            if review is None:
                continue
            occasion = rules.occasion(review, days_before(), today, ahead=ahead)
            if occasion is None:
                continue
            user = getattr(risk.owner, "user", None)
            if user is not None and user.is_active:
                yield self._reminder(risk, user, review, occasion == rules.OVERDUE)

    def _reminder(self, risk: Risk, user, review: date, overdue: bool) -> Due:
        when = f"{review:%A} {format_date(review)}"
        name = f"{risk.register.name} {risk.reference}"
        if overdue:
            subject = f"Overdue: the review of risk {name}, due on {when}"
            summary = f"The review of risk {name} was due on {when} and has not been recorded."
        else:
            subject = f"Risk {name} is due for review on {when}"
            summary = f"Risk {name} is due for review on {when}."
        path = links.url_for(user, risk)
        return Due(
            user=user,
            kind=OVERDUE if overdue else DUE,
            item=rules.occasion_item(f"risk-review:{risk.pk}", review),
            subject=subject,
            summary=summary,
            entries=(Entry(f"{risk.reference}: {risk.title}", path),),
            path=path,
            action="The risk and its reviews",
            due_on=review,
            overdue=overdue,
        )
