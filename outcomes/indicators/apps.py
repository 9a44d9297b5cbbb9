from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "outcomes.indicators"
    label = "indicators"
