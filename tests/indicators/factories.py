"""factory_boy factories for the indicators app: areas, indicators, periods, values, targets, clinics
and their agreed actions, import runs."""

from datetime import date
from decimal import Decimal

import factory

from outcomes.governance.clinics import clinic_body
from outcomes.governance.models import Action
from outcomes.governance.services import next_number
from outcomes.indicators.models import (
    Area,
    Clinic,
    ImportRun,
    Indicator,
    Period,
    Target,
    Value,
)


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    name = factory.Sequence(lambda n: f"Test area {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"T {n}")
    name = factory.Sequence(lambda n: f"Test indicator {n}")


class PeriodFactory(factory.django.DjangoModelFactory):
    """A financial year, 2000-01 onwards, one a sequence number (periods are unique by their span)."""

    class Meta:
        model = Period

    class Params:
        year = factory.Sequence(lambda n: 2000 + n)

    kind = Period.FINANCIAL_YEAR
    label = factory.LazyAttribute(lambda o: f"{o.year}-{(o.year + 1) % 100:02d}")
    start = factory.LazyAttribute(lambda o: date(o.year, 4, 1))
    end = factory.LazyAttribute(lambda o: date(o.year + 1, 3, 31))
    sort_key = factory.LazyAttribute(lambda o: o.year * 10000 + 401)


class ImportRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportRun

    kind = ImportRun.TEMPLATE
    source = "test.xlsx"


class ValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Value

    indicator = factory.SubFactory(IndicatorFactory)
    area = factory.SubFactory(AreaFactory)
    period = factory.SubFactory(PeriodFactory)
    value = Decimal("50")


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indicator = factory.SubFactory(IndicatorFactory)
    due = date(2014, 3, 31)
    value = Decimal("75")


class ClinicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clinic

    slug = factory.Sequence(lambda n: f"test-clinic-{n}")
    title = factory.Sequence(lambda n: f"Test clinic {n}")
    date = date(2014, 6, 30)


class AgreedActionFactory(factory.django.DjangoModelFactory):
    """An action agreed at a clinic: an action of the Performance clinics on the one tracker
    (decision 0142). Pass ``owners=[person]`` to link its owners."""

    class Meta:
        model = Action

    body = factory.LazyFunction(clinic_body)
    clinic = factory.SubFactory(ClinicFactory)
    number = factory.LazyAttribute(lambda o: next_number(o.body))
    details = "Visit every new mother in her first week"
    owner_text = "Gani Martins"
    raised_on = factory.LazyAttribute(lambda o: o.clinic.date)
    status = Action.ONGOING

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        if create and extracted:
            self.owners.set(extracted)
