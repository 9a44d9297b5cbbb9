from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "outcomes.reports"
    label = "reports"
