"""Every measure page and every neighbours page of the home area answer, on the whole of LAIT.

The suite's demo holds nine LAIT measures; 174 of the 455 measure pages once failed only on the
measures it did not hold (issue 11). All 448 measures are imported once for this module, inside a
transaction rolled back at its end, so other modules keep the small demo."""

from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse

from outcomes.indicators import access
from outcomes.indicators.lait import DICTIONARY_FILE, import_lait, measures_in, read_dictionary
from outcomes.indicators.models import Indicator, Value

LAIT = Path(settings.OUTCOMES_LAIT_DIR)
HOME = "372"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db,
    pytest.mark.skipif(not (LAIT / "bds_long_0.parquet").is_file(), reason="no LAIT data"),
]


@pytest.fixture(scope="module")
def all_of_lait(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            import_lait(LAIT)
            yield sorted(Indicator.objects.values_list("code", flat=True))
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_the_whole_of_lait_is_loaded(all_of_lait):
    lait_codes = set(Indicator.objects.filter(from_lait=True).values_list("code", flat=True))
    assert lait_codes >= set(measures_in(LAIT))
    # 448 rows of the dictionary, a few measures listed under two topics.
    assert lait_codes == set(read_dictionary(LAIT / DICTIONARY_FILE))
    # The measures that failed were those with a suppressed or missing value for the home area.
    missing = Value.objects.filter(area__la_number=int(HOME), value__isnull=True)
    assert missing.values("indicator").distinct().count() > 100


@pytest.mark.parametrize("role", ["performance_officer", "viewer"])
def test_every_measure_page_and_neighbours_page_of_the_home_area_answers(client, users, all_of_lait, role):
    client.force_login(users[role])
    failed = []
    for code in all_of_lait:
        slug = access.code_slug(code)
        for url in (
            reverse("indicators:indicator", args=[slug]) + f"?area={HOME}",
            reverse("indicators:neighbours", args=[HOME, slug]),
        ):
            status = client.get(url).status_code
            if status != 200:
                failed.append((url, status))
    assert failed == []
    assert len(all_of_lait) == Indicator.objects.count() > 440
