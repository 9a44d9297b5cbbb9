from django.urls import reverse

from outcomes.accounts.roles import is_administrator
from outcomes.core.access import reviews_data_quality
from outcomes.governance import access as governance_access
from outcomes.indicators import access as indicator_access
from outcomes.inspections import access as inspection_access
from outcomes.jobs import access as job_access
from outcomes.papers import access as paper_access
from outcomes.plans import access as plan_access
from outcomes.risks import access as risk_access
from outcomes.surveys import access as survey_access


def nav_items(user) -> list[tuple[str, str, str]]:
    """The service navigation for a signed-in user: only what their role may open. Each app's access
    module decides; this list only orders what they allow."""
    if not user.is_authenticated:
        return []
    items = [("home", "Home", reverse("home:home"))]
    if plan_access.can_list_plans(user):
        items.append(("plans", "Plans", reverse("plans:list")))
    if plan_access.is_lead_officer(user):
        items.append(("mine", "My milestones", reverse("plans:my_milestones")))
    if indicator_access.can_read_indicators(user):
        items.append(("indicators", "Indicators", reverse("indicators:list")))
        items.append(("exceptions", "Exceptions", reverse("indicators:exceptions")))
    if indicator_access.can_read_clinics(user):
        items.append(("clinics", "Clinics", reverse("indicators:clinics")))
    if survey_access.manages_surveys(user):
        items.append(("surveys", "Surveys", reverse("surveys:manage")))
    if survey_access.has_results_to_read(user):
        items.append(("results", "Survey results", reverse("surveys:results")))
    if paper_access.reads_papers(user):
        items.append(("papers", "Papers", reverse("papers:list")))
    if governance_access.reads_bodies(user):
        items.append(("governance", "Boards and actions", reverse("governance:list")))
    if inspection_access.reads(user):
        items.append(("inspections", "Inspections", reverse("inspections:list")))
    if risk_access.reads_registers(user):
        items.append(("risks", "Risks", reverse("risks:list")))
    if reviews_data_quality(user):
        items.append(("data_quality", "Data quality", reverse("core:data_quality")))
    if job_access.has_jobs_to_show(user):
        items.append(("jobs", "Jobs", reverse("jobs:list")))
    # A token reads what its owner may read, so everyone signed in may have one.
    items.append(("api", "API", reverse("api:examples")))
    if is_administrator(user):
        items.append(("admin", "Users and organisations", reverse("admin:index")))
    return items
