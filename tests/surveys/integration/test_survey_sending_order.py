"""Nothing stored gives the order in which pupils sent their questionnaires: not the keys, not the
rows' physical order, not the day beyond the day (issue 12 item 17, decision 0074)."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from outcomes.surveys.models import Edition, Response, School, TextAnswer
from outcomes.surveys.services import record_response
from tests.surveys.integration.test_survey_pupils import ANSWERS

pytestmark = pytest.mark.django_db
SENDS = 12


def send_in_order() -> list:
    edition = Edition.objects.get(slug="primary-2009")
    school = School.objects.get(code="swinton-brookfield")
    return [record_response(edition, school, {**ANSWERS, "q47": f"Text {n}"}).pk for n in range(SENDS)]


def physical_order(table: str, ids: list) -> list:
    """The given rows in the order the database keeps them."""
    wanted = {str(i).replace("-", "") for i in ids}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT id::text FROM {table} ORDER BY ctid")
        else:
            cursor.execute(f"SELECT id FROM {table}")  # a table scan, in stored order
        found = [str(row[0]).replace("-", "") for row in cursor.fetchall()]
    return [i for i in found if i in wanted]


def as_keys(ids) -> list:
    return [str(i).replace("-", "") for i in ids]


def test_keys_do_not_follow_the_sending_order():
    sent = send_in_order()
    assert sorted(as_keys(sent)) != as_keys(sent)
    texts = list(TextAnswer.objects.filter(response_id__in=sent).values_list("pk", "response_id"))
    by_response = {str(r).replace("-", ""): str(t) for t, r in texts}
    text_keys = [by_response[k] for k in as_keys(sent)]
    assert sorted(text_keys) != text_keys


def test_the_stored_order_of_responses_and_texts_is_not_the_sending_order():
    sent = send_in_order()
    # What the partnership runs each night with clearsessions (README): on PostgreSQL it rewrites the
    # tables in key order; on SQLite the tables are kept in key order already.
    call_command("scatter_responses", verbosity=0)
    assert sorted(physical_order("surveys_response", sent)) == sorted(as_keys(sent))
    assert physical_order("surveys_response", sent) != as_keys(sent)
    text_ids = [TextAnswer.objects.get(response_id=pk).pk for pk in sent]  # one text each, in sending order
    assert physical_order("surveys_textanswer", text_ids) != as_keys(text_ids)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's hidden row numbers")
def test_sqlite_keeps_no_hidden_row_number_for_responses():
    for table in ("surveys_response", "surveys_textanswer"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid FROM {table}")


def test_a_response_keeps_the_day_only():
    (pk, *_) = send_in_order()
    field = Response._meta.get_field("completed_on")
    assert field.get_internal_type() == "DateField"
    assert isinstance(Response.objects.get(pk=pk).completed_on, date)
