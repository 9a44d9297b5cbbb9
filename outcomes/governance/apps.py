from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    """Governance records: the partnership's bodies, their members and one action tracker from raised
    to discharged (issue 15; docs/architecture.md). Meetings, agendas and minutes follow."""

    name = "outcomes.governance"
    label = "governance"

    def ready(self) -> None:
        from outcomes.governance import access

        # Links to bodies and actions only for those who may open them (core/links.py).
        access.register_pages()
        # The agenda's published versions (agenda_services.publish_agenda).
        access.register_agenda_pages()
