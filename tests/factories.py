"""Test data builders. Plans come from the interchange format, so tests build them the way users do."""

import copy
import json
from pathlib import Path

import factory

from outcomes.accounts.demo import DEMO_PASSWORD
from outcomes.accounts.models import User
from outcomes.accounts.roles import Role
from outcomes.plans.interchange import import_plan

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def small_plan_data() -> dict:
    return copy.deepcopy(json.loads((FIXTURES / "small_plan.json").read_text(encoding="utf-8")))


def make_small_plan(**changes):
    data = small_plan_data()
    data.update(changes)
    return import_plan(data, source="small_plan.json")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    role = Role.VIEWER
    is_staff = factory.LazyAttribute(lambda user: user.role == Role.ADMINISTRATOR)
    is_superuser = factory.LazyAttribute(lambda user: user.role == Role.ADMINISTRATOR)
    password = factory.PostGenerationMethodCall("set_password", DEMO_PASSWORD)
