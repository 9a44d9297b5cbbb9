"""The scheduled job that clears pupils' sessions (issue 17): a questionnaire nobody has answered
within the idle time goes from the database without waiting for the session's expiry; one being
answered stays; a member of staff who tried a link keeps their sign-in."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from outcomes.core import scheduler
from outcomes.surveys import pupil_sessions
from outcomes.surveys.pupil_sessions import STATE

pytestmark = pytest.mark.django_db
NOW = 1_800_000_000


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    monkeypatch.setattr(pupil_sessions, "_now", lambda: float(NOW))


def session(data: dict, *, expires_in=timedelta(hours=9)) -> str:
    store = SessionStore()
    for key, value in data.items():
        store[key] = value
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() + expires_in)
    return store.session_key


def questionnaire(until: int) -> dict:
    return {"link": "token", "rev": 1, "answers": {"q1": "1"}, "done": [1], "until": until}


def run_job():
    return scheduler.run_job(scheduler.get_job("surveys.clear_pupil_sessions"), force=True)


def test_a_questionnaire_left_past_its_idle_time_is_forgotten():
    left = session({STATE: questionnaire(until=NOW - 60)})
    answering = session({STATE: questionnaire(until=NOW + 600)})
    outcome = run_job()
    assert outcome.state == scheduler.SUCCEEDED
    assert "1 questionnaire left unanswered forgotten" in outcome.message
    assert not Session.objects.filter(session_key=left).exists()
    assert Session.objects.filter(session_key=answering).exists()


def test_staff_who_tried_a_link_keep_their_sign_in(users):
    staff = session(
        {"_auth_user_id": str(users["performance_officer"].pk), STATE: questionnaire(until=NOW - 60)}
    )
    run_job()
    data = SessionStore(session_key=staff).load()
    assert data["_auth_user_id"] == str(users["performance_officer"].pk)
    assert STATE not in data


def test_expired_sessions_go_and_other_sessions_stay(users):
    expired = session({"anything": 1}, expires_in=timedelta(seconds=-1))
    signed_in = session({"_auth_user_id": str(users["viewer"].pk)})
    run_job()
    assert not Session.objects.filter(session_key=expired).exists()
    assert Session.objects.filter(session_key=signed_in).exists()
