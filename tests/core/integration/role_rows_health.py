"""/healthz's rows of the role matrix (see test_role_matrix.py): the same answer for every role,
signed in or not (decision 0125); it takes no POST."""

from tests.roles import ROLES

ROWS: list = [
    # No worker beats in the test database: 503, the same for everyone (tests/jobs test the 200).
    ("core:healthz", {}, "get", dict.fromkeys(ROLES, 503)),
    ("core:healthz", {}, "post", dict.fromkeys(ROLES, 405)),
]
