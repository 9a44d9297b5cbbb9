"""factory_boy factories for the plans app, and the small plan read from the interchange format
(tests that need a whole plan build it the way users do)."""

import copy
import json
from datetime import date
from pathlib import Path

import factory

from outcomes.plans.interchange import import_plan
from outcomes.plans.models import Action, Milestone, Plan, Priority, Round, Update

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def small_plan_data() -> dict:
    return copy.deepcopy(json.loads((FIXTURES / "small_plan.json").read_text(encoding="utf-8")))


def make_small_plan(**changes):
    data = small_plan_data()
    data.update(changes)
    return import_plan(data, source="small_plan.json")


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    slug = factory.Sequence(lambda n: f"test-plan-{n}")
    title = factory.Sequence(lambda n: f"Test plan {n}")
    start = date(2013, 4, 1)
    end = date(2016, 3, 31)


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    statement = "Every child is ready for school"


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    priority = factory.SubFactory(PriorityFactory)
    label = factory.Sequence(lambda n: f"{n + 1}.1")
    text = "Work with families before a child starts school"


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    action = factory.SubFactory(ActionFactory)
    priority = factory.SelfAttribute("action.priority")
    number = factory.Sequence(lambda n: n + 1)
    text = "Run twelve sessions for parents"


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    plan = factory.SubFactory(PlanFactory)
    slug = factory.Sequence(lambda n: f"round-{n}")
    title = factory.Sequence(lambda n: f"Round {n}")
    opens = date(2014, 6, 1)
    closes = date(2014, 6, 30)


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Update

    milestone = factory.SubFactory(MilestoneFactory)
    round = factory.SubFactory(RoundFactory, plan=factory.SelfAttribute("..milestone.priority.plan"))
    # Fractions over the plan's RAG keys (the model's empty default is not a valid update).
    weights = factory.LazyFunction(lambda: {"green": "1"})
