from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ChangeRecord(models.Model):
    """Who changed what, when, with the values before and after. Written by the services that
    change data (never by views), so that every route to a change leaves the same trace."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    # Lets a milestone's page gather the history of its updates too.
    subject_key = models.CharField(max_length=120, db_index=True, blank=True)
    action = models.CharField(max_length=40)
    summary = models.CharField(max_length=300)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.summary}"

    @property
    def changed_fields(self) -> list[tuple[str, object, object]]:
        before = self.before or {}
        after = self.after or {}
        keys = sorted(set(before) | set(after))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


def record_change(
    *, user, obj, action: str, summary: str, before=None, after=None, subject_key: str = ""
) -> ChangeRecord:
    return ChangeRecord.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        subject_key=subject_key,
        action=action,
        summary=summary[:300],
        before=before,
        after=after,
        user=user if getattr(user, "is_authenticated", False) else None,
    )


class ExplainedFinding(models.Model):
    """A data-quality finding a performance officer has looked at and explained ("the baseline was
    restated"). It holds for the finding with this rule, place and fingerprint of the offending data
    only: when the data changes, the finding is listed again (outcomes/core/checks.py)."""

    rule = models.CharField(max_length=80)
    key = models.CharField(max_length=300)
    fingerprint = models.CharField(max_length=64)
    # The place and message in words as they were when explained, for the history.
    where = models.CharField(max_length=300)
    message = models.TextField()
    reason = models.TextField()
    explained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    explained_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["rule", "key"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "key", "fingerprint"], name="one_explanation_per_finding")
        ]
        indexes = [models.Index(fields=["key"])]

    def __str__(self) -> str:
        return f"{self.rule} at {self.where}: {self.reason}"


class ScheduledJob(models.Model):
    """The state of one scheduled job (core/scheduler.py): when it is next due, who holds its lease
    while it runs, and how its last run went, for ``run_scheduled --list`` and the admin."""

    SUCCEEDED = "succeeded"
    FAILED = "failed"
    STATES = [(SUCCEEDED, "Succeeded"), (FAILED, "Failed")]

    name = models.CharField(max_length=80, unique=True)
    next_due = models.DateTimeField(null=True, blank=True)
    lease_until = models.DateTimeField(null=True, blank=True)
    holder = models.CharField(max_length=100, blank=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_state = models.CharField(max_length=10, choices=STATES, blank=True)
    last_message = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
