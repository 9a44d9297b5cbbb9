"""Rows of the role matrix for changing a plan in place (issue 14: structure.py's pages): only plan
managers change a plan. An empty POST shows a form's errors, or a confirmation page, to managers and
changes nothing; a delete of what the demo round has reported on is refused with a message (302)."""

from tests.roles import LED, MANAGERS_ONLY, PLAN, PLAN_READERS, ROLES, ROUND

PRIORITY = {**PLAN, "priority": 1}
ACTION = {**PRIORITY, "label": "i"}
MILESTONE = {**PLAN, **LED}
POST_ONLY = dict.fromkeys(ROLES[1:], 405)
REFUSED_WITH_A_MESSAGE = {**MANAGERS_ONLY, "administrator": 302, "performance_officer": 302}


def demo_evidence() -> int:
    """A case study attached to P1 M26's update in the demo round (made when the row runs)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from outcomes.plans.evidence import attach_evidence, check_upload
    from outcomes.plans.models import Update

    update = Update.objects.get(round__slug="june-2014", milestone__priority__number=1, milestone__number=26)
    upload = SimpleUploadedFile("case-study.pdf", b"%PDF-1.4 a case study")
    return attach_evidence(user=None, update=update, checked=check_upload(upload)).pk


ROWS: list = [
    # An update's evidence file: for whoever may read the round's report; viewers only once a
    # publication lists it (this one was attached after the demo's publication).
    ("plans:evidence", {**ROUND, "pk": demo_evidence}, "get", PLAN_READERS),
    ("plans:plan_edit", PLAN, "get", MANAGERS_ONLY),
    ("plans:plan_edit", PLAN, "post", MANAGERS_ONLY),
    ("plans:plan_delete", PLAN, "get", POST_ONLY),
    ("plans:plan_delete", PLAN, "post", REFUSED_WITH_A_MESSAGE),
    ("plans:round_edit", ROUND, "get", MANAGERS_ONLY),
    ("plans:round_edit", ROUND, "post", MANAGERS_ONLY),
    ("plans:round_delete", ROUND, "get", POST_ONLY),
    ("plans:round_delete", ROUND, "post", REFUSED_WITH_A_MESSAGE),
    ("plans:priority_new", PLAN, "get", MANAGERS_ONLY),
    ("plans:priority_new", PLAN, "post", MANAGERS_ONLY),
    ("plans:priority", PRIORITY, "get", PLAN_READERS),
    ("plans:priority_edit", PRIORITY, "get", MANAGERS_ONLY),
    ("plans:priority_edit", PRIORITY, "post", MANAGERS_ONLY),
    ("plans:priority_retire", PRIORITY, "get", POST_ONLY),
    ("plans:priority_retire", PRIORITY, "post", MANAGERS_ONLY),  # the confirmation page
    ("plans:priority_delete", PRIORITY, "get", POST_ONLY),
    ("plans:priority_delete", PRIORITY, "post", REFUSED_WITH_A_MESSAGE),
    ("plans:action_new", PRIORITY, "get", MANAGERS_ONLY),
    ("plans:action_new", PRIORITY, "post", MANAGERS_ONLY),
    ("plans:action_edit", ACTION, "get", MANAGERS_ONLY),
    ("plans:action_edit", ACTION, "post", MANAGERS_ONLY),
    ("plans:action_move", ACTION, "get", POST_ONLY),
    ("plans:action_move", ACTION, "post", REFUSED_WITH_A_MESSAGE),  # moved, then back to the priority
    ("plans:action_retire", ACTION, "get", POST_ONLY),
    ("plans:action_retire", ACTION, "post", MANAGERS_ONLY),
    ("plans:action_delete", ACTION, "get", POST_ONLY),
    ("plans:action_delete", ACTION, "post", REFUSED_WITH_A_MESSAGE),
    ("plans:milestone_new", PLAN, "get", MANAGERS_ONLY),
    ("plans:milestone_new", PLAN, "post", MANAGERS_ONLY),
    ("plans:milestone_retire", MILESTONE, "get", POST_ONLY),
    ("plans:milestone_retire", MILESTONE, "post", MANAGERS_ONLY),
    ("plans:milestone_delete", MILESTONE, "get", POST_ONLY),
    ("plans:milestone_delete", MILESTONE, "post", REFUSED_WITH_A_MESSAGE),
]
