"""The settings the test suite runs with: production's (outcomes/settings.py) with a key of its own,
since production refuses to start without SECRET_KEY (decision 0073)."""

import os

os.environ.setdefault("SECRET_KEY", "outcomes-test-suite-key-used-only-by-the-tests")

from outcomes.settings import *  # noqa: F403
