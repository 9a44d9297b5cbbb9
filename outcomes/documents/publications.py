"""Publications: what was published, exactly as published, kept for ever (issue 14; decision 0090).

One mechanism for everything frozen: a round's progress report, a survey edition's result releases,
committee papers. A publication holds everything needed to render it again (``content``, JSON), who
published it and when. Publishing the same subject again makes the next **version**, which replaces
the one before and lists what changed in words; every version stays readable.

The rules of versions, each in one function:
- ``publish`` numbers versions 1, 2, ... per (kind, subject); a version replaces the one before;
- ``current`` is the latest version;
- ``as_at`` is the version in force at a moment: the latest published at or before it;
- ``versions`` lists them all, oldest first.

Apps above register each kind (``register_kind``): its name in words and the address of a version's
page, asked through the kind's own access rules, so a link to a publication is drawn only for those
who may open it (core/links.py).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from outcomes.core.formatting import format_date


class Publication(models.Model):
    kind = models.CharField(max_length=40)
    # Whose publication this is, as a key the owning app makes ("round:12", "edition:3").
    subject = models.CharField(max_length=120)
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    # Published before the subject was final (an open round, a live survey edition): every page and
    # document made from it says so.
    interim = models.BooleanField(default=False)
    content = models.JSONField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField()
    replaces = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by"
    )
    # What changed from the version replaced, as sentences ("P1 M28: status Amber → Red.").
    changes = models.JSONField(default=list, blank=True)

    class Meta:
        app_label = "documents"
        ordering = ["kind", "subject", "version"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "subject", "version"], name="one_publication_version")
        ]
        indexes = [models.Index(fields=["kind", "subject", "published_at"])]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"

    @property
    def published_by_name(self) -> str:
        return self.published_by.display_name if self.published_by else "the system"

    @property
    def is_revision(self) -> bool:
        return self.replaces_id is not None


class PublicationConflict(Exception):
    """Two people published the same subject at once: the second is refused and may try again."""


def publish(
    kind: str,
    subject: str,
    content: dict,
    *,
    user,
    title: str,
    interim: bool = False,
    changes: Callable[[dict, dict], list[str]] | list[str] | None = None,
    at: datetime | None = None,
) -> Publication:
    """Record the next version of ``subject``. ``changes`` is a list of sentences, or a function of
    (the content replaced, the new content) giving them, asked only when a version is replaced.
    ``at`` records a publication made before this system held it (an imported plan); otherwise now."""
    try:
        with transaction.atomic():
            previous = (
                Publication.objects.select_for_update()
                .filter(kind=kind, subject=subject)
                .order_by("-version")
            ).first()
            if previous is not None and callable(changes):
                described = changes(previous.content, content)
            else:
                described = list(changes) if isinstance(changes, list) and previous is not None else []
            return Publication.objects.create(
                kind=kind,
                subject=subject,
                version=previous.version + 1 if previous else 1,
                title=title[:300],
                interim=interim,
                content=content,
                published_by=user if getattr(user, "is_authenticated", False) else None,
                published_at=at or timezone.now(),
                replaces=previous,
                changes=described,
            )
    except IntegrityError:
        # The unique version caught a second publisher who read the same "previous".
        raise PublicationConflict(
            f"Someone else published {title} at the same moment: read it again and publish once more."
        ) from None


def current(kind: str, subject: str) -> Publication | None:
    return Publication.objects.filter(kind=kind, subject=subject).order_by("-version").first()


def as_at(kind: str, subject: str, moment: datetime) -> Publication | None:
    """The version in force at ``moment``: the latest published at or before it (None before the first)."""
    return (
        Publication.objects.filter(kind=kind, subject=subject, published_at__lte=moment)
        .order_by("-published_at", "-version")
        .first()
    )


def versions(kind: str, subject: str) -> list[Publication]:
    return list(
        Publication.objects.filter(kind=kind, subject=subject)
        .select_related("published_by")
        .order_by("version")
    )


def version(kind: str, subject: str, number: int) -> Publication | None:
    return Publication.objects.filter(kind=kind, subject=subject, version=number).first()


def revision_line(publication: Publication) -> str:
    """ "Revised on 8 July 2014, replacing the version of 1 July 2014." for a revision; blank otherwise."""
    replaced = publication.replaces
    if replaced is None:
        return ""
    return (
        f"Revised on {format_date(publication.published_at)}, replacing the version of "
        f"{format_date(replaced.published_at)}."
    )


# --- kinds -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    name: str  # in words: "progress report"
    # The address of a version's page for this user, or None where they may not open it.
    url: Callable[[Any, Publication], str | None]


_KINDS: dict[str, Kind] = {}


def register_kind(kind: str, *, name: str, url: Callable[[Any, Publication], str | None]) -> None:
    _KINDS[kind] = Kind(name, url)


def kind_of(publication: Publication) -> Kind | None:
    return _KINDS.get(publication.kind)


def url_for(user, publication: Publication) -> str | None:
    kind = kind_of(publication)
    return None if kind is None else kind.url(user, publication)


def register_pages() -> None:
    from outcomes.core import links

    links.register(Publication, url_for)
