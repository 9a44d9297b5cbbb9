from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "outcomes.reports"
    label = "reports"

    def ready(self) -> None:
        from outcomes.plans.interchange import on_published_round_imported
        from outcomes.reports import publishing, views

        # A plan imported with a published round: its report, as imported, is the first publication.
        on_published_round_imported("reports.progress", publishing.publish_imported)
        views.register_pages()
