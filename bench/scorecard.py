"""Benchmark: server time of an area's scorecard page (every measure's latest figure, with value,
direction of travel, neighbours' average, region, England, rank and band). Called by
bench/indicators.py on the fully imported LAIT database; the target is 300 ms for Rotherham.
"""

import time

from django.test import Client


def measure(area) -> float:
    """Seconds for one GET of ``area``'s scorecard, after one warm-up GET (templates compiled)."""
    from django.conf import settings
    from django.urls import reverse

    from outcomes.accounts.models import User
    from outcomes.accounts.roles import Role
    from outcomes.indicators.access import area_key

    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    user, _ = User.objects.get_or_create(username="bench-viewer", defaults={"role": Role.VIEWER})
    client = Client()
    client.force_login(user)
    url = reverse("indicators:scorecard", args=[area_key(area)])
    assert client.get(url).status_code == 200
    start = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - start
    assert response.status_code == 200
    return elapsed
