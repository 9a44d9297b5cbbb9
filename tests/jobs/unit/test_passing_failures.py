from django.db import InterfaceError, OperationalError, ProgrammingError

from outcomes.jobs.queue import TryAgain, is_passing


def test_a_locked_or_lost_database_is_a_passing_failure():
    assert is_passing(OperationalError("database is locked"))
    assert is_passing(OperationalError("could not serialize access due to concurrent update"))
    assert is_passing(OperationalError("deadlock detected"))
    assert is_passing(OperationalError("server closed the connection unexpectedly"))
    assert is_passing(InterfaceError("connection already closed"))
    assert is_passing(TryAgain("the mail server does not answer"))


def test_a_mistake_is_not_tried_again():
    assert not is_passing(OperationalError("no such column: value"))
    assert not is_passing(ProgrammingError("syntax error"))
    assert not is_passing(ValueError("The file has no sheet named 'Values'."))
