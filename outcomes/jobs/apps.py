from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Background work: tasks queued on the project's database, their progress, result and errors, and
    who started them (docs/architecture.md)."""

    name = "outcomes.jobs"
    label = "jobs"
