"""The tracker as the clinic pages see it (indicators/clinic_actions.Tracker), registered in
``GovernanceConfig.ready`` (decision 0142)."""

from django.db.models import Count, Q
from django.http import Http404

from outcomes.core.conflicts import rebind_after_conflict, saved_fields
from outcomes.governance.clinic_forms import ClinicActionForm, version_of
from outcomes.governance.clinics import SLUG, clinic_actions, rows
from outcomes.governance.models import Action
from outcomes.indicators.clinic_actions import AgreedAction
from outcomes.indicators.models import Clinic


class ClinicTracker:
    """The tracker as the clinic pages see it (indicators/clinic_actions.Tracker)."""

    def agreed_at(self, clinic: Clinic, user) -> list[AgreedAction]:
        return rows(clinic_actions().filter(clinic=clinic).order_by("number"), user)

    def followed_up_at(self, clinic: Clinic, user) -> list[AgreedAction]:
        found = clinic_actions().filter(followed_up_at=clinic).order_by("clinic__date", "number")
        return rows(found, user)

    def open_earlier(self, clinic: Clinic, user) -> list[AgreedAction]:
        found = (
            clinic_actions()
            .filter(clinic__indicators__in=clinic.indicators.all(), clinic__date__lt=clinic.date)
            .exclude(followed_up_at=clinic)
            .exclude(status__in=Action.CLOSED)
            .exclude(status=Action.UNCLEAR)
            .distinct()
            .order_by("clinic__date", "number")
        )
        return rows(found, user)

    def counts(self) -> dict[int, tuple[int, int]]:
        rows = (
            clinic_actions()
            .values("clinic_id")
            .annotate(agreed=Count("id"), open=Count("id", filter=~Q(status__in=Action.CLOSED)))
        )
        return {row["clinic_id"]: (row["agreed"], row["open"]) for row in rows}

    def form(self, data, *, clinic: Clinic, number: int | None = None):
        action = None
        if number is not None:
            action = clinic_actions().filter(clinic=clinic, number=number, body__slug=SLUG).first()
            if action is None:
                raise Http404("No such action")
        initial = ClinicActionForm.initial_for(action) if action else {"status": ClinicActionForm.OPEN}
        return ClinicActionForm(data, clinic=clinic, action=action, initial=initial)

    def after_conflict(self, form, data, conflict):
        action = Action.objects.get(pk=form.action.pk)
        again = rebind_after_conflict(
            ClinicActionForm,
            data,
            version_of(action),
            str(conflict),
            clinic=form.clinic,
            action=action,
        )
        return again, {"who": conflict.who, "rows": saved_fields(again, ClinicActionForm.initial_for(action))}
