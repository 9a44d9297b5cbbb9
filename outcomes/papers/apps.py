from django.apps import AppConfig


class PapersConfig(AppConfig):
    """Committee papers in the council's "Report to Members" template, with live figure blocks frozen
    when a paper is published (docs/architecture.md)."""

    name = "outcomes.papers"
    label = "papers"
