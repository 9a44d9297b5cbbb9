from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "outcomes.surveys"
    label = "surveys"
