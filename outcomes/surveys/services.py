"""Saving responses: the one path by which answers reach the database, whether a pupil finished
online, a member of staff typed in a paper questionnaire, or the generator made synthetic ones.

Nothing that could identify a pupil is written: no audit record names an online response (its
time would be a timestamp finer than the day), and the response keeps only the day.
"""

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.db import connection, transaction

from outcomes.core.models import record_change
from outcomes.surveys import questionnaire as questionnaires
from outcomes.surveys.models import Edition, Response, School, SchoolParticipation, TextAnswer
from outcomes.surveys.questionnaire import InvalidAnswers

__all__ = [
    "AlreadySent",
    "InvalidAnswers",
    "PreparedResponse",
    "prepare_response",
    "record_response",
    "record_responses",
]

BATCH = 2000


class AlreadySent(Exception):
    """The questionnaire was saved by an earlier request (a second click of Send): nothing is saved."""


@dataclass
class PreparedResponse:
    response: Response
    texts: list[tuple[int, str]]  # (question id, text)


def prepare_response(
    edition: Edition,
    school: School,
    answers: Mapping,
    *,
    mode: str = Response.ONLINE,
    on: date | None = None,
    questionnaire=None,
) -> PreparedResponse:
    """Check the answers and pack them into an unsaved response; raises InvalidAnswers.

    Mandatory questions are enforced online only: a pupil may have left a paper box empty, and
    what is typed in is what they wrote. Answers to questions hidden by the pupil's other answers
    are dropped in both modes."""
    if mode not in {Response.ONLINE, Response.PAPER}:
        raise ValueError(f"unknown mode {mode!r}")
    q = questionnaire or questionnaires.load(edition)
    # Free text is kept without control characters, whichever way it came (a session holding text
    # typed before this rule included).
    answers = {
        name: questionnaires.clean_text(value)
        if isinstance(value, str) and name in q.by_name and q.by_name[name].type == "text"
        else value
        for name, value in answers.items()
    }
    seen = q.visibility(answers)
    problems = q.check_answers(answers, require=mode == Response.ONLINE, seen=seen)
    if problems:
        raise InvalidAnswers(problems)
    kept = q.shown_answers(answers, seen)
    if mode == Response.PAPER and not any(value not in (None, "", [], {}) for value in kept.values()):
        raise InvalidAnswers({questionnaires.BLANK: questionnaires.BLANK_MESSAGE})
    gender, ethnic_group = q.breakdown_values(kept)
    response = Response(
        edition=edition,
        school=school,
        mode=mode,
        completed_on=on or date.today(),
        gender=gender,
        ethnic_group=ethnic_group,
        codes=q.encode(kept, seen),
    )
    texts = [
        (q.by_name[name].id, value.strip())
        for name, value in kept.items()
        if q.by_name[name].type == "text" and value.strip()
    ]
    return PreparedResponse(response, texts)


def record_response(
    edition: Edition,
    school: School,
    answers: Mapping,
    *,
    mode: str = Response.ONLINE,
    on: date | None = None,
    user=None,
    claim: Callable[[], bool] | None = None,
) -> Response:
    """Save one completed questionnaire with its answers in one transaction and return it.

    ``user`` is the member of staff typing in a paper questionnaire (its entry is recorded against
    the school's participation, never against the response). ``claim`` runs first inside the
    transaction and consumes the single-use token the questionnaire came with; when it returns False
    (an earlier request took the token) nothing is saved and AlreadySent is raised."""
    prepared = prepare_response(edition, school, answers, mode=mode, on=on)
    with transaction.atomic():
        if claim is not None and not claim():
            raise AlreadySent
        response = prepared.response
        response.save(force_insert=True)
        TextAnswer.objects.bulk_create(
            [TextAnswer(response=response, question_id=qid, text=text) for qid, text in prepared.texts]
        )
        if mode == Response.PAPER:
            participation, _ = SchoolParticipation.objects.get_or_create(edition=edition, school=school)
            if participation.status != SchoolParticipation.PARTICIPATED:
                before = participation.status
                participation.status = SchoolParticipation.PARTICIPATED
                participation.save(update_fields=["status"])
                record_change(
                    user=user,
                    obj=participation,
                    action="status",
                    summary=f"{school} took part in {edition.title} (paper questionnaires)",
                    before={"status": before},
                    after={"status": participation.status},
                )
            record_change(
                user=user,
                obj=participation,
                action="paper_entered",
                summary=f"Paper questionnaire typed in for {school} ({edition.title})",
            )
    return response


def record_responses(edition: Edition, prepared: Iterable[PreparedResponse]) -> int:
    """Save many prepared responses at once (the generator's path); returns how many. On
    PostgreSQL the rows are streamed with COPY, which is many times faster than INSERT."""
    count = 0
    batch: list[PreparedResponse] = []
    write = _copy if connection.vendor == "postgresql" else _bulk_create
    with transaction.atomic():
        for item in prepared:
            if item.response.edition_id != edition.pk:
                raise ValueError("a response for another edition")
            batch.append(item)
            count += 1
            if len(batch) >= BATCH:
                write(batch)
                batch.clear()
        if batch:
            write(batch)
    return count


def _bulk_create(batch: list[PreparedResponse]) -> None:
    Response.objects.bulk_create([p.response for p in batch], batch_size=BATCH)
    TextAnswer.objects.bulk_create(
        [TextAnswer(response=p.response, question_id=qid, text=t) for p in batch for qid, t in p.texts],
        batch_size=BATCH,
    )


def _copy(batch: list[PreparedResponse]) -> None:
    columns = ["id", "edition_id", "school_id", "mode", "completed_on", "gender", "ethnic_group", "codes"]
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY {Response._meta.db_table} ({', '.join(columns)}) FROM STDIN") as copy:
            for p in batch:
                r = p.response
                copy.write_row(
                    (
                        r.id,
                        r.edition_id,
                        r.school_id,
                        r.mode,
                        r.completed_on,
                        r.gender,
                        r.ethnic_group,
                        r.codes,
                    )
                )
        texts = [(uuid.uuid4(), p.response.id, qid, t) for p in batch for qid, t in p.texts]
        if texts:
            with cursor.copy(
                f"COPY {TextAnswer._meta.db_table} (id, response_id, question_id, text) FROM STDIN"
            ) as copy:
                for row in texts:
                    copy.write_row(row)


def respondents_by_school(edition: Edition) -> dict[int, int]:
    """How many responses each school has in the edition (school id -> count)."""
    from django.db.models import Count

    rows = Response.objects.filter(edition=edition).values("school").annotate(n=Count("id")).order_by()
    return {row["school"]: row["n"] for row in rows}
