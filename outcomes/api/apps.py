from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read API for tools such as Power BI: token-authenticated, read-only, with the rights of the
    token's owner (docs/architecture.md)."""

    name = "outcomes.api"
    label = "api"
