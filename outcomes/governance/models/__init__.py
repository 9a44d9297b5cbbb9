"""The governance records, one module per concept (modules import only downwards):
bodies (bodies, memberships, standing items, the action tracker), meetings (meetings and attendance),
agendas (sections, items, the forward plan), minutes (minutes and their resolutions)."""

from outcomes.governance.models.agendas import AgendaItem, AgendaSection, ForwardPlanItem
from outcomes.governance.models.bodies import Action, ActionUpdate, Body, Membership, StandingItem
from outcomes.governance.models.meetings import Attendance, Meeting
from outcomes.governance.models.minutes import Minute, Resolution

__all__ = [
    "Action",
    "ActionUpdate",
    "AgendaItem",
    "AgendaSection",
    "Attendance",
    "Body",
    "ForwardPlanItem",
    "Meeting",
    "Membership",
    "Minute",
    "Resolution",
    "StandingItem",
]
