"""The roles of SPEC "Users and what they may do". Pupils are anonymous and have no account."""

from django.db import models


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", "Administrator"
    PERFORMANCE_OFFICER = "performance_officer", "Performance officer"
    LEAD_OFFICER = "lead_officer", "Lead officer"
    VIEWER = "viewer", "Viewer"
    SCHOOL = "school", "School"


MANAGING_ROLES = {Role.ADMINISTRATOR, Role.PERFORMANCE_OFFICER}


def is_manager(user) -> bool:
    """Performance officers and administrators: they set up and run plans, indicators and surveys
    (SPEC "Users and what they may do"). Each app's access module asks this one predicate."""
    return bool(
        user.is_authenticated and user.is_active and (user.role in MANAGING_ROLES or user.is_superuser)
    )


def is_administrator(user) -> bool:
    return bool(
        user.is_authenticated and user.is_active and (user.role == Role.ADMINISTRATOR or user.is_superuser)
    )
