from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    """Governance records: the partnership's bodies, their members and one action tracker from raised
    to discharged (issue 15; docs/architecture.md). Meetings, agendas and minutes follow."""

    name = "outcomes.governance"
    label = "governance"

    def ready(self) -> None:
        from outcomes.governance import access, checks, checks_clinics  # noqa: F401 (their rules register)
        from outcomes.governance.clinic_tracker import ClinicTracker
        from outcomes.indicators.clinic_actions import register_tracker

        # Links to bodies and actions only for those who may open them (core/links.py).
        access.register_pages()
        # Minutes and the action log as at a meeting, frozen when the minutes are published.
        access.register_minutes_kinds()
        # The agenda's published versions (agenda_services.publish_agenda).
        access.register_agenda_pages()
        # The clinic pages read and change their agreed actions on this tracker (decision 0142).
        register_tracker(ClinicTracker())
