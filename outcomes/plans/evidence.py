"""Evidence files attached to an update (SPEC §1: "evidence such as case studies"), decision 0103.

A file is checked before it is stored: within the size limit (settings.EVIDENCE_MAX_MB), of a kind
boards open (PDF, Word, Excel, PowerPoint, OpenDocument, images, plain text and CSV), its contents
matching its name's kind. Stored once in a folder of its own and never overwritten or deleted, so
that a published report's link keeps opening the file it was published with; taking a file off an
update only marks it removed."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename

from outcomes.core.models import record_change
from outcomes.plans.models import Evidence, Update
from outcomes.plans.services import milestone_key

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Extension -> (content type, the first bytes such a file starts with; None: text).
KINDS: dict[str, tuple[str, tuple[bytes, ...] | None]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (_ZIP,)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (_ZIP,)),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", (_ZIP,)),
    "odt": ("application/vnd.oasis.opendocument.text", (_ZIP,)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (_ZIP,)),
    "doc": ("application/msword", (_OLE,)),
    "xls": ("application/vnd.ms-excel", (_OLE,)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "txt": ("text/plain; charset=utf-8", None),
    "csv": ("text/csv; charset=utf-8", None),
}
MOST_FILES_PER_UPDATE = 20


class EvidenceRefused(ValueError):
    pass


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    data: bytes


def most_bytes() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_MB", 10) * 1024 * 1024)


def check_upload(upload) -> CheckedFile:
    """The upload's name, type and bytes, or EvidenceRefused saying what is wrong with it."""
    name = get_valid_filename((upload.name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1])[-150:] or "evidence"
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = KINDS.get(extension)
    if kind is None:
        raise EvidenceRefused(
            f"{name} is not a kind of file that can be attached: choose a PDF, Word, Excel, PowerPoint, "
            "OpenDocument, PNG, JPEG, text or CSV file"
        )
    most = most_bytes()
    if upload.size is not None and upload.size > most:
        raise EvidenceRefused(f"{name} is larger than {most // (1024 * 1024)} MB: attach a smaller file")
    data = upload.read(most + 1)
    if len(data) > most:
        raise EvidenceRefused(f"{name} is larger than {most // (1024 * 1024)} MB: attach a smaller file")
    if not data:
        raise EvidenceRefused(f"{name} is empty")
    content_type, starts = kind
    if starts is None:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise EvidenceRefused(f"{name} is not text saved as UTF-8") from None
    elif not data.startswith(starts):
        raise EvidenceRefused(f"{name} is not a .{extension} file inside: save it again as .{extension}")
    return CheckedFile(name, content_type, data)


def _names(update: Update) -> list[str]:
    return [e.name for e in update.evidence.filter(removed_at__isnull=True)]


def _record(user, update: Update, before: list[str], verb: str) -> None:
    record_change(
        user=user,
        obj=update,
        action=f"update.evidence_{verb}",
        summary=f"Evidence for {update.milestone.reference} in {update.round.title} {verb}",
        before={"evidence": before},
        after={"evidence": _names(update)},
        subject_key=milestone_key(update.milestone),
    )


def attach_evidence(*, user, update: Update, checked: CheckedFile) -> Evidence:
    if update.evidence.filter(removed_at__isnull=True).count() >= MOST_FILES_PER_UPDATE:
        raise EvidenceRefused(f"An update may carry at most {MOST_FILES_PER_UPDATE} files")
    with transaction.atomic():
        before = _names(update)
        evidence = Evidence(
            update=update,
            name=checked.name,
            content_type=checked.content_type,
            size=len(checked.data),
            sha256=hashlib.sha256(checked.data).hexdigest(),
            uploaded_by=user if getattr(user, "is_authenticated", False) else None,
        )
        evidence.file.save(checked.name, ContentFile(checked.data), save=False)
        evidence.save()
        _record(user, update, before, "added")
    return evidence


def remove_evidence(*, user, update: Update, ids: list[int]) -> int:
    """Take files off an update; they stay stored for the publications that link to them."""
    with transaction.atomic():
        before = _names(update)
        removed = update.evidence.filter(pk__in=ids, removed_at__isnull=True).update(
            removed_at=timezone.now()
        )
        if removed:
            _record(user, update, before, "removed")
    return removed


def current_evidence(update: Update | None) -> list[Evidence]:
    return list(update.evidence.filter(removed_at__isnull=True)) if update and update.pk else []
