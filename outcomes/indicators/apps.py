from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "outcomes.indicators"
    label = "indicators"

    def ready(self) -> None:
        # Plans sits on a lower floor and cannot import indicators: the milestone page shows the
        # linked indicator through the panel registered here.
        from outcomes.indicators.views.milestones import PANEL_TEMPLATE, milestone_panel
        from outcomes.plans.panels import register_milestone_panel

        register_milestone_panel("indicators.linked_indicator", PANEL_TEMPLATE, milestone_panel)

        # The indicators' data-quality rules join the registry of outcomes/core/checks.py.
        # Exceptions of data not arrived by its due date open through the scheduler (core/scheduler.py).
        from outcomes.indicators import (
            checks,  # noqa: F401
            scheduled,  # noqa: F401
        )
