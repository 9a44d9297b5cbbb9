from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """The document model every board output is built from (HTML, Word, PDF), and publications: what was
    published, frozen as at a date, every version kept (docs/architecture.md)."""

    name = "outcomes.documents"
    label = "documents"

    def ready(self) -> None:
        from outcomes.documents import publications

        publications.register_pages()
