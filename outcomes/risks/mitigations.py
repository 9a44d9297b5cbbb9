"""A risk's mitigating actions (decision 0159): an action raised on a body's tracker through
governance's services, or one there linked, or a plan's row; each link recorded in words on the risk."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from outcomes.core.models import record_change
from outcomes.governance import services as governance_services
from outcomes.governance.models import Action, Body
from outcomes.risks.models import Mitigation, Risk
from outcomes.risks.services import Refused


@transaction.atomic
def link_action(*, user, risk: Risk, action: Action) -> Mitigation:
    if risk.mitigations.filter(action=action).exists():
        raise Refused(f"{action} already mitigates this risk")
    mitigation = Mitigation.objects.create(risk=risk, action=action, order=risk.mitigations.count() + 1)
    record_change(
        user=user,
        obj=risk,
        action="mitigation_linked",
        summary=f"{action} linked as a mitigating action of {risk.reference}",
        subject_key=f"risk:{risk.pk}",
        after={"mitigating action": f"{action}: {action.details}"},
    )
    return mitigation


@transaction.atomic
def raise_mitigating_action(
    *,
    user,
    risk: Risk,
    body: Body,
    details: str,
    owner_text: str,
    owners=(),
    due_on: date | None = None,
    progress: int | None = None,
    raised_on: date | None = None,
) -> Mitigation:
    """A new action on the body's tracker (its owners update it there), linked to the risk."""
    action = governance_services.raise_action(
        user=user,
        body=body,
        owner_text=owner_text,
        details=details,
        owners=owners,
        raised_on=raised_on or timezone.localdate(),
        due_on=due_on,
        progress=progress,
    )
    return link_action(user=user, risk=risk, action=action)


@transaction.atomic
def link_milestone(*, user, risk: Risk, milestone) -> Mitigation:
    if risk.mitigations.filter(milestone=milestone).exists():
        raise Refused("That plan row already mitigates this risk")
    mitigation = Mitigation.objects.create(risk=risk, milestone=milestone, order=risk.mitigations.count() + 1)
    record_change(
        user=user,
        obj=risk,
        action="mitigation_linked",
        summary=f"Plan row {milestone.reference} ({milestone.priority.plan.title}) linked as a mitigation",
        subject_key=f"risk:{risk.pk}",
    )
    return mitigation
