from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "outcomes.plans"
    label = "plans"
