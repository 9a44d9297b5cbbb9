"""``/healthz``: whether this application server's database, cache and workers answer
(docs/deployment.md, "Health checks"; decision 0125).

A proxy, a load balancer or a monitor asks it every few seconds, signed out: it answers 200 when
every part answers and 503 naming the parts that do not, as JSON. What it says is the same for
everyone and holds nothing about anyone: no host, address, error text or count of people. Why a part
failed goes to the log (which keeps no personal data either: core/logs.py).

Core checks the parts every server has (the database, the shared cache). An app that owns another
part registers its check when it is ready (the jobs app: its workers' heartbeat), as apps register
their data checks, so that core asks every part without importing any app.
"""

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Answer:
    ok: bool
    # Words anyone may read: what is wrong, never the error's own text (it names hosts and users).
    detail: str


Check = Callable[[], Answer]
_PARTS: dict[str, Check] = {}


def register(name: str):
    """Register the decorated function as the check of the part ``name`` (one check a part)."""

    def decorate(check: Check) -> Check:
        _PARTS[name] = check
        return check

    return decorate


def parts() -> dict[str, Check]:
    return dict(_PARTS)


@register("database")
def database() -> Answer:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            return Answer(False, "The database answered wrongly.")
    return Answer(True, "The database answers.")


@register("cache")
def cache() -> Answer:
    """A value written and read back: a cache that takes writes but loses them (a full memcached, a
    dummy backend) fails too, since the rate limits count in it."""
    store = caches["default"]
    key = f"healthz:{uuid.uuid4().hex}"
    store.set(key, "here", timeout=30)
    try:
        if store.get(key) != "here":
            return Answer(False, "The cache does not keep what is written to it.")
    finally:
        store.delete(key)
    return Answer(True, "The cache answers.")


def run(name: str, check: Check) -> dict:
    started = time.perf_counter()
    try:
        answer = check()
    except Exception as error:  # any failure of a part is what the check is for
        log.warning("Health check: the %s part failed (%s: %s)", name, type(error).__name__, error)
        answer = Answer(False, "No answer (the server's log says why).")
    else:
        if not answer.ok:
            log.warning("Health check: the %s part failed (%s)", name, answer.detail)
    return {"ok": answer.ok, "detail": answer.detail, "ms": round(1000 * (time.perf_counter() - started))}


def report() -> dict:
    """Every part's answer, and which failed."""
    results = {name: run(name, check) for name, check in parts().items()}
    failing = [name for name, result in results.items() if not result["ok"]]
    return {"status": "failing" if failing else "ok", "failing": failing, "parts": results}


@require_safe
@never_cache
def healthz(request):  # noqa: ARG001 (the same answer for everyone)
    body = report()
    return JsonResponse(body, status=503 if body["failing"] else 200)
