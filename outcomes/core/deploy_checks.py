"""Checks `manage.py check --deploy` adds to Django's own for Outcomes' production settings
(README, "Operating notes")."""

from django.conf import settings
from django.core import checks

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):  # noqa: ARG001 (Django's check signature)
    """The pupils' rate limits (decision 0027) and the sign-in throttle (decision 0073) count in the
    default cache; one per process counts per gunicorn worker, so the limits multiply."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            checks.Warning(
                "The default cache is per process: rate limits and the sign-in throttle count in each "
                "worker apart.",
                hint="Set CACHE_URL to a shared cache (redis://..., memcached://... or db://cache).",
                id="outcomes.W001",
            )
        ]
    return []
