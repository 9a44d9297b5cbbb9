from django.apps import AppConfig


class PapersConfig(AppConfig):
    """Committee papers in the council's "Report to Members" template, with live figure blocks frozen
    when a paper is published (docs/architecture.md)."""

    name = "outcomes.papers"
    label = "papers"

    def ready(self) -> None:
        from django.urls import reverse

        from outcomes.documents.publications import register_kind
        from outcomes.papers import access
        from outcomes.papers.models import Paper

        # Links to papers only for those who may open them (core/links.py), and to each published
        # version from wherever publications are listed.
        access.register_pages()

        def version_url(user, publication):
            paper = Paper.objects.filter(pk=int(publication.subject.split(":", 1)[1])).first()
            if paper is None or not access.can_read(user, paper):
                return None
            return reverse("papers:version", args=[paper.slug, publication.version])

        register_kind("paper", name="committee paper", url=version_url)
