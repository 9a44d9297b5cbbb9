from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Background work: tasks queued on the project's database, their progress, result and errors, and
    who started them (docs/architecture.md)."""

    name = "outcomes.jobs"
    label = "jobs"

    def ready(self) -> None:
        from django_tasks.signals import task_finished

        from outcomes.core import links
        from outcomes.jobs import heartbeat, signals  # noqa: F401  (heartbeat: the workers' health part)
        from outcomes.jobs.models import Job

        task_finished.connect(signals.keep_the_failure, dispatch_uid="jobs-keep-the-failure")
        links.register(Job, signals.job_url)
