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
    table = Response._meta.db_table
    sql = f"SELECT codes, gender, ethnic_group, school_id FROM {table} WHERE edition_id = %s"
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
            fetched = cursor.fetchall()
    else:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
    width = len(q.slots)
    if fetched:
        packed = b"".join(bytes(r[0]) for r in fetched)
        codes = np.frombuffer(packed, dtype=np.uint8).reshape(len(fetched), width)
    else:
        codes = np.zeros((0, width), dtype=np.uint8)
    return AnswerMatrix(
        questionnaire=q,
        codes=codes,
        gender=np.array([r[1] for r in fetched], dtype=object),
        ethnic_group=np.array([r[2] for r in fetched], dtype=object),
        school=np.array([r[3] for r in fetched], dtype=np.int64),
    )
