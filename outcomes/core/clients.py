"""Telling computers apart without keeping who they are (docs/decisions/0072-survey-limits-per-computer.md).

A counter that must hold one visitor back without holding back everyone needs to know which
requests come from the same computer. The address says so, but the survey promises to keep no
address: ``client_key`` is a keyed hash of it (HMAC with SECRET_KEY), short-lived in the cache only,
which cannot be turned back into the address without the key, and which no table or log holds.
"""

import hashlib
import hmac

from django.conf import settings


def client_address(request) -> str:
    """The address the request came from. Behind TRUSTED_PROXY_COUNT proxies, the one the outermost
    trusted proxy added to X-Forwarded-For (the ones before it can be forged by the client)."""
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256)
    return digest.hexdigest()[:24]
