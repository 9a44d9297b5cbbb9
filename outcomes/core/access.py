"""Who may see the data-quality page: the performance team (decision 0075). Administrators, who
may do everything, also may; lead officers, viewers and schools see the checks about their own
entries where they enter them, and never this page."""

from django.core.exceptions import PermissionDenied

from outcomes.accounts.roles import is_manager


def reviews_data_quality(user) -> bool:
    return is_manager(user)


def require_data_quality_reviewer(user) -> None:
    if not reviews_data_quality(user):
        raise PermissionDenied("The data-quality checks are for performance officers.")
