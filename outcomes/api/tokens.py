"""Making, finding and revoking API tokens: the one place that knows what a token is."""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from outcomes.api.models import ApiToken
from outcomes.core.models import record_change

PREFIX = "out_"
# How stale "last used" may be: writing it on every request would make each read a write.
LAST_USED_EVERY = timedelta(minutes=5)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(user, name: str, *, by=None) -> tuple[ApiToken, str]:
    """A new token for ``user``: the record, and the token itself, which is not kept anywhere."""
    token = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        made = ApiToken.objects.create(
            user=user, name=name.strip(), key_hash=token_hash(token), prefix=token[: len(PREFIX) + 4]
        )
        record_change(
            user=by or user,
            obj=made,
            action="created",
            summary=f"API token “{made.name}” created for {user.get_username()}",
            after={"name": made.name, "prefix": made.prefix},
        )
    return made, token


def owner_of(token: str):
    """The active user a token speaks for, or None: a revoked token, an unknown one and a token of
    a person whose account is switched off all answer None."""
    if not token.startswith(PREFIX):
        return None
    found = (
        ApiToken.objects.filter(key_hash=token_hash(token), revoked_at=None).select_related("user").first()
    )
    if found is None or not found.user.is_active:
        return None
    now = timezone.now()
    if found.last_used_at is None or now - found.last_used_at > LAST_USED_EVERY:
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
    return found.user


def revoke(token: ApiToken, *, by) -> None:
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_change(
            user=by,
            obj=token,
            action="revoked",
            summary=f"API token “{token.name}” revoked",
            before={"revoked": False},
            after={"revoked": True},
        )


def tokens_of(user):
    return ApiToken.objects.filter(user=user)


def get_token_of(user, pk: int) -> ApiToken:
    """One of the user's own active tokens, or 404: another person's token is not confirmed."""
    found = ApiToken.objects.filter(user=user, pk=pk, revoked_at=None).first()
    if found is None:
        raise Http404("No such token")
    return found
