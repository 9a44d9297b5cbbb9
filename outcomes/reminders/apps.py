from django.apps import AppConfig


class RemindersConfig(AppConfig):
    """Reminders by e-mail and the scheduled jobs that send them; each person chooses what they
    receive (docs/architecture.md)."""

    name = "outcomes.reminders"
    label = "reminders"
