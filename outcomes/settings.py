"""Settings for Outcomes: one file, read from the environment through small typed helpers."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from outcomes.content_security import DIRECTIVES as CSP_DIRECTIVES

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_number(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value not in (None, "") else default


def env_cache(name: str, default: str) -> dict:
    """A cache from a URL: locmem:// (one per process, the default), db://TABLE (run
    `manage.py createcachetable`), redis://HOST:PORT/DB (Django's RedisCache),
    memcached://HOST:PORT (needs pymemcache) or file:///PATH."""
    url = env_str(name, default)
    scheme, _, rest = url.partition("://")
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": rest or "outcomes"}
    if scheme == "db":
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": rest or "cache"}
    if scheme in {"redis", "rediss"}:
        # A cache that stops answering fails a request in seconds, not at gunicorn's 30 s timeout.
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    if scheme == "memcached":
        return {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache", "LOCATION": rest}
    if scheme == "file":
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": rest}
    raise ValueError(f"{name}: unknown cache '{url}' (locmem://, db://, redis://, memcached:// or file://)")


DEBUG = env_bool("DEBUG", False)
# No built-in key is ever used silently: without SECRET_KEY only DEBUG (a developer's machine) runs.
# `make run` and `make test` set a local key of their own, and say so (Makefile).
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random value (README, 'Operating notes'); "
            "only DEBUG=1 runs without one."
        )
    SECRET_KEY = "outcomes-debug-only-key-never-used-with-debug-off"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "http://127.0.0.1:8000,http://localhost:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "outcomes.core",
    "outcomes.accounts",
    "outcomes.documents",
    "outcomes.jobs",
    "outcomes.plans",
    "outcomes.reports",
    "outcomes.indicators",
    "outcomes.surveys",
    "outcomes.papers",
    "outcomes.governance",
    "outcomes.risks",
    "outcomes.inspections",
    "outcomes.api",
    "outcomes.reminders",
    "outcomes.home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, so that the static files are not logged; outside the rest, so that the time
    # logged is the whole request's.
    "outcomes.core.middleware.RequestLog",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "outcomes.core.middleware.StaffResponsesNotStored",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "outcomes.urls"
WSGI_APPLICATION = "outcomes.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "outcomes.templating.environment"},
    },
    {
        # Django's admin (used by administrators for users and organisations) needs its own engine.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'outcomes.sqlite3'}"),
        conn_max_age=60,
    )
}
# The embedded default must hold a partnership's concurrency (docs/decisions/0070-sqlite-concurrency.md):
# WAL lets pages read while someone saves; every transaction takes the write lock when it begins, so
# two saves queue (for up to the busy timeout) instead of failing when a reader turns writer.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_number("SQLITE_BUSY_TIMEOUT_SECONDS", 20),
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in throttling (django-axes, decision 0073): after AXES_FAILURE_LIMIT wrong passwords for one
# username from one address, that pair waits AXES_COOLOFF_TIME. Counted in the cache only, so no
# address, username or device is written to the database; the counters go when the cool-off ends.
AUTHENTICATION_BACKENDS = [
    "outcomes.accounts.backends.SignInThrottle",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = int(env_number("SIGN_IN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = timedelta(minutes=env_number("SIGN_IN_COOLOFF_MINUTES", 15))
# The pair, not the address alone (a council office shares one) nor the username alone (anyone
# could lock a colleague out from anywhere).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False  # its log lines name the address
AXES_DISABLE_ACCESS_LOG = True
# Behind a proxy (SECURE_PROXY_SSL_HEADER), the address is the one the proxy adds to
# X-Forwarded-For; TRUSTED_PROXY_COUNT says how many proxies stand in front.
TRUSTED_PROXY_COUNT = int(env_number("TRUSTED_PROXY_COUNT", 0))
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
# Per-process counting is said once, by outcomes.W001 under `check --deploy`.
SILENCED_SYSTEM_CHECKS = ["axes.W001"]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "frontend" / "build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from STATICFILES_DIRS as well, so a run without collectstatic still has its CSS.
WHITENOISE_USE_FINDERS = True
# Files people attach (an update's evidence): kept for good, never served as static files, only
# through the pages that check who may read them (decision 0103). Shared by every application server.
MEDIA_ROOT = Path(env_str("FILES_DIR", str(BASE_DIR / "var" / "files")))
EVIDENCE_MAX_MB = env_number("EVIDENCE_MAX_MB", 10)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
# A staff sign-in lasts a working day, not Django's two weeks (decision 0073).
SESSION_COOKIE_AGE = int(env_number("SESSION_HOURS", 9) * 3600)

# Behind TLS (README, "Operating notes"): each set from the environment, off by default so that
# `make run` works on plain http://127.0.0.1.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
# A proxy's or a monitor's probe asks over plain HTTP inside the network (decision 0125).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(env_number("SECURE_HSTS_SECONDS", 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# The header a TLS-terminating proxy sets, as "HEADER,value" (e.g. HTTP_X_FORWARDED_PROTO,https).
# Set it only when the proxy always sets (or strips) that header.
_proxy_header = env_list("SECURE_PROXY_SSL_HEADER", "")
SECURE_PROXY_SSL_HEADER = tuple(_proxy_header) if len(_proxy_header) == 2 else None
if _proxy_header and SECURE_PROXY_SSL_HEADER is None:
    raise ImproperlyConfigured(
        "SECURE_PROXY_SSL_HEADER must be 'HEADER,value', e.g. HTTP_X_FORWARDED_PROTO,https"
    )
SECURE_REFERRER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {"DIRECTIVES": CSP_DIRECTIVES}

# Largest plan file accepted for import through the web pages.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# What one upload may hold, for every importer (outcomes/core/imports/limits.py, decision 0062).
IMPORT_LIMITS = {
    "FILE_BYTES": int(env_number("IMPORT_MAX_FILE_MB", 10) * 1024 * 1024),
    "EXPANDED_BYTES": int(env_number("IMPORT_MAX_EXPANDED_MB", 60) * 1024 * 1024),
    "ROWS": int(env_number("IMPORT_MAX_ROWS", 20_000)) + 1,
    "PROBLEMS": int(env_number("IMPORT_MAX_PROBLEMS_LISTED", 100)),
}


# The DfE LAIT files the demo loads, and which of their measures (short codes; empty: every one).
# The test suite loads a handful (tests/conftest.py); a code containing a comma cannot be named here.
# The repository carries a copy of the LAIT release (data/lait/README.md: Open Government Licence).
OUTCOMES_LAIT_DIR = env_str("OUTCOMES_LAIT_DIR", str(BASE_DIR / "data" / "lait"))
OUTCOMES_DEMO_LAIT_MEASURES = env_list("OUTCOMES_DEMO_LAIT_MEASURES", "")
# The partnership's own area (LA number or name): its scorecard is the home one, targets and
# exceptions are its own. 372 is Rotherham.
INDICATORS_HOME_AREA = env_str("INDICATORS_HOME_AREA", "372")

# Logs go to standard error without personal data (docs/decisions/0126-logs-without-personal-data.md):
# every record passes core/logs.py's filter. LOG_REQUESTS (on by default) writes one line a request
# (core/middleware.py RequestLog: method, address pattern, status, time); LOG_LEVEL the rest.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "outcomes.core.logs.PersonalDataFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["personal_data"], "formatter": "plain"}
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Django's own handlers (an unfiltered console when DEBUG, e-mail to ADMINS) are replaced:
        # its records reach the filtered console above.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # SQL with its parameters (names, answers) is never logged, whatever LOG_LEVEL says.
        "django.db.backends": {"level": "INFO"},
        "outcomes.requests": {"level": "INFO" if env_bool("LOG_REQUESTS", True) else "WARNING"},
    },
}
# Not logged one by one: the pupils' pages (decision 0026) and the health probes.
REQUEST_LOG_LEAVE_OUT = ["/s/", "/healthz"]


# Background work (docs/decisions/0110-task-queue.md): tasks wait in the project's own database
# (django-tasks' database backend), and `manage.py worker` processes run them; `make run` starts
# one beside the server. A task failing for a passing reason (a locked or lost database) is queued
# again up to JOBS_MAX_ATTEMPTS times, JOBS_RETRY_SECONDS apart (doubling each time).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
JOBS_MAX_ATTEMPTS = int(env_number("JOBS_MAX_ATTEMPTS", 3))
JOBS_RETRY_SECONDS = env_number("JOBS_RETRY_SECONDS", 5)
# `manage.py worker` records that it is there this often; /healthz says the workers answer while one
# did within HEALTH_WORKER_SECONDS (docs/decisions/0129-worker-heartbeat.md).
WORKER_HEARTBEAT_SECONDS = env_number("WORKER_HEARTBEAT_SECONDS", 10)
HEALTH_WORKER_SECONDS = env_number("HEALTH_WORKER_SECONDS", 60)

# The survey's rate limits count in this cache: with several application servers it must be shared
# (docs/decisions/0027-survey-rate-limits.md).
CACHES = {"default": env_cache("CACHE_URL", "locmem://")}

# Limits on pupils' survey links (outcomes/surveys/ratelimit.py says what each one counts).
SURVEY_RATE_LIMITS = {
    "STARTS_PER_MINUTE": env_number("SURVEY_STARTS_PER_MINUTE", 120),
    "COMPLETIONS_PER_MINUTE": env_number("SURVEY_COMPLETIONS_PER_MINUTE", 60),
    "ROLL_MULTIPLE": env_number("SURVEY_ROLL_MULTIPLE", 1.5),
    "MINIMUM_TOTAL": env_number("SURVEY_MINIMUM_TOTAL", 60),
    "FAILED_CODES_PER_MINUTE": env_number("SURVEY_FAILED_CODES_PER_MINUTE", 60),
    "FAILED_CODES_PER_CLIENT_PER_MINUTE": env_number("SURVEY_FAILED_CODES_PER_CLIENT_PER_MINUTE", 20),
    "FAILED_CODES_PER_CLIENT_UNDER_LOAD": env_number("SURVEY_FAILED_CODES_PER_CLIENT_UNDER_LOAD", 5),
}

# A questionnaire nobody has answered for this long is forgotten (a shared school computer).
SURVEY_IDLE_MINUTES = int(env_number("SURVEY_IDLE_MINUTES", 30))

# Survey results resting on fewer pupils than this are suppressed everywhere (SPEC §3).
SURVEY_SUPPRESSION_THRESHOLD = int(env_number("SURVEY_SUPPRESSION_THRESHOLD", 10))

# E-mail (reminders, decision 0117). With EMAIL_HOST set, messages go by SMTP; without it they are
# written as files to EMAIL_FILE_PATH (var/mail in the project, git-ignored), where the demo's can be
# read. EMAIL_BACKEND names any other backend, e.g. django.core.mail.backends.console.EmailBackend.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = int(env_number("EMAIL_PORT", 587))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not env_bool("EMAIL_USE_SSL", False))
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(env_number("EMAIL_TIMEOUT", 30))
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.filebased.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Outcomes <outcomes@localhost>")
# The address people follow from an e-mail to a page: links in messages are absolute.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Owners of clinics' agreed actions are reminded this many days before an action's due date.
REMINDERS_ACTION_DAYS_BEFORE = int(env_number("REMINDERS_ACTION_DAYS_BEFORE", 3))
