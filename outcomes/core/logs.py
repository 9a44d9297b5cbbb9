"""Logs without personal data (docs/deployment.md, "Logs"; decision 0126).

Operators need a log: which pages fail, how long they take, why a part of ``/healthz`` failed. What
the log must not hold is who: a person's name, username or e-mail address, a computer's address,
or what anyone typed, least of all a pupil. The code logs no such thing on purpose (the request log
names the address *pattern*, ``/plans/<slug:slug>/``, never the address asked for); this filter is
the net under every handler for what slips through: a message or a traceback that quotes an e-mail
address, a network address, a query string, a value sent in a form, or the signed-in person's own
names. It also takes the request off the record, so that no handler can print its cookies, headers
or form.

gunicorn keeps no access log (gunicorn.conf.py); its error log says when workers start, stop or
time out. Giving it this filter through ``logconfig_dict`` would switch its access log machinery
back on, so it is left as it is.
"""

import logging
import re
import traceback

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])")
# Full eight groups, or a shortened form with "::" (not a time such as 10:31:07).
IPV6 = re.compile(
    r"(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
    r"|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?)(?![\w:])"
)
# A path's query string (a search, a name in a filter, an e-mail in a link): the path stays.
QUERY = re.compile(r"(/[^\s?\"'<>]*)\?[^\s\"'<>]+")
# Values shorter than this are left alone: "1", "no" and "5" are everywhere in a traceback.
SHORTEST_VALUE = 3
NOT_TYPED = {"csrfmiddlewaretoken"}


def typed_values(request) -> list[str]:
    """What was sent in the request's form, if Django has read it already (reading it here could
    fail, or read a body the view meant to stream)."""
    form = getattr(request, "_post", None)
    if form is None or not hasattr(form, "lists"):
        return []
    return [
        value.strip()
        for name, values in form.lists()
        if name not in NOT_TYPED
        for value in values
        if isinstance(value, str) and len(value.strip()) >= SHORTEST_VALUE
    ]


def person_words(request) -> list[str]:
    """The signed-in person's username, names and e-mail address, if the request has already read
    who it is (asking here would query the database, maybe the very database that failed)."""
    user = getattr(request, "_cached_user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    words = [getattr(user, name, "") for name in ("username", "email", "first_name", "last_name")]
    full = " ".join(word for word in words[2:] if word)
    return [word for word in [full, *words] if isinstance(word, str) and len(word) >= SHORTEST_VALUE]


def _replace(text: str, words, mark: str) -> str:
    # Longest first, so that a full name goes before the first name inside it.
    for word in sorted(set(words), key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", mark, text, flags=re.IGNORECASE)
    return text


def scrub(text: str, people=(), typed=()) -> str:
    """``text`` with the person's words (``people``), what was typed (``typed``), e-mail and network
    addresses and query strings replaced by marks saying what stood there."""
    text = _replace(text, people, "[person]")
    text = _replace(text, typed, "[typed]")
    text = EMAIL.sub("[e-mail]", text)
    text = QUERY.sub(r"\1?[query]", text)
    text = IPV4.sub("[address]", text)
    return IPV6.sub(lambda m: m.group(0) if m.group(0) == "::" else "[address]", text)


class PersonalDataFilter(logging.Filter):
    """Rewrites each record it passes without personal data (see the module's text); drops nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        people = person_words(request) if request is not None else []
        typed = typed_values(request) if request is not None else []
        record.msg = scrub(record.getMessage(), people, typed)
        record.args = None
        if record.exc_info:
            # Rendered and scrubbed here, and the live exception dropped, so that no formatter
            # renders the raw traceback again.
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            record.exc_info = None
        if record.exc_text:
            record.exc_text = scrub(record.exc_text, people, typed)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info, people, typed)
        if request is not None:
            delattr(record, "request")
        return True
