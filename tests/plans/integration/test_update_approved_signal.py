"""The signal the risk register listens to: sent once per approval, after the commit."""

import pytest
from django.db import transaction

from outcomes.plans import services, signals
from tests.factories import UserFactory
from tests.plans.factories import UpdateFactory


@pytest.mark.django_db(transaction=True)
def test_an_approval_is_announced_once_after_commit():
    heard = []

    def listener(sender, update, **kwargs):
        heard.append(update.pk)

    signals.update_approved.connect(listener)
    try:
        update = UpdateFactory()
        officer = UserFactory()
        with transaction.atomic():
            services.approve_update(user=officer, update=update)
            assert heard == []
        assert heard == [update.pk]
        services.approve_update(user=officer, update=update)
        assert heard == [update.pk]
    finally:
        signals.update_approved.disconnect(listener)
