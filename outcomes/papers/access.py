"""Who may write and read committee papers (SPEC "Users and what they may do"; decision 0105).

Performance officers and administrators write papers and read drafts. Lead officers and viewers
(board and scrutiny members) read published papers only, as published; school accounts read none.
Views call these helpers and nothing else decides; a paper a reader may not see is 404, an action
a reader may not take on a paper they can see is 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from outcomes.accounts.roles import Role, is_manager
from outcomes.core import links
from outcomes.documents.publications import Publication
from outcomes.papers.models import Paper, PaperTemplate
from outcomes.papers.services import KIND, is_published

READERS = {Role.LEAD_OFFICER, Role.VIEWER}


def writes_papers(user) -> bool:
    return is_manager(user)


def reads_papers(user) -> bool:
    """Whether the list of papers is for this person at all."""
    return writes_papers(user) or bool(user.is_authenticated and user.is_active and user.role in READERS)


def can_read(user, paper: Paper) -> bool:
    if writes_papers(user):
        return True
    return reads_papers(user) and is_published(paper)


def visible_papers(user):
    if writes_papers(user):
        return Paper.objects.all()
    if not reads_papers(user):
        return Paper.objects.none()
    published = Publication.objects.filter(kind=KIND).values_list("subject", flat=True)
    return Paper.objects.filter(pk__in=[int(s.split(":", 1)[1]) for s in published])


def require_reader(user) -> None:
    if not reads_papers(user):
        raise PermissionDenied("Committee papers are for the partnership's officers and members.")


def require_writer(user) -> None:
    if not writes_papers(user):
        raise PermissionDenied("Only performance officers and administrators write papers.")


def get_paper_for_user(user, slug: str) -> Paper:
    require_reader(user)
    paper = Paper.objects.filter(slug=slug).select_related("template").first()
    if paper is None or not can_read(user, paper):
        raise Http404("No such paper")
    return paper


def get_paper_to_write(user, slug: str) -> Paper:
    paper = get_paper_for_user(user, slug)
    require_writer(user)
    return paper


def get_template_to_manage(user, slug: str) -> PaperTemplate:
    require_writer(user)
    template = PaperTemplate.objects.filter(slug=slug).first()
    if template is None:
        raise Http404("No such template")
    return template


def register_pages() -> None:
    links.register(
        Paper,
        lambda user, paper: reverse("papers:detail", args=[paper.slug]) if can_read(user, paper) else None,
    )
