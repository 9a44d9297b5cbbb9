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
from outcomes.indicators.lait import DICTIONARY_FILE, import_lait, measures_in
from outcomes.indicators.lait_files import read_dictionary
from outcomes.indicators.models import Indicator, Value
from tests.conftest import ensure_demo

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
        ensure_demo()
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


def test_rotherhams_ranks_are_dfes_on_every_measure(all_of_lait):
    """Issue 11 item 6: DfE's tool ranks every LA with a value in the period, authorities since
    reorganised that still report included (Cumbria's 2024 figures for 19-year-olds). Worked out
    here from the long file itself for the latest figure of each of Rotherham's measures."""
    import pyarrow.parquet as pq

    from outcomes.indicators.models import DerivedFigure

    table = pq.read_table(LAIT / "bds_long_0.parquet", columns=["Short Desc", "Years", "Values", "LA Number"])
    published: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for code, label, text, number in zip(*(table[c].to_pylist() for c in table.column_names), strict=True):
        try:
            value = float(text)
        except (TypeError, ValueError):
            continue
        if number is not None and number < 970:  # LAs; England is 970, regions above
            published.setdefault((code, label), []).append((int(number), value))
    latest = {}
    figures = DerivedFigure.objects.filter(
        area__la_number=int(HOME), value__isnull=False, indicator__from_lait=True
    ).exclude(indicator__polarity__in=[Indicator.NONE, Indicator.BAND])
    for fig in figures.select_related("indicator", "period").order_by("period__sort_key"):
        latest[fig.indicator.code] = fig
    labels = {
        (v.indicator.code, v.period_id): v.published_label
        for v in Value.objects.filter(area__la_number=int(HOME), value__isnull=False).select_related(
            "indicator"
        )
    }
    wrong = []
    for code, fig in latest.items():
        values = published[(code, labels[(code, fig.period_id)])]
        mine = next(v for n, v in values if n == int(HOME))
        high = fig.indicator.polarity == Indicator.HIGH
        better = sum(1 for _, v in values if (v > mine if high else v < mine))
        expected = (better + 1, len(values))
        if (fig.rank, fig.rank_of) != expected:
            wrong.append((code, fig.period.label, (fig.rank, fig.rank_of), expected))
    assert wrong == []
    assert len(latest) > 300
    age19 = latest["Age19_NoNSEN"]
    assert age19.rank == published_rank_of_age19(published, labels, age19)


def published_rank_of_age19(published, labels, fig) -> int:
    values = published[("Age19_NoNSEN", labels[("Age19_NoNSEN", fig.period_id)])]
    assert 909 in {n for n, _ in values}, "Cumbria (909) still reports this measure"
    mine = next(v for n, v in values if n == int(HOME))
    return 1 + sum(1 for _, v in values if v > mine)
