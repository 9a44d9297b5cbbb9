"""A pupil's questionnaire in progress lives in their (server-side) session
(docs/decisions/0026-pupil-sessions-and-anonymity.md), is forgotten when nobody has answered for a
while (0074-shared-computers-and-sending-order.md) and is sent once, however often Send is pressed
(0071-one-send-one-response.md)."""

import time as clock
from collections.abc import Callable
from datetime import datetime, time, timedelta
from importlib import import_module

from django.conf import settings
from django.utils import timezone

STATE = "survey_pupil"  # the questionnaire in progress: link token, edition revision, answers, pages done
SENT = "survey_sent"  # after sending: the edition's slug, so that a second click finds the thank-you page


def idle_minutes() -> int:
    return int(getattr(settings, "SURVEY_IDLE_MINUTES", 30))


def _now() -> float:
    return clock.time()


def keep_until() -> int:
    """When a questionnaire left alone from now on is forgotten: written with the answers each time
    a page is answered (a write the page makes anyway), to the whole minute."""
    return (int(_now()) // 60 + idle_minutes() + 1) * 60


def timed_out(state: dict) -> bool:
    until = state.get("until")
    return isinstance(until, int) and _now() >= until


def _end_of_today() -> datetime:
    today = timezone.localdate()
    return timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))


def claim(request, edition_slug: str) -> Callable[[], bool]:
    """The single-use token of a questionnaire is its session row holding it. Run inside the saving
    transaction, this locks the row and swaps the questionnaire for the SENT mark; a second Send
    from the same session (a double click, sent at the same instant by another worker) waits for
    the lock, finds the mark and saves nothing. Returns False when the questionnaire is gone."""

    def take() -> bool:
        store = request.session
        if not hasattr(store, "get_model_class") or store.session_key is None:
            return True  # a session engine without rows (not used here: settings keep the database)
        rows = store.get_model_class().objects.select_for_update()
        row = rows.filter(session_key=store.session_key, expire_date__gt=timezone.now()).first()
        if row is None:
            return False
        data = store.decode(row.session_data)
        if not isinstance(data.get(STATE), dict):
            return False
        del data[STATE]
        data[SENT] = edition_slug
        row.session_data = store.encode(data)
        if not request.user.is_authenticated:
            # Kept only for a second click, until midnight: the expiry says the day, not the time.
            row.expire_date = _end_of_today()
        row.save(update_fields=["session_data", "expire_date"])
        return True

    return take


def forget_sent(request, response, edition_slug: str) -> None:
    """After the questionnaire is saved: the session in memory says what its row already says
    (claim wrote it), so it is not written again, and a pupil's browser forgets the cookie. A member
    of staff trying the link keeps their sign-in."""
    request.session.pop(STATE, None)
    request.session[SENT] = edition_slug
    request.session.modified = False
    if not request.user.is_authenticated:
        response.delete_cookie(
            settings.SESSION_COOKIE_NAME,
            path=settings.SESSION_COOKIE_PATH,
            domain=settings.SESSION_COOKIE_DOMAIN,
            samesite=settings.SESSION_COOKIE_SAMESITE,
        )


def clear_expired() -> dict[str, int]:
    """Forget what the sessions need not keep any longer: every session past its expiry, and every
    questionnaire nobody has answered within the idle time (0074), which would otherwise wait in
    its session for the session's own expiry. A member of staff who tried a link keeps their
    sign-in; only the questionnaire goes. Run by the scheduler (surveys/scheduled.py)."""
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    store_class.clear_expired()
    if not hasattr(store_class, "get_model_class"):
        return {"questionnaires": 0}  # sessions kept in the cache forget themselves
    model = store_class.get_model_class()
    store = store_class()
    forgotten = 0
    rows = model.objects.filter(expire_date__gt=timezone.now()).only("session_key", "session_data")
    for row in rows.iterator(chunk_size=500):
        data = store.decode(row.session_data)
        state = data.get(STATE)
        if not (isinstance(state, dict) and timed_out(state)):
            continue
        # Only if the row is as read: a page answered meanwhile has kept the questionnaire alive.
        unchanged = model.objects.filter(session_key=row.session_key, session_data=row.session_data)
        if "_auth_user_id" in data:
            del data[STATE]
            forgotten += unchanged.update(session_data=store.encode(data))
        else:
            forgotten += unchanged.delete()[0]
    return {"questionnaires": forgotten}
