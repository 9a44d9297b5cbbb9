"""Reading an edition's responses for analysis: every response's slot bytes as one numpy matrix
(docs/decisions/0020-survey-answer-storage.md)."""

from dataclasses import dataclass

import numpy as np
from django.db import connection

from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.models import Edition, Response


@dataclass
class AnswerMatrix:
    """``codes[i, slot]`` is response i's code for ``questionnaire.slots[slot]`` (0 not shown,
    1 shown but not answered, 2 + n the choice with order n; tick-boxes 2 not ticked, 3 ticked).
    ``gender``, ``ethnic_group`` and ``school`` are aligned with the rows."""

    questionnaire: questionnaires.Questionnaire
    codes: np.ndarray
    gender: np.ndarray
    ethnic_group: np.ndarray
    school: np.ndarray

    def __len__(self) -> int:
        return self.codes.shape[0]


def answer_matrix(edition: Edition, *, school=None) -> AnswerMatrix:
    """All of the edition's responses (or one school's), read in one query."""
    q = questionnaires.load(edition)
    fetched = _fetch(edition, school, "codes, gender, ethnic_group, school_id")
    return AnswerMatrix(
        questionnaire=q,
        codes=_codes(q, fetched),
        gender=np.array([r[1] for r in fetched], dtype=object),
        ethnic_group=np.array([r[2] for r in fetched], dtype=object),
        school=np.array([r[3] for r in fetched], dtype=np.int64),
    )


def codes_and_schools(edition: Edition) -> tuple[questionnaires.Questionnaire, np.ndarray, np.ndarray]:
    """The edition's questionnaire, every response's codes (as ``AnswerMatrix.codes``) and each
    response's school: what the analysis counts, read without the breakdown names, which it never
    uses (a third less to fetch)."""
    q = questionnaires.load(edition)
    fetched = _fetch(edition, None, "codes, school_id")
    return q, _codes(q, fetched), np.fromiter((r[1] for r in fetched), dtype=np.int64, count=len(fetched))


def _fetch(edition: Edition, school, columns: str) -> list[tuple]:
    sql = f"SELECT {columns} FROM {Response._meta.db_table} WHERE edition_id = %s"
    params = [edition.pk]
    if school is not None:
        sql += " AND school_id = %s"
        params.append(school.pk)
    # A plain cursor: building 100,000 tuples through the ORM takes longer than the analysis. On
    # PostgreSQL, binary results halve the time again (bytea travels as bytes, not hex text).
    if connection.vendor == "postgresql":
        import psycopg

        connection.ensure_connection()
        with psycopg.Cursor(connection.connection) as cursor:
            cursor.execute(sql, params, binary=True)
            return cursor.fetchall()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _codes(q: questionnaires.Questionnaire, fetched: list[tuple]) -> np.ndarray:
    """The first column of ``fetched``, one byte per slot, as a matrix of a row per response."""
    width = len(q.slots)
    if not fetched:
        return np.zeros((0, width), dtype=np.uint8)
    # join() takes bytes and memoryviews alike, without copying each first.
    return np.frombuffer(b"".join([r[0] for r in fetched]), dtype=np.uint8).reshape(len(fetched), width)
