from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    """Inspections and their recommendations (issue 16): original and revised dates, linked actions on
    governance's tracker, and the two completion figures, never confused."""

    name = "outcomes.inspections"
    label = "inspections"
