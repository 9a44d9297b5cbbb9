"""Results kept between requests: each edition's answer codes as last read and the suppressed
figures made from them, renewed when the responses change (their fingerprint)."""

import numpy as np

from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.results.figures import Results, beside_borough, suppression_threshold
from outcomes.surveys.results.frequencies import analyse_codes

_CACHE: dict[tuple, Results] = {}
_CACHE_SIZE = 16
# Each edition's answer codes and every response's school, as last read, with the fingerprint of
# that read: a school report takes its rows from them, in the same request as the borough's figures
# it is compared with, rather than reading the school's responses again.
_ANSWERS: dict[int, tuple[tuple, questionnaires.Questionnaire, np.ndarray, np.ndarray]] = {}
_ANSWERS_EDITIONS = 3


def _fingerprint(edition) -> tuple:
    """What changes when the responses do: their number and the sum of their (random) keys, or of a
    64-bit hash of each on PostgreSQL. A response added, removed or put in the place of another
    changes it."""
    from django.db import connection

    from outcomes.surveys.models import Response

    if connection.vendor == "postgresql":
        # Summed by the server: every request waits for this, and it takes half as long as the
        # extreme keys as text did.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*), sum(uuid_hash_extended(id, 0)) FROM {Response._meta.db_table} "
                "WHERE edition_id = %s",
                [edition.pk],
            )
            n, total = cursor.fetchone()
        return (edition.pk, edition.revision, n, total)
    # SQLite (development and tests, hundreds of responses) has no hash to sum: the keys themselves.
    keys = Response.objects.filter(edition=edition).values_list("id", flat=True)
    return (edition.pk, edition.revision, len(keys), sum(key.int for key in keys))


def _cached(key: tuple, build):
    if key not in _CACHE:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = build()
    return _CACHE[key]


def _answers(edition, fingerprint: tuple) -> tuple[questionnaires.Questionnaire, np.ndarray, np.ndarray]:
    """The edition's questionnaire, answer codes and each response's school, as of ``fingerprint``."""
    from outcomes.surveys import storage

    kept = _ANSWERS.pop(edition.pk, None)
    if kept is None or kept[0] != fingerprint:
        kept = (fingerprint, *storage.codes_and_schools(edition))
    while len(_ANSWERS) >= _ANSWERS_EDITIONS:
        _ANSWERS.pop(next(iter(_ANSWERS)))
    _ANSWERS[edition.pk] = kept
    return kept[1:]


def _borough(edition, threshold: int, fingerprint: tuple) -> Results:
    def build() -> Results:
        q, codes, _ = _answers(edition, fingerprint)
        return analyse_codes(edition, q, codes, threshold=threshold)

    return _cached((fingerprint, None, threshold), build)


def borough_figures(edition, threshold: int | None = None) -> Results:
    """Every question's borough-wide frequencies, split by gender and ethnic group, suppressed
    (without the comparison with earlier editions)."""
    threshold = threshold or suppression_threshold(edition)
    return _borough(edition, threshold, _fingerprint(edition))


def school_figures(edition, school, threshold: int | None = None) -> Results:
    """One school's frequencies (with its own gender and ethnic splits), each beside the borough's
    percentage, suppressed."""
    threshold = threshold or suppression_threshold(edition)
    # One fingerprint for both: the school's figures and the borough's beside them are of the same
    # responses, and kept (or renewed) together.
    fingerprint = _fingerprint(edition)

    def build() -> Results:
        q, codes, schools = _answers(edition, fingerprint)
        results = analyse_codes(edition, q, codes[schools == school.pk], school=school, threshold=threshold)
        beside_borough(results, _borough(edition, threshold, fingerprint))
        return results

    return _cached((fingerprint, school.pk, threshold), build)
