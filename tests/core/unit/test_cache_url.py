"""CACHE_URL chooses the shared cache (docs/deployment.md "A shared cache", decision 0127): each
scheme gives Django's own backend, and the settings read the variable."""

import subprocess
import sys

import pytest

from outcomes.settings import env_cache
from tests.live import ROOT


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        (
            "redis://cache.internal:6379/0",
            "django.core.cache.backends.redis.RedisCache",
            "redis://cache.internal:6379/0",
        ),
        (
            "rediss://cache.internal:6380/2",
            "django.core.cache.backends.redis.RedisCache",
            "rediss://cache.internal:6380/2",
        ),
        ("db://outcomes_cache", "django.core.cache.backends.db.DatabaseCache", "outcomes_cache"),
        ("db://", "django.core.cache.backends.db.DatabaseCache", "cache"),
        (
            "memcached://cache.internal:11211",
            "django.core.cache.backends.memcached.PyMemcacheCache",
            "cache.internal:11211",
        ),
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache", "outcomes"),
        (
            "file:///var/cache/outcomes",
            "django.core.cache.backends.filebased.FileBasedCache",
            "/var/cache/outcomes",
        ),
    ],
)
def test_each_scheme_gives_djangos_backend(monkeypatch, url, backend, location):
    monkeypatch.setenv("CACHE_URL", url)
    cache = env_cache("CACHE_URL", "locmem://")
    assert cache["BACKEND"] == backend
    assert cache["LOCATION"] == location


def test_redis_gives_up_in_seconds_not_at_the_request_timeout(monkeypatch):
    monkeypatch.setenv("CACHE_URL", "redis://cache.internal:6379/0")
    options = env_cache("CACHE_URL", "locmem://")["OPTIONS"]
    assert options["socket_connect_timeout"] <= 5
    assert options["socket_timeout"] <= 5


def test_an_unknown_scheme_is_refused_naming_the_variable(monkeypatch):
    monkeypatch.setenv("CACHE_URL", "mongodb://cache.internal")
    with pytest.raises(ValueError, match=r"CACHE_URL: unknown cache 'mongodb://cache\.internal'"):
        env_cache("CACHE_URL", "locmem://")


def test_without_cache_url_the_cache_is_per_process(monkeypatch):
    monkeypatch.delenv("CACHE_URL", raising=False)
    assert env_cache("CACHE_URL", "locmem://")["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_the_settings_read_cache_url():
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "x", "CACHE_URL": "redis://cache.internal:6379/3"}
    code = "from outcomes import settings as s; c = s.CACHES['default']; print(c['BACKEND'], c['LOCATION'])"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://cache.internal:6379/3",
    ]
