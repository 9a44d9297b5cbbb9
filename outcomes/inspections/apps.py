from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    """Inspections and their recommendations (issue 16): original and revised dates, linked actions on
    governance's tracker, and the two completion figures, never confused."""

    name = "outcomes.inspections"
    label = "inspections"

    def ready(self) -> None:
        from outcomes.inspections import (
            access,
            scheduled,  # noqa: F401 (the monthly snapshot registers)
        )

        # Links to inspections, recommendations and snapshots only for those who may open them.
        access.register_pages()
