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


# Backends that keep messages on this machine instead of sending them.
UNSENT_MAIL_BACKENDS = {
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


@checks.register(checks.Tags.security, deploy=True)
def mail_is_sent(app_configs, **kwargs):  # noqa: ARG001 (Django's check signature)
    """Without EMAIL_HOST the reminders are written to files (the demo's mail folder): in production
    nobody would receive them, and nothing else would say so (decision 0117)."""
    if settings.EMAIL_BACKEND in UNSENT_MAIL_BACKENDS:
        return [
            checks.Warning(
                f"E-mail is not sent: reminders are kept by {settings.EMAIL_BACKEND.rsplit('.', 2)[-2]}.",
                hint="Set EMAIL_HOST (and EMAIL_HOST_USER, EMAIL_HOST_PASSWORD) to send them by SMTP.",
                id="outcomes.W002",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def links_in_mail_reach_the_site(app_configs, **kwargs):  # noqa: ARG001 (Django's check signature)
    """Links in e-mail start with SITE_URL; the demo's default points at the reader's own machine."""
    site = getattr(settings, "SITE_URL", "")
    if not site.startswith("https://") or "127.0.0.1" in site or "localhost" in site:
        return [
            checks.Warning(
                f"SITE_URL is {site or 'empty'}: links in e-mail would not reach the site.",
                hint="Set SITE_URL to the site's public https address, e.g. https://outcomes.example.org.",
                id="outcomes.W003",
            )
        ]
    return []
