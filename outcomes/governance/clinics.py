"""The performance clinics' agreed actions on the one tracker (decision 0142).

Each action agreed at a clinic is an action of the body "Performance clinics" (slug ``clinics``),
numbered on that body's tracker, with the clinic that agreed it and the clinic that followed it up.
The clinic pages (outcomes/indicators) reach them through ``ClinicTracker``, registered in
``GovernanceConfig.ready``; every change goes through services.py and so is recorded in words, on
the action's history and on the clinic's.

The clinic's words map onto the tracker's: Open is raised (a new action) or ongoing; Done is
discharged, with what the clinic that followed it up found as the evidence; Not done stays ongoing,
with that finding as a dated update ("Not done: …").
"""

from dataclasses import dataclass

from outcomes.core import links
from outcomes.governance.models import Action, Body
from outcomes.indicators.clinic_actions import AgreedAction
from outcomes.indicators.forms import clinic_key

SLUG = "clinics"
NAME = "Performance clinics"
SHORT_NAME = "Performance clinics"

NOT_DONE = "Not done: "
STATUS_WORDS = dict(Action.STATUSES)


def clinic_body() -> Body:
    """The body whose tracker holds the clinics' actions, made when the first one is agreed."""
    body, _ = Body.objects.get_or_create(slug=SLUG, defaults={"name": NAME, "short_name": SHORT_NAME})
    return body


def clinic_actions():
    return Action.objects.filter(clinic__isnull=False)


def subject_key(action: Action) -> str:
    """A clinic's action's changes are listed on the clinic's history too."""
    return clinic_key(action.clinic) if action.clinic_id and action.clinic else ""


def follow_up_of(action: Action) -> str:
    """What the clinic that followed it up found: the evidence once done, else the latest update."""
    if action.status == Action.DISCHARGED:
        return action.evidence
    latest = action.updates.order_by("-on", "-id").first()
    return latest.text if latest else ""


@dataclass(frozen=True)
class Row:
    action: Action

    def agreed(self, user) -> AgreedAction:
        a = self.action
        assert a.clinic is not None  # clinic_actions() holds only actions agreed at a clinic
        return AgreedAction(
            clinic=a.clinic,
            number=a.number,
            text=a.details,
            owner_name=a.owner_text,
            due=a.due_on,
            status=STATUS_WORDS.get(a.status, a.status),
            is_open=a.is_open,
            follow_up=follow_up_of(a),
            followed_up_at=a.followed_up_at,
            url=links.url_for(user, a),
        )


def rows(actions, user) -> list[AgreedAction]:
    actions = actions.select_related("body", "clinic", "followed_up_at").prefetch_related("updates")
    return [Row(a).agreed(user) for a in actions]
