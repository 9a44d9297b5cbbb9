"""A job: one piece of background work as people see it (who started it, how far it has gone, its
result or its errors). The queue itself is django-tasks' (``DBTaskResult``); a job points at the task
that currently carries it, and a retry points it at a new one (docs/decisions/0110-task-queue.md)."""

from django.conf import settings
from django.db import models


class Job(models.Model):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    STATES = [(QUEUED, "Waiting to start"), (RUNNING, "Running"), (SUCCEEDED, "Finished"), (FAILED, "Failed")]
    FINISHED = (SUCCEEDED, FAILED)

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )
    label = models.CharField(max_length=200)
    kind = models.CharField(max_length=80)
    state = models.CharField(max_length=10, choices=STATES, default=QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    # What the work produced, for its page: {"summary": str, "lines": [str], "link": url, "link_text": str}.
    result = models.JSONField(default=dict, blank=True)
    # What went wrong, in words for the person who started it; the traceback for administrators.
    error = models.TextField(blank=True)
    error_detail = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The django-tasks result that may run this job now: any other delivery finds it taken.
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["started_by", "-created_at"], name="jobs_by_person")]

    def __str__(self) -> str:
        return f"{self.label} ({self.get_state_display().lower()})"

    @property
    def finished(self) -> bool:
        return self.state in self.FINISHED

    @property
    def percent(self) -> int | None:
        """How far the work has gone, in whole percent (None while its size is unknown)."""
        if self.state == self.SUCCEEDED:
            return 100
        if not self.total:
            return None
        return min(100, self.done * 100 // self.total)


class JobFile(models.Model):
    """A file a job reads (an upload) or makes (a download), kept in the database so that a worker on
    another machine reads and writes the same ones as the web servers (decision 0111)."""

    INPUT = "input"
    RESULT = "result"
    PURPOSES = [(INPUT, "Uploaded"), (RESULT, "Made by the job")]

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="files")
    purpose = models.CharField(max_length=10, choices=PURPOSES)
    name = models.CharField(max_length=200)
    data = models.BinaryField()
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class WorkerHeartbeat(models.Model):
    """A worker saying it is there (``manage.py worker``, every WORKER_HEARTBEAT_SECONDS): what
    ``/healthz`` reads to say whether the workers answer (decision 0129). A worker that stops cleanly
    removes its row; one that dies leaves it to grow old."""

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"worker {self.worker_id} on {self.host}"
