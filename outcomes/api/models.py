"""A person's tokens for the read API (decision 0121). Only a hash of each token is kept: the
token itself is shown once, when it is made, and cannot be read back from the database."""

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    # SHA-256 of the token, in hex. The token is 32 random bytes, so a fast hash is enough: there
    # is nothing to guess that a slow one would protect.
    key_hash = models.CharField(max_length=64, unique=True)
    # The first characters of the token, so that its owner can tell their tokens apart.
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
