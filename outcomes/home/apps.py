from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The top floor: the home page, the navigation and the demo loader, the only code that knows
    every app (docs/architecture.md)."""

    name = "outcomes.home"
    label = "home"
