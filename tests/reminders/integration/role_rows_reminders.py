"""Rows of the role matrix for the reminders' pages (issue 17; see test_role_matrix.py). Everyone
signed in has their own preferences page; an empty POST shows its errors (200) and changes nothing."""

from tests.roles import SIGNED_IN

ROWS: list = [
    ("reminders:preferences", {}, "get", SIGNED_IN),
    ("reminders:preferences", {}, "post", SIGNED_IN),
]
