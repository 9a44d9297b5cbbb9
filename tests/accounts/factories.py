"""factory_boy factories for the accounts app: users with a role, people (leads), organisations."""

import factory

from outcomes.accounts.demo import DEMO_PASSWORD
from outcomes.accounts.models import Organisation, Person, User
from outcomes.accounts.roles import Role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    role = Role.VIEWER
    is_staff = factory.LazyAttribute(lambda user: user.role == Role.ADMINISTRATOR)
    is_superuser = factory.LazyAttribute(lambda user: user.role == Role.ADMINISTRATOR)
    password = factory.PostGenerationMethodCall("set_password", DEMO_PASSWORD)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test organisation {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Test Person {n}")
