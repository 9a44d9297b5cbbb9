from django.urls import reverse

from outcomes.accounts.roles import Role
from outcomes.core.access import reviews_data_quality


def nav_items(user) -> list[tuple[str, str, str]]:
    """The service navigation for a signed-in user: only what their role may open."""
    if not user.is_authenticated:
        return []
    items = [("home", "Home", reverse("core:home"))]
    if user.role == Role.SCHOOL:
        items.append(("results", "Survey results", reverse("surveys:results")))
        return items
    if user.role == Role.LEAD_OFFICER or user.manages_plans:
        items.append(("plans", "Plans", reverse("plans:list")))
    if user.role == Role.LEAD_OFFICER:
        items.append(("mine", "My milestones", reverse("plans:my_milestones")))
    items.append(("indicators", "Indicators", reverse("indicators:list")))
    items.append(("exceptions", "Exceptions", reverse("indicators:exceptions")))
    if user.role == Role.LEAD_OFFICER or user.manages_plans:
        items.append(("clinics", "Clinics", reverse("indicators:clinics")))
    if user.manages_plans:
        items.append(("surveys", "Surveys", reverse("surveys:manage")))
    items.append(("results", "Survey results", reverse("surveys:results")))
    if reviews_data_quality(user):
        items.append(("data_quality", "Data quality", reverse("core:data_quality")))
    if user.role == Role.ADMINISTRATOR or user.is_superuser:
        items.append(("admin", "Users and organisations", reverse("admin:index")))
    return items
