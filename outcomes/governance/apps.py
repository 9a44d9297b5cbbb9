from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    """Governance records: the partnership's bodies, their members and one action tracker from raised
    to discharged (issue 15; docs/architecture.md). Meetings, agendas and minutes follow."""

    name = "outcomes.governance"
    label = "governance"

    def ready(self) -> None:
        from outcomes.governance import access, checks  # noqa: F401 (registers the meetings' checks)

        # Links to bodies and actions only for those who may open them (core/links.py).
        access.register_pages()
        # Minutes and the action log as at a meeting, frozen when the minutes are published.
        access.register_minutes_kinds()
        # The agenda's published versions (agenda_services.publish_agenda).
        access.register_agenda_pages()
