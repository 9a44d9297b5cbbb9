"""The data-quality rule of the clinics' agreed actions, moved with them into the tracker (decision
0142). It keeps its name and its place among the indicators' rules (app "indicators", scope
``indicator``, ``import_run``, ``clinic``, ``today``), so the clinic page and the data-quality page
list it as before."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from outcomes.core.checks import Finding, register
from outcomes.core.formatting import format_date
from outcomes.governance.clinics import clinic_actions
from outcomes.governance.models import Action


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@register(
    name="clinic-action-overdue",
    title="Clinic actions past their date and not done",
    description="An action agreed at a performance clinic or challenge session is done by its date.",
    app="indicators",
    source="notes-002 §10.21",
)
def clinic_action_overdue(indicator=None, import_run=None, today: date | None = None, clinic=None):
    if import_run is not None:
        return
    today = today or timezone.localdate()
    actions = (
        clinic_actions()
        .filter(due_on__lt=today)
        .exclude(status__in=[*Action.CLOSED, Action.UNCLEAR])
        .select_related("clinic")
    )
    if indicator is not None:
        actions = actions.filter(clinic__indicators=indicator)
    if clinic is not None:
        actions = actions.filter(clinic=clinic)
    for action in actions.order_by("due_on", "clinic__date", "number"):
        clinic = action.clinic
        owner = f" (owner: {action.owner_text})" if action.owner_text else ""
        yield Finding(
            "clinic-action-overdue",
            f"{clinic.get_kind_display()} {clinic.title}, {format_date(clinic.date)}, action {action.number}",
            reverse("indicators:clinic", args=[clinic.slug]),
            f"clinics/{clinic.slug}/{action.number}",
            f"“{_short(action.details)}” was due by {format_date(action.due_on)}{owner} and is still open.",
            f"{action.details}|{action.due_on}|{action.status}",
            frozenset({f"clinic:{clinic.pk}"}),
        )
