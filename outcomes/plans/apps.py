from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "outcomes.plans"
    label = "plans"

    def ready(self) -> None:
        # The plans' data-quality rules join the registry of outcomes/core/checks.py.
        from outcomes.plans import checks
        from outcomes.plans.access import register_pages
        from outcomes.plans.panels import register_milestone_panel

        # A milestone's page shows what the checks find in it and its updates, first of its panels.
        register_milestone_panel(
            "core.data_checks", "core/_findings_panel.html", checks.milestone_panel, order=10
        )
        # Rounds close themselves on their date through the scheduler of outcomes/core/scheduler.py.
        from outcomes.plans import scheduled  # noqa: F401

        # Links to plans, milestones and rounds only for those who may open them (core/links.py).
        register_pages()
