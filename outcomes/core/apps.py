from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "outcomes.core"
    label = "core"
