"""factory_boy factories for core: a ChangeRecord about any saved object (``subject``)."""

import factory
from django.contrib.contenttypes.models import ContentType

from outcomes.core.models import ChangeRecord


class ChangeRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChangeRecord
        exclude = ["subject"]

    subject = None  # the object the change is about; give it, or the record names a content type only
    content_type = factory.LazyAttribute(
        lambda o: ContentType.objects.get_for_model(o.subject or ChangeRecord)
    )
    object_id = factory.LazyAttribute(lambda o: str(o.subject.pk) if o.subject else "0")
    action = "updated"
    summary = factory.Sequence(lambda n: f"Test change {n}")
