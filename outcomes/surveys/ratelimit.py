"""Limits that stop a school's link or code being used to flood the survey, or codes being guessed
(docs/decisions/0027-survey-rate-limits.md).

Counting is done in Django's cache (settings.CACHES, from CACHE_URL) in windows of one minute, keyed
by the access link. Wrong codes are also counted for the computer they come from, under a keyed hash
of its address that is kept in the cache for two minutes and nowhere else (docs/decisions/0072):
one visitor guessing cannot lock the other schools out. The default cache is per process; with
several application servers set CACHE_URL to a shared cache. The total for a school is counted in
the database, so it holds across servers whatever the cache.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db.models import Sum

from outcomes.core.clients import client_key
from outcomes.core.memo import Memo
from outcomes.surveys.models import AccessLink, Response, SchoolRoll

WINDOW_SECONDS = 60
DEFAULTS = {
    # Starting the questionnaire (each start makes a session) through one link.
    "STARTS_PER_MINUTE": 120,
    # Questionnaires sent through one link; a class finishing together sends about 30.
    "COMPLETIONS_PER_MINUTE": 60,
    # A school's responses (online and paper) may not exceed this multiple of its roll...
    "ROLL_MULTIPLE": 1.5,
    # ...nor, where no roll is recorded, this many.
    "MINIMUM_TOTAL": 60,
    # Wrong codes and unknown links from one computer (a whole school may share one address).
    "FAILED_CODES_PER_CLIENT_PER_MINUTE": 20,
    # Across the whole service: past this many in a minute, each computer is allowed only...
    "FAILED_CODES_PER_MINUTE": 60,
    # ...this many, until the minute ends. A right code is never refused for the service's count.
    "FAILED_CODES_PER_CLIENT_UNDER_LOAD": 5,
}


@dataclass(frozen=True)
class Limits:
    starts_per_minute: int
    completions_per_minute: int
    roll_multiple: float
    minimum_total: int
    failed_codes_per_minute: int
    failed_codes_per_client: int
    failed_codes_per_client_under_load: int


def limits() -> Limits:
    configured = {**DEFAULTS, **getattr(settings, "SURVEY_RATE_LIMITS", {})}
    return Limits(
        starts_per_minute=int(configured["STARTS_PER_MINUTE"]),
        completions_per_minute=int(configured["COMPLETIONS_PER_MINUTE"]),
        roll_multiple=float(configured["ROLL_MULTIPLE"]),
        minimum_total=int(configured["MINIMUM_TOTAL"]),
        failed_codes_per_minute=int(configured["FAILED_CODES_PER_MINUTE"]),
        failed_codes_per_client=int(configured["FAILED_CODES_PER_CLIENT_PER_MINUTE"]),
        failed_codes_per_client_under_load=int(configured["FAILED_CODES_PER_CLIENT_UNDER_LOAD"]),
    )


def _cache():
    return caches[getattr(settings, "SURVEY_RATE_CACHE", "default")]


def current_window() -> int:
    """The number of the current minute (counters start again in each)."""
    return int(time.time() // WINDOW_SECONDS)


def _key(bucket: str) -> str:
    return f"survey-rate:{bucket}:{current_window()}"


def count(bucket: str) -> int:
    """How many events the bucket has had in the current minute."""
    return int(_cache().get(_key(bucket), 0))


def hit(bucket: str, limit: int) -> bool:
    """Count one event in the current minute; False when that goes over ``limit``."""
    cache, key = _cache(), _key(bucket)
    cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
    try:
        n = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS * 2)
        n = 1
    return n <= limit


# --- What the pupils' pages ask ---------------------------------------------------------------------


def _client_bucket(request) -> str:
    return f"failed-codes:client:{client_key(request)}"


def code_entry_blocked(request) -> bool:
    """Whether this computer has had its wrong codes for the minute. Asked before a code is looked
    up, so a guesser past the limit learns nothing, while every other computer carries on. When the
    whole service sees more wrong codes than usual (many guessers), each computer's allowance
    shrinks; a pupil's right code still works within it."""
    configured = limits()
    allowed = configured.failed_codes_per_client
    if count("failed-codes") >= configured.failed_codes_per_minute:
        allowed = min(allowed, configured.failed_codes_per_client_under_load)
    return count(_client_bucket(request)) >= allowed


def record_failed_code(request) -> None:
    """A wrong code or an unknown link, counted for this computer and for the service."""
    configured = limits()
    hit(_client_bucket(request), configured.failed_codes_per_client)
    hit("failed-codes", configured.failed_codes_per_minute)


def allow_start(link: AccessLink) -> bool:
    return hit(f"start:{link.pk}", limits().starts_per_minute)


# Rolls change once a year: each process keeps a school's limit for a few seconds (core/memo.py)
# rather than summing the roll at every Send.
_TOTAL_LIMITS: Memo[int] = Memo()


def school_total_limit(link: AccessLink) -> int:
    """The most responses a school may have in the edition: a multiple of its roll in the edition's
    year groups (rounded up), or the minimum where no roll is recorded."""
    return _TOTAL_LIMITS.get((link.edition_id, link.school_id), lambda: _school_total_limit(link))


def _school_total_limit(link: AccessLink) -> int:
    edition = link.edition
    roll = (
        SchoolRoll.objects.filter(
            school_id=link.school_id, year=edition.year, year_group__in=edition.year_group_list
        ).aggregate(total=Sum("pupils"))["total"]
        or 0
    )
    configured = limits()
    if roll <= 0:
        return configured.minimum_total
    return math.ceil(roll * configured.roll_multiple)


def school_is_full(link: AccessLink) -> bool:
    sent = Response.objects.filter(edition_id=link.edition_id, school_id=link.school_id).count()
    return sent >= school_total_limit(link)


def allow_completion(link: AccessLink) -> bool:
    """Counts the questionnaire against this minute's allowance for the link."""
    return hit(f"done:{link.pk}", limits().completions_per_minute)
