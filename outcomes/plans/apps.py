from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "outcomes.plans"
    label = "plans"

    def ready(self) -> None:
        # The plans' data-quality rules join the registry of outcomes/core/checks.py.
        from outcomes.plans import checks  # noqa: F401
