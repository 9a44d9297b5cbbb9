"""The roles of SPEC "Users and what they may do". Pupils are anonymous and have no account."""

from django.db import models


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", "Administrator"
    PERFORMANCE_OFFICER = "performance_officer", "Performance officer"
    LEAD_OFFICER = "lead_officer", "Lead officer"
    VIEWER = "viewer", "Viewer"
    SCHOOL = "school", "School"


MANAGING_ROLES = {Role.ADMINISTRATOR, Role.PERFORMANCE_OFFICER}
