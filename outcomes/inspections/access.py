"""Who may read and change inspections and their recommendations (decision 0166).

Performance officers and administrators manage them: inspections, recommendations, their dates,
actions and snapshots. A recommendation's owner (a lead officer linked as its owner) records progress
on it and completes it with evidence. Lead officers and viewers read; school accounts read nothing.
A record a reader may not see is 404; an action they may not take on what they see is 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from outcomes.accounts.roles import Role, is_manager
from outcomes.core import links
from outcomes.documents.publications import register_kind
from outcomes.inspections.models import Inspection, Recommendation

READERS = {Role.LEAD_OFFICER, Role.VIEWER}
SNAPSHOT_KIND = "recommendations_snapshot"


def manages(user) -> bool:
    return is_manager(user)


def reads(user) -> bool:
    return manages(user) or bool(user.is_authenticated and user.is_active and user.role in READERS)


def is_owner(user, rec: Recommendation) -> bool:
    person = getattr(user, "person", None) if user.is_authenticated else None
    return bool(
        user.is_active and user.role == Role.LEAD_OFFICER and person is not None and rec.owner_id == person.pk
    )


def records_progress(user, rec: Recommendation) -> bool:
    """Progress and completion: those who manage, or its owner; only while it is open."""
    return rec.status == Recommendation.OPEN and (manages(user) or is_owner(user, rec))


def require_reader(user) -> None:
    if not reads(user):
        raise PermissionDenied("Inspection recommendations are for the partnership's officers and members.")


def require_manager(user) -> None:
    require_reader(user)
    if not manages(user):
        raise PermissionDenied("Only performance officers and administrators manage inspections.")


def get_inspection_for_user(user, slug: str) -> Inspection:
    require_reader(user)
    inspection = Inspection.objects.filter(slug=slug).first()
    if inspection is None:
        raise Http404("No such inspection")
    return inspection


def get_inspection_to_manage(user, slug: str) -> Inspection:
    inspection = get_inspection_for_user(user, slug)
    require_manager(user)
    return inspection


def get_recommendation_for_user(user, slug: str, number: int) -> Recommendation:
    inspection = get_inspection_for_user(user, slug)
    rec = inspection.recommendations.filter(number=number).select_related("inspection", "owner").first()
    if rec is None:
        raise Http404("No such recommendation")
    return rec


def get_recommendation_to_manage(user, slug: str, number: int) -> Recommendation:
    rec = get_recommendation_for_user(user, slug, number)
    require_manager(user)
    return rec


def get_recommendation_to_progress(user, slug: str, number: int) -> Recommendation:
    rec = get_recommendation_for_user(user, slug, number)
    if not records_progress(user, rec):
        raise PermissionDenied(
            "Only its owner or a performance officer, while it is open, records its progress."
        )
    return rec


def register_pages() -> None:
    links.register(
        Inspection,
        lambda user, inspection: (
            reverse("inspections:inspection", args=[inspection.slug]) if reads(user) else None
        ),
    )
    links.register(
        Recommendation,
        lambda user, rec: (
            reverse("inspections:recommendation", args=[rec.inspection.slug, rec.number])
            if reads(user)
            else None
        ),
    )

    def snapshot_url(user, publication) -> str | None:
        if not reads(user):
            return None
        month = publication.subject.split(":", 1)[1]
        return f"{reverse('inspections:snapshot', args=[month])}?version={publication.version}"

    register_kind(SNAPSHOT_KIND, name="inspection recommendations as at a month end", url=snapshot_url)
