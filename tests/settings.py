"""The settings the test suite runs with: production's (outcomes/settings.py) with a key of its own,
since production refuses to start without SECRET_KEY (decision 0073)."""

import os

os.environ.setdefault("SECRET_KEY", "outcomes-test-suite-key-used-only-by-the-tests")

from outcomes.settings import *  # noqa: F403

# The suite's database is thrown away when it ends: on PostgreSQL its commits need not wait for the
# disk (a durability no test examines), which shortens the many commits of the demo loads and of the
# tests that run a live server.
_database = DATABASES["default"]  # noqa: F405
if _database["ENGINE"].startswith("django.db.backends.postgresql"):
    _database.setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"

# Attached files go to a folder of the run's own, thrown away with it.
import tempfile  # noqa: E402

MEDIA_ROOT = tempfile.mkdtemp(prefix="outcomes-test-files-")
