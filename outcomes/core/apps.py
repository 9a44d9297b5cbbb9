from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "outcomes.core"
    label = "core"

    def ready(self):
        from outcomes.core import deploy_checks  # noqa: F401  (registers the --deploy checks)
