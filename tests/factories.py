"""Each app's factories live in tests/<app>/factories.py (decision 0083); the names here stay for
the tests that import them from the root."""

from tests.accounts.factories import UserFactory
from tests.plans.factories import FIXTURES, make_small_plan, small_plan_data

__all__ = ["FIXTURES", "UserFactory", "make_small_plan", "small_plan_data"]
