"""The surveys_pupils rows of the role matrix (see test_role_matrix.py): (url name, kwargs, method,
{role: expected status}), a role left out expecting a redirect to sign in."""

ROWS: list = []
