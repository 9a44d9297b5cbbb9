from django.apps import AppConfig


class RemindersConfig(AppConfig):
    """Reminders by e-mail and the scheduled jobs that send them; each person chooses what they
    receive (docs/architecture.md)."""

    name = "outcomes.reminders"
    label = "reminders"

    def ready(self) -> None:
        # The sources of reminders (reminders/sources/): one registration each.
        from outcomes.reminders import scheduled  # noqa: F401  (the sending job joins core's scheduler)
        from outcomes.reminders.sources import register
        from outcomes.reminders.sources.governance_actions import GovernanceActions
        from outcomes.reminders.sources.risk_reviews import RiskReviews
        from outcomes.reminders.sources.rounds import RoundUpdates

        register(RoundUpdates())
        register(GovernanceActions())
        register(RiskReviews())
