"""factory_boy factories for the surveys app: surveys, editions, schools and their access links."""

from datetime import date

import factory

from outcomes.surveys.models import AccessLink, Edition, School, Survey


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    name = factory.Sequence(lambda n: f"Test survey {n}")
    slug = factory.Sequence(lambda n: f"test-survey-{n}")


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    survey = factory.SubFactory(SurveyFactory)
    year = 2011
    phase = "primary"
    year_groups = "5"
    slug = factory.Sequence(lambda n: f"test-edition-{n}")
    title = factory.Sequence(lambda n: f"Test edition {n}")
    confidentiality = "Nobody at school sees your answers."
    opens = date(2011, 10, 1)
    closes = date(2011, 11, 30)


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    name = factory.Sequence(lambda n: f"Test Primary School {n}")
    code = factory.Sequence(lambda n: f"test-primary-{n}")
    phase = "primary"


class AccessLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessLink

    edition = factory.SubFactory(EditionFactory)
    school = factory.SubFactory(SchoolFactory, phase=factory.SelfAttribute("..edition.phase"))
    token = factory.Sequence(lambda n: f"test-token-{n:08d}")
    code = factory.Sequence(lambda n: f"T{n:07d}")
