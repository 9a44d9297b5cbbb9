"""What a reader holds of a paper: a writer the draft (figures live) while the paper can be edited,
everyone else, and a writer once it is published, the version in force; and the paper in each
format, every one rendered from the same ``Document``."""

import json
from dataclasses import dataclass

from django.utils import timezone

from outcomes.core.formatting import format_date
from outcomes.documents.publications import Publication, revision_line
from outcomes.documents.render import render_file
from outcomes.papers import access, services
from outcomes.papers.content import changes_between, paper_content
from outcomes.papers.document import DRAFT_BANNER, paper_document
from outcomes.papers.models import Paper

FORMATS = ("docx", "pdf", "html", "json")


@dataclass
class Shown:
    content: dict
    publication: Publication | None  # None: the draft

    @property
    def is_draft(self) -> bool:
        return self.publication is None

    def version_line(self) -> str:
        p = self.publication
        if p is None:
            return ""
        line = f"Version {p.version}, published on {format_date(p.published_at)} by {p.published_by_name}."
        revised = revision_line(p)
        return f"{line} {revised}" if revised else line

    def document(self):
        return paper_document(
            self.content, banner=DRAFT_BANNER if self.is_draft else "", version_line=self.version_line()
        )

    def as_json(self) -> dict:
        p = self.publication
        published = (
            None
            if p is None
            else {"version": p.version, "by": p.published_by_name, "at": p.published_at.isoformat()}
        )
        return {**self.content, "draft": self.is_draft, "published": published}


def draft(paper: Paper) -> Shown:
    return Shown(paper_content(paper, timezone.localdate()), None)


def published(publication: Publication) -> Shown:
    return Shown(publication.content, publication)


def shown_to(user, paper: Paper) -> Shown:
    current = services.current_publication(paper)
    if access.writes_papers(user) and (current is None or paper.reopened):
        return draft(paper)
    return published(current)


def changed_since_published(paper: Paper, live: Shown) -> list[str]:
    """What the draft changes from the version in force, text and figures (empty before the first)."""
    current = services.current_publication(paper)
    if current is None:
        return []
    return changes_between(current.content, live.content)


def render(shown: Shown, fmt: str) -> bytes:
    if fmt == "json":
        return (json.dumps(shown.as_json(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return render_file(shown.document(), fmt)


def filename(paper: Paper, shown: Shown, fmt: str) -> str:
    which = "draft" if shown.is_draft else f"version-{shown.publication.version}"
    return f"{paper.slug}-{which}.{fmt}"
