from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "outcomes.surveys"
    label = "surveys"

    def ready(self) -> None:
        # The survey's data-quality rules join the registry of outcomes/core/checks.py.
        # Questionnaires left unanswered are forgotten through the scheduler (core/scheduler.py).
        from outcomes.surveys import (
            checks,  # noqa: F401
            scheduled,  # noqa: F401
        )
        from outcomes.surveys.releases import register_pages

        # A release's publication opens at the borough report of that release, for its readers.
        register_pages()
