"""The log filter (core/logs.py, decision 0126): a record leaves it without e-mail or network
addresses, query strings, what was typed into the form or the signed-in person's names, with its
traceback scrubbed too and the request taken off it."""

import logging
import sys

from django.http import QueryDict

from outcomes.core.logs import PersonalDataFilter, scrub


class Person:
    is_authenticated = True
    username = "rparry"
    email = "ron.parry@rotherham.gov.uk"
    first_name = "Ron"
    last_name = "Parry"


class Request:
    def __init__(self, user=None, form: str | None = None):
        if user is not None:
            self._cached_user = user
        if form is not None:
            self._post = QueryDict(form)


def record(message: str, *args, request=None, exc_info=None) -> logging.LogRecord:
    made = logging.LogRecord("outcomes.test", logging.ERROR, __file__, 1, message, args, exc_info)
    if request is not None:
        made.request = request
    return made


def formatted(made: logging.LogRecord) -> str:
    assert PersonalDataFilter().filter(made) is True  # rewritten, never dropped
    return logging.Formatter("%(levelname)s %(message)s").format(made)


def test_email_and_network_addresses_go():
    text = formatted(
        record("Sent to %s from %s and %s", "jane.smith@school.sch.uk", "192.168.4.20", "2001:db8::7")
    )
    assert text == "ERROR Sent to [e-mail] from [address] and [address]"


def test_a_time_and_a_version_are_not_taken_for_addresses():
    assert scrub("trying again at 10:31:07, Django 5.2.19") == "trying again at 10:31:07, Django 5.2.19"


def test_query_strings_go_and_the_path_stays():
    text = formatted(record("Not Found: /people/?name=Jane+Smith&email=x"))
    assert text == "ERROR Not Found: /people/?[query]"


def test_the_signed_in_persons_names_go():
    text = formatted(
        record("Ron Parry (rparry, ron.parry@rotherham.gov.uk) failed", request=Request(Person()))
    )
    assert "Ron" not in text
    assert "Parry" not in text
    assert "rparry" not in text
    assert "rotherham.gov.uk" not in text
    assert text == "ERROR [person] ([person], [person]) failed"


def test_what_was_typed_goes_even_from_a_traceback():
    form = "csrfmiddlewaretoken=tok123&q7=Jane+Smith+is+my+carer&q8=yes&q9=2"
    try:
        raise ValueError("cannot read 'Jane Smith is my carer' for q7 (yes)")
    except ValueError:
        made = record(
            "Internal Server Error: %s", "/s/send/", request=Request(form=form), exc_info=sys.exc_info()
        )
    text = formatted(made)
    assert "Internal Server Error: /s/send/" in text
    assert "Traceback" in text
    assert "ValueError: cannot read '[typed]' for q7 ([typed])" in text
    assert "Jane" not in text
    # The token of the form is not what anyone typed, and one-letter answers are left alone.
    assert made.exc_info is None  # no formatter can render the raw traceback again


def test_the_request_is_taken_off_the_record():
    made = record("Forbidden", request=Request(Person(), form="note=hello+there"))
    formatted(made)
    assert not hasattr(made, "request")


def test_a_request_that_has_not_read_its_user_or_form_is_not_made_to():
    """Reading them here would query the database (maybe the one that failed) or read a body."""

    class Untouched:
        @property
        def user(self):
            raise AssertionError("the filter asked who the user is")

        @property
        def POST(self):
            raise AssertionError("the filter read the form")

    assert formatted(record("Slow page", request=Untouched())) == "ERROR Slow page"
